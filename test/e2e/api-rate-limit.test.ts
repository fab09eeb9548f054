import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { hitRateLimit } from '../../db/rate-limits.js';
import { inOneWindow } from '../helpers/calendar-window.js';
import { countingPool } from '../helpers/counting-pool.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';

describe('per-key rate limits in Postgres', () => {
  let stack: TestStack;
  let admin: string;

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key: admin } = await stack.createAccount());
  });
  afterAll(async () => {
    await stack?.stop();
  });

  // Rate limits are fixed windows counted in Postgres (an hour's end is a minute's end too): a scenario
  // runs inside one minute of the clock, waiting out a minute about to end, and once more if a minute
  // ended while it ran anyway (a stall on a loaded machine) and it failed. Each scenario makes its own keys.
  const inOneMinute = (scenario: () => Promise<void>) =>
    inOneWindow(stack.pool, { unit: 'minute', margin: 10 }, scenario);

  async function newKey(rateLimit?: { per_hour?: number; per_minute?: number }) {
    const res = await stack.call('POST', '/api-keys', admin, {
      name: 'limited',
      scopes: ['flows:read', 'flows:write', 'leads:write', 'leads:read'],
      ...(rateLimit ? { rate_limit: rateLimit } : {}),
    });
    expect(res.status).toBe(201);
    return res.json as { id: string; key: string };
  }

  it('sends X-RateLimit-Limit/Remaining/Reset (hour) and the burst headers on every authenticated response', () =>
    inOneMinute(async () => {
      const { key } = await newKey();
      const first = await stack.call('GET', '/flows', key);
      const nowSeconds = Math.floor(Date.now() / 1000);
      expect(first.headers.get('X-RateLimit-Limit')).toBe('1000');
      expect(first.headers.get('X-RateLimit-Remaining')).toBe('999');
      const reset = Number(first.headers.get('X-RateLimit-Reset'));
      expect(reset % 3600).toBe(0);
      expect(reset - nowSeconds).toBeGreaterThan(0);
      expect(reset - nowSeconds).toBeLessThanOrEqual(3600 + 5);
      expect(first.headers.get('X-RateLimit-Burst-Limit')).toBe('100');
      expect(first.headers.get('X-RateLimit-Burst-Remaining')).toBe('99');
      expect(Number(first.headers.get('X-RateLimit-Burst-Reset')) % 60).toBe(0);

      // Errors after authentication count and carry the headers too.
      const missing = await stack.call('GET', '/flows/flow_nope', key);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('X-RateLimit-Remaining')).toBe('998');
      // Unauthenticated requests are not counted against any key and carry none.
      const anonymous = await stack.call('GET', '/flows', null);
      expect(anonymous.headers.get('X-RateLimit-Limit')).toBeNull();
      expect((await stack.call('GET', '/healthz', null)).headers.get('X-RateLimit-Limit')).toBeNull();
    }));

  it('answers 429 rate_limit_exceeded with Retry-After past the default burst of 100 per minute', () =>
    inOneMinute(async () => {
      const { key } = await newKey();
      for (let i = 1; i <= 100; i++) {
        const res = await stack.app.request('/flows', { headers: { Authorization: `Bearer ${key}` } });
        expect(res.status, `request ${i}`).toBe(200);
      }
      const limited = await stack.call('GET', '/flows', key);
      expect(limited.status).toBe(429);
      expect(limited.json.error).toMatchObject({
        code: 'rate_limit_exceeded',
        details: [{ limit: 100, window: 'minute' }],
        request_id: limited.headers.get('X-Request-Id'),
      });
      const retryAfter = Number(limited.headers.get('Retry-After'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.json.error.details[0].retry_after).toBe(retryAfter);
      expect(limited.headers.get('X-RateLimit-Burst-Remaining')).toBe('0');
      expect(limited.headers.get('X-RateLimit-Remaining')).toBe('899');
    }));

  it('applies a key’s own hourly and per-minute limits', () =>
    inOneMinute(async () => {
      const hourly = await newKey({ per_hour: 2 });
      expect((await stack.call('GET', '/flows', hourly.key)).headers.get('X-RateLimit-Limit')).toBe('2');
      expect((await stack.call('GET', '/flows', hourly.key)).status).toBe(200);
      const overHour = await stack.call('GET', '/flows', hourly.key);
      expect(overHour.status).toBe(429);
      expect(overHour.json.error.details).toMatchObject([{ limit: 2, window: 'hour' }]);
      expect(Number(overHour.headers.get('Retry-After'))).toBeLessThanOrEqual(3600);

      const burst = await newKey({ per_minute: 3 });
      for (let i = 0; i < 3; i++) expect((await stack.call('GET', '/flows', burst.key)).status).toBe(200);
      const overMinute = await stack.call('GET', '/flows', burst.key);
      expect(overMinute.status).toBe(429);
      expect(overMinute.json.error.details).toMatchObject([{ limit: 3, window: 'minute' }]);
      // Other keys of the same account are not affected.
      expect((await stack.call('GET', '/flows', admin)).status).toBe(200);
    }));

  it('shares one count between API instances (two apps on one database)', () =>
    inOneMinute(async () => {
      const { key } = await newKey({ per_minute: 4 });
      const other = createApp({
        pool: stack.pool,
        temporal: stack.client,
        taskQueue: stack.taskQueue,
        logger: silentLogger,
      });
      const apps = [stack.app, other, stack.app, other];
      const remaining: string[] = [];
      for (const app of apps) {
        const res = await app.request('/flows', { headers: { Authorization: `Bearer ${key}` } });
        expect(res.status).toBe(200);
        remaining.push(res.headers.get('X-RateLimit-Burst-Remaining') ?? '');
      }
      expect(remaining).toEqual(['3', '2', '1', '0']);
      const fifth = await other.request('/flows', { headers: { Authorization: `Bearer ${key}` } });
      expect(fifth.status).toBe(429);
    }));

  it('counts concurrent requests atomically, each seeing its own place in the window', () =>
    inOneMinute(async () => {
      // A key's requests that arrive together share one counting statement (group commit per key);
      // each must still get the count it would have seen alone.
      const { key, id } = await newKey({ per_minute: 10 });
      // An app whose database handle counts the counting statements it sends.
      const counting = countingPool(stack.pool, 'INSERT INTO rate_limit_counters');
      const app = createApp({
        pool: counting.pool,
        temporal: stack.client,
        taskQueue: stack.taskQueue,
        logger: silentLogger,
      });
      const answers = await Promise.all(
        Array.from({ length: 25 }, () =>
          Promise.resolve(app.request('/flows', { headers: { Authorization: `Bearer ${key}` } })),
        ),
      );
      expect(counting.count()).toBeGreaterThan(0);
      expect(counting.count()).toBeLessThan(25); // they arrived together: fewer statements than requests
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(15);
      const left = answers
        .filter((r) => r.status === 200)
        .map((r) => r.headers.get('X-RateLimit-Burst-Remaining'));
      expect(left.sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
      const hourLeft = answers.map((r) => Number(r.headers.get('X-RateLimit-Remaining')));
      expect(new Set(hourLeft).size).toBe(25); // 999 down to 975, each once
      expect(Math.min(...hourLeft)).toBe(975);
      const { rows } = await stack.pool.query<{ count: number }>(
        'SELECT count FROM rate_limit_counters WHERE key_id = $1 AND window_seconds = 60',
        [id],
      );
      expect(rows.map((r) => r.count)).toEqual([25]);
    }));

  it('counts several requests in one statement as that many statements one after another', () =>
    inOneMinute(async () => {
      const [one, many] = [await newKey(), await newKey()];
      let sequential: Awaited<ReturnType<typeof hitRateLimit>> = [];
      for (let i = 0; i < 4; i++) sequential = await hitRateLimit(stack.pool, one.id, [60, 3600]);
      const together = await hitRateLimit(stack.pool, many.id, [60, 3600], 4);
      expect(together.map((w) => [w.windowSeconds, w.count])).toEqual(
        sequential.map((w) => [w.windowSeconds, w.count]),
      );
      expect(together.map((w) => w.count)).toEqual([4, 4]);
    }));

  it('counts a batch submission once, however many leads it holds', () =>
    inOneMinute(async () => {
      const { key } = await newKey();
      const flow = await stack.call('POST', '/flows', key, { name: 'Batch' });
      expect(flow.headers.get('X-RateLimit-Remaining')).toBe('999');
      const batch = await stack.call('POST', `/flows/${flow.json.id}/leads/batch`, key, {
        leads: Array.from({ length: 5 }, (_, i) => ({
          external_id: `b${i}`,
          lead: { email: `b${i}@example.com` },
        })),
      });
      expect(batch.headers.get('X-RateLimit-Remaining')).toBe('998');
      const next = await stack.call('GET', '/flows', key);
      expect(next.headers.get('X-RateLimit-Remaining')).toBe('997');
    }));

  it('starts a new window when the old one ends, and deletes ended windows', () =>
    inOneMinute(async () => {
      const { id, key } = await newKey({ per_minute: 2 });
      await stack.call('GET', '/flows', key);
      await stack.call('GET', '/flows', key);
      expect((await stack.call('GET', '/flows', key)).status).toBe(429);
      // Pretend the minute has passed: move this key's minute window one minute back.
      await stack.pool.query(
        `UPDATE rate_limit_counters SET window_start = window_start - interval '1 minute'
        WHERE key_id = $1 AND window_seconds = 60`,
        [id],
      );
      const fresh = await stack.call('GET', '/flows', key);
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get('X-RateLimit-Burst-Remaining')).toBe('1');
      const { rows } = await stack.pool.query<{ window_seconds: number; count: number }>(
        'SELECT window_seconds, count FROM rate_limit_counters WHERE key_id = $1 ORDER BY window_seconds',
        [id],
      );
      // The ended minute window is gone; the current minute and hour windows remain.
      expect(rows).toEqual([
        { window_seconds: 60, count: 1 },
        { window_seconds: 3600, count: 4 },
      ]);
    }));
});
