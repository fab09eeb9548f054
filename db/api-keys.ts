import { generateApiKey, type KeyMode } from '../lib/api-keys.js';
import { newId } from '../lib/ids.js';
import type { Scope } from './accounts.js';
import type { Queryable } from './pool.js';

/** A key as its owner may see it: never the hash of the secret. */
export interface ApiKeyRow {
  id: string;
  account_id: string;
  name: string;
  prefix: string;
  mode: KeyMode;
  scopes: Scope[];
  ip_allowlist: string[] | null;
  rate_limit_per_hour: number | null;
  rate_limit_per_minute: number | null;
  created_at: Date;
  last_used_at: Date | null;
  rotated_at: Date | null;
  previous_key_expires_at: Date | null;
  revoked_at: Date | null;
  /** A source's key: submits and pings to that source's flow only. */
  source_id: string | null;
}

// Listed explicitly so key_hash and previous_key_hash can never leave the database.
const COLUMNS = `id, account_id, name, prefix, mode, scopes, ip_allowlist, rate_limit_per_hour,
  rate_limit_per_minute, created_at, last_used_at, rotated_at, previous_key_expires_at, revoked_at, source_id`;

export interface NewApiKey {
  name: string;
  mode: KeyMode;
  scopes: readonly Scope[];
  ipAllowlist?: readonly string[] | null;
  rateLimitPerHour?: number | null;
  rateLimitPerMinute?: number | null;
  sourceId?: string | null;
}

/** Creates a key; the returned `key` is the only time the full secret exists outside its hash. */
export async function createApiKey(
  db: Queryable,
  accountId: string,
  input: NewApiKey,
): Promise<{ row: ApiKeyRow; key: string }> {
  const { key, prefix, hash } = generateApiKey(input.mode);
  const { rows } = await db.query<ApiKeyRow>(
    `INSERT INTO api_keys (id, account_id, name, prefix, key_hash, mode, scopes, ip_allowlist,
                           rate_limit_per_hour, rate_limit_per_minute, source_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     RETURNING ${COLUMNS}`,
    [
      newId('key'),
      accountId,
      input.name,
      prefix,
      hash,
      input.mode,
      [...new Set(input.scopes)],
      input.ipAllowlist && input.ipAllowlist.length > 0 ? [...input.ipAllowlist] : null,
      input.rateLimitPerHour ?? null,
      input.rateLimitPerMinute ?? null,
      input.sourceId ?? null,
    ],
  );
  return { row: rows[0]!, key };
}

export async function listApiKeys(db: Queryable, accountId: string): Promise<ApiKeyRow[]> {
  const { rows } = await db.query<ApiKeyRow>(
    `SELECT ${COLUMNS} FROM api_keys WHERE account_id = $1 ORDER BY created_at, id`,
    [accountId],
  );
  return rows;
}

export async function listSourceApiKeys(
  db: Queryable,
  accountId: string,
  sourceId: string,
): Promise<ApiKeyRow[]> {
  const { rows } = await db.query<ApiKeyRow>(
    `SELECT ${COLUMNS} FROM api_keys WHERE account_id = $1 AND source_id = $2 ORDER BY created_at, id`,
    [accountId, sourceId],
  );
  return rows;
}

export async function findApiKey(db: Queryable, accountId: string, id: string): Promise<ApiKeyRow | null> {
  const { rows } = await db.query<ApiKeyRow>(
    `SELECT ${COLUMNS} FROM api_keys WHERE id = $1 AND account_id = $2`,
    [id, accountId],
  );
  return rows[0] ?? null;
}

export type RotateResult = { row: ApiKeyRow; key: string } | 'not_found' | 'revoked';

/**
 * Gives the key a new secret (same id, name, mode, scopes and limits). The old secret stops working at
 * once, or after `graceSeconds` so that deployments can switch over.
 */
export async function rotateApiKey(
  db: Queryable,
  accountId: string,
  id: string,
  graceSeconds = 0,
): Promise<RotateResult> {
  const existing = await findApiKey(db, accountId, id);
  if (!existing) return 'not_found';
  if (existing.revoked_at) return 'revoked';
  const { key, prefix, hash } = generateApiKey(existing.mode);
  const { rows } = await db.query<ApiKeyRow>(
    `UPDATE api_keys
        SET previous_key_hash = CASE WHEN $5::int > 0 THEN key_hash END,
            previous_key_expires_at = CASE WHEN $5::int > 0 THEN now() + make_interval(secs => $5::int) END,
            key_hash = $3, prefix = $4, rotated_at = now()
      WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL
      RETURNING ${COLUMNS}`,
    [id, accountId, hash, prefix, graceSeconds],
  );
  const row = rows[0];
  return row ? { row, key } : 'revoked';
}

/** Revokes the key (and any previous secret still in its grace period); idempotent. */
export async function revokeApiKey(db: Queryable, accountId: string, id: string): Promise<ApiKeyRow | null> {
  const { rows } = await db.query<ApiKeyRow>(
    `UPDATE api_keys
        SET revoked_at = coalesce(revoked_at, now()), previous_key_hash = NULL, previous_key_expires_at = NULL
      WHERE id = $1 AND account_id = $2
      RETURNING ${COLUMNS}`,
    [id, accountId],
  );
  return rows[0] ?? null;
}

export interface ApiKeyChanges {
  name?: string;
  scopes?: readonly Scope[];
  /** Empty or null: usable from any address. */
  ipAllowlist?: readonly string[] | null;
  /** null: back to the default. */
  rateLimitPerHour?: number | null;
  rateLimitPerMinute?: number | null;
}

/** Changes the given settings of an active key (absent ones stay); the secret and mode never change. */
export async function updateApiKey(
  db: Queryable,
  accountId: string,
  id: string,
  changes: ApiKeyChanges,
): Promise<ApiKeyRow | 'not_found' | 'revoked'> {
  const sets: string[] = [];
  const values: unknown[] = [id, accountId];
  const set = (column: string, value: unknown) => {
    values.push(value);
    sets.push(`${column} = $${values.length}`);
  };
  if (changes.name !== undefined) set('name', changes.name);
  if (changes.scopes !== undefined) set('scopes', [...new Set(changes.scopes)]);
  if (changes.ipAllowlist !== undefined)
    set(
      'ip_allowlist',
      changes.ipAllowlist && changes.ipAllowlist.length > 0 ? [...changes.ipAllowlist] : null,
    );
  if (changes.rateLimitPerHour !== undefined) set('rate_limit_per_hour', changes.rateLimitPerHour);
  if (changes.rateLimitPerMinute !== undefined) set('rate_limit_per_minute', changes.rateLimitPerMinute);
  const existing = await findApiKey(db, accountId, id);
  if (!existing) return 'not_found';
  if (existing.revoked_at) return 'revoked';
  if (sets.length === 0) return existing;
  const { rows } = await db.query<ApiKeyRow>(
    `UPDATE api_keys SET ${sets.join(', ')}
      WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL
      RETURNING ${COLUMNS}`,
    values,
  );
  return rows[0] ?? 'revoked';
}
