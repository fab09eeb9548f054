// Which webhook a flow wants for an event of a lead. Pure and tiny, so workflows import it too.
import type { FlowSettings, WebhookEvent } from './flow.js';

/** The URL to send `event` to, or null when the flow has no webhook or does not subscribe to it. */
export function subscribedWebhookUrl(
  notifications: FlowSettings['notifications'] | undefined,
  event: WebhookEvent,
): string | null {
  if (!notifications?.webhook_url) return null;
  if (notifications.events && !notifications.events.includes(event)) return null;
  return notifications.webhook_url;
}
