import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { WebhookRequest } from '../activities/webhooks.js';
import type { FeedbackInput } from '../db/feedback.js';
import { sendLeadWebhook } from './notifications.js';
import { createStallGuard, LOCAL_RETRY } from './stall.js';

const localActivities = proxyLocalActivities<Activities>({ startToCloseTimeout: '10s', retry: LOCAL_RETRY });

export interface FeedbackWorkflowInput {
  feedback: FeedbackInput;
  /** lead.converted, when the flow subscribes to it. */
  webhook: WebhookRequest | null;
}

/**
 * A buyer's conversion or return. Its workflow id names the lead, recipient and type, so a repeated
 * request joins this run or reads its result: the feedback counts once and its webhook fires once,
 * whether the API crashed between the two or the client retried.
 */
export async function feedbackWorkflow(
  input: FeedbackWorkflowInput,
): Promise<'recorded' | 'already_recorded'> {
  const local = createStallGuard().guard(localActivities);
  const result = await local.recordLeadFeedback(input.feedback);
  if (result === 'recorded' && input.webhook) await sendLeadWebhook(input.webhook);
  return result;
}
