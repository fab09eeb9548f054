// Recording a buyer's conversion or return: once per lead, type and recipient, by a feedback workflow
// whose id says which (the API writes no lead state itself).
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { WebhookRequest } from '../activities/webhooks.js';
import { type FeedbackInput, findFeedback } from '../db/feedback.js';
import { findFlow } from '../db/flows.js';
import { findLead, listLeadEvents } from '../db/leads.js';
import type { Pool } from '../db/pool.js';
import type { LeadEvent } from '../domain/lead.js';
import { subscribedWebhookUrl } from '../domain/webhooks.js';
import { newId } from '../lib/ids.js';
import type { feedbackWorkflow } from '../workflows/feedback.js';
import { ApiError, notFound } from './errors.js';

export interface FeedbackRequest {
  type: 'conversion' | 'return';
  recipient_id?: string;
  reason?: string;
}

type StoredFeedback = NonNullable<Awaited<ReturnType<typeof findFeedback>>>;

/**
 * Records the feedback and answers what is stored: this request's, or (`first: false`) the same
 * feedback recorded earlier, unchanged.
 */
export async function recordFeedback(
  { pool, temporal, taskQueue }: { pool: Pool; temporal: Client; taskQueue: string },
  accountId: string,
  leadId: string,
  body: FeedbackRequest,
): Promise<{ stored: StoredFeedback; recipientId: string | null; first: boolean }> {
  const lead = await findLead(pool, accountId, leadId);
  if (!lead) throw notFound('Lead');
  const delivery = deliveryOf(await listLeadEvents(pool, leadId), body.recipient_id);
  const recipientId = delivery.recipient_id ?? null;
  const feedback: FeedbackInput = {
    eventId: newId('evt'),
    leadId,
    accountId,
    flowId: lead.flow_id,
    type: body.type,
    recipientId,
    reason: body.reason ?? null,
    amount: body.type === 'return' ? Number(delivery.details?.price ?? 0) : 0,
    at: new Date().toISOString(),
  };
  const webhook =
    body.type === 'conversion' ? await conversionWebhook(pool, accountId, lead, delivery, feedback) : null;
  try {
    await temporal.workflow.execute<typeof feedbackWorkflow>('feedbackWorkflow', {
      taskQueue,
      // A retried or repeated request joins this run (or reads its result) and counts once.
      workflowId: `${leadId}-feedback-${body.type}-${recipientId ?? 'none'}`,
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      staticSummary: `${body.type} of ${leadId}`,
      args: [{ feedback, webhook }],
    });
  } catch (err) {
    // The same feedback's run already closed: what it recorded is read below.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  const stored = await findFeedback(pool, leadId, body.type, recipientId);
  if (!stored) throw new Error(`Feedback of ${leadId} not found after it was recorded`);
  return { stored, recipientId, first: stored.id === feedback.eventId };
}

/**
 * The delivery the feedback is about: the named recipient's, or that of the lead's only recipient. A
 * recipient's first delivery is its sale; a forced copy sent it later is not another one.
 */
function deliveryOf(events: LeadEvent[], recipientId: string | undefined): LeadEvent {
  const deliveries = events.filter((e) => e.type === 'delivered');
  const recipients = new Set(deliveries.map((e) => e.recipient_id));
  const delivery = recipientId
    ? deliveries.find((e) => e.recipient_id === recipientId)
    : recipients.size === 1
      ? deliveries[0]
      : undefined;
  if (delivery) return delivery;
  // Well formed, but this lead's state needs more: 422, like not_delivered below.
  if (!recipientId && recipients.size > 1) {
    throw new ApiError(422, 'recipient_required', 'The lead went to several recipients: say which', [
      {
        field: 'recipient_id',
        code: 'missing_required',
        message: 'The lead went to several recipients: say which',
      },
    ]);
  }
  throw new ApiError(422, 'not_delivered', 'The lead was not delivered to that recipient');
}

/** The lead.converted webhook of a conversion, when the lead's flow subscribes to it. */
async function conversionWebhook(
  pool: Pool,
  accountId: string,
  lead: NonNullable<Awaited<ReturnType<typeof findLead>>>,
  delivery: LeadEvent,
  feedback: FeedbackInput,
): Promise<WebhookRequest | null> {
  const flow = await findFlow(pool, accountId, lead.flow_id);
  const url = subscribedWebhookUrl(flow?.config.settings.notifications, 'lead.converted');
  if (!url) return null;
  return {
    deliveryId: newId('whk'),
    accountId,
    flowId: lead.flow_id,
    leadId: lead.id,
    url,
    event: 'lead.converted',
    occurredAt: feedback.at,
    // The lead (as stored) is read when the webhook is sent, not carried in the run's input.
    leadFromStore: {},
    data: {
      recipient: { id: delivery.recipient_id, name: delivery.recipient },
      quality_score: lead.quality_score,
      reason: feedback.reason,
    },
  };
}
