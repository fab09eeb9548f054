import { preparedStatement, type Queryable } from './pool.js';

export interface WindowCount {
  windowSeconds: number;
  /** Unix seconds. */
  windowStart: number;
  /** Requests in this window, including the one being counted. */
  count: number;
}

/**
 * Counts `hits` requests of `keyId` (default one) in each fixed window (by the database clock, so every
 * API process agrees) and returns the counts after them, in ONE statement and round trip: the last
 * request's view; the one before it saw one less. The same statement deletes the key's ended windows
 * and refreshes `api_keys.last_used_at` at most once a minute.
 */
export async function hitRateLimit(
  db: Queryable,
  keyId: string,
  windowSeconds: readonly number[] = [60, 3600],
  hits = 1,
): Promise<WindowCount[]> {
  const { rows } = await db.query<{ window_seconds: number; window_start: number; count: number }>(
    hitStatement([keyId, [...windowSeconds], hits]),
  );
  return rows.map((r) => ({ windowSeconds: r.window_seconds, windowStart: r.window_start, count: r.count }));
}

const hitStatement = preparedStatement(
  'rate_limit_hit',
  `WITH swept AS (
     DELETE FROM rate_limit_counters
      WHERE key_id = $1 AND window_start + make_interval(secs => window_seconds) <= now()
   ), touched AS (
     UPDATE api_keys SET last_used_at = now()
      WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
   )
   INSERT INTO rate_limit_counters AS c (key_id, window_seconds, window_start, count)
   SELECT $1, w.seconds, to_timestamp(floor(extract(epoch FROM now()) / w.seconds) * w.seconds), $3::int
     FROM unnest($2::int[]) AS w(seconds)
   ON CONFLICT (key_id, window_seconds, window_start) DO UPDATE SET count = c.count + $3::int
   RETURNING window_seconds, extract(epoch FROM window_start)::bigint AS window_start, count`,
);
