import type { SourceConfig, SourceInput } from '../domain/sources.js';
import { newId } from '../lib/ids.js';
import type { Queryable } from './pool.js';

export interface SourceRow {
  id: string;
  account_id: string;
  flow_id: string;
  name: string;
  enabled: boolean;
  config: SourceConfig;
  created_at: Date;
  updated_at: Date;
}

function split(input: SourceInput): { name: string; enabled: boolean; config: SourceConfig } {
  const { name, enabled, ...config } = input;
  return { name, enabled, config };
}

export async function insertSource(
  db: Queryable,
  accountId: string,
  flowId: string,
  input: SourceInput,
): Promise<SourceRow> {
  const { name, enabled, config } = split(input);
  const { rows } = await db.query<SourceRow>(
    `INSERT INTO sources (id, account_id, flow_id, name, enabled, config)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [newId('src'), accountId, flowId, name, enabled, config],
  );
  return rows[0]!;
}

/** The source of the account and flow (undeleted), or null. */
export async function findSource(
  db: Queryable,
  accountId: string,
  flowId: string,
  id: string,
): Promise<SourceRow | null> {
  const { rows } = await db.query<SourceRow>(
    `SELECT * FROM sources WHERE id = $1 AND account_id = $2 AND flow_id = $3 AND deleted_at IS NULL`,
    [id, accountId, flowId],
  );
  return rows[0] ?? null;
}

export async function listSources(db: Queryable, accountId: string, flowId: string): Promise<SourceRow[]> {
  const { rows } = await db.query<SourceRow>(
    `SELECT * FROM sources WHERE account_id = $1 AND flow_id = $2 AND deleted_at IS NULL
      ORDER BY created_at, id`,
    [accountId, flowId],
  );
  return rows;
}

export async function updateSource(
  db: Queryable,
  accountId: string,
  flowId: string,
  id: string,
  input: SourceInput,
): Promise<SourceRow | null> {
  const { name, enabled, config } = split(input);
  const { rows } = await db.query<SourceRow>(
    `UPDATE sources SET name = $4, enabled = $5, config = $6, updated_at = now()
      WHERE id = $1 AND account_id = $2 AND flow_id = $3 AND deleted_at IS NULL RETURNING *`,
    [id, accountId, flowId, name, enabled, config],
  );
  return rows[0] ?? null;
}

/** Soft-deletes the source and revokes its keys (its leads keep their source id). */
export async function deleteSource(
  db: Queryable,
  accountId: string,
  flowId: string,
  id: string,
): Promise<SourceRow | null> {
  const { rows } = await db.query<SourceRow>(
    `UPDATE sources SET deleted_at = now(), updated_at = now()
      WHERE id = $1 AND account_id = $2 AND flow_id = $3 AND deleted_at IS NULL RETURNING *`,
    [id, accountId, flowId],
  );
  if (!rows[0]) return null;
  await db.query('UPDATE api_keys SET revoked_at = now() WHERE source_id = $1 AND revoked_at IS NULL', [id]);
  return rows[0];
}

export interface PingRecord {
  id: string;
  accountId: string;
  flowId: string;
  sourceId: string | null;
  outcome: 'bid' | 'no_bid';
  bid: number | null;
  reason: string | null;
  fieldHashes: Record<string, string>;
  createdAt: Date;
  expiresAt: Date | null;
}

export async function insertPing(db: Queryable, ping: PingRecord): Promise<void> {
  await db.query(
    `INSERT INTO pings (id, account_id, flow_id, source_id, outcome, bid, reason, field_hashes, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      ping.id,
      ping.accountId,
      ping.flowId,
      ping.sourceId,
      ping.outcome,
      ping.bid,
      ping.reason,
      ping.fieldHashes,
      ping.createdAt,
      ping.expiresAt,
    ],
  );
}

export interface PingRow {
  id: string;
  account_id: string;
  flow_id: string;
  source_id: string | null;
  outcome: 'bid' | 'no_bid';
  bid: number | null;
  field_hashes: Record<string, string>;
  expires_at: Date | null;
  lead_id: string | null;
}

export async function findPing(db: Queryable, accountId: string, id: string): Promise<PingRow | null> {
  const { rows } = await db.query<PingRow>('SELECT * FROM pings WHERE id = $1 AND account_id = $2', [
    id,
    accountId,
  ]);
  return rows[0] ?? null;
}

/**
 * Binds the ping to the lead that posts it, once: true if it is now this lead's (or already was: a
 * resubmission of the same post), false if another lead took it.
 */
export async function claimPing(db: Queryable, pingId: string, leadId: string): Promise<boolean> {
  const { rows } = await db.query<{ lead_id: string }>(
    `UPDATE pings SET lead_id = $2, posted_at = now() WHERE id = $1 AND lead_id IS NULL RETURNING lead_id`,
    [pingId, leadId],
  );
  if (rows[0]) return true;
  const again = await db.query<{ lead_id: string | null }>('SELECT lead_id FROM pings WHERE id = $1', [
    pingId,
  ]);
  return again.rows[0]?.lead_id === leadId;
}

/**
 * Counts one ping against each of the source's limits, all or none (one conditional upsert per limit
 * in a transaction, as cap counters): the first full limit is answered, and nothing is counted. The
 * windows are UTC's (as the 429's Retry-After says), not the database session's time zone.
 */
export async function countPing(
  tx: Queryable,
  sourceId: string,
  limits: ReadonlyArray<{ per: string; maximum: number }>,
  at: Date,
): Promise<{ allowed: true } | { allowed: false; per: string; maximum: number }> {
  for (const limit of limits) {
    const { rowCount } = await tx.query(
      `INSERT INTO ping_counters (source_id, period, window_start, count)
       VALUES ($1, $2, date_trunc($2, $3::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', 1)
       ON CONFLICT (source_id, period, window_start) DO UPDATE SET count = ping_counters.count + 1
         WHERE ping_counters.count < $4`,
      [sourceId, limit.per, at, limit.maximum],
    );
    if (rowCount === 0) return { allowed: false, per: limit.per, maximum: limit.maximum };
  }
  return { allowed: true };
}
