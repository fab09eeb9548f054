import { isSealed, newWebhookSecret, openWebhookSecret, sealWebhookSecret } from '../lib/webhook-secrets.js';
import type { PayloadKeyring } from '../temporal/payload-codec.js';
import { preparedStatement, type Queryable } from './pool.js';

/** An account's signing secrets, opened: the current one, and the previous one while it still signs. */
export interface WebhookSecrets {
  secret: string;
  createdAt: Date;
  rotatedAt: Date | null;
  previous: { secret: string; expiresAt: Date } | null;
}

interface SecretRow {
  webhook_secret: string;
  webhook_secret_previous: string | null;
  webhook_secret_previous_expires_at: Date | null;
  webhook_secret_rotated_at: Date | null;
  created_at: Date;
  previous_live: boolean;
}

const COLUMNS = `webhook_secret, webhook_secret_previous, webhook_secret_previous_expires_at,
  webhook_secret_rotated_at, created_at,
  coalesce(webhook_secret_previous_expires_at > now(), false) AS previous_live`;

function opened(keys: PayloadKeyring | undefined, accountId: string, row: SecretRow): WebhookSecrets {
  return {
    secret: openWebhookSecret(keys, accountId, row.webhook_secret),
    createdAt: row.created_at,
    rotatedAt: row.webhook_secret_rotated_at,
    previous:
      row.previous_live && row.webhook_secret_previous && row.webhook_secret_previous_expires_at
        ? {
            secret: openWebhookSecret(keys, accountId, row.webhook_secret_previous),
            expiresAt: row.webhook_secret_previous_expires_at,
          }
        : null,
  };
}

/**
 * The account's secrets (null: no such account). With `sealInPlace` (the API does it), a secret stored
 * before sealing existed is sealed now (the update only applies if no rotation changed it meanwhile).
 */
export async function findWebhookSecrets(
  db: Queryable,
  keys: PayloadKeyring | undefined,
  accountId: string,
  { sealInPlace = false } = {},
): Promise<WebhookSecrets | null> {
  const { rows } = await db.query<SecretRow>(secretsStatement([accountId]));
  const row = rows[0];
  if (!row) return null;
  if (sealInPlace && keys && !isSealed(row.webhook_secret)) {
    await db.query('UPDATE accounts SET webhook_secret = $3 WHERE id = $1 AND webhook_secret = $2', [
      accountId,
      row.webhook_secret,
      sealWebhookSecret(keys, accountId, row.webhook_secret),
    ]);
  }
  return opened(keys, accountId, row);
}

// Read by every webhook a run sends.
const secretsStatement = preparedStatement(
  'webhook_secrets',
  `SELECT ${COLUMNS} FROM accounts WHERE id = $1`,
);

/**
 * A new current secret; the one it replaces keeps signing for `overlapSeconds` (0: stops at once). Only
 * two secrets ever sign: a previous secret still in its window when rotating again is dropped.
 */
export async function rotateWebhookSecret(
  db: Queryable,
  keys: PayloadKeyring | undefined,
  accountId: string,
  overlapSeconds: number,
): Promise<WebhookSecrets | null> {
  const secret = newWebhookSecret();
  const stored = keys ? sealWebhookSecret(keys, accountId, secret) : secret;
  const { rows } = await db.query<SecretRow>(
    `UPDATE accounts
        SET webhook_secret_previous = CASE WHEN $3::int > 0 THEN webhook_secret END,
            webhook_secret_previous_expires_at = CASE WHEN $3::int > 0 THEN now() + make_interval(secs => $3::int) END,
            webhook_secret = $2,
            webhook_secret_rotated_at = now()
      WHERE id = $1
      RETURNING ${COLUMNS}`,
    [accountId, stored, overlapSeconds],
  );
  const row = rows[0];
  return row ? opened(keys, accountId, row) : null;
}
