import type { Context } from 'hono';
import type { AuthenticatedKey } from '../db/accounts.js';
import type { Queryable } from '../db/pool.js';
import { hitRateLimit, type WindowCount } from '../db/rate-limits.js';
import { KeyedBatcher } from '../lib/request-batcher.js';
import { ApiError } from './errors.js';

const MINUTE = 60;
const HOUR = 3600;

/**
 * Per database, a group commit per key: a key's requests that arrive while its counting statement is
 * under way are counted together by the next (its rows' locks would serialise them anyway), and each
 * gets the counts it would have seen alone, in arrival order.
 */
const hitsByDb = new WeakMap<Queryable, KeyedBatcher<WindowCount[]>>();

function countRequest(db: Queryable, keyId: string): Promise<WindowCount[]> {
  let hits = hitsByDb.get(db);
  if (!hits) {
    hits = new KeyedBatcher(async (key, count) => {
      const after = await hitRateLimit(db, key, [MINUTE, HOUR], count);
      return Array.from({ length: count }, (_, i) =>
        after.map((w) => ({ ...w, count: w.count - count + i + 1 })),
      );
    });
    hitsByDb.set(db, hits);
  }
  return hits.submit(keyId);
}

/**
 * Per-key fixed-window rate limits kept in Postgres, so every API process shares them: the hourly
 * limit (default 1,000) and a per-minute burst limit (default 100). Every authenticated request counts
 * once, a batch submission included. `X-RateLimit-Limit/Remaining/Reset` describe the hourly window,
 * as documented; `X-RateLimit-Burst-*` the minute window. Over either limit: 429 with `Retry-After`.
 */
export async function enforceRateLimit(c: Context, db: Queryable, auth: AuthenticatedKey): Promise<void> {
  const counts = await countRequest(db, auth.keyId);
  const now = Math.floor(Date.now() / 1000);
  const windows = [
    { name: 'hour' as const, seconds: HOUR, limit: auth.rateLimit.perHour, prefix: 'X-RateLimit' },
    {
      name: 'minute' as const,
      seconds: MINUTE,
      limit: auth.rateLimit.perMinute,
      prefix: 'X-RateLimit-Burst',
    },
  ].map((w) => {
    const row = counts.find((r) => r.windowSeconds === w.seconds);
    const count = row?.count ?? 0;
    const reset = (row?.windowStart ?? now) + w.seconds;
    return { ...w, count, reset, remaining: Math.max(0, w.limit - count) };
  });

  for (const w of windows) {
    c.header(`${w.prefix}-Limit`, String(w.limit));
    c.header(`${w.prefix}-Remaining`, String(w.remaining));
    c.header(`${w.prefix}-Reset`, String(w.reset));
  }

  const exceeded = windows.filter((w) => w.count > w.limit);
  if (exceeded.length === 0) return;
  // Wait for the latest reset among the exceeded windows: earlier than that, a request still fails.
  const binding = exceeded.reduce((a, b) => (b.reset > a.reset ? b : a));
  const retryAfter = Math.max(1, binding.reset - now);
  throw new ApiError(
    429,
    'rate_limit_exceeded',
    `Rate limit exceeded: ${binding.limit} requests per ${binding.name} for this API key`,
    { limit: binding.limit, window: binding.name, retry_after: retryAfter, reset: binding.reset },
    { 'Retry-After': String(retryAfter) },
  );
}
