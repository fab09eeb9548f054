import { describe, expect, it } from 'vitest';
import { subscribedWebhookUrl } from '../../domain/webhooks.js';

describe('subscribedWebhookUrl', () => {
  const url = 'https://hooks.example.com/leadrail';

  it('sends every event when the flow lists none', () => {
    expect(subscribedWebhookUrl({ webhook_url: url }, 'lead.converted')).toBe(url);
  });

  it('sends only the events the flow lists', () => {
    const notifications = { webhook_url: url, events: ['lead.delivered' as const] };
    expect(subscribedWebhookUrl(notifications, 'lead.delivered')).toBe(url);
    expect(subscribedWebhookUrl(notifications, 'lead.converted')).toBeNull();
  });

  it('sends nothing without a webhook URL', () => {
    expect(subscribedWebhookUrl(undefined, 'lead.received')).toBeNull();
    expect(subscribedWebhookUrl(null, 'lead.received')).toBeNull();
    expect(
      subscribedWebhookUrl({ webhook_url: null, events: ['lead.received'] }, 'lead.received'),
    ).toBeNull();
  });
});
