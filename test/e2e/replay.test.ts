import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { resolveTemporalCli } from '../../dev/temporal-server.js';
import type { leadWorkflow } from '../../workflows/lead.js';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

const run = promisify(execFile);
type Recipient = Awaited<ReturnType<typeof startRecipient>>;

// Operators replaying failed deliveries, on the real stack: the buyer is down all night, leads wait in
// delivery_failed, the buyer recovers, and single and bulk replays deliver each lead exactly once.
describe('replaying failed deliveries', () => {
  let stack: TestStack;
  let key: string;
  const servers: Recipient[] = [];

  /** A buyer that fails until `recovered`, and counts accepted deliveries per lead. */
  async function flakyBuyer() {
    const state = { recovered: false, accepted: new Map<string, number>() };
    const server = await startRecipient((req) => {
      if (!state.recovered) return { status: 503 };
      const leadId = String(req.headers['idempotency-key']).split(':')[0]!;
      state.accepted.set(leadId, (state.accepted.get(leadId) ?? 0) + 1);
      return { status: 200, body: { outcome: 'success' } };
    });
    servers.push(server);
    return { server, state };
  }

  async function createFlow(url: string, replayWindowSeconds = 3600, settings: Record<string, unknown> = {}) {
    const res = await stack.call('POST', '/flows', key, {
      name: 'Replay flow',
      settings,
      delivery_retry: {
        maximum_attempts: 2,
        initial_interval_ms: 100,
        maximum_interval_ms: 100,
        replay_window_seconds: replayWindowSeconds,
      },
      steps: [{ type: 'delivery', recipient: { name: 'Night buyer', config: { url } } }],
    });
    expect(res.status).toBe(201);
    return {
      flowId: res.json.id as string,
      recipientId: res.json.configuration.steps[1].recipient_id as string,
    };
  }

  let seq = 0;
  const submit = async (flowId: string) => {
    const res = await stack.call('POST', `/flows/${flowId}/leads`, key, {
      lead: { email: `r${seq++}@example.com`, source: 'night' },
    });
    expect(res.status).toBe(201);
    return res.json;
  };

  const listIds = async (query: string) => {
    const ids: string[] = [];
    for await (const wf of stack.client.workflow.list({ query })) ids.push(wf.workflowId);
    return ids;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key } = await stack.createAccount());
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await stack?.stop();
  });

  it('leaves failed leads waiting in delivery_failed, findable by search attributes; a single replay delivers once', async () => {
    const buyer = await flakyBuyer();
    const { flowId } = await createFlow(buyer.server.url);
    const lead = await submit(flowId);
    expect(lead.status).toBe('delivery_failed');

    const handle = stack.client.workflow.getHandle(lead.id);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await expect
      .poll(() => listIds(`LeadStatus="delivery_failed" AND FlowId="${flowId}"`), { timeout: 10_000 })
      .toContain(lead.id);

    buyer.state.recovered = true;
    const replay = await stack.call('POST', `/leads/${lead.id}/replay`, key, {});
    expect(replay.status, JSON.stringify(replay.json)).toBe(200);
    expect(replay.json).toMatchObject({
      lead_id: lead.id,
      status: 'delivered',
      attempts: [{ outcome: 'success', forced: false }],
    });
    expect(buyer.state.accepted.get(lead.id)).toBe(1);

    const read = await stack.call('GET', `/leads/${lead.id}`, key);
    expect(read.json.status).toBe('delivered');
    const replayed = read.json.events.find((e: { type: string }) => e.type === 'replayed');
    expect(replayed).toMatchObject({
      outcome: 'success',
      details: { requested_by: expect.stringMatching(/^api:key_/) },
    });
    await handle.result(); // the run closes once delivered
    expect((await stack.call('POST', `/leads/${lead.id}/replay`, key, {})).status).toBe(409);
  });

  it('bulk replay: dry run lists, the run delivers each lead exactly once and reports progress', async () => {
    const buyer = await flakyBuyer();
    const { flowId, recipientId } = await createFlow(buyer.server.url);
    const leads = await Promise.all(Array.from({ length: 4 }, () => submit(flowId)));
    expect(leads.every((l) => l.status === 'delivery_failed')).toBe(true);

    const dry = await stack.call('POST', '/replays', key, {
      flow_id: flowId,
      recipient_id: recipientId,
      dry_run: true,
    });
    expect(dry.status).toBe(200);
    expect(dry.json.total).toBe(4);
    expect(dry.json.leads.map((l: { id: string }) => l.id).sort()).toEqual(leads.map((l) => l.id).sort());
    expect(buyer.server.requests).toHaveLength(8); // nothing sent by the dry run (2 attempts per lead)

    buyer.state.recovered = true;
    const started = await stack.call('POST', '/replays', key, { flow_id: flowId, rate_per_second: 50 });
    expect(started.status).toBe(202);
    const id = started.json.id as string;
    const result = await stack.client.workflow.getHandle(id).result();
    expect(result).toMatchObject({ status: 'completed', processed: 4, delivered: 4, errors: 0 });
    expect(await stack.call('GET', `/replays/${id}`, key)).toMatchObject({
      json: { status: 'completed', delivered: 4 },
    });
    for (const lead of leads) expect(buyer.state.accepted.get(lead.id)).toBe(1);

    // Running it again finds nothing left to replay and delivers nothing twice.
    const again = await stack.call('POST', '/replays', key, { flow_id: flowId, rate_per_second: 50 });
    expect(await stack.client.workflow.getHandle(again.json.id).result()).toMatchObject({ processed: 0 });
    for (const lead of leads) expect(buyer.state.accepted.get(lead.id)).toBe(1);
  });

  it('bulk replay can be cancelled', async () => {
    const buyer = await flakyBuyer();
    const { flowId } = await createFlow(buyer.server.url);
    await Promise.all(Array.from({ length: 5 }, () => submit(flowId)));
    buyer.state.recovered = true;
    const started = await stack.call('POST', '/replays', key, { flow_id: flowId, rate_per_second: 0.5 });
    const id = started.json.id as string;
    await expect
      .poll(async () => (await stack.call('GET', `/replays/${id}`, key)).json.processed, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(1);
    const cancelled = await stack.call('DELETE', `/replays/${id}`, key);
    expect(cancelled.status).toBe(202);
    const result = await stack.client.workflow.getHandle(id).result();
    expect(result.status).toBe('cancelled');
    expect(result.processed).toBeLessThan(5);
    expect((await stack.call('GET', `/replays/${id}`, key)).json.status).toBe('cancelled');
  });

  it('after the waiting period the lead closes as failed; a replay then runs as a linked redelivery', async () => {
    const buyer = await flakyBuyer();
    const hooks = await startRecipient(() => ({ status: 200 }));
    servers.push(hooks);
    const { flowId } = await createFlow(buyer.server.url, 1, {
      notifications: { webhook_url: hooks.url, events: ['lead.delivered'] },
    });
    const lead = await submit(flowId);
    const closed = await stack.client.workflow.getHandle(lead.id).result();
    expect(closed.status).toBe('failed');
    expect((await stack.call('GET', `/leads/${lead.id}`, key)).json.status).toBe('failed');

    buyer.state.recovered = true;
    const replay = await stack.call(
      'POST',
      `/leads/${lead.id}/replay`,
      key,
      {},
      { 'Idempotency-Key': 'try-1' },
    );
    expect(replay.json).toMatchObject({ status: 'delivered', attempts: [{ outcome: 'success' }] });
    expect(buyer.state.accepted.get(lead.id)).toBe(1);
    // The redelivery's write comes after every write of the lead's own run (its step number is the
    // stored one plus one), so Postgres takes it: the lead reads delivered.
    const after = (await stack.call('GET', `/leads/${lead.id}`, key)).json;
    expect(after.status).toBe('delivered');
    const events = after.events;
    const replayed = events.find((e: { type: string }) => e.type === 'replayed');
    // The redelivery run is named by the lead and the request: asked again, it is the same replay.
    expect(replayed.details.redelivery_run).toBe(`${lead.id}-redelivery-try-1`);
    const retried = await stack.call(
      'POST',
      `/leads/${lead.id}/replay`,
      key,
      {},
      { 'Idempotency-Key': 'try-1' },
    );
    expect(retried.status).toBe(200);
    expect(retried.headers.get('Idempotent-Replayed')).toBe('true');
    expect(retried.json).toEqual(replay.json);
    expect(buyer.state.accepted.get(lead.id)).toBe(1);
    await expect
      .poll(() => listIds(`LeadId="${lead.id}"`), { timeout: 10_000 })
      .toEqual([replayed.details.redelivery_run]);
    // The redelivery tells the flow's webhook, as a delivery in the lead's own run does.
    expect(hooks.requests).toHaveLength(1);
    expect(hooks.requests[0]!.json()).toMatchObject({
      event_type: 'lead.delivered',
      lead_id: lead.id,
      flow_id: flowId,
      data: { recipient: { name: 'Night buyer' }, lead: { email: expect.stringMatching(/@example\.com$/) } },
    });
  });

  it('never delivers twice to the same recipient unless forced, and records a forced delivery as such', async () => {
    const buyer = await flakyBuyer();
    buyer.state.recovered = true;
    const { flowId, recipientId } = await createFlow(buyer.server.url);
    const lead = await submit(flowId);
    expect(lead.status).toBe('delivered');

    const unforced = await stack.call('POST', `/leads/${lead.id}/replay`, key, { recipient_id: recipientId });
    expect(unforced.json.attempts).toEqual([
      {
        recipient_id: recipientId,
        outcome: 'skip',
        reason: 'Already delivered',
        response_code: null,
        forced: false,
      },
    ]);
    expect(buyer.state.accepted.get(lead.id)).toBe(1);

    const forced = await stack.call('POST', `/leads/${lead.id}/replay`, key, {
      recipient_id: recipientId,
      force: true,
    });
    expect(forced.json.attempts).toEqual([
      { recipient_id: recipientId, outcome: 'success', reason: null, response_code: 200, forced: true },
    ]);
    expect(buyer.state.accepted.get(lead.id)).toBe(2);
    const keys = buyer.server.requests.map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(2); // the forced copy carries its own idempotency key
    const deliveries = (await stack.call('GET', `/leads/${lead.id}`, key)).json.events.filter(
      (e: { type: string }) => e.type === 'delivered',
    );
    expect(deliveries.map((e: { details: { forced?: boolean } }) => e.details.forced ?? false)).toEqual([
      false,
      true,
    ]);
  });

  /**
   * A waterfall flow of two buyers (sale prices in flow order), both down when the lead arrives; then
   * both come back and an operator replays the lead's failed deliveries.
   */
  async function replayedWaterfall(distribution: Record<string, unknown>, prices: [number, number]) {
    const buyers = [await flakyBuyer(), await flakyBuyer()];
    const res = await stack.call('POST', '/flows', key, {
      name: 'Waterfall replay flow',
      distribution: { mode: 'waterfall', ...distribution },
      delivery_retry: { maximum_attempts: 2, initial_interval_ms: 100, maximum_interval_ms: 100 },
      steps: buyers.map((b, i) => ({
        type: 'delivery',
        recipient: { name: `Buyer ${i + 1}`, config: { url: b.server.url, sale_price: prices[i] } },
      })),
    });
    expect(res.status, res.text).toBe(201);
    const ids: string[] = res.json.configuration.steps
      .filter((s: { type: string }) => s.type === 'delivery')
      .map((s: { recipient_id: string }) => s.recipient_id);
    const lead = await submit(res.json.id);
    expect(lead.status).toBe('delivery_failed');
    const firstPass: string[] = (await stack.call('GET', `/leads/${lead.id}`, key)).json.events
      .filter((e: { type: string }) => e.type === 'delivery_failed')
      .map((e: { recipient_id: string }) => e.recipient_id);
    for (const b of buyers) b.state.recovered = true;
    const replay = await stack.call('POST', `/leads/${lead.id}/replay`, key, {});
    expect(replay.status, replay.text).toBe(200);
    return { leadId: lead.id as string, buyers, ids, firstPass, replay };
  }

  it('a waterfall lead is sold once by replays: the first recipient that takes it, then nobody else', async () => {
    const { leadId, buyers, ids, replay } = await replayedWaterfall({}, [9, 5]);
    expect(replay.json).toMatchObject({
      status: 'delivered',
      attempts: [{ recipient_id: ids[0], outcome: 'success' }],
    });
    expect(buyers[0]!.state.accepted.get(leadId)).toBe(1);
    expect(buyers[1]!.state.accepted.get(leadId)).toBeUndefined();

    // Sold: a replay naming the other recipient does not sell it again.
    const other = await stack.call('POST', `/leads/${leadId}/replay`, key, { recipient_id: ids[1] });
    const skipped = { recipient_id: ids[1], outcome: 'skip', reason: 'Already sold to another recipient' };
    expect(other.json.attempts).toEqual([expect.objectContaining(skipped)]);
    expect(buyers[1]!.state.accepted.get(leadId)).toBeUndefined();
    expect((await stack.call('GET', `/leads/${leadId}`, key)).json.pricing.revenue).toBe(9);
  });

  it('a waterfall ordered by price is replayed in price order, highest first, as it was first sent', async () => {
    const { leadId, buyers, ids, firstPass, replay } = await replayedWaterfall(
      { waterfall_order: 'price' },
      [4, 11],
    );
    const [cheapId, dearId] = ids;
    expect(firstPass).toEqual([dearId, cheapId]); // the first pass went to the dearer buyer first
    expect(replay.json).toMatchObject({
      status: 'delivered',
      attempts: [{ recipient_id: dearId, outcome: 'success' }],
    });
    expect(buyers[1]!.state.accepted.get(leadId)).toBe(1);
    expect(buyers[0]!.state.accepted.get(leadId)).toBeUndefined();
    expect((await stack.call('GET', `/leads/${leadId}`, key)).json.pricing.revenue).toBe(11);
  });

  it('refuses force without a recipient (it would send every recipient the lead again)', async () => {
    const buyer = await flakyBuyer();
    buyer.state.recovered = true;
    const { flowId } = await createFlow(buyer.server.url);
    const lead = await submit(flowId);
    const single = await stack.call('POST', `/leads/${lead.id}/replay`, key, { force: true });
    expect(single.status).toBe(400);
    expect(single.json.error.details).toEqual([expect.objectContaining({ field: 'force' })]);
    const bulk = await stack.call('POST', '/replays', key, { flow_id: flowId, force: true, dry_run: true });
    expect(bulk.status).toBe(400);
    expect(buyer.state.accepted.get(lead.id)).toBe(1);
  });

  it('the temporal CLI can signal a waiting lead to replay', async () => {
    const buyer = await flakyBuyer();
    const { flowId } = await createFlow(buyer.server.url);
    const lead = await submit(flowId);
    buyer.state.recovered = true;
    await run(resolveTemporalCli(), [
      'workflow',
      'signal',
      '--address',
      inject('temporalAddress'),
      '--workflow-id',
      lead.id,
      '--name',
      'replay-delivery',
      '--input',
      '{"requestedBy":"cli:ops"}',
    ]);
    const final = await stack.client.workflow.getHandle<typeof leadWorkflow>(lead.id).result();
    expect(final.status).toBe('delivered');
    expect(buyer.state.accepted.get(lead.id)).toBe(1);
    expect(final.events.find((e) => e.type === 'replayed')?.details).toMatchObject({
      requested_by: 'cli:ops',
    });
  });

  it('keeps replays to their own account and to keys with leads:write', async () => {
    const buyer = await flakyBuyer();
    const { flowId } = await createFlow(buyer.server.url);
    const lead = await submit(flowId);
    const bulk = await stack.call('POST', '/replays', key, { flow_id: flowId, rate_per_second: 0.2 });
    const other = await stack.createAccount();
    expect((await stack.call('POST', `/leads/${lead.id}/replay`, other.key, {})).status).toBe(404);
    expect((await stack.call('POST', '/replays', other.key, { flow_id: flowId })).status).toBe(404);
    expect((await stack.call('GET', `/replays/${bulk.json.id}`, other.key)).status).toBe(404);
    expect((await stack.call('DELETE', `/replays/${bulk.json.id}`, other.key)).status).toBe(404);
    const readOnly = await stack.createAccount({ scopes: ['leads:read'] });
    const denied = await stack.call('POST', `/leads/${lead.id}/replay`, readOnly.key, {});
    expect(denied.status).toBe(403);
    expect(denied.json.error.details).toMatchObject([{ required_scope: 'leads:write' }]);
    await stack.call('DELETE', `/replays/${bulk.json.id}`, key);
  });

  it('replays to another URL only with admin, without the recipient credentials; test keys and dry runs are limited', async () => {
    const buyer = await flakyBuyer();
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Guarded replay flow',
      delivery_retry: { maximum_attempts: 1, replay_window_seconds: 3600 },
      steps: [
        {
          type: 'delivery',
          recipient: {
            name: 'Buyer with credentials',
            config: {
              url: buyer.server.url,
              headers: { 'X-Api-Token': 'buyer-secret-token' },
              basic_auth: { username: 'acme', password: 'hunter2' },
            },
          },
        },
      ],
    });
    expect(flow.status).toBe(201);
    const lead = await submit(flow.json.id);
    expect(lead.status).toBe('delivery_failed');
    // The buyer got the credentials on its own endpoint.
    expect(buyer.server.requests[0]!.headers['x-api-token']).toBe('buyer-secret-token');

    const newKey = async (body: Record<string, unknown>) =>
      (await stack.call('POST', '/api-keys', key, { name: 'k', ...body })).json.key as string;
    const source = await newKey({ scopes: ['leads:write'] });
    const capture = await startRecipient(() => ({ status: 200, body: { outcome: 'success' } }));
    servers.push(capture);

    const denied = await stack.call('POST', `/leads/${lead.id}/replay`, source, { url: capture.url });
    expect(denied.status).toBe(403);
    expect(denied.json.error.details).toMatchObject([{ field: 'url', required_scope: 'admin' }]);
    expect(capture.requests).toHaveLength(0);

    const testKey = await newKey({ mode: 'test', scopes: ['leads:write'] });
    const fromTest = await stack.call('POST', `/leads/${lead.id}/replay`, testKey, {});
    expect(fromTest.status).toBe(403);
    expect(fromTest.json.error.message).toMatch(/test key cannot replay live leads/);
    expect((await stack.call('POST', '/replays', testKey, { flow_id: flow.json.id })).status).toBe(403);

    const dryRun = await stack.call('POST', '/replays', source, { flow_id: flow.json.id, dry_run: true });
    expect(dryRun.status).toBe(403);
    expect(dryRun.json.error.details).toMatchObject([{ required_scope: 'leads:read' }]);

    const replayed = await stack.call('POST', `/leads/${lead.id}/replay`, key, { url: capture.url });
    expect(replayed.json).toMatchObject({ status: 'delivered', attempts: [{ outcome: 'success' }] });
    expect(capture.requests).toHaveLength(1);
    expect(capture.requests[0]!.headers['x-api-token']).toBeUndefined();
    expect(capture.requests[0]!.headers.authorization).toBeUndefined();
    expect(capture.requests[0]!.json()).toMatchObject({ email: expect.stringMatching(/@example\.com$/) });
  });
});
