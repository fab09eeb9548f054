import type { Queryable } from './pool.js';

// Data past its retention, deleted by the maintenance schedule (workflows/maintenance.ts): the intent
// query log, ended rate-limit and ping-limit windows and expired pings always; leads only when the
// operator sets a lead retention.

export interface RetentionPolicy {
  /** Intent query log rows older than this are deleted (reputation and alerts read at most 24 h). */
  intentQueryLogDays: number;
  /**
   * Closed leads created longer ago than this are deleted with their events, dedup fingerprints,
   * idempotency keys, cap reservations, webhook records and auction bids; null (the default) keeps leads for ever.
   * Leads still open (received, or delivery_failed waiting for a replay) are never deleted.
   */
  leadRetentionDays?: number | null;
  /**
   * Pings are deleted this many days after they expire (no_bid pings, which have no expiry, after they
   * were made), their analytics counts kept per hour in ping_counts. Absent (schedules created before
   * it existed): DEFAULT_PING_RETENTION_DAYS.
   */
  pingRetentionDays?: number;
}

export const DEFAULT_PING_RETENTION_DAYS = 7;

export interface PruneResult {
  intent_queries: number;
  rate_limit_counters: number;
  leads: number;
  /** Absent in results recorded before pings were pruned. */
  pings?: number;
  ping_counters?: number;
}

const OPEN_LEAD_STATUSES = ['received', 'delivery_failed'];
const LEAD_BATCH = 1_000;

// Small batches keep each statement's locks and WAL short on a busy database.
export const PRUNE_BATCH = 5_000;

/**
 * Runs a statement that deletes at most `batch` rows until a run deletes fewer; returns how many went.
 * A statement whose deletion is in a CTE names its count in a `deleted` column (its row count would be
 * the final SELECT's); otherwise the row count is the deletion's.
 */
async function deleteInBatches(
  db: Queryable,
  sql: string,
  params: unknown[],
  batch = PRUNE_BATCH,
): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.query<{ deleted?: number }>(sql, params);
    const deleted = result.rows[0]?.deleted ?? result.rowCount ?? 0;
    total += deleted;
    if (deleted < batch) return total;
  }
}

export async function pruneExpiredRecords(db: Queryable, policy: RetentionPolicy): Promise<PruneResult> {
  const intentQueries = await deleteInBatches(
    db,
    `DELETE FROM intent_queries WHERE id IN (
       SELECT id FROM intent_queries WHERE received_at < now() - make_interval(days => $1) LIMIT ${PRUNE_BATCH})`,
    [policy.intentQueryLogDays],
  );
  // Each request sweeps its own key's ended windows; this catches keys that stopped calling.
  const counters = await deleteInBatches(
    db,
    `DELETE FROM rate_limit_counters WHERE ctid IN (
       SELECT ctid FROM rate_limit_counters
        WHERE window_start + make_interval(secs => window_seconds) <= now() LIMIT ${PRUNE_BATCH})`,
    [],
  );
  const leads = policy.leadRetentionDays ? await pruneLeads(db, policy.leadRetentionDays) : 0;
  const pings = await prunePings(db, policy.pingRetentionDays ?? DEFAULT_PING_RETENTION_DAYS);
  // Ping-limit windows of sources that stopped pinging (the longest window is a day).
  const pingCounters = await deleteInBatches(
    db,
    `DELETE FROM ping_counters WHERE ctid IN (
       SELECT ctid FROM ping_counters WHERE window_start < now() - interval '2 days' LIMIT ${PRUNE_BATCH})`,
    [],
  );
  return {
    intent_queries: intentQueries,
    rate_limit_counters: counters,
    leads,
    pings,
    ping_counters: pingCounters,
  };
}

/**
 * Expired pings past the retention go, each batch in one statement with its analytics counts added
 * to ping_counts (per account, flow, source and UTC hour), so a ping is either counted there or
 * still a row, never both nor neither. A post naming a deleted ping answers 404 ping_not_found (it
 * had expired days before).
 */
async function prunePings(db: Queryable, days: number): Promise<number> {
  return deleteInBatches(
    db,
    `WITH doomed AS (
       DELETE FROM pings WHERE id IN (
         SELECT id FROM pings WHERE coalesce(expires_at, created_at) < now() - make_interval(days => $1)
          LIMIT ${PRUNE_BATCH})
       RETURNING account_id, flow_id, source_id, created_at, outcome, lead_id
     ), counted AS (
       INSERT INTO ping_counts (account_id, flow_id, source_id, hour, pings, bids, posted)
       SELECT account_id, flow_id, source_id,
              date_trunc('hour', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', count(*),
              count(*) FILTER (WHERE outcome = 'bid'), count(lead_id)
         FROM doomed GROUP BY 1, 2, 3, 4
       ON CONFLICT (account_id, flow_id, hour, source_id) DO UPDATE
         SET pings = ping_counts.pings + excluded.pings, bids = ping_counts.bids + excluded.bids,
             posted = ping_counts.posted + excluded.posted
     )
     SELECT count(*)::int AS deleted FROM doomed`,
    [days],
  );
}

/** One statement per batch: a lead and everything that names it go together, or not at all. */
async function pruneLeads(db: Queryable, days: number): Promise<number> {
  return deleteInBatches(
    db,
    `WITH doomed AS (
       SELECT id FROM leads
        WHERE created_at < now() - make_interval(days => $1) AND NOT (status = ANY($2::text[]))
        LIMIT ${LEAD_BATCH}
     ), events AS (DELETE FROM lead_events WHERE lead_id IN (SELECT id FROM doomed)),
     fingerprints AS (DELETE FROM lead_fingerprints WHERE lead_id IN (SELECT id FROM doomed)),
     submissions AS (DELETE FROM lead_submissions WHERE lead_id IN (SELECT id FROM doomed)),
     reservations AS (DELETE FROM cap_reservations WHERE lead_id IN (SELECT id FROM doomed)),
     webhooks AS (DELETE FROM webhook_deliveries WHERE lead_id IN (SELECT id FROM doomed)),
     bids AS (DELETE FROM auction_bids WHERE lead_id IN (SELECT id FROM doomed))
     DELETE FROM leads WHERE id IN (SELECT id FROM doomed)`,
    [days, OPEN_LEAD_STATUSES],
    LEAD_BATCH,
  );
}
