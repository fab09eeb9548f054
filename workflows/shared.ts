// The one module that names Temporal things: task queues, search attributes, and the messages
// (queries, updates, signals) the API and operators send to workflows. Imported by workflows,
// the worker, the API and the dev launcher alike.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { RunAssessment } from '../domain/assessment.js';
import type { FlowConfig } from '../domain/flow.js';
import type { FieldError, LeadEvent, LeadFields, LeadStatus, RejectionKind } from '../domain/lead.js';

export const DEFAULT_TASK_QUEUES = {
  leads: 'leadrail-leads',
  intent: 'leadrail-intent',
} as const;

export const LeadStatusAttr = defineSearchAttributeKey('LeadStatus', SearchAttributeType.KEYWORD);
export const FlowIdAttr = defineSearchAttributeKey('FlowId', SearchAttributeType.KEYWORD);
export const SourceAttr = defineSearchAttributeKey('Source', SearchAttributeType.KEYWORD);
export const AccountIdAttr = defineSearchAttributeKey('AccountId', SearchAttributeType.KEYWORD);
export const ExternalIdAttr = defineSearchAttributeKey('ExternalId', SearchAttributeType.KEYWORD);
/** On redelivery runs: the lead they redeliver. */
export const LeadIdAttr = defineSearchAttributeKey('LeadId', SearchAttributeType.KEYWORD);
/** `<recipient_id>:<outcome>` for each delivery attempt's final outcome, e.g. `rcp_..:delivered`. */
export const RecipientOutcomesAttr = defineSearchAttributeKey(
  'RecipientOutcomes',
  SearchAttributeType.KEYWORD_LIST,
);

/** On intent query runs that answer several queries at once (coalesced): each query's id. */
export const IntentQueryIdsAttr = defineSearchAttributeKey(
  'IntentQueryIds',
  SearchAttributeType.KEYWORD_LIST,
);

/**
 * Set while a run is stalled: a bookkeeping step (a Postgres write) kept failing after its retries. The
 * value names the step; the run retries on its own, or at once on the `resume-processing` signal.
 */
export const StalledStepAttr = defineSearchAttributeKey('StalledStep', SearchAttributeType.KEYWORD);

/** Every custom search attribute; the dev launcher and test harness register exactly these. */
export const SEARCH_ATTRIBUTES = [
  LeadStatusAttr,
  FlowIdAttr,
  SourceAttr,
  AccountIdAttr,
  ExternalIdAttr,
  RecipientOutcomesAttr,
  LeadIdAttr,
  StalledStepAttr,
  IntentQueryIdsAttr,
];

export interface LeadWorkflowInput {
  leadId: string;
  accountId: string;
  flowId: string;
  flowVersion: number;
  /** Snapshot of the flow version the lead arrived under; later flow edits do not affect this run. */
  flow: FlowConfig;
  lead: LeadFields;
  source: string | null;
  /** The publisher source (sources table) the lead came from; absent on runs started before sources. */
  sourceId?: string | null;
  campaign: string | null;
  externalId: string | null;
  testMode: boolean;
  receivedAt: string;
  /** Set on a run continued as new while the lead waits for replays: where the last run stopped. */
  continued?: ContinuedLeadRun;
  /** Replays one run takes before continuing as new (default in workflows/lead-replays.ts; tests lower it). */
  replaysPerRun?: number;
}

/** A lead waiting in delivery_failed for an operator's replay. */
export interface LeadReplayWait {
  /** When the replay window ends (epoch milliseconds). */
  replayWindowEndsAt: number;
  /** Recipients that have the lead (a replay skips them unless forced). */
  deliveredTo: string[];
  /** Replays taken so far (they number forced deliveries' idempotency keys). */
  replayCount: number;
}

/** All a lead run waiting for replays needs to go on in a new run. */
export interface ContinuedLeadRun extends LeadReplayWait {
  snapshot: LeadSnapshot;
  /** `<recipient_id>:<outcome>`, as in the RecipientOutcomes search attribute. */
  recipientOutcomes: string[];
  assessment: RunAssessment;
  flowCapsHeld: boolean;
  /** Replay answers by update id, so a retried update after continue-as-new is not replayed again. */
  answeredReplays?: Array<[string, ReplayResult]>;
}

/** What the API answers for a lead: the documented submit response plus the decision details. */
export interface LeadSnapshot {
  id: string;
  flow_id: string;
  status: LeadStatus;
  reason: string | null;
  /** Set when rejected: why, and the per-field errors of a validation rejection. */
  rejection: {
    kind: RejectionKind;
    reason: string;
    errors: FieldError[];
    duplicate_of?: string;
    details?: Record<string, unknown>;
  } | null;
  created_at: string;
  test_mode: boolean;
  events: LeadEvent[];
  quality_score: number | null;
  quality_metrics: {
    overall_score: number;
    completeness: number;
    accuracy: number;
    fraud_risk: number;
  } | null;
  /** The purchase price of the lead (its cost); sale prices are per delivery event. */
  pricing: { amount: number; currency: 'USD' };
  revenue: number;
}

export const leadStateQuery = defineQuery<LeadSnapshot>('lead-state');

/** Completes when the lead's outcome is decided; used with update-with-start for synchronous submits. */
export const awaitOutcomeUpdate = defineUpdate<LeadSnapshot>('await-outcome');

/** An operator's request to send a failed lead again. */
export interface ReplayRequest {
  /** Who asked (an API key id, `cli:<name>`, `temporal-ui`...), recorded on the lead's events. */
  requestedBy?: string;
  /** Only this recipient; by default every recipient the lead was not delivered to. */
  recipientId?: string | null;
  /** Deliver again even to a recipient that already has the lead (recorded as forced). */
  force?: boolean;
  /** Send to this URL instead of the recipient's (e.g. the buyer moved their endpoint). */
  urlOverride?: string | null;
  /** Names this replay (the API's Idempotency-Key or request id), recorded on its `replayed` event. */
  replayId?: string | null;
}

export interface ReplayResult {
  lead_id: string;
  status: LeadStatus;
  attempts: Array<{
    recipient_id: string;
    outcome: 'success' | 'failure' | 'error' | 'skip';
    reason: string | null;
    response_code: number | null;
    forced: boolean;
  }>;
}

/** Replays failed deliveries of a lead waiting in `delivery_failed`, answering the new outcome. */
export const replayDeliveryUpdate = defineUpdate<ReplayResult, [ReplayRequest]>('replay-delivery');
/** The same, fire-and-forget: for the Temporal UI and `temporal workflow signal` (single or batch). */
export const replayDeliverySignal = defineSignal<[ReplayRequest]>('replay-delivery');

export interface RedeliveryInput {
  leadId: string;
  accountId: string;
  request: ReplayRequest;
}

export interface BulkReplayInput {
  accountId: string;
  filter: {
    flowId: string;
    recipientId: string | null;
    createdAfter: string | null;
    createdBefore: string | null;
    reasonContains: string | null;
  };
  ratePerSecond: number;
  force: boolean;
  requestedBy: string;
  /** Carried across continue-as-new. */
  progress?: BulkReplayProgress;
}

export interface BulkReplayProgress {
  status: 'running' | 'completed' | 'cancelled';
  processed: number;
  delivered: number;
  still_failed: number;
  skipped: number;
  errors: number;
  cursor: string | null;
  started_at: string;
  finished_at: string | null;
}

export const bulkReplayProgressQuery = defineQuery<BulkReplayProgress>('bulk-replay-progress');

/** Retry a stalled run's step now (Temporal UI or `temporal workflow signal --name resume-processing`). */
export const resumeProcessingSignal = defineSignal('resume-processing');
