import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPing } from '../../db/sources.js';
import { inOneWindow } from '../helpers/calendar-window.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// Publisher sources and inbound ping/post, through the API on real Temporal and Postgres.
describe('sources and inbound ping/post', () => {
  let stack: TestStack;
  let key: string;
  let otherTenantKey: string;
  let flowId: string;
  let otherFlowId: string;

  const flowBody = (name: string) => ({
    name,
    fields: [{ name: 'loan_amount', type: 'number' }],
    settings: { required_fields: ['email', 'phone'], acceptance_criteria: 'lead.loan_amount >= 1000' },
    pricing: { purchase: { amount: 5 } },
  });
  const sourceBody = (overrides: Record<string, unknown> = {}) => ({
    name: 'Publisher A',
    field_mappings: { zip: 'postal_code', cell: 'phone', amount: 'loan_amount' },
    acceptance_criteria: "lead.state == 'TX'",
    pricing: { amount: 8, rules: [{ amount: 12, criteria: 'lead.loan_amount >= 20000' }] },
    ping: { ttl_seconds: 60 },
    ...overrides,
  });
  const lead = (overrides: Record<string, unknown> = {}) => ({
    email: `p${Math.random().toString(36).slice(2)}@example.com`,
    cell: '(512) 555-0100',
    state: 'Texas',
    zip: '73301',
    amount: '25000',
    ...overrides,
  });

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key } = await stack.createAccount());
    ({ key: otherTenantKey } = await stack.createAccount());
    flowId = (await stack.call('POST', '/flows', key, flowBody('Loans'))).json.id;
    otherFlowId = (await stack.call('POST', '/flows', key, flowBody('Other loans'))).json.id;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const createSource = async (overrides: Record<string, unknown> = {}, flow = flowId) => {
    const res = await stack.call('POST', `/flows/${flow}/sources`, key, sourceBody(overrides));
    expect(res.status, res.text).toBe(201);
    return res.json as { id: string };
  };
  const sourceKey = async (sourceId: string, flow = flowId) => {
    const res = await stack.call('POST', `/flows/${flow}/sources/${sourceId}/keys`, key, { name: 'pub' });
    expect(res.status, res.text).toBe(201);
    expect(res.json.scopes).toEqual(['leads:write']);
    return res.json.key as string;
  };

  it('creates, reads, replaces and deletes sources; CEL is checked; other tenants see none', async () => {
    const bad = await stack.call(
      'POST',
      `/flows/${flowId}/sources`,
      key,
      sourceBody({ acceptance_criteria: 'lead.state ==' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].field).toBe('acceptance_criteria');
    const source = await createSource();
    const got = await stack.call('GET', `/flows/${flowId}/sources/${source.id}`, key);
    expect(got.json).toMatchObject({ name: 'Publisher A', enabled: true, ping: { ttl_seconds: 60 } });
    const put = await stack.call(
      'PUT',
      `/flows/${flowId}/sources/${source.id}`,
      key,
      sourceBody({ name: 'Renamed' }),
    );
    expect(put.json.name).toBe('Renamed');
    expect(
      (await stack.call('GET', `/flows/${flowId}/sources`, key)).json.sources.map(
        (s: { id: string }) => s.id,
      ),
    ).toContain(source.id);
    expect((await stack.call('GET', `/flows/${flowId}/sources/${source.id}`, otherTenantKey)).status).toBe(
      404,
    );
    expect((await stack.call('GET', `/flows/${otherFlowId}/sources/${source.id}`, key)).status).toBe(404);
    expect((await stack.call('DELETE', `/flows/${flowId}/sources/${source.id}`, key)).status).toBe(200);
    expect((await stack.call('GET', `/flows/${flowId}/sources/${source.id}`, key)).status).toBe(404);
  });

  it('a source key submits as its source: fields mapped, its criteria and its price apply, the lead records it', async () => {
    const source = await createSource();
    const pubKey = await sourceKey(source.id);
    const res = await stack.call('POST', `/flows/${flowId}/leads`, pubKey, { lead: lead() });
    expect(res.status, res.text).toBe(201);
    const detail = await stack.call('GET', `/leads/${res.json.id}`, key);
    expect(detail.json).toMatchObject({
      source_id: source.id,
      pricing: { cost: 12 },
      lead_data: { postal_code: '73301', phone: '+15125550100', loan_amount: 25000 },
    });
    const cheaper = await stack.call('POST', `/flows/${flowId}/leads`, pubKey, {
      lead: lead({ amount: '5000' }),
    });
    expect(cheaper.status).toBe(201);
    expect((await stack.call('GET', `/leads/${cheaper.json.id}`, key)).json.pricing.cost).toBe(8);
    // The source's own criterion joins the flow's.
    const ohio = await stack.call('POST', `/flows/${flowId}/leads`, pubKey, { lead: lead({ state: 'OH' }) });
    expect(ohio.status).toBe(422);
    expect(ohio.json.error.code).toBe('lead_rejected');
  });

  it('a source key reaches its own flow and source only', async () => {
    const source = await createSource();
    const other = await createSource({ name: 'Publisher B' });
    const pubKey = await sourceKey(source.id);
    const otherFlow = await stack.call('POST', `/flows/${otherFlowId}/leads`, pubKey, { lead: lead() });
    expect(otherFlow.status).toBe(403);
    expect(otherFlow.json.error.code).toBe('forbidden');
    expect(
      (await stack.call('POST', `/flows/${otherFlowId}/ping`, pubKey, { lead: { state: 'TX' } })).status,
    ).toBe(403);
    const asOther = await stack.call('POST', `/flows/${flowId}/leads`, pubKey, {
      lead: lead(),
      source_id: other.id,
    });
    expect(asOther.status).toBe(403);
    for (const [method, path] of [
      ['GET', '/leads'],
      ['GET', `/flows/${flowId}`],
      ['GET', `/flows/${flowId}/sources`],
      ['GET', '/analytics'],
      ['POST', '/api-keys'],
    ] as const) {
      expect(
        (
          await stack.call(
            method,
            path,
            pubKey,
            method === 'POST' ? { name: 'x', scopes: ['admin'] } : undefined,
          )
        ).status,
        path,
      ).toBe(403);
    }
    // Deleting the source revokes its keys.
    await stack.call('DELETE', `/flows/${flowId}/sources/${source.id}`, key);
    expect((await stack.call('POST', `/flows/${flowId}/leads`, pubKey, { lead: lead() })).status).toBe(401);
  });

  it('a disabled source is refused; an account key may name a source with source_id', async () => {
    const source = await createSource({ enabled: false });
    const refused = await stack.call('POST', `/flows/${flowId}/leads`, key, {
      lead: lead(),
      source_id: source.id,
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('source_disabled');
    const enabled = await createSource();
    const ok = await stack.call('POST', `/flows/${flowId}/leads`, key, {
      lead: lead(),
      source_id: enabled.id,
    });
    expect(ok.status, ok.text).toBe(201);
    expect((await stack.call('GET', `/leads/${ok.json.id}`, key)).json.source_id).toBe(enabled.id);
  });

  it('pings answer a bid without personal data, or no bid with the reason', async () => {
    const source = await createSource();
    const pubKey = await sourceKey(source.id);
    const bid = await stack.call('POST', `/flows/${flowId}/ping`, pubKey, {
      lead: { state: 'TX', zip: '73301', amount: 25000 },
    });
    expect(bid.status, bid.text).toBe(200);
    expect(bid.json).toMatchObject({ outcome: 'bid', bid: 12, currency: 'USD', reason: null });
    expect(bid.json.ping_id).toMatch(/^ping_/);
    const ttl = Date.parse(bid.json.expires_at) - Date.now();
    expect(ttl).toBeGreaterThan(30_000);
    expect(ttl).toBeLessThanOrEqual(60_000);

    const noBid = await stack.call('POST', `/flows/${flowId}/ping`, pubKey, {
      lead: { state: 'OH', amount: 25000 },
    });
    expect(noBid.json).toMatchObject({ outcome: 'no_bid', bid: null, code: 'criteria', expires_at: null });
    expect(noBid.json.reason).toContain('state');
    // A criterion about a field the ping lacks cannot pass.
    const lacking = await stack.call('POST', `/flows/${flowId}/ping`, pubKey, { lead: { state: 'TX' } });
    expect(lacking.json).toMatchObject({ outcome: 'no_bid', code: 'criteria' });
    // The ping record holds hashes, not the values.
    const { rows } = await stack.pool.query('SELECT field_hashes::text AS h FROM pings WHERE id = $1', [
      bid.json.ping_id,
    ]);
    expect(rows[0].h).not.toContain('73301');
    expect(Object.keys(JSON.parse(rows[0].h)).sort()).toEqual(['loan_amount', 'postal_code', 'state']);
  });

  it('a post honours its ping at the bid; differing data, a used ping and a no-bid ping are refused', async () => {
    const source = await createSource();
    const pubKey = await sourceKey(source.id);
    const ping = await stack.call('POST', `/flows/${flowId}/ping`, pubKey, {
      lead: { state: 'TX', zip: '73301', amount: 25000 },
    });
    // The source's price changes after the ping: the bid still stands.
    await stack.call(
      'PUT',
      `/flows/${flowId}/sources/${source.id}`,
      key,
      sourceBody({ pricing: { amount: 1 } }),
    );
    const differs = await stack.call('POST', `/flows/${flowId}/leads`, pubKey, {
      lead: lead({ zip: '73344' }),
      ping_id: ping.json.ping_id,
    });
    expect(differs.status).toBe(422);
    expect(differs.json.error.code).toBe('ping_mismatch');
    expect(differs.json.error.details.map((d: { field: string }) => d.field)).toEqual(['postal_code']);

    // Same values written differently agree (normal forms are compared).
    const post = await stack.call('POST', `/flows/${flowId}/leads`, pubKey, {
      lead: lead({ state: 'tx', amount: '$25,000' }),
      ping_id: ping.json.ping_id,
    });
    expect(post.status, post.text).toBe(201);
    const detail = await stack.call('GET', `/leads/${post.json.id}`, key);
    expect(detail.json.pricing.cost).toBe(12);
    expect(detail.json.source_id).toBe(source.id);

    const again = await stack.call('POST', `/flows/${flowId}/leads`, pubKey, {
      lead: lead(),
      ping_id: ping.json.ping_id,
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('ping_already_used');

    const noBid = await stack.call('POST', `/flows/${flowId}/ping`, pubKey, {
      lead: { state: 'OH', amount: 25000 },
    });
    const postNoBid = await stack.call('POST', `/flows/${flowId}/leads`, pubKey, {
      lead: lead(),
      ping_id: noBid.json.ping_id,
    });
    expect(postNoBid.status).toBe(422);
    expect(postNoBid.json.error.code).toBe('ping_no_bid');

    // Another tenant's ping id is unknown here.
    const unknown = await stack.call('POST', `/flows/${flowId}/leads`, otherTenantKey, {
      lead: lead(),
      ping_id: ping.json.ping_id,
    });
    expect(unknown.status).toBe(404);
  });

  it('an account key pings and posts at the flow’s price; a resubmission is that lead again; a source cannot use the ping', async () => {
    const ping = await stack.call('POST', `/flows/${otherFlowId}/ping`, key, {
      lead: { loan_amount: 25000 },
    });
    expect(ping.json).toMatchObject({ outcome: 'bid', bid: 5 });
    const body = {
      ping_id: ping.json.ping_id,
      lead: { email: 'acct.ping@example.com', phone: '(512) 555-0111', loan_amount: '$25,000' },
    };
    const idempotency = { 'Idempotency-Key': `acct-ping-${Date.now()}` };
    const post = await stack.call('POST', `/flows/${otherFlowId}/leads`, key, body, idempotency);
    expect(post.status, post.text).toBe(201);
    const detail = await stack.call('GET', `/leads/${post.json.id}`, key);
    expect(detail.json.pricing).toMatchObject({ cost: 5 });
    // The same request again (a client retrying) is the lead that took the ping, not ping_already_used.
    const again = await stack.call('POST', `/flows/${otherFlowId}/leads`, key, body, idempotency);
    expect(again.status, again.text).toBeLessThan(300);
    expect(again.json.id).toBe(post.json.id);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    // A source's key cannot post a ping it did not make.
    const source = await createSource({}, otherFlowId);
    const pubKey = await sourceKey(source.id, otherFlowId);
    const foreign = await stack.call('POST', `/flows/${otherFlowId}/leads`, pubKey, {
      ...body,
      lead: { ...body.lead, email: 'other.ping@example.com' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.code).toBe('forbidden');
  });

  it('a post after the ping’s time to live is refused', async () => {
    const source = await createSource({ ping: { ttl_seconds: 1 } });
    const pubKey = await sourceKey(source.id);
    const ping = await stack.call('POST', `/flows/${flowId}/ping`, pubKey, {
      lead: { state: 'TX', amount: 25000 },
    });
    expect(ping.json.outcome).toBe('bid');
    await sleep(1200);
    const late = await stack.call('POST', `/flows/${flowId}/leads`, pubKey, {
      lead: lead(),
      ping_id: ping.json.ping_id,
    });
    expect(late.status).toBe(422);
    expect(late.json.error.code).toBe('ping_expired');
  });

  // The day cap (the flow's zone, UTC) and the daily ping limit (UTC) must see every ping and the lead
  // of the scenario in one day: once more, with a new source and key, if the day ended meanwhile.
  it('caps are read, not reserved, by pings; ping limits answer 429', () =>
    inOneWindow(stack.pool, { unit: 'day' }, async () => {
      const source = await createSource({
        caps: [{ maximum: 1, per: 'day' }],
        // A daily limit: a minute window could turn over mid-test and let the fifth ping through.
        ping: { ttl_seconds: 60, limits: { per_day: 4 } },
      });
      const pubKey = await sourceKey(source.id);
      const ping = () =>
        stack.call('POST', `/flows/${flowId}/ping`, pubKey, { lead: { state: 'TX', amount: 25000 } });
      expect((await ping()).json.outcome).toBe('bid');
      expect((await ping()).json.outcome).toBe('bid'); // the first reserved nothing
      expect((await stack.call('POST', `/flows/${flowId}/leads`, pubKey, { lead: lead() })).status).toBe(201);
      const capped = await ping();
      expect(capped.json).toMatchObject({ outcome: 'no_bid', code: 'cap' });
      expect((await ping()).status).toBe(200);
      const limited = await ping();
      expect(limited.status).toBe(429);
      expect(limited.json.error.code).toBe('ping_limit_reached');
      expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    }));

  it('ping limit windows are UTC windows, whatever the database session’s time zone', async () => {
    // 20:15 UTC is 01:45 the next day in Kolkata (UTC+05:30): a window truncated in the session's zone
    // would start at Kolkata's midnight or half past the UTC hour, not where Retry-After says it ends.
    const sourceId = `src_tz_${Math.random().toString(36).slice(2)}`;
    const client = await stack.pool.connect();
    try {
      await client.query(`SET TIME ZONE 'Asia/Kolkata'`);
      const limits = [
        { per: 'hour', maximum: 5 },
        { per: 'day', maximum: 5 },
      ];
      expect(await countPing(client, sourceId, limits, new Date('2026-03-10T20:15:00Z'))).toEqual({
        allowed: true,
      });
    } finally {
      await client.query('RESET TIME ZONE');
      client.release();
    }
    const { rows } = await stack.pool.query<{ period: string; window_start: Date }>(
      'SELECT period, window_start FROM ping_counters WHERE source_id = $1 ORDER BY period',
      [sourceId],
    );
    expect(rows.map((r) => [r.period, r.window_start.toISOString()])).toEqual([
      ['day', '2026-03-10T00:00:00.000Z'],
      ['hour', '2026-03-10T20:00:00.000Z'],
    ]);
  });

  it('analytics group by source id (named), keep the plain source string, and count pings', async () => {
    const { key: k } = await stack.createAccount();
    const flow = (await stack.call('POST', '/flows', k, flowBody('Analytics'))).json.id;
    const source = (await stack.call('POST', `/flows/${flow}/sources`, k, sourceBody({ name: 'Named pub' })))
      .json;
    await stack.call('POST', `/flows/${flow}/leads`, k, { lead: lead(), source_id: source.id });
    await stack.call('POST', `/flows/${flow}/leads`, k, {
      lead: { email: 'w@example.com', phone: '5125550100', loan_amount: 5000, source: 'website_form' },
    });
    const pinged = await stack.call('POST', `/flows/${flow}/ping`, k, {
      lead: { state: 'TX', amount: 25000 },
      source_id: source.id,
    });
    await stack.call('POST', `/flows/${flow}/ping`, k, {
      lead: { state: 'OH', amount: 25000 },
      source_id: source.id,
    });
    await stack.call('POST', `/flows/${flow}/leads`, k, {
      lead: lead(),
      source_id: source.id,
      ping_id: pinged.json.ping_id,
    });
    const res = await stack.call('GET', `/analytics?flow_id=${flow}&group_by=source`, k);
    expect(res.status, res.text).toBe(200);
    const groups = Object.fromEntries(res.json.metrics.map((g: { source: string }) => [g.source, g]));
    expect(groups[source.id]).toMatchObject({
      source_name: 'Named pub',
      total_leads: 2,
      pings: 2,
      bids: 1,
      bid_rate: 0.5,
      posted_pings: 1,
      post_rate: 1,
    });
    expect(groups.website_form).toMatchObject({ total_leads: 1, pings: 0 });
  });
});
