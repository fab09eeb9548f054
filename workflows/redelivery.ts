import {
  ApplicationFailure,
  patched,
  proxyLocalActivities,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { fromLegacyEvaluation, type RunAssessment } from '../domain/assessment.js';
import type { LeadEvent } from '../domain/lead.js';
import { revenueOf, roundMoney } from '../domain/lead-outcome.js';
import type { LeadEvaluation } from '../domain/pipeline.js';
import { type DeliveryContext, replayDeliveries } from './deliveries.js';
import { leadWebhook, sendLeadWebhook } from './notifications.js';
import { LeadStatusAttr, type RedeliveryInput, type ReplayResult } from './shared.js';
import { createStallGuard, LOCAL_RETRY } from './stall.js';

const localActivities = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: LOCAL_RETRY,
});

/**
 * Replays a lead whose own run has closed (its replay window ended): a new run, linked to the lead by
 * its `LeadId` search attribute and by a `replayed` event on the lead. The lead is re-evaluated against
 * the flow version it arrived under, so its recipients and caps are the same as the first time.
 */
export async function redeliveryWorkflow(input: RedeliveryInput): Promise<ReplayResult> {
  const stalls = createStallGuard();
  const local = stalls.guard(localActivities);
  // The lead is read by id where it is needed, so this run's history keeps no copy of it; runs
  // recorded before that loaded and evaluated it whole (docs/workflow-versioning.md).
  const byId = patched('lead-data-by-id');
  const source = byId
    ? await local.loadRedeliveryContext(input.accountId, input.leadId)
    : await local.loadLeadForRedelivery(input.accountId, input.leadId);
  if (!source) throw ApplicationFailure.nonRetryable(`Lead ${input.leadId} not found`, 'LeadNotFound');
  const { lead } = source;
  const receivedAt = new Date(lead.created_at).toISOString();
  const evaluationInput = {
    flow: source.flowConfig,
    source: lead.source,
    campaign: lead.campaign,
    receivedAt,
  };
  const evaluation: RunAssessment<LeadEvaluation> = byId
    ? await local.assessLead({
        ...evaluationInput,
        leadId: lead.id,
        accountId: lead.account_id,
        store: false,
      })
    : fromLegacyEvaluation(await local.evaluateLead({ ...evaluationInput, lead: lead.lead_data }));
  const ctx: DeliveryContext = {
    stalls,
    leadId: lead.id,
    accountId: lead.account_id,
    flowId: lead.flow_id,
    flow: source.flowConfig,
    testMode: lead.test_mode,
    source: lead.source,
    campaign: lead.campaign,
    receivedAt,
    assessment: evaluation,
    lead: null,
  };
  const replayed = await replayDeliveries(
    ctx,
    input.request,
    new Set(source.deliveredTo),
    source.replayCount + 1,
  );
  const events: LeadEvent[] = replayed.events.map((e) =>
    e.type === 'replayed'
      ? { ...e, details: { ...e.details, redelivery_run: workflowInfo().workflowId } }
      : e,
  );
  const delivered = source.deliveredTo.length > 0 || events.some((e) => e.type === 'delivered');
  const status = delivered ? 'delivered' : lead.status;
  upsertSearchAttributes([{ key: LeadStatusAttr, value: status }]);
  await local.recordLeadProgress({
    leadId: lead.id,
    accountId: lead.account_id,
    flowId: lead.flow_id,
    status,
    reason: delivered ? null : lead.reason,
    decided: true,
    events,
    revenue: roundMoney(Number(lead.revenue) + revenueOf(events)),
    // After every write of the lead's own run (rows loaded before the column existed have none).
    seq: lead.progress_seq === undefined ? undefined : lead.progress_seq + 1,
  });
  // Runs recorded before redeliveries sent webhooks replay without them (docs/workflow-versioning.md).
  if (patched('redelivery-webhooks')) {
    const scope = { accountId: lead.account_id, flowId: lead.flow_id, leadId: lead.id };
    const sends = events
      .filter((e) => e.type === 'delivered')
      .map((e) =>
        leadWebhook(
          source.flowConfig.settings.notifications,
          scope,
          'lead.delivered',
          {
            ...(evaluation.legacy ? { lead: evaluation.legacy.normalized } : {}),
            quality_score: lead.quality_score,
            recipient: { id: e.recipient_id, name: e.recipient },
            delivery_time_ms: e.duration_ms ?? null,
          },
          // The stored lead, as redeliveries send it (sensitive fields masked).
          evaluation.legacy ? undefined : {},
        ),
      )
      .flatMap((request) => (request ? [sendLeadWebhook(request)] : []));
    await Promise.all(sends);
  }
  return { lead_id: lead.id, status, attempts: replayed.attempts };
}
