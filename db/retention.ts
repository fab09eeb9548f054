import type { Queryable } from './pool.js';

// Data that only matters for a while, deleted by the maintenance schedule (workflows/maintenance.ts).
// Leads, their events and deliveries are the customer's records and are never deleted here.

export interface RetentionPolicy {
  /** Intent query log rows older than this are deleted (reputation and alerts read at most 24 h). */
  intentQueryLogDays: number;
}

export interface PruneResult {
  intent_queries: number;
  rate_limit_counters: number;
}

// Small batches keep each statement's locks and WAL short on a busy database.
const BATCH = 5_000;

async function deleteInBatches(db: Queryable, sql: string, params: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await db.query(sql, params);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) return total;
  }
}

export async function pruneExpiredRecords(db: Queryable, policy: RetentionPolicy): Promise<PruneResult> {
  const intentQueries = await deleteInBatches(
    db,
    `DELETE FROM intent_queries WHERE id IN (
       SELECT id FROM intent_queries WHERE received_at < now() - make_interval(days => $1) LIMIT ${BATCH})`,
    [policy.intentQueryLogDays],
  );
  // Each request sweeps its own key's ended windows; this catches keys that stopped calling.
  const counters = await deleteInBatches(
    db,
    `DELETE FROM rate_limit_counters WHERE ctid IN (
       SELECT ctid FROM rate_limit_counters
        WHERE window_start + make_interval(secs => window_seconds) <= now() LIMIT ${BATCH})`,
    [],
  );
  return { intent_queries: intentQueries, rate_limit_counters: counters };
}
