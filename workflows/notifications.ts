import {
  ActivityFailure,
  type ActivityOptions,
  proxyActivities,
  proxyLocalActivities,
  uuid4,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { WebhookRequest } from '../activities/webhooks.js';
import type { FlowSettings, WebhookEvent } from '../domain/flow.js';
import { subscribedWebhookUrl } from '../domain/webhooks.js';
import { LOCAL_RETRY } from './stall.js';

// Webhooks of a lead run: retried with backoff for a few minutes; a receiver that stays down marks the
// webhook failed and never changes the lead's outcome. Shared by the lead and redelivery workflows.
const WEBHOOK: ActivityOptions = {
  startToCloseTimeout: '15s',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 6 },
};
const webhooks = proxyActivities<Activities>(WEBHOOK);
const local = proxyLocalActivities<Activities>({ startToCloseTimeout: '10s', retry: LOCAL_RETRY });

/** The webhook for an event of a lead, or null when the flow does not subscribe to that event. */
export function leadWebhook(
  notifications: FlowSettings['notifications'],
  scope: { accountId: string; flowId: string; leadId: string },
  type: WebhookEvent,
  data: Record<string, unknown>,
  /** Read the lead for the body by id when sending, rather than carrying it (WebhookRequest). */
  leadFromStore?: WebhookRequest['leadFromStore'],
): WebhookRequest | null {
  const url = subscribedWebhookUrl(notifications, type);
  if (!url) return null;
  return {
    deliveryId: `whk_${uuid4().replace(/-/g, '')}`,
    ...scope,
    url,
    event: type,
    occurredAt: new Date().toISOString(),
    data,
    ...(leadFromStore ? { leadFromStore } : {}),
  };
}

/** Sends it durably; resolves when delivered or recorded as failed (never rejects). */
export function sendLeadWebhook(request: WebhookRequest): Promise<void> {
  return webhooks.sendWebhook
    .executeWithOptions({ ...WEBHOOK, summary: `${request.event} webhook` }, [request])
    .then(
      () => undefined,
      (err) =>
        local
          .markWebhookFailed(
            request,
            err instanceof ActivityFailure ? String(err.cause?.message) : String(err),
          )
          // Only the webhook's own record is lost if Postgres stays down; the run and lead carry on.
          .catch(() => undefined),
    );
}
