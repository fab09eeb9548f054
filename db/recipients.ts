import type { HttpRecipientConfig, RecipientInput } from '../domain/flow.js';
import { newId } from '../lib/ids.js';
import type { Queryable } from './pool.js';

export interface RecipientRow {
  id: string;
  account_id: string;
  name: string;
  type: 'http';
  config: HttpRecipientConfig;
  created_at: Date;
  updated_at: Date;
}

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
  const { rows } = await db.query<RecipientRow>(
    'SELECT * FROM recipients WHERE id = $1 AND account_id = $2 AND deleted_at IS NULL',
    [id, accountId],
  );
  return rows[0] ?? null;
}

/** Ids among `ids` that the account does not own (or that were deleted). */
export async function unknownRecipientIds(
  db: Queryable,
  accountId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM recipients WHERE account_id = $1 AND id = ANY($2) AND deleted_at IS NULL',
    [accountId, ids],
  );
  const known = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}
