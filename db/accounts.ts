import { randomBytes } from 'node:crypto';
import { generateApiKey, hashApiKey, type KeyMode } from '../lib/api-keys.js';
import { newId } from '../lib/ids.js';
import { preparedStatement, type Queryable } from './pool.js';

export const ALL_SCOPES = [
  'leads:write',
  'leads:read',
  'flows:read',
  'flows:write',
  'analytics:read',
  'intent:query',
  'admin',
] as const;
export type Scope = (typeof ALL_SCOPES)[number];

export interface AccountRow {
  id: string;
  name: string;
  webhook_secret: string;
  created_at: Date;
}

export async function insertAccount(db: Queryable, name: string, id = newId('acct')): Promise<AccountRow> {
  const { rows } = await db.query<AccountRow>(
    'INSERT INTO accounts (id, name, webhook_secret) VALUES ($1, $2, $3) RETURNING *',
    [id, name, `whsec_${randomBytes(24).toString('hex')}`],
  );
  return rows[0]!;
}

export async function findAccount(db: Queryable, id: string): Promise<AccountRow | null> {
  const { rows } = await db.query<AccountRow>('SELECT * FROM accounts WHERE id = $1', [id]);
  return rows[0] ?? null;
}

export interface IssuedKey {
  id: string;
  key: string;
  prefix: string;
  mode: KeyMode;
  scopes: Scope[];
}

export async function issueApiKey(
  db: Queryable,
  accountId: string,
  options: {
    mode?: KeyMode;
    scopes?: readonly Scope[];
    name?: string;
    /** Per-key limits; absent means the documented defaults (DEFAULT_RATE_LIMIT). */
    rateLimit?: { perHour?: number; perMinute?: number };
  } = {},
): Promise<IssuedKey> {
  const mode = options.mode ?? 'live';
  const scopes = [...(options.scopes ?? ALL_SCOPES)];
  const { key, prefix, hash } = generateApiKey(mode);
  const id = newId('key');
  await db.query(
    `INSERT INTO api_keys (id, account_id, name, prefix, key_hash, mode, scopes, rate_limit_per_hour,
                           rate_limit_per_minute)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      accountId,
      options.name ?? 'default',
      prefix,
      hash,
      mode,
      scopes,
      options.rateLimit?.perHour ?? null,
      options.rateLimit?.perMinute ?? null,
    ],
  );
  return { id, key, prefix, mode, scopes };
}

/** Documented defaults; a key's own `rate_limit_per_hour` / `rate_limit_per_minute` override them. */
export const DEFAULT_RATE_LIMIT = { perHour: 1000, perMinute: 100 } as const;

export interface AuthenticatedKey {
  keyId: string;
  accountId: string;
  mode: KeyMode;
  scopes: Scope[];
  /** CIDRs the key may be used from; empty means any address. */
  ipAllowlist: string[];
  rateLimit: { perHour: number; perMinute: number };
  /** A source's key: it submits and pings to this flow, as this source, and nothing else. */
  source: { id: string; flowId: string } | null;
}

/**
 * The key's owner and permissions, or null for an unknown or revoked key. After a rotation with a grace
 * period, the previous secret also authenticates until `previous_key_expires_at`.
 */
export async function authenticateApiKey(db: Queryable, key: string): Promise<AuthenticatedKey | null> {
  const [auth] = await authenticateApiKeys(db, [key]);
  return auth ?? null;
}

/** `authenticateApiKey` for several keys in one statement: one answer per key, in their order. */
export async function authenticateApiKeys(
  db: Queryable,
  keys: readonly string[],
): Promise<(AuthenticatedKey | null)[]> {
  const hashes = keys.map(hashApiKey);
  const { rows } = await db.query<{
    id: string;
    account_id: string;
    mode: KeyMode;
    scopes: Scope[];
    ip_allowlist: string[] | null;
    rate_limit_per_hour: number | null;
    rate_limit_per_minute: number | null;
    source_id: string | null;
    source_flow_id: string | null;
    key_hash: Buffer;
    previous_key_hash: Buffer | null;
    previous_valid: boolean;
  }>(apiKeysByHashStatement([hashes]));
  // Each secret answers with the key it is the current secret of, else the key it was the previous one of.
  const byHash = new Map<string, AuthenticatedKey>();
  for (const row of rows) {
    const auth: AuthenticatedKey = {
      keyId: row.id,
      accountId: row.account_id,
      mode: row.mode,
      scopes: row.scopes,
      ipAllowlist: row.ip_allowlist ?? [],
      rateLimit: {
        perHour: row.rate_limit_per_hour ?? DEFAULT_RATE_LIMIT.perHour,
        perMinute: row.rate_limit_per_minute ?? DEFAULT_RATE_LIMIT.perMinute,
      },
      source: row.source_id && row.source_flow_id ? { id: row.source_id, flowId: row.source_flow_id } : null,
    };
    byHash.set(row.key_hash.toString('hex'), auth);
    const previous = row.previous_key_hash?.toString('hex');
    if (previous && row.previous_valid && !byHash.has(previous)) byHash.set(previous, auth);
  }
  return hashes.map((h) => byHash.get(h.toString('hex')) ?? null);
}

const apiKeysByHashStatement = preparedStatement(
  'api_keys_by_hash',
  `SELECT k.id, k.account_id, k.mode, k.scopes, k.ip_allowlist, k.rate_limit_per_hour, k.rate_limit_per_minute,
          k.source_id, s.flow_id AS source_flow_id, k.key_hash, k.previous_key_hash,
          coalesce(k.previous_key_expires_at > now(), false) AS previous_valid
     FROM api_keys k LEFT JOIN sources s ON s.id = k.source_id
    WHERE k.revoked_at IS NULL
      AND (k.key_hash = ANY($1::bytea[]) OR (k.previous_key_hash = ANY($1::bytea[]) AND k.previous_key_expires_at > now()))`,
);
