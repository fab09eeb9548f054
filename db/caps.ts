import type { CapPeriod } from '../domain/flow.js';
import { type Pool, preparedStatement, type Queryable, withTransaction } from './pool.js';

export interface CapRequest {
  /** Stable counter identity, e.g. `flow:<id>:<capId>` or `recipient:<id>:<capId>`. */
  key: string;
  capId: string;
  maximum: number;
  per: CapPeriod;
  timeZone: string;
}

/**
 * Takes one slot in every cap, or none: the first full cap rolls the whole reservation back (so the
 * other caps are not counted either). Counting is one conditional upsert per cap, so N concurrent
 * reservations against a cap of M grant exactly min(N, M). Retrying for the same lead is a no-op.
 */
export async function reserveCaps(
  pool: Pool,
  leadId: string,
  caps: readonly CapRequest[],
  at: string,
): Promise<{ granted: true } | { granted: false; capId: string }> {
  if (caps.length === 0) return { granted: true };
  const blocked = caps.find((cap) => cap.maximum <= 0);
  if (blocked) return { granted: false, capId: blocked.capId };
  try {
    await withTransaction(pool, async (tx) => {
      for (const cap of caps) {
        const reserved = await tx.query(reserveStatement([leadId, cap.key, cap.per, at, cap.timeZone]));
        if (reserved.rowCount === 0) continue; // already holds a slot (a retried activity)
        const counted = await tx.query(countStatement([cap.key, reserved.rows[0].window_start, cap.maximum]));
        if (counted.rowCount === 0) throw new CapFull(cap.capId);
      }
    });
    return { granted: true };
  } catch (err) {
    if (err instanceof CapFull) return { granted: false, capId: err.capId };
    throw err;
  }
}

// Each capped lead reserves a slot in each of its caps.
const reserveStatement = preparedStatement(
  'cap_reserve',
  `INSERT INTO cap_reservations (lead_id, cap_key, window_start)
     VALUES ($1, $2, date_trunc($3, $4::timestamptz AT TIME ZONE $5) AT TIME ZONE $5)
     ON CONFLICT (lead_id, cap_key) DO NOTHING
     RETURNING window_start`,
);
const countStatement = preparedStatement(
  'cap_count',
  `INSERT INTO cap_counters (cap_key, window_start, count) VALUES ($1, $2, 1)
     ON CONFLICT (cap_key, window_start) DO UPDATE SET count = cap_counters.count + 1
       WHERE cap_counters.count < $3
     RETURNING count`,
);

class CapFull extends Error {
  constructor(readonly capId: string) {
    super(`cap ${capId} is full`);
  }
}

/** Gives back the lead's slots in the caps whose key starts with `keyPrefix` (idempotent). */
export async function releaseCaps(pool: Pool, leadId: string, keyPrefix: string): Promise<number> {
  return withTransaction(pool, async (tx) => {
    const released = await tx.query<{ cap_key: string; window_start: Date }>(
      `DELETE FROM cap_reservations WHERE lead_id = $1 AND starts_with(cap_key, $2) RETURNING cap_key, window_start`,
      [leadId, keyPrefix],
    );
    for (const row of released.rows) {
      await tx.query(
        'UPDATE cap_counters SET count = greatest(count - 1, 0) WHERE cap_key = $1 AND window_start = $2',
        [row.cap_key, row.window_start],
      );
    }
    return released.rowCount ?? 0;
  });
}

export async function capCount(pool: Pool, key: string): Promise<number> {
  const { rows } = await pool.query<{ total: number }>(
    'SELECT coalesce(sum(count), 0)::int AS total FROM cap_counters WHERE cap_key = $1',
    [key],
  );
  return rows[0]?.total ?? 0;
}

/**
 * How many slots each cap has taken in its current calendar window (`per`, in `timeZone`): the same
 * window arithmetic as reserveCaps, at the database's now.
 */
export async function capUsage(
  db: Queryable,
  caps: ReadonlyArray<{ key: string; per: CapPeriod }>,
  timeZone: string,
): Promise<Map<string, { windowStart: Date; used: number }>> {
  if (caps.length === 0) return new Map();
  const { rows } = await db.query<{ key: string; window_start: Date; used: number }>(
    `SELECT c.key, w.window_start, coalesce(cc.count, 0)::int AS used
       FROM unnest($1::text[], $2::text[]) AS c(key, per)
      CROSS JOIN LATERAL (
        SELECT date_trunc(c.per, now() AT TIME ZONE $3) AT TIME ZONE $3 AS window_start) w
       LEFT JOIN cap_counters cc ON cc.cap_key = c.key AND cc.window_start = w.window_start`,
    [caps.map((c) => c.key), caps.map((c) => c.per), timeZone],
  );
  return new Map(rows.map((r) => [r.key, { windowStart: r.window_start, used: r.used }]));
}
