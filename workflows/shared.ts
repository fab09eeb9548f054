// The one module that names Temporal things: task queues, search attributes, and the messages
// (queries, updates, signals) the API and operators send to workflows. Imported by workflows,
// the worker, the API and the dev launcher alike.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
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
/** `<recipient_id>:<outcome>` for each delivery attempt's final outcome, e.g. `rcp_..:delivered`. */
export const RecipientOutcomesAttr = defineSearchAttributeKey(
  'RecipientOutcomes',
  SearchAttributeType.KEYWORD_LIST,
);

/** Every custom search attribute; the dev launcher and test harness register exactly these. */
export const SEARCH_ATTRIBUTES = [
  LeadStatusAttr,
  FlowIdAttr,
  SourceAttr,
  AccountIdAttr,
  ExternalIdAttr,
  RecipientOutcomesAttr,
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
  campaign: string | null;
  externalId: string | null;
  testMode: boolean;
  receivedAt: string;
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
