// One lead run's state and bookkeeping: its snapshot (what the API answers), the messages it takes,
// recording its progress in Postgres, webhooks, and the rejections and closing every path shares.
// Used by the lead workflow (workflows/lead.ts) and its helpers; workflow code, deterministic.
import {
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  patched,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  uuid4,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { LeadProgress } from '../activities/lead-records.js';
import type { RunAssessment } from '../domain/assessment.js';
import type { WebhookEvent } from '../domain/flow.js';
import type { LeadEvent, LeadStatus, RejectionKind } from '../domain/lead.js';
import type { LeadEvaluation } from '../domain/pipeline.js';
import { event } from './deliveries.js';
import { leadWebhook, sendLeadWebhook } from './notifications.js';
import {
  awaitOutcomeUpdate,
  type LeadSnapshot,
  LeadStatusAttr,
  type LeadWorkflowInput,
  leadStateQuery,
  type ReplayRequest,
  type ReplayResult,
  replayDeliverySignal,
  replayDeliveryUpdate,
} from './shared.js';
import { createStallGuard, LOCAL_RETRY, type StallGuard } from './stall.js';

// Pure decisions and short Postgres writes run as local activities: they complete inside the same
// workflow task, so a lead's bookkeeping costs no extra server round trips. Their retries are finite;
// a step still failing stalls the run visibly instead (workflows/stall.ts).
const localActivities = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: LOCAL_RETRY,
});

export type Rejection = NonNullable<LeadSnapshot['rejection']>;

/** Local activities that record or give back, and decide nothing about the lead's outcome. */
const BOOKKEEPING_STEPS = new Set([
  'recordLeadReceived',
  'recordLeadProgress',
  'releaseCapSlots',
  'releaseDuplicateKeys',
]);

/** A deep copy of plain data (the workflow sandbox's JSON; deterministic). */
const structuredCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
type Patch = Omit<
  LeadProgress,
  'leadId' | 'accountId' | 'flowId' | 'status' | 'reason' | 'decided' | 'events' | 'seq' | 'outcome'
>;

export class LeadRun {
  readonly stalls: StallGuard = createStallGuard();
  /** Local activities, each guarded: a write that keeps failing stalls the run, visibly. */
  readonly local = this.stalls.guard(localActivities);
  readonly snapshot: LeadSnapshot;
  readonly scope: { leadId: string; accountId: string; flowId: string };
  /** A test lead runs every step but sends nothing (older runs, without the marker, sent). */
  readonly testRun: boolean;
  assessment: RunAssessment<LeadEvaluation> | null = null;
  /** What the enhancement steps recorded, by service. */
  readonly enhancements: Record<string, unknown> = {};
  /** What the lead holds and must give back if it does not get through. */
  fingerprintsClaimed = false;
  flowCapsHeld = false;
  /** `<recipient_id>:<outcome>` of each recipient tried (the RecipientOutcomes search attribute). */
  recipientOutcomes: string[] = [];
  /** Operator replays, taken while the lead waits in delivery_failed. */
  readonly replays: ReplayQueue;
  /** The submitter's answer: set once no later step can change the lead's outcome. */
  private decided: boolean;
  /** Events produced between two writes (e.g. "enhanced") are saved with the next one. */
  private readonly unsaved: LeadEvent[] = [];
  private readonly pendingWebhooks: Promise<void>[] = [];

  constructor(readonly input: LeadWorkflowInput) {
    const continued = input.continued;
    this.scope = { leadId: input.leadId, accountId: input.accountId, flowId: input.flowId };
    this.snapshot = continued?.snapshot ?? {
      id: input.leadId,
      flow_id: input.flowId,
      status: 'received',
      reason: null,
      rejection: null,
      created_at: input.receivedAt,
      test_mode: input.testMode,
      events: [],
      quality_score: null,
      quality_metrics: null,
      pricing: { amount: 0, currency: 'USD' },
      revenue: 0,
    };
    this.decided = continued !== undefined;
    this.replays = new ReplayQueue(this.snapshot, continued !== undefined, continued?.answeredReplays);
    setHandler(leadStateQuery, () => this.snapshot);
    setHandler(awaitOutcomeUpdate, async () => {
      await condition(() => this.decided);
      return this.snapshot;
    });
    this.testRun = input.testMode && patched('test-mode-sends-nothing');
    if (continued) {
      this.assessment = continued.assessment as RunAssessment<LeadEvaluation>;
      this.flowCapsHeld = continued.flowCapsHeld;
      this.recipientOutcomes = continued.recipientOutcomes;
    }
  }

  /** Sends the flow's webhook for `type` (not for test leads); the run waits for it before closing. */
  notify(type: WebhookEvent, data: Record<string, unknown>): void {
    if (this.testRun) return;
    // Once evaluated, the lead is read by id when the webhook is sent (its stored normal values, the
    // real values of sensitive fields laid over them); lead.received carries the lead as submitted.
    const assessment = this.assessment;
    const byId = assessment !== null && !assessment.legacy;
    const lead = assessment ? assessment.legacy?.normalized : this.input.lead;
    const request = leadWebhook(
      this.input.flow.settings.notifications,
      this.scope,
      type,
      { ...(lead ? { lead } : {}), quality_score: this.snapshot.quality_score, ...data },
      byId ? { sensitive: assessment.sensitive } : undefined,
    );
    if (request) this.pendingWebhooks.push(sendLeadWebhook(request));
  }

  notifyDelivered(e: LeadEvent): void {
    this.notify('lead.delivered', {
      recipient: { id: e.recipient_id, name: e.recipient },
      delivery_time_ms: e.duration_ms ?? null,
    });
  }

  /** Holds an event to save with the next write. */
  note(e: LeadEvent): void {
    this.unsaved.push(e);
  }

  /** Moves the lead to `status` and writes it (with the events held since the last write). */
  async record(
    status: LeadStatus,
    reason: string | null,
    newEvents: LeadEvent[],
    final: boolean,
    patch: Patch = {},
  ): Promise<void> {
    const events = [...this.unsaved.splice(0), ...newEvents];
    this.snapshot.status = status;
    this.snapshot.reason = reason;
    this.snapshot.events.push(...events);
    upsertSearchAttributes([{ key: LeadStatusAttr, value: status }]);
    setCurrentDetails(`**${status}**${reason ? `: ${reason}` : ''}`);
    // The write's step number: the lead's event count, which grows with every write and goes on
    // across continue-as-new (it is in the snapshot), so a late stale attempt cannot move it back.
    const seq = this.snapshot.events.length;
    await this.local.recordLeadProgress({
      ...this.scope,
      status,
      reason,
      decided: final,
      events,
      seq,
      ...patch,
      // What the outcome update answers, handed to a submitter waiting where this write runs (an
      // eager start in the API's process; a local activity's input is not recorded in history): a
      // copy, taken now. Null when a local result this task depends on is not in history yet: the
      // submitter then asks the run, which answers once this task is recorded.
      ...(final && !this.decided
        ? { outcome: this.decidedOnRecordedResults() ? structuredCopy(this.snapshot) : null }
        : {}),
    });
    this.decided ||= final;
  }

  /**
   * Whether the outcome rests only on results already in history: no local activity that decides
   * anything (a claim, a cap, a lookup) answered in this workflow task. The run's own bookkeeping
   * writes decide nothing.
   */
  private decidedOnRecordedResults(): boolean {
    return this.stalls.settledInThisTask().every((step) => BOOKKEEPING_STEPS.has(step));
  }

  /** What the evaluation adds to a write: quality, enhancements, cost (and older runs' lead). */
  evaluatedPatch(): Patch {
    const assessment = this.assessment;
    if (!assessment) return {};
    return {
      // Older runs store the evaluated lead here (sensitive fields masked; evaluations recorded
      // before `storable` existed have none); assessLead stores it itself.
      ...(assessment.legacy
        ? {
            normalized: assessment.legacy.storable?.normalized ?? assessment.legacy.normalized,
            fields: assessment.legacy.storable?.fields,
          }
        : {}),
      qualityMetrics: this.snapshot.quality_metrics ?? undefined,
      qualityScore: this.snapshot.quality_score,
      enhancements: this.enhancements,
      cost: this.snapshot.pricing.amount,
    };
  }

  /** Rejects the lead: gives back what it holds, records why, and closes the run. */
  async reject(kind: RejectionKind, reason: string, extra: Partial<Rejection> = {}): Promise<LeadSnapshot> {
    this.snapshot.rejection = { kind, reason, errors: [], ...extra };
    if (this.fingerprintsClaimed) await this.local.releaseDuplicateKeys(this.input.leadId);
    await this.releaseFlowCaps();
    this.snapshot.pricing.amount = 0; // a rejected lead is not bought
    const details = {
      kind,
      ...(extra.errors?.length ? { errors: extra.errors } : {}),
      ...(extra.duplicate_of ? { duplicate_of: extra.duplicate_of } : {}),
      ...extra.details,
    };
    await this.record('rejected', reason, [event('rejected', 'failure', { reason, details })], true, {
      ...this.evaluatedPatch(),
      rejectionKind: kind,
      cost: 0,
    });
    this.notify('lead.rejected', { reason, rejection: kind });
    return this.finish();
  }

  /** Gives the flow's cap slots back (a lead that is not delivered does not count against them). */
  async releaseFlowCaps(): Promise<void> {
    if (this.flowCapsHeld) await this.local.releaseCapSlots(this.input.leadId, `flow:${this.input.flowId}:`);
  }

  /** Waits for the webhooks sent (done or given up), without closing the run. */
  async webhooksSent(): Promise<void> {
    await Promise.all(this.pendingWebhooks);
  }

  /** Closes the run once its webhooks are sent and pending updates have returned. */
  async finish(): Promise<LeadSnapshot> {
    // Webhooks were started without blocking the outcome; the run closes once they are done or given up.
    await this.webhooksSent();
    // Let pending updates (await-outcome, replay-delivery) return before the run closes.
    await condition(allHandlersFinished);
    return this.snapshot;
  }
}

/**
 * Replays asked for while the lead waits in delivery_failed: by update (each waits for its own
 * result) or by signal (fire-and-forget). Refused by the update's validator at any other time.
 */
export class ReplayQueue {
  private waiting: boolean;
  private readonly queue: Array<{ id: string; request: ReplayRequest }> = [];
  private readonly results = new Map<string, ReplayResult>();
  /**
   * Answers by update id, this run's and those the runs before it handed on. Temporal deduplicates an
   * update id within one run only: a caller retrying a replay after the run continued as new gets the
   * answer it missed instead of a second replay.
   */
  private readonly answeredUpdates: Map<string, ReplayResult>;

  constructor(snapshot: LeadSnapshot, waiting: boolean, answered: Array<[string, ReplayResult]> = []) {
    this.waiting = waiting;
    this.answeredUpdates = new Map(answered);
    const earlierAnswer = () => {
      const updateId = currentUpdateInfo()?.id;
      return updateId === undefined ? undefined : this.answeredUpdates.get(updateId);
    };
    setHandler(
      replayDeliveryUpdate,
      async (request) => {
        const earlier = earlierAnswer();
        if (earlier) return earlier;
        const id = uuid4();
        this.queue.push({ id, request });
        await condition(() => this.results.has(id));
        const result = this.results.get(id)!;
        const updateId = currentUpdateInfo()?.id;
        if (updateId !== undefined) this.answeredUpdates.set(updateId, result);
        return result;
      },
      {
        validator: (_request: ReplayRequest) => {
          if (!this.waiting && !earlierAnswer()) {
            throw new Error(`Lead is ${snapshot.status}, not waiting for a replay`);
          }
        },
      },
    );
    setHandler(replayDeliverySignal, (request) => {
      if (this.waiting) this.queue.push({ id: uuid4(), request: { requestedBy: 'signal', ...request } });
    });
  }

  /** The latest answers by update id, for the next run to recognise retries (bounded: input size). */
  answeredForNextRun(limit = 100): Array<[string, ReplayResult]> {
    return [...this.answeredUpdates].slice(-limit);
  }

  open(): void {
    this.waiting = true;
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  next(): { id: string; request: ReplayRequest } {
    return this.queue.shift()!;
  }

  answer(id: string, result: ReplayResult): void {
    this.results.set(id, result);
  }

  /** Stops taking replays; those still queued get `result` (nothing was attempted for them). */
  close(result: (id: string) => ReplayResult): void {
    this.waiting = false;
    for (const { id } of this.queue.splice(0)) this.results.set(id, result(id));
  }
}
