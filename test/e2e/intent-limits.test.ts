import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { admitIntentRequests, type IntentLimits, setIntentKeyLimits } from '../../intent/query-log.js';
import { inOneWindow } from '../helpers/calendar-window.js';
import { countingPool } from '../helpers/counting-pool.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';

// Limits, throttling, reputation and alerts of the intent API, moved by real traffic through the real
// stack. Keys get tiny per-key limits (intent_key_limits) so that each case takes a handful of queries.

const GOOD = 'Find companies looking for CRM software';
const OTHER_GOOD = 'Companies shopping for a new ERP system this quarter';
const VAGUE = 'Find companies that want stuff'; // no product category, nothing matches
// Wide enough that three queries in a row land in one bucket on a loaded machine.
const BUCKET_SECONDS = 6;

describe('intent limits, reputation and alerts', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // One query in flight at a time: the cases here query one after another, the shedding case does not.
    stack = await startTestStack({ intent: { alertBucketSeconds: BUCKET_SECONDS, maxInFlight: 1 } });
    const { key } = await stack.createAccount();
    const imported = await stack.importIntentCorpus(key);
    expect(imported.status).toBe(200);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  async function keyWith(limits: Partial<IntentLimits>) {
    const account = await stack.createAccount();
    await setIntentKeyLimits(stack.pool, account.keyId, limits);
    return account;
  }
  const query = (key: string, q: string, extra: Record<string, unknown> = {}) =>
    stack.call('POST', '/query', key, { query: q, ...extra });

  function expectIntentError(res: Awaited<ReturnType<typeof query>>, status: number, code: string) {
    expect(res.status, JSON.stringify(res.json)).toBe(status);
    expect(Object.keys(res.json).sort()).toEqual(['error', 'request_id', 'timestamp']);
    expect(res.json.error.code).toBe(code);
  }

  it('token bucket: the burst passes, then 429 RATE_LIMIT_EXCEEDED with Retry-After', async () => {
    const { key, keyId } = await keyWith({ burst: 3, ratePerMinute: 1 });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await query(key, GOOD);
      expect(res.status).toBe(200);
      expect(res.headers.get('X-RateLimit-Limit')).toBe('3');
      remaining.push(res.headers.get('X-RateLimit-Remaining')!);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await query(key, GOOD);
    expectIntentError(refused, 429, 'RATE_LIMIT_EXCEEDED');
    expect(refused.json.error.details).toMatchObject({ limit: 1, burst: 3, window: 'minute' });
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(30); // ~60 s for one token
    expect(refused.headers.get('X-RateLimit-Remaining')).toBe('0');
    // The refusal is logged with its code.
    const { rows } = await stack.pool.query(
      'SELECT error_code FROM intent_queries WHERE key_id = $1 ORDER BY received_at',
      [keyId],
    );
    expect(rows.map((r) => r.error_code)).toEqual([null, null, null, 'RATE_LIMIT_EXCEEDED']);
  });

  // The requests count in one UTC day (requests_today): once more, with new keys, if it ended meanwhile.
  it('one admission statement for several requests answers as that many statements one after another', () =>
    inOneWindow(stack.pool, { unit: 'day' }, async () => {
      const limits = { burst: 3, ratePerMinute: 1, perDay: 4 };
      const [one, many] = [await keyWith(limits), await keyWith(limits)];
      const sequential = [];
      for (let i = 0; i < 5; i++) sequential.push(...(await admitIntentRequests(stack.pool, one.keyId, 1)));
      const together = await admitIntentRequests(stack.pool, many.keyId, 5);
      const shape = (a: (typeof together)[number]) => ({
        allowed: a.allowed,
        tokens: Math.round(a.tokens * 10) / 10, // the refill between the sequential statements is tiny
        requestsToday: a.requestsToday,
        burst: a.limits.burst,
      });
      expect(together.map(shape)).toEqual(sequential.map(shape));
      expect(together.map((a) => a.allowed)).toEqual([true, true, true, false, false]);
      expect(together.map((a) => a.requestsToday)).toEqual([1, 2, 3, 4, 5]);
      // And the next statement continues from where the batch left the row.
      const [next] = await admitIntentRequests(stack.pool, many.keyId, 1);
      expect(next).toMatchObject({ allowed: false, requestsToday: 6 });
    }));

  it('the bucket refills at the standard rate', async () => {
    // One token every 4 s: long enough that the second query comes before the refill on a loaded
    // machine (at 0.5 s two slow queries refilled the bucket in between).
    const { key } = await keyWith({ burst: 1, ratePerMinute: 15 });
    expect((await query(key, GOOD)).status).toBe(200);
    expectIntentError(await query(key, GOOD), 429, 'RATE_LIMIT_EXCEEDED');
    await new Promise((r) => setTimeout(r, 4100));
    expect((await query(key, GOOD)).status).toBe(200);
  });

  // Three queries and the reset must fall in one UTC day: once more, with a new key, if it ended meanwhile.
  it('daily request limit: 429 RATE_LIMIT_EXCEEDED for the day window', () =>
    inOneWindow(stack.pool, { unit: 'day' }, async () => {
      const { key } = await keyWith({ perDay: 2 });
      expect((await query(key, GOOD)).headers.get('X-RateLimit-Daily-Remaining')).toBe('1');
      expect((await query(key, GOOD)).status).toBe(200);
      const refused = await query(key, GOOD);
      expectIntentError(refused, 429, 'RATE_LIMIT_EXCEEDED');
      expect(refused.json.error.details).toMatchObject({ limit: 2, window: 'day' });
      expect(refused.headers.get('X-RateLimit-Daily-Remaining')).toBe('0');
      const midnight = Math.ceil(Date.now() / 86_400_000) * 86_400;
      expect(Math.abs(Number(refused.headers.get('X-RateLimit-Daily-Reset')) - midnight)).toBeLessThanOrEqual(
        5,
      );
    }));

  // The day's spend is a UTC day's: once more, with new keys, if it ended between the two queries.
  it('cost limits: per lead, per query and per day answer 429 COST_LIMIT_EXCEEDED', () =>
    inOneWindow(stack.pool, { unit: 'day' }, async () => {
      const perLead = await keyWith({ usdPerLead: 1e-12 });
      const a = await query(perLead.key, GOOD);
      expectIntentError(a, 429, 'COST_LIMIT_EXCEEDED');
      expect(a.json.error.details).toMatchObject({ window: 'lead', limit_usd: 1e-12 });
      expect(a.json.error.details.cost_per_lead_usd).toBeGreaterThan(1e-12);

      const perQuery = await keyWith({ usdPerQuery: 1e-12 });
      const b = await query(perQuery.key, GOOD);
      expectIntentError(b, 429, 'COST_LIMIT_EXCEEDED');
      expect(b.json.error.details).toMatchObject({ window: 'query', limit_usd: 1e-12 });

      // The day's spend is checked before running: the first query passes and is charged.
      const perDay = await keyWith({ usdPerDay: 1e-12 });
      const first = await query(perDay.key, GOOD);
      expect(first.status).toBe(200);
      const c = await query(perDay.key, GOOD);
      expectIntentError(c, 429, 'COST_LIMIT_EXCEEDED');
      expect(c.json.error.details).toMatchObject({ window: 'day', limit_usd: 1e-12 });
      expect(c.json.error.details.spent_usd).toBeCloseTo(first.json.metadata.cost_usd, 12);
      expect(Number(c.headers.get('Retry-After'))).toBeGreaterThan(0);
    }));

  it('reputation moves with real traffic and recommendations follow the key’s queries', async () => {
    const { key } = await keyWith({});
    const fresh = await stack.call('GET', '/query-quality/reputation', key);
    expect(fresh.status).toBe(200);
    expect(fresh.json).toMatchObject({
      api_key: `${key.slice(0, 16)}...`,
      reputation_score: 1,
      total_queries: 0,
      successful_queries: 0,
      failed_queries: 0,
      average_response_time_ms: null,
      throttle_status: 'inactive',
      throttle_reason: null,
      recommendations: [],
    });
    expect(fresh.text).not.toContain(key);

    for (const q of [GOOD, OTHER_GOOD]) expect((await query(key, q)).status).toBe(200);
    const good = (await stack.call('GET', '/query-quality/reputation', key)).json;
    expect(good).toMatchObject({ total_queries: 2, successful_queries: 2, failed_queries: 0 });
    expect(good.average_response_time_ms).toBeGreaterThan(0);
    expect(Number.isInteger(good.average_response_time_ms)).toBe(true);
    expect(good.cost_efficiency).toBeGreaterThan(0.99);
    expect(good.reputation_score).toBeGreaterThan(0.95);

    // Vague prompts with no results, 2000-lead asks and an invalid query.
    for (let i = 0; i < 3; i++) expect((await query(key, VAGUE, { limit: 2000 })).status).toBe(200);
    expectIntentError(await query(key, 'crm'), 400, 'INVALID_QUERY');
    const worse = (await stack.call('GET', '/query-quality/reputation', key)).json;
    expect(worse).toMatchObject({ total_queries: 6, successful_queries: 5, failed_queries: 1 });
    expect(worse.reputation_score).toBeLessThan(good.reputation_score);
    expect(worse.components.validity).toBeCloseTo(5 / 6, 4);
    expect(worse.components.non_empty).toBeCloseTo(2 / 5, 4);
    expect(worse.components.specificity).toBeCloseTo(2 / 5, 4);
    const recs = worse.recommendations.join('\n');
    expect(recs).toMatch(/returned no leads: add fewer filters/);
    expect(recs).toMatch(/be more specific/);
    expect(recs).toMatch(/limit results/);
    expect(recs).toMatch(/rejected as invalid/);
    // The documented formula, from the components.
    const c = worse.components;
    const raw = c.validity * (0.4 * c.non_empty + 0.3 * c.specificity + 0.3 * c.cost_efficiency);
    expect(worse.reputation_score).toBeCloseTo((6 * raw + 10) / (6 + 10), 3);
  });

  // A throttled key's one query a minute is a fixed (UTC) minute window: the two throttled queries must
  // fall in one minute, so the scenario waits out a minute about to end and, if a minute still ended
  // while it ran, runs once more with a new key.
  it('throttles a key whose reputation falls under its threshold: 429 QUERY_THROTTLED', () =>
    inOneWindow(stack.pool, { unit: 'minute', margin: 10 }, async () => {
      const { key } = await keyWith({ minReputation: 0.9, throttledPerMinute: 1 });
      expect((await query(key, GOOD)).status).toBe(200);
      // Two invalid queries: (1 x 0.something + 2 x 0 + 10) / 13 < 0.9.
      expectIntentError(await query(key, 'short'), 400, 'INVALID_QUERY');
      expectIntentError(await query(key, 'tiny'), 400, 'INVALID_QUERY');
      const rep = (await stack.call('GET', '/query-quality/reputation', key)).json;
      expect(rep.reputation_score).toBeLessThan(0.9);
      expect(rep).toMatchObject({
        throttle_status: 'active',
        throttle_reason: 'Many invalid queries',
        threshold: 0.9,
      });
      // Throttled: one query a minute still passes, the next is refused.
      expect((await query(key, GOOD)).status).toBe(200);
      const refused = await query(key, GOOD);
      expectIntentError(refused, 429, 'QUERY_THROTTLED');
      expect(refused.json.error.details).toMatchObject({
        threshold: 0.9,
        reason: 'Many invalid queries',
        allowed_per_minute: 1,
      });
      expect(refused.json.error.details.reputation_score).toBeLessThan(0.9);
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
      // Throttle refusals are logged but do not lower the score further.
      const after = (await stack.call('GET', '/query-quality/reputation', key)).json;
      expect(after.total_queries).toBe(5);
      expect(after.failed_queries).toBe(3);
    }));

  it('sheds load: past the in-flight cap, 503 SERVICE_UNAVAILABLE at once, nothing logged', async () => {
    const { key, keyId } = await keyWith({});
    const [a, b] = await Promise.all([query(key, GOOD), query(key, OTHER_GOOD)]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 503]);
    const shed = a.status === 503 ? a : b;
    expectIntentError(shed, 503, 'SERVICE_UNAVAILABLE');
    expect(shed.json.error.details).toMatchObject({ reason: 'overloaded', in_flight: 1 });
    expect(shed.headers.get('Retry-After')).toBe('1');
    const { rows } = await stack.pool.query('SELECT error_code FROM intent_queries WHERE key_id = $1', [
      keyId,
    ]);
    expect(rows).toEqual([{ error_code: null }]);
    // Capacity is back once the first query is answered.
    expect((await query(key, GOOD)).status).toBe(200);
  });

  it('raises and resolves alerts with real traffic (empty results, latency, cost)', async () => {
    const { key, keyId } = await keyWith({ alertLatencyMs: 1e6 });
    const none = await stack.call('GET', '/query-quality/alerts', key);
    expect(none.status).toBe(200);
    expect(none.json).toMatchObject({
      alerts: [],
      summary: { total_alerts: 0, active_alerts: 0, critical_alerts: 0, warning_alerts: 0, info_alerts: 0 },
      bucket_seconds: BUCKET_SECONDS,
    });

    // A bucket of queries without results: an active empty_results alert.
    await nextBucket();
    for (let i = 0; i < 3; i++) expect((await query(key, VAGUE)).status).toBe(200);
    const active = (await stack.call('GET', '/query-quality/alerts', key)).json;
    expect(active.alerts).toHaveLength(1);
    const alert = active.alerts[0];
    expect(alert).toMatchObject({
      type: 'empty_results',
      severity: 'critical', // 3 of 3 empty
      threshold: 0.5,
      current_value: 1,
      status: 'active',
      resolved_at: null,
    });
    expect(alert.alert_id).toMatch(/^alert_empty_results_\d+$/);
    expect(Date.parse(alert.created_at)).toBeLessThanOrEqual(Date.now());
    expect(active.summary).toMatchObject({ total_alerts: 1, active_alerts: 1, critical_alerts: 1 });

    // A later bucket with good answers resolves it.
    await nextBucket();
    for (let i = 0; i < 2; i++) expect((await query(key, GOOD)).status).toBe(200);
    // Resolved alerts are listed on request; the default lists the active ones only.
    expect((await stack.call('GET', '/query-quality/alerts', key)).json.alerts).toEqual([]);
    const resolved = (await stack.call('GET', '/query-quality/alerts?status=all', key)).json;
    expect(resolved.alerts).toHaveLength(1);
    expect(resolved.alerts[0]).toMatchObject({
      alert_id: alert.alert_id,
      status: 'resolved',
      current_value: 0,
      peak_value: 1,
    });
    expect(resolved.alerts[0].resolved_at).not.toBeNull();
    expect((await stack.call('GET', '/query-quality/alerts?status=resolved', key)).json.alerts).toHaveLength(
      1,
    );

    // Latency over a (tiny) threshold: high_latency, critical at twice the threshold.
    await setIntentKeyLimits(stack.pool, keyId, { alertLatencyMs: 0.001 });
    for (let i = 0; i < 3; i++) expect((await query(key, GOOD)).status).toBe(200);
    const slow = (await stack.call('GET', '/query-quality/alerts?status=active', key)).json;
    expect(slow.alerts.map((a: { type: string }) => a.type)).toContain('high_latency');
    const latency = slow.alerts.find((a: { type: string }) => a.type === 'high_latency');
    expect(latency).toMatchObject({ threshold: 0.001, status: 'active', severity: 'critical' });
    expect(latency.current_value).toBeGreaterThan(0.001);

    // Cost per lead over the key's limit: the queries are refused and a high_cost alert is raised.
    const costly = await keyWith({ usdPerLead: 1e-12 });
    expectIntentError(await query(costly.key, GOOD), 429, 'COST_LIMIT_EXCEEDED');
    const cost = (await stack.call('GET', '/query-quality/alerts', costly.key)).json;
    expect(cost.alerts).toHaveLength(1);
    expect(cost.alerts[0]).toMatchObject({
      type: 'high_cost',
      severity: 'info', // one query in the bucket
      message: 'Cost per lead exceeded threshold',
      threshold: 1e-12,
      status: 'active',
    });
    expect(cost.alerts[0].current_value).toBeGreaterThan(1e-12);
    expect(cost.summary).toMatchObject({ total_alerts: 1, info_alerts: 1 });
  });
});

/** Waits for the start of the next alert bucket (so a test's queries share one bucket). */
async function nextBucket() {
  const ms = BUCKET_SECONDS * 1000;
  await new Promise((r) => setTimeout(r, ms - (Date.now() % ms) + 20));
}

describe('intent admission limit', () => {
  let stack: TestStack;
  let key: string;

  beforeAll(async () => {
    // A target no answer meets: every ranked answer is "slow" and must shrink the limit.
    stack = await startTestStack({ intent: { targetLatencyMs: 1, maxInFlight: 64 } });
    ({ key } = await stack.createAccount());
    expect((await stack.importIntentCorpus(key)).status).toBe(200);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('is steered by the latency of ranked answers only, through the real route', async () => {
    const shedder = stack.intent!.shedder;
    expect(shedder.limit).toBe(32); // where it starts
    expect((await stack.call('POST', '/query', key, { query: GOOD, limit: 25 })).status).toBe(200);
    expect(shedder.limit).toBe(32); // one slow answer: the recent p95 may still be within the target
    expect((await stack.call('POST', '/query', key, { query: GOOD, limit: 100 })).status).toBe(200);
    expect(shedder.limit).toBe(25); // two of the last 20 slower than the target: a fifth less
    await new Promise((resolve) => setTimeout(resolve, 5)); // past one target period
    for (let i = 0; i < 2; i++) {
      const invalid = await stack.call('POST', '/query', key, { query: 'x' });
      expect(invalid.status).toBe(400);
    }
    expect(shedder.limit).toBe(25); // refused before ranking: no latency signal
    for (const query of [OTHER_GOOD, GOOD]) {
      expect((await stack.call('POST', '/query', key, { query })).status).toBe(200);
    }
    expect(shedder.limit).toBe(20);
    expect(shedder.current).toBe(0);
  });

  // The day's count (requests_today) is a UTC day's: once more, with a new key, if it ended meanwhile.
  // A second run starts with the admission limit the first one's slow answers lowered (to 12 or 13 in
  // this file's order, just enough), so the scenario also waits out a day ending within 10 s first.
  it('requests of one key that arrive together are admitted exactly as one after another', () =>
    inOneWindow(stack.pool, { unit: 'day', margin: 10 }, async () => {
      // A burst of 5 with 12 at once: they share admission statements, and still exactly 5 get a token,
      // each sees its own place in the bucket and in the day's count, and the other 7 get 429.
      const { key, keyId } = await stack.createAccount();
      await setIntentKeyLimits(stack.pool, keyId, { burst: 5, ratePerMinute: 1, perDay: 9 });
      expect(stack.intent!.shedder.limit).toBeGreaterThanOrEqual(12); // all twelve are admitted to the limits
      // The same app on a database handle that counts the admission statements it sends.
      const counting = countingPool(stack.pool, 'INSERT INTO intent_key_usage');
      const app = createApp({
        pool: counting.pool,
        temporal: stack.client,
        taskQueue: stack.taskQueue,
        logger: silentLogger,
        intent: stack.intent,
        intentLimits: { limiter: { reputationCacheMs: 0 } },
      });
      const answers = await Promise.all(
        Array.from({ length: 12 }, async () => {
          const res = await app.request('/query', {
            method: 'POST',
            headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ query: GOOD }),
          });
          return {
            status: res.status,
            headers: res.headers,
            json: (await res.json()) as { error: { code: string } },
          };
        }),
      );
      // They arrived together: fewer statements than requests.
      expect(counting.count()).toBeGreaterThan(0);
      expect(counting.count()).toBeLessThan(12);
      const ok = answers.filter((a) => a.status === 200);
      expect(ok).toHaveLength(5);
      expect(ok.map((a) => a.headers.get('X-RateLimit-Remaining')).sort()).toEqual(['0', '1', '2', '3', '4']);
      // The day counts all 12 (refusals too): each answer shows what was left after it, from 8 down.
      const dayLeft = answers.map((a) => Number(a.headers.get('X-RateLimit-Daily-Remaining')));
      expect(dayLeft.sort((a, b) => b - a)).toEqual([8, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0]);
      for (const refused of answers.filter((a) => a.status !== 200)) {
        expect(refused.status).toBe(429);
        expect(refused.json.error.code).toBe('RATE_LIMIT_EXCEEDED');
      }
      const { rows } = await stack.pool.query(
        'SELECT requests_today, tokens FROM intent_key_usage WHERE key_id = $1',
        [keyId],
      );
      expect(rows[0].requests_today).toBe(12);
      expect(Number(rows[0].tokens)).toBeLessThan(1);
    }));
});
