import type { HttpRecipientConfig, PingPostRecipientConfig, RecipientInput } from '../domain/flow.js';
import { newId } from '../lib/ids.js';
import { preparedStatement, type Queryable } from './pool.js';

interface RecipientRowBase {
  id: string;
  account_id: string;
  name: string;
  created_at: Date;
  updated_at: Date;
}
/** A recipient: an ordinary buyer endpoint, or a ping/post buyer taking part in auctions. */
export type RecipientRow = RecipientRowBase &
  ({ type: 'http'; config: HttpRecipientConfig } | { type: 'ping_post'; config: PingPostRecipientConfig });

export async function insertRecipient(
  db: Queryable,
  accountId: string,
  input: RecipientInput,
): Promise<RecipientRow> {
  const { rows } = await db.query<RecipientRow>(
    `INSERT INTO recipients (id, account_id, name, type, config) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [newId('rcp'), accountId, input.name, input.type, input.config],
  );
  return rows[0]!;
}

export async function findRecipient(
  db: Queryable,
  accountId: string,
  id: string,
): Promise<RecipientRow | null> {
  return (await findRecipients(db, accountId, [id])).get(id) ?? null;
}

/** The account's recipients among `ids` by id, in one read (a deleted or another account's one is absent). */
export async function findRecipients(
  db: Queryable,
  accountId: string,
  ids: readonly string[],
): Promise<Map<string, RecipientRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<RecipientRow>(recipientsByIdStatement([[...new Set(ids)], accountId]));
  return new Map(rows.map((row) => [row.id, row]));
}

const recipientsByIdStatement = preparedStatement(
  'recipients_by_id',
  `SELECT id, account_id, name, type, config, created_at, updated_at, deleted_at
     FROM recipients WHERE id = ANY($1) AND account_id = $2 AND deleted_at IS NULL`,
);

/** Ids among `ids` that the account does not own (or that were deleted). */
export async function unknownRecipientIds(
  db: Queryable,
  accountId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    // FOR SHARE: a concurrent softDeleteRecipient waits for this flow write (and then sees it), or
    // this waits for the delete and no longer finds the recipient.
    'SELECT id FROM recipients WHERE account_id = $1 AND id = ANY($2) AND deleted_at IS NULL FOR SHARE',
    [accountId, ids],
  );
  const known = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

/** Which of these recipients (of the account) are ping/post buyers. */
export async function pingPostRecipientIds(
  db: Queryable,
  accountId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    "SELECT id FROM recipients WHERE account_id = $1 AND id = ANY($2) AND type = 'ping_post'",
    [accountId, ids],
  );
  return rows.map((r) => r.id);
}

export async function listRecipients(db: Queryable, accountId: string): Promise<RecipientRow[]> {
  const { rows } = await db.query<RecipientRow>(
    'SELECT * FROM recipients WHERE account_id = $1 AND deleted_at IS NULL ORDER BY created_at, id',
    [accountId],
  );
  return rows;
}

/** Replaces name, type and config; null if the account has no such (undeleted) recipient. */
export async function updateRecipient(
  db: Queryable,
  accountId: string,
  id: string,
  input: RecipientInput,
): Promise<RecipientRow | null> {
  const { rows } = await db.query<RecipientRow>(
    `UPDATE recipients SET name = $3, type = $4, config = $5, updated_at = now()
      WHERE id = $1 AND account_id = $2 AND deleted_at IS NULL
      RETURNING *`,
    [id, accountId, input.name, input.type, input.config],
  );
  return rows[0] ?? null;
}

export interface FlowReference {
  id: string;
  name: string;
  status: string;
}

/**
 * Flows (not archived) whose current version delivers to the recipient; with `exceptAuctions`, only
 * those that do not sell by auction (where a ping/post recipient cannot be used).
 */
export async function flowsUsingRecipient(
  db: Queryable,
  accountId: string,
  id: string,
  options: { exceptAuctions?: boolean } = {},
): Promise<FlowReference[]> {
  const { rows } = await db.query<FlowReference>(
    `SELECT f.id, f.name, f.status
       FROM flows f JOIN flow_versions v ON v.flow_id = f.id AND v.version = f.version
      WHERE f.account_id = $1 AND f.status <> 'archived'
        AND v.config->'steps' @> jsonb_build_array(jsonb_build_object('recipient_id', $2::text))
        AND NOT ($3 AND COALESCE(v.config->'distribution'->>'mode', 'all') = 'auction')
      ORDER BY f.created_at, f.id`,
    [accountId, id, options.exceptAuctions ?? false],
  );
  return rows;
}

export type DeleteRecipientResult = { deleted: RecipientRow } | { usedBy: FlowReference[] } | null;

/**
 * Soft-deletes the recipient unless a flow's current version still delivers to it. Locks the row
 * first, and flow writes check recipients FOR SHARE (unknownRecipientIds), so a flow cannot start
 * using a recipient while it is being deleted. Use inside a transaction.
 */
export async function softDeleteRecipient(
  tx: Queryable,
  accountId: string,
  id: string,
): Promise<DeleteRecipientResult> {
  const { rows } = await tx.query<RecipientRow>(
    'SELECT * FROM recipients WHERE id = $1 AND account_id = $2 AND deleted_at IS NULL FOR UPDATE',
    [id, accountId],
  );
  if (!rows[0]) return null;
  const usedBy = await flowsUsingRecipient(tx, accountId, id);
  if (usedBy.length > 0) return { usedBy };
  const deleted = await tx.query<RecipientRow>(
    'UPDATE recipients SET deleted_at = now(), updated_at = now() WHERE id = $1 RETURNING *',
    [id],
  );
  return { deleted: deleted.rows[0]! };
}
