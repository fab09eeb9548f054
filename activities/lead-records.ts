import { type FeedbackInput, recordFeedback } from '../db/feedback.js';
import {
  insertLeadWithEvents,
  type LeadPatch,
  loadRedeliverySource,
  type RedeliverySource,
  updateLeadWithEvents,
} from '../db/leads.js';
import type { Pool } from '../db/pool.js';
import { maskSensitiveInput } from '../domain/fields/index.js';
import type { LeadEvent } from '../domain/lead.js';
import { fieldDefinitions } from '../domain/pipeline.js';
import { leadTransitions } from '../lib/metrics.js';
import type { LeadSnapshot, LeadWorkflowInput } from '../workflows/shared.js';

export interface LeadProgress extends LeadPatch {
  leadId: string;
  accountId: string;
  flowId: string;
  events: LeadEvent[];
  /**
   * On the run's first decided write: the run's snapshot, for a submitter waiting in this process; null
   * when the outcome rests on a result not yet in history (the submitter asks the run instead).
   */
  outcome?: LeadSnapshot | null;
}

/** Told of a lead's decided write once it is in Postgres: its snapshot, or null (ask the run). */
export type OnLeadDecided = (leadId: string, snapshot: LeadSnapshot | null) => void;

// Every write is idempotent (ids chosen by the workflow, ON CONFLICT DO NOTHING), so Temporal can
// retry these activities freely and each event still lands exactly once.
export function createLeadRecordActivities({
  pool,
  onLeadDecided,
}: {
  pool: Pool;
  onLeadDecided?: OnLeadDecided;
}) {
  return {
    /** A buyer's conversion or return, once per lead, recipient and type (see db/feedback.ts). */
    async recordLeadFeedback(input: FeedbackInput): Promise<'recorded' | 'already_recorded'> {
      return recordFeedback(pool, input);
    },

    async recordLeadReceived(input: LeadWorkflowInput, event: LeadEvent): Promise<void> {
      await insertLeadWithEvents(
        pool,
        {
          id: input.leadId,
          accountId: input.accountId,
          flowId: input.flowId,
          flowVersion: input.flowVersion,
          status: 'received',
          source: input.source,
          sourceId: input.sourceId ?? null,
          campaign: input.campaign,
          externalId: input.externalId,
          testMode: input.testMode,
          // Sensitive values (ssn, credential) are masked before they reach Postgres.
          leadData: maskSensitiveInput(fieldDefinitions(input.flow), input.lead),
          createdAt: input.receivedAt,
        },
        [event],
      );
    },

    /** A closed lead, for a redelivery run. Dates travel as ISO strings. */
    async loadLeadForRedelivery(accountId: string, leadId: string): Promise<RedeliverySource | null> {
      return loadRedeliverySource(pool, accountId, leadId);
    },

    /** The same without the lead's data: the redelivery reads it by id where it needs it. */
    async loadRedeliveryContext(accountId: string, leadId: string): Promise<RedeliverySource | null> {
      return loadRedeliverySource(pool, accountId, leadId, { withoutLeadData: true });
    },

    async recordLeadProgress(progress: LeadProgress): Promise<void> {
      await updateLeadWithEvents(pool, progress, progress, progress.events);
      if (progress.decided)
        leadTransitions.inc({ status: progress.status, rejection: progress.rejectionKind ?? '' });
      if (progress.outcome !== undefined) onLeadDecided?.(progress.leadId, progress.outcome);
    },
  };
}
