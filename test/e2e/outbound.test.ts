import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// OUTBOUND_PRIVATE_NETWORKS=deny on the real stack: a buyer on a private address (here the loopback
// test server) is never called; the delivery fails at once with the reason, without retries, and the
// lead waits for an operator like any failed delivery.
describe('outbound guard (deny)', () => {
  let stack: TestStack;
  let key: string;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;

  beforeAll(async () => {
    stack = await startTestStack({ outbound: 'deny' });
    ({ key } = await stack.createAccount());
    buyer = await startRecipient();
  });
  afterAll(async () => {
    await buyer?.close();
    await stack?.stop();
  });

  it('refuses a private destination: no request leaves, one attempt, delivery_failed with the reason', async () => {
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Internal buyer',
      delivery_retry: { maximum_attempts: 5, initial_interval_ms: 100, maximum_interval_ms: 100 },
      steps: [{ type: 'delivery', recipient: { name: 'Loopback CRM', config: { url: buyer.url } } }],
    });
    expect(flow.status).toBe(201);
    const lead = await stack.call('POST', `/flows/${flow.json.id}/leads`, key, {
      lead: { email: 'guard@example.com' },
    });
    expect(lead.status).toBe(201);
    expect(lead.json.status).toBe('delivery_failed');
    const attempt = lead.json.events.find(
      (e: { type: string }) => e.type !== 'received' && e.type !== 'accepted',
    );
    expect(attempt).toMatchObject({
      outcome: 'failure',
      reason: expect.stringContaining('Destination not allowed'),
    });
    expect(buyer.requests).toHaveLength(0);
    const history = await stack.client.workflow.getHandle(lead.json.id).fetchHistory();
    const started = (history.events ?? []).filter((e) => e.activityTaskStartedEventAttributes);
    expect(started.map((e) => e.activityTaskStartedEventAttributes!.attempt)).toEqual([1]);
  });

  it('refuses a private webhook endpoint: recorded failed with the reason, after one attempt', async () => {
    const hooks = await startRecipient();
    try {
      const flow = await stack.call('POST', '/flows', key, {
        name: 'Internal webhook',
        settings: {
          required_fields: ['email'],
          notifications: { webhook_url: hooks.url, events: ['lead.rejected'] },
        },
      });
      expect(flow.status).toBe(201);
      const lead = await stack.call('POST', `/flows/${flow.json.id}/leads`, key, {
        lead: { first_name: 'x' },
      });
      expect(lead.status).toBe(400);
      const leadId = lead.json.error.lead_id as string;
      await stack.client.workflow.getHandle(leadId).result(); // the run waits for its webhooks
      const { rows } = await stack.pool.query(
        'SELECT event_type, status, attempts, last_error FROM webhook_deliveries WHERE lead_id = $1',
        [leadId],
      );
      expect(rows).toEqual([
        {
          event_type: 'lead.rejected',
          status: 'failed',
          attempts: 1,
          last_error: expect.stringContaining('Destination not allowed'),
        },
      ]);
      expect(hooks.requests).toHaveLength(0);
    } finally {
      await hooks.close();
    }
  });
});
