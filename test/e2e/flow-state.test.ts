import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOneWindow } from '../helpers/calendar-window.js';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// GET /flows/{id}/caps and /versions, which the console's flow page shows: caps with their usage in
// the current window counted by real leads, and the saved versions.
describe('flow caps usage and versions', () => {
  let stack: TestStack;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;

  beforeAll(async () => {
    stack = await startTestStack();
    buyer = await startRecipient();
  });
  afterAll(async () => {
    await buyer?.close();
    await stack?.stop();
  });

  // The three leads and the read must fall in one hour of Chicago (the buyer's and the volume cap's
  // hour; a day or week ends on an hour's end too): once more if that hour ended meanwhile.
  it("counts each cap's slots in its current window, recipient caps included, in the tenant only", () =>
    inOneWindow(stack.pool, { unit: 'hour', timeZone: 'America/Chicago' }, async () => {
      const delivered = buyer.requests.length; // a first run's deliveries, if any
      const { key } = await stack.createAccount();
      const flow = await stack.call('POST', '/flows', key, {
        name: 'Capped',
        settings: { volume_cap: { hourly_limit: 50 }, time_zone: 'America/Chicago' },
        caps: [
          { maximum: 10, per: 'day' },
          { id: 'ca_only', maximum: 3, per: 'week', criteria: 'lead.state == "CA"' },
        ],
        steps: [
          {
            type: 'delivery',
            recipient: {
              name: 'Capped buyer',
              config: { url: buyer.url, caps: [{ maximum: 2, per: 'hour' }] },
            },
          },
        ],
      });
      expect(flow.status, flow.text).toBe(201);
      const flowId = flow.json.id;
      const recipientId = flow.json.configuration.steps[1].recipient_id;
      for (const email of ['one@example.com', 'two@example.com', 'three@example.com']) {
        const lead = await stack.call('POST', `/flows/${flowId}/leads`, key, {
          lead: { email, state: 'TX' },
        });
        expect(lead.status, lead.text).toBe(201);
      }

      const res = await stack.call('GET', `/flows/${flowId}/caps`, key);
      expect(res.status, res.text).toBe(200);
      expect(res.json.time_zone).toBe('America/Chicago');
      const byId = Object.fromEntries(
        res.json.caps.map((c: { scope: string; cap_id: string }) => [`${c.scope}:${c.cap_id}`, c]),
      );
      expect(Object.keys(byId).sort()).toEqual([
        'flow:ca_only',
        'flow:cap_1',
        'flow:volume_cap_hourly',
        'recipient:cap_1',
      ]);
      // The third lead found the buyer's hourly cap full: no recipient took it, so it gave its flow slots
      // back (a flow cap counts leads sold, not leads seen).
      expect(byId['flow:cap_1']).toMatchObject({ maximum: 10, per: 'day', used: 2, recipient_id: null });
      expect(byId['flow:volume_cap_hourly']).toMatchObject({ maximum: 50, per: 'hour', used: 2 });
      // Only CA leads count against this one.
      expect(byId['flow:ca_only']).toMatchObject({ maximum: 3, used: 0, criteria: 'lead.state == "CA"' });
      expect(byId['recipient:cap_1']).toMatchObject({
        scope: 'recipient',
        recipient_id: recipientId,
        recipient_name: 'Capped buyer',
        maximum: 2,
        per: 'hour',
        used: 2,
      });
      expect(buyer.requests.slice(delivered)).toHaveLength(2);
      // The day window starts at midnight in Chicago, not UTC.
      const dayStart = new Date(byId['flow:cap_1'].window_start);
      const chicago = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/Chicago',
        hour: 'numeric',
        minute: 'numeric',
        hourCycle: 'h23',
      }).format(dayStart);
      expect(chicago).toBe('00:00');

      const other = await stack.createAccount();
      expect((await stack.call('GET', `/flows/${flowId}/caps`, other.key)).status).toBe(404);
      expect((await stack.call('GET', `/flows/${flowId}/versions`, other.key)).status).toBe(404);
      const noScope = await stack.createAccount({ scopes: ['leads:read'] });
      expect((await stack.call('GET', `/flows/${flowId}/caps`, noScope.key)).status).toBe(403);
    }));

  it('lists the saved versions, newest first', async () => {
    const { key } = await stack.createAccount();
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Versioned',
      steps: [{ type: 'delivery', recipient: { name: 'B', config: { url: buyer.url } } }],
    });
    const updated = await stack.call('PUT', `/flows/${flow.json.id}/settings`, key, {
      settings: { required_fields: ['email'] },
    });
    expect(updated.status, updated.text).toBe(200);
    const res = await stack.call('GET', `/flows/${flow.json.id}/versions`, key);
    expect(res.status).toBe(200);
    expect(res.json.current_version).toBe(2);
    expect(res.json.versions.map((v: { version: number; steps: number }) => [v.version, v.steps])).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });
});
