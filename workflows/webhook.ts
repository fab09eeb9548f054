import { ActivityFailure, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { WebhookRequest } from '../activities/webhooks.js';
import { LOCAL_RETRY } from './stall.js';

const { sendWebhook } = proxyActivities<Activities>({
  startToCloseTimeout: '15s',
  summary: 'send webhook',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '5m', maximumAttempts: 10 },
});
const { markWebhookFailed } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: LOCAL_RETRY,
});

/** One webhook outside a lead run (e.g. lead.converted from feedback), retried durably by Temporal. */
export async function webhookWorkflow(request: WebhookRequest): Promise<'delivered' | 'failed'> {
  try {
    await sendWebhook(request);
    return 'delivered';
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    await markWebhookFailed(request, err.cause?.message ?? err.message);
    return 'failed';
  }
}
