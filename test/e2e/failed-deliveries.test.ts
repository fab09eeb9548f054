import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// GET /failed-deliveries, the replay queue the console shows: leads waiting in delivery_failed, grouped
// by flow, recipient and reason, on the real stack with real local buyers.
describe('GET /failed-deliveries', () => {
  let stack: TestStack;
  const buyers: Array<Awaited<ReturnType<typeof startRecipient>>> = [];
  const state = { secondUp: false };

  beforeAll(async () => {
    stack = await startTestStack();
    buyers.push(await startRecipient(() => ({ status: 500, body: 'down' })));
    buyers.push(
      await startRecipient(() =>
        state.secondUp
          ? { status: 200, body: { outcome: 'success' } }
          : { status: 200, body: { outcome: 'rejected', reason: 'Out of area' } },
      ),
    );
  });
  afterAll(async () => {
    for (const b of buyers) await b.close();
    await stack?.stop();
  });

  it('groups waiting leads by flow, recipient and reason, drops delivered ones, and stays in its tenant', async () => {
    const { key } = await stack.createAccount();
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Two buyers',
      delivery_retry: { maximum_attempts: 1 },
      steps: [
        { type: 'delivery', recipient: { name: 'Down Buyer', config: { url: buyers[0]!.url } } },
        {
          type: 'delivery',
          recipient: {
            name: 'Picky Buyer',
            config: {
              url: buyers[1]!.url,
              response: { outcome_path: 'outcome', reason_path: 'reason' },
            },
          },
        },
      ],
    });
    expect(flow.status, flow.text).toBe(201);
    const [down, picky] = [
      flow.json.configuration.steps[1].recipient_id,
      flow.json.configuration.steps[2].recipient_id,
    ];
    const leads: string[] = [];
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
      const lead = await stack.call('POST', `/flows/${flow.json.id}/leads`, key, { lead: { email } });
      expect(lead.json.status, lead.text).toBe('delivery_failed');
      leads.push(lead.json.id);
    }
    // Another tenant, for isolation below.
    const other = await stack.createAccount();

    const queue = await stack.call('GET', '/failed-deliveries', key);
    expect(queue.status, queue.text).toBe(200);
    expect(queue.json.total_leads).toBe(3);
    expect(queue.json.groups).toEqual([
      expect.objectContaining({
        flow_id: flow.json.id,
        flow_name: 'Two buyers',
        recipient_id: down,
        recipient_name: 'Down Buyer',
        reason: 'Recipient answered HTTP 500',
        leads: 3,
        lead_ids: [...leads].reverse(),
      }),
      expect.objectContaining({
        recipient_id: picky,
        recipient_name: 'Picky Buyer',
        reason: 'Out of area',
        leads: 3,
      }),
    ]);
    expect(Date.parse(queue.json.groups[0].oldest_at)).toBeLessThanOrEqual(
      Date.parse(queue.json.groups[0].newest_at),
    );

    // The picky buyer takes the first lead on a replay: that lead leaves the queue.
    state.secondUp = true;
    const replay = await stack.call('POST', `/leads/${leads[0]}/replay`, key, {});
    expect(replay.json.status, replay.text).toBe('delivered');
    const after = await stack.call('GET', `/failed-deliveries?flow_id=${flow.json.id}`, key);
    expect(after.json.total_leads).toBe(2);
    expect(after.json.groups.map((g: { leads: number }) => g.leads)).toEqual([2, 2]);
    expect(after.json.groups.flatMap((g: { lead_ids: string[] }) => g.lead_ids)).not.toContain(leads[0]);

    // Another tenant sees nothing of it, and cannot name its flow.
    const theirs = await stack.call('GET', '/failed-deliveries', other.key);
    expect(theirs.json).toEqual({ total_leads: 0, groups: [] });
    const foreign = await stack.call('GET', `/failed-deliveries?flow_id=${flow.json.id}`, other.key);
    expect(foreign.status).toBe(404);
  });

  it('needs leads:read', async () => {
    const { key } = await stack.createAccount({ scopes: ['leads:write', 'flows:read'] });
    const res = await stack.call('GET', '/failed-deliveries', key);
    expect(res.status).toBe(403);
    expect(res.json.error.details[0].required_scope).toBe('leads:read');
  });
});
