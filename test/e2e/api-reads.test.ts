import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// GET /leads, GET /flows/{id}/events and GET /analytics. Leads submitted through the real pipeline
// give realistic events; a fixed set of January 2024 leads written straight to Postgres gives exact
// numbers for search filters and analytics (prices, feedback and dates the pipeline cannot backdate).

interface Fixture {
  id: string;
  status: string;
  source: string | null;
  campaign: string | null;
  quality: number | null;
  cost: number;
  revenue: number;
  at: string;
  test?: boolean;
  flow?: 'other';
  external?: string;
  events?: Array<{ type: string; outcome: string; recipient?: 'r1' | 'r2'; details?: object; code?: number }>;
}

describe('lead search, flow events and analytics', () => {
  let stack: TestStack;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;
  let key: string;
  let accountId: string;
  let liveFlow: string; // leads submitted through the pipeline
  let fixtureFlow: string; // January 2024 leads
  let otherFlow: string;
  let r1: { id: string; name: string };
  let r2: { id: string; name: string };
  const submitted: Array<{ id: string; status: string }> = [];

  const fixtures: Fixture[] = [
    {
      id: 'L1',
      status: 'delivered',
      source: 'web',
      campaign: 'c1',
      quality: 0.9,
      cost: 10,
      revenue: 30,
      at: '2024-01-10T10:15:00Z',
      external: 'ext-1',
      events: [
        { type: 'delivered', outcome: 'success', recipient: 'r1', details: { price: 30 }, code: 200 },
        { type: 'converted', outcome: 'success', recipient: 'r1' },
      ],
    },
    {
      // Sold to r2 for 25 and returned: the feedback endpoint has already taken the 25 off revenue.
      id: 'L2',
      status: 'delivered',
      source: 'web',
      campaign: 'c2',
      quality: 0.7,
      cost: 10,
      revenue: 0,
      at: '2024-01-10T11:00:00Z',
      events: [
        { type: 'delivered', outcome: 'success', recipient: 'r2', details: { price: 25 }, code: 200 },
        { type: 'returned', outcome: 'success', recipient: 'r2', details: { amount: 25 } },
      ],
    },
    {
      id: 'L3',
      status: 'rejected',
      source: 'web',
      campaign: null,
      quality: 0.2,
      cost: 0,
      revenue: 0,
      at: '2024-01-11T09:00:00Z',
    },
    {
      id: 'L4',
      status: 'delivery_failed',
      source: 'ppc',
      campaign: 'c1',
      quality: 0.5,
      cost: 5,
      revenue: 0,
      at: '2024-01-11T09:30:00Z',
      events: [{ type: 'delivery_failed', outcome: 'failure', recipient: 'r1', code: 422 }],
    },
    {
      id: 'L5',
      status: 'delivered',
      source: 'ppc',
      campaign: null,
      quality: null,
      cost: 5,
      revenue: 20,
      at: '2024-01-12T15:45:00Z',
      events: [
        { type: 'delivered', outcome: 'success', recipient: 'r1', details: { price: '20.00' }, code: 200 },
        { type: 'delivery_failed', outcome: 'error', recipient: 'r2', code: 503 },
      ],
    },
    // Test-mode lead: in search results, not in analytics unless asked for.
    {
      id: 'L6',
      status: 'delivered',
      source: 'web',
      campaign: null,
      quality: 1,
      cost: 100,
      revenue: 100,
      at: '2024-01-12T16:00:00Z',
      test: true,
    },
    // After the period (end_date 2024-01-31 includes that whole day only).
    {
      id: 'L7',
      status: 'accepted',
      source: 'web',
      campaign: null,
      quality: 0.5,
      cost: 1,
      revenue: 0,
      at: '2024-02-01T00:00:00Z',
    },
    // Another flow of the same account.
    {
      id: 'L8',
      status: 'accepted',
      source: 'web',
      campaign: null,
      quality: 0.1,
      cost: 7,
      revenue: 0,
      at: '2024-01-15T12:00:00Z',
      flow: 'other',
    },
  ];
  const leadId = (fixture: string) => `lead_fixture_${accountId}_${fixture}`;

  beforeAll(async () => {
    stack = await startTestStack();
    buyer = await startRecipient();
    ({ key, accountId } = await stack.createAccount());

    // Through the pipeline: two delivered leads, one rejected.
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Live',
      settings: { required_fields: ['email'] },
      steps: [{ type: 'delivery', recipient: { name: 'Buyer', config: { url: buyer.url } } }],
    });
    liveFlow = flow.json.id;
    for (const lead of [
      { email: 'one@example.com', phone: '5551234567', source: 'search', campaign: 'spring' },
      { email: 'two@example.com', phone: '5551234568', source: 'social', campaign: 'spring' },
      { phone: '5551234569', source: 'search' },
    ]) {
      const res = await stack.call('POST', `/flows/${liveFlow}/leads`, key, { lead });
      submitted.push({
        id: res.json.id ?? res.headers.get('X-Lead-Id'),
        status: res.status === 201 ? res.json.status : 'rejected',
      });
    }

    // Straight to Postgres: the January fixture.
    fixtureFlow = (await stack.call('POST', '/flows', key, { name: 'Fixture' })).json.id;
    otherFlow = (await stack.call('POST', '/flows', key, { name: 'Other' })).json.id;
    r1 = (await stack.call('POST', '/recipients', key, { name: 'Alpha', config: { url: buyer.url } })).json;
    r2 = (
      await stack.call('POST', '/recipients', key, {
        name: 'Beta',
        config: { url: buyer.url, method: 'PUT' },
      })
    ).json;
    for (const f of fixtures) {
      const flowId = f.flow === 'other' ? otherFlow : fixtureFlow;
      await stack.pool.query(
        `INSERT INTO leads (id, account_id, flow_id, flow_version, status, source, campaign, external_id, test_mode,
                            lead_data, quality_score, cost, revenue, created_at, updated_at)
         VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, '{}', $9, $10, $11, $12, $12)`,
        [
          leadId(f.id),
          accountId,
          flowId,
          f.status,
          f.source,
          f.campaign,
          f.external ?? null,
          f.test ?? false,
          f.quality,
          f.cost,
          f.revenue,
          f.at,
        ],
      );
      const events = [
        { type: 'received', outcome: 'success' },
        ...(f.status === 'rejected'
          ? [{ type: 'rejected', outcome: 'failure' }]
          : [{ type: 'accepted', outcome: 'success' }]),
        ...(f.events ?? []),
      ] as NonNullable<Fixture['events']>;
      for (const [i, e] of events.entries()) {
        await stack.pool.query(
          `INSERT INTO lead_events (id, lead_id, account_id, flow_id, type, outcome, recipient_id, response_code,
                                    duration_ms, details, started_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::timestamptz + make_interval(secs => $12))`,
          [
            `evt_${leadId(f.id)}_${i}`,
            leadId(f.id),
            accountId,
            flowId,
            e.type,
            e.outcome,
            e.recipient === 'r1' ? r1.id : e.recipient === 'r2' ? r2.id : null,
            e.code ?? null,
            e.recipient ? 120 + i : null,
            e.details ?? null,
            f.at,
            i,
          ],
        );
      }
    }
  });
  afterAll(async () => {
    await buyer?.close();
    await stack?.stop();
  });

  const ids = (leads: Array<{ id: string }>) =>
    leads.map((l) => l.id.replace(`lead_fixture_${accountId}_`, ''));

  describe('GET /leads', () => {
    it('lists a flow’s leads newest first with the documented fields and page counts', async () => {
      const res = await stack.call('GET', `/leads?flow_id=${fixtureFlow}`, key);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ total_count: 7, page_count: 1, current_page: 1, per_page: 100 });
      expect(ids(res.json.leads)).toEqual(['L7', 'L6', 'L5', 'L4', 'L3', 'L2', 'L1']);
      expect(res.json.leads.at(-1)).toEqual({
        id: leadId('L1'),
        created_at: '2024-01-10T10:15:00.000Z',
        status: 'delivered',
        quality_score: 0.9,
        source: 'web',
        campaign: 'c1',
        flow_id: fixtureFlow,
        external_id: 'ext-1',
        test_mode: false,
      });
    });

    it('filters by status (one or several), source, campaign, external_id, test mode and dates', async () => {
      const q = async (query: string) => {
        const res = await stack.call('GET', `/leads?flow_id=${fixtureFlow}&${query}`, key);
        expect(res.status, query).toBe(200);
        return ids(res.json.leads);
      };
      expect(await q('status=delivered')).toEqual(['L6', 'L5', 'L2', 'L1']);
      expect(await q('status=rejected,delivery_failed')).toEqual(['L4', 'L3']);
      expect(await q('source=ppc')).toEqual(['L5', 'L4']);
      expect(await q('campaign=c1')).toEqual(['L4', 'L1']);
      expect(await q('external_id=ext-1')).toEqual(['L1']);
      expect(await q('test_mode=true')).toEqual(['L6']);
      expect(await q('created_after=2024-01-11&created_before=2024-01-12')).toEqual(['L4', 'L3']);
      expect(
        await q('created_after=2024-01-10T11:00:00Z&created_before=2024-01-11T09:30:00%2B00:00'),
      ).toEqual(['L3', 'L2']);
      expect(await q('status=delivered&source=web&test_mode=false')).toEqual(['L2', 'L1']);
    });

    it('searches every flow of the account without flow_id, pipeline leads included', async () => {
      const res = await stack.call('GET', '/leads?limit=1000', key);
      expect(res.json.total_count).toBe(fixtures.length + submitted.length);
      const found = res.json.leads.map((l: { id: string }) => l.id);
      for (const s of submitted) expect(found).toContain(s.id);
      const search = await stack.call('GET', `/leads?flow_id=${liveFlow}&source=search`, key);
      expect(search.json.total_count).toBe(2);
      expect(search.json.leads.map((l: { status: string }) => l.status).sort()).toEqual([
        'delivered',
        'rejected',
      ]);
    });

    it('pages with limit and offset', async () => {
      const page2 = await stack.call('GET', `/leads?flow_id=${fixtureFlow}&limit=2&offset=2`, key);
      expect(page2.json).toMatchObject({ total_count: 7, page_count: 4, current_page: 2, per_page: 2 });
      expect(ids(page2.json.leads)).toEqual(['L5', 'L4']);
      const last = await stack.call('GET', `/leads?flow_id=${fixtureFlow}&limit=2&offset=6`, key);
      expect(last.json).toMatchObject({ current_page: 4 });
      expect(ids(last.json.leads)).toEqual(['L1']);
      const past = await stack.call('GET', `/leads?flow_id=${fixtureFlow}&limit=2&offset=50`, key);
      expect(past.json).toMatchObject({ total_count: 7, leads: [] });
    });

    it('validates its parameters', async () => {
      for (const query of [
        'limit=1001',
        'limit=0',
        'offset=-1',
        'status=lost',
        'created_after=yesterday',
        'created_after=2024-02-30',
        'created_after=2024-02-01&created_before=2024-01-01',
      ]) {
        const res = await stack.call('GET', `/leads?${query}`, key);
        expect(res.status, query).toBe(400);
        expect(res.json.error.code).toBe('validation_failed');
      }
      expect((await stack.call('GET', '/leads?limit=1000', key)).status).toBe(200);
      expect((await stack.call('GET', '/leads?flow_id=flow_missing', key)).status).toBe(404);
    });
  });

  describe('GET /flows/{flow_id}/events', () => {
    it('lists every event of the flow, newest first, with recipients resolved', async () => {
      const res = await stack.call('GET', `/flows/${liveFlow}/events`, key);
      expect(res.status).toBe(200);
      const { rows } = await stack.pool.query(
        'SELECT count(*)::int AS n FROM lead_events WHERE flow_id = $1',
        [liveFlow],
      );
      expect(res.json.total_events).toBe(rows[0].n);
      expect(res.json.events).toHaveLength(rows[0].n);
      const times = res.json.events.map((e: { timestamp: string }) => Date.parse(e.timestamp));
      expect([...times].sort((a, b) => b - a)).toEqual(times);

      const delivered = await stack.call('GET', `/flows/${liveFlow}/events?event_type=delivered`, key);
      expect(delivered.json.total_events).toBe(2);
      const recipientId = delivered.json.events[0].recipient.id;
      for (const e of delivered.json.events) {
        expect(e).toMatchObject({
          type: 'delivered',
          outcome: 'success',
          response_code: 200,
          recipient: { id: recipientId, name: 'Buyer', type: 'http_post' },
        });
        expect(e.id).toEqual(expect.any(String));
        expect(e.duration_ms).toEqual(expect.any(Number));
        expect(submitted.map((s) => s.id)).toContain(e.lead_id);
      }
      const rejected = await stack.call('GET', `/flows/${liveFlow}/events?event_type=rejected`, key);
      expect(rejected.json.total_events).toBe(1);
      expect(rejected.json.events[0]).toMatchObject({ outcome: 'failure', recipient: null });
    });

    it('filters by several types and by dates or datetimes, and pages', async () => {
      const types = await stack.call(
        'GET',
        `/flows/${fixtureFlow}/events?event_type=delivered,delivery_failed`,
        key,
      );
      expect(types.json.total_events).toBe(5);
      expect(types.json.events[0]).toMatchObject({
        lead_id: leadId('L5'),
        type: 'delivery_failed',
        outcome: 'error',
        response_code: 503,
        recipient: { id: r2.id, name: 'Beta', type: 'http_put' },
      });

      const day = await stack.call(
        'GET',
        `/flows/${fixtureFlow}/events?start_date=2024-01-11&end_date=2024-01-11`,
        key,
      );
      expect(new Set(day.json.events.map((e: { lead_id: string }) => e.lead_id))).toEqual(
        new Set([leadId('L3'), leadId('L4')]),
      );
      expect(day.json.total_events).toBe(5); // L3: received, rejected; L4: received, accepted, delivery_failed

      const instant = await stack.call(
        'GET',
        `/flows/${fixtureFlow}/events?start_date=2024-01-10T10:15:01Z&end_date=2024-01-10T10:15:02Z`,
        key,
      );
      expect(instant.json.events.map((e: { type: string }) => e.type)).toEqual(['delivered', 'accepted']);

      const page = await stack.call('GET', `/flows/${fixtureFlow}/events?limit=3&offset=3`, key);
      const all = await stack.call('GET', `/flows/${fixtureFlow}/events?limit=1000`, key);
      expect(page.json).toMatchObject({ total_events: all.json.total_events, limit: 3, offset: 3 });
      expect(page.json.events).toEqual(all.json.events.slice(3, 6));

      const none = await stack.call('GET', `/flows/${fixtureFlow}/events?start_date=2030-01-01`, key);
      expect(none.json).toMatchObject({ total_events: 0, events: [] });
    });

    it('validates parameters and answers 404 for an unknown flow', async () => {
      for (const query of [
        'limit=1001',
        'start_date=2024-13-01',
        'start_date=2024-02-01&end_date=2024-01-01',
        'event_type=DROP TABLE',
      ]) {
        expect((await stack.call('GET', `/flows/${fixtureFlow}/events?${query}`, key)).status, query).toBe(
          400,
        );
      }
      expect((await stack.call('GET', '/flows/flow_missing/events', key)).status).toBe(404);
    });
  });

  describe('GET /analytics', () => {
    const jan = (extra = '') =>
      `/analytics?flow_id=${fixtureFlow}&start_date=2024-01-01&end_date=2024-01-31${extra}`;

    it('computes the period’s totals: rates, conversions, cost, revenue and profit', async () => {
      const res = await stack.call('GET', jan(), key);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        period: { start_date: '2024-01-01', end_date: '2024-01-31' },
        metrics: [
          {
            total_leads: 5,
            accepted_leads: 4,
            delivered_leads: 3,
            converted_leads: 1,
            returned_leads: 1,
            acceptance_rate: 0.8,
            delivery_rate: 0.75,
            conversion_rate: 0.3333,
            average_quality: 0.575,
            cost: 30,
            revenue: 50,
            profit: 20,
            pings: 0,
            bids: 0,
            posted_pings: 0,
            bid_rate: 0,
            post_rate: 0,
          },
        ],
      });
    });

    it('groups by source, campaign, day and hour', async () => {
      const bySource = await stack.call('GET', jan('&group_by=source'), key);
      expect(bySource.json.metrics).toEqual([
        {
          source: 'ppc',
          source_name: null,
          total_leads: 2,
          accepted_leads: 2,
          delivered_leads: 1,
          converted_leads: 0,
          returned_leads: 0,
          acceptance_rate: 1,
          delivery_rate: 0.5,
          conversion_rate: 0,
          average_quality: 0.5,
          cost: 10,
          revenue: 20,
          profit: 10,
          pings: 0,
          bids: 0,
          posted_pings: 0,
          bid_rate: 0,
          post_rate: 0,
        },
        {
          source: 'web',
          source_name: null,
          total_leads: 3,
          accepted_leads: 2,
          delivered_leads: 2,
          converted_leads: 1,
          returned_leads: 1,
          acceptance_rate: 0.6667,
          delivery_rate: 1,
          conversion_rate: 0.5,
          average_quality: 0.6,
          cost: 20,
          revenue: 30,
          profit: 10,
          pings: 0,
          bids: 0,
          posted_pings: 0,
          bid_rate: 0,
          post_rate: 0,
        },
      ]);
      const pick = (rows: Array<Record<string, unknown>>, k: string) =>
        rows.map((r) => [r[k], r.total_leads]);
      const byCampaign = await stack.call('GET', jan('&group_by=campaign'), key);
      expect(pick(byCampaign.json.metrics, 'campaign')).toEqual([
        ['c1', 2],
        ['c2', 1],
        [null, 2],
      ]);
      const byDay = await stack.call('GET', jan('&group_by=day'), key);
      expect(pick(byDay.json.metrics, 'day')).toEqual([
        ['2024-01-10', 2],
        ['2024-01-11', 2],
        ['2024-01-12', 1],
      ]);
      const byHour = await stack.call('GET', jan('&group_by=hour'), key);
      expect(pick(byHour.json.metrics, 'hour')).toEqual([
        ['2024-01-10T10:00:00Z', 1],
        ['2024-01-10T11:00:00Z', 1],
        ['2024-01-11T09:00:00Z', 2],
        ['2024-01-12T15:00:00Z', 1],
      ]);
    });

    it('groups by recipient: what each was offered, delivered, paid and returned', async () => {
      const res = await stack.call('GET', jan('&group_by=recipient'), key);
      const byId = Object.fromEntries(
        res.json.metrics.map((m: { recipient: string | null }) => [m.recipient, m]),
      );
      expect(byId[r1.id]).toMatchObject({
        recipient_name: 'Alpha',
        total_leads: 3,
        delivered_leads: 2,
        converted_leads: 1,
        returned_leads: 0,
        delivery_rate: 0.6667,
        conversion_rate: 0.5,
        cost: 20,
        revenue: 50,
        profit: 30,
      });
      expect(byId[r2.id]).toMatchObject({
        recipient_name: 'Beta',
        total_leads: 2,
        delivered_leads: 1,
        returned_leads: 1,
        cost: 15,
        revenue: 0,
        profit: -15,
      });
      expect(byId.null).toMatchObject({ recipient_name: null, total_leads: 1, delivered_leads: 0, cost: 0 });
      expect(res.json.metrics.at(-1).recipient).toBeNull();
    });

    it('orders the groups by the metric asked for, every row keeping every metric', async () => {
      const res = await stack.call('GET', jan('&group_by=source&metric=conversion_rate'), key);
      expect(res.json.metrics.map((m: { source: string }) => m.source)).toEqual(['web', 'ppc']);
      expect(res.json.metrics[0]).toMatchObject({
        source: 'web',
        conversion_rate: 0.5,
        total_leads: 3,
        profit: 10,
      });
      // The group key, the source's name, the 12 lead metrics and the 5 ping metrics.
      expect(Object.keys(res.json.metrics[1])).toHaveLength(19);
      const byLeads = await stack.call('GET', jan('&group_by=source&metric=total_leads'), key);
      expect(byLeads.json.metrics.map((m: { source: string }) => m.source)).toEqual(['web', 'ppc']);
      const total = await stack.call('GET', jan('&metric=profit'), key);
      expect(total.json.metrics).toMatchObject([{ profit: 20, total_leads: 5 }]);
      const unknown = await stack.call('GET', jan('&metric=happiness'), key);
      expect(unknown.status).toBe(400);
    });

    it('counts test leads only on request, every flow without flow_id, and datetimes as bounds', async () => {
      const withTest = await stack.call('GET', jan('&include_test_leads=true&metric=total_leads'), key);
      expect(withTest.json.metrics).toMatchObject([{ total_leads: 6 }]);
      const allFlows = await stack.call(
        'GET',
        '/analytics?start_date=2024-01-01&end_date=2024-01-31&metric=cost',
        key,
      );
      expect(allFlows.json.metrics).toMatchObject([{ cost: 37 }]);
      const february = await stack.call(
        'GET',
        `/analytics?flow_id=${fixtureFlow}&start_date=2024-02-01&end_date=2024-02-29`,
        key,
      );
      expect(february.json.metrics[0]).toMatchObject({
        total_leads: 1,
        accepted_leads: 1,
        average_quality: 0.5,
      });
      const morning = await stack.call(
        'GET',
        `/analytics?flow_id=${fixtureFlow}&start_date=2024-01-10T00:00:00Z&end_date=2024-01-10T10:30:00Z&metric=total_leads`,
        key,
      );
      expect(morning.json).toMatchObject({
        period: { start_date: '2024-01-10T00:00:00Z', end_date: '2024-01-10T10:30:00Z' },
        metrics: [{ total_leads: 1 }],
      });
    });

    it('defaults to the last 30 days, and answers zeros for an empty period', async () => {
      const utcDay = () => new Date().toISOString().slice(0, 10);
      const dayBefore = utcDay();
      const res = await stack.call('GET', `/analytics?flow_id=${liveFlow}`, key);
      // The server read "today" between these two readings, which differ only across UTC midnight.
      const today = res.json.period.end_date;
      expect([dayBefore, utcDay()]).toContain(today);
      const start = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
      expect(res.json.period).toEqual({ start_date: start, end_date: today });
      expect(res.json.metrics[0]).toMatchObject({ total_leads: 3, delivered_leads: 2 });
      const empty = await stack.call(
        'GET',
        jan().replace('2024-01-01', '2023-01-01').replace('2024-01-31', '2023-01-31'),
        key,
      );
      expect(empty.json.metrics).toEqual([
        expect.objectContaining({
          total_leads: 0,
          acceptance_rate: 0,
          average_quality: null,
          cost: 0,
          profit: 0,
        }),
      ]);
      const emptyGrouped = await stack.call(
        'GET',
        '/analytics?start_date=2023-01-01&end_date=2023-01-31&group_by=day',
        key,
      );
      expect(emptyGrouped.json.metrics).toEqual([]);
      // A start in the future without an end: that day alone, empty, not an error about an end_date
      // the client never sent.
      const future = await stack.call('GET', `/analytics?flow_id=${liveFlow}&start_date=2999-05-01`, key);
      expect(future.status).toBe(200);
      expect(future.json.period).toEqual({ start_date: '2999-05-01', end_date: '2999-05-01' });
      expect(future.json.metrics[0]).toMatchObject({ total_leads: 0 });
    });

    it('validates parameters and answers 404 for an unknown flow', async () => {
      for (const query of [
        'group_by=week',
        'metric=vibes',
        'start_date=2024-02-01&end_date=2024-01-01',
        'end_date=soon',
      ]) {
        expect((await stack.call('GET', `/analytics?${query}`, key)).status, query).toBe(400);
      }
      expect((await stack.call('GET', '/analytics?flow_id=flow_missing', key)).status).toBe(404);
    });
  });

  it('requires leads:read for search and events, analytics:read for analytics', async () => {
    const { key: analyst } = await stack.createAccount({ scopes: ['analytics:read'] });
    const { key: reader } = await stack.createAccount({ scopes: ['leads:read'] });
    for (const path of ['/leads', `/flows/${fixtureFlow}/events`]) {
      const res = await stack.call('GET', path, analyst);
      expect(res.status, path).toBe(403);
      expect(res.json.error.details).toMatchObject([{ required_scope: 'leads:read' }]);
    }
    const denied = await stack.call('GET', '/analytics', reader);
    expect(denied.status).toBe(403);
    expect(denied.json.error.details).toMatchObject([{ required_scope: 'analytics:read' }]);
    expect((await stack.call('GET', '/analytics', analyst)).status).toBe(200);
    expect((await stack.call('GET', '/leads', reader)).status).toBe(200);
  });

  it('shows another account none of this account’s leads, events or numbers', async () => {
    const other = await stack.createAccount();
    const search = await stack.call('GET', '/leads?limit=1000', other.key);
    expect(search.json).toMatchObject({ total_count: 0, leads: [] });
    expect((await stack.call('GET', `/leads?flow_id=${fixtureFlow}`, other.key)).status).toBe(404);
    const events = await stack.call('GET', `/flows/${fixtureFlow}/events`, other.key);
    expect(events.status).toBe(404);
    expect(events.text).not.toContain('lead_fixture');
    expect((await stack.call('GET', `/analytics?flow_id=${fixtureFlow}`, other.key)).status).toBe(404);
    const analytics = await stack.call(
      'GET',
      '/analytics?start_date=2024-01-01&end_date=2024-01-31',
      other.key,
    );
    expect(analytics.json.metrics).toEqual([expect.objectContaining({ total_leads: 0, cost: 0 })]);
  });
});
