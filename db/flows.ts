import type { FlowConfig } from '../domain/flow.js';
import { newId } from '../lib/ids.js';
import type { Queryable } from './pool.js';

export interface FlowRow {
  id: string;
  account_id: string;
  name: string;
  description: string | null;
  status: 'active' | 'paused' | 'archived';
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface FlowWithConfig extends FlowRow {
  config: FlowConfig;
}

export async function insertFlow(
  db: Queryable,
  accountId: string,
  input: { name: string; description: string | null; config: FlowConfig },
): Promise<FlowWithConfig> {
  const id = newId('flow');
  const { rows } = await db.query<FlowRow>(
    `INSERT INTO flows (id, account_id, name, description) VALUES ($1, $2, $3, $4) RETURNING *`,
    [id, accountId, input.name, input.description],
  );
  await db.query('INSERT INTO flow_versions (flow_id, version, config) VALUES ($1, 1, $2)', [
    id,
    input.config,
  ]);
  return { ...rows[0]!, config: input.config };
}

/** The flow and the configuration of its current version. */
export async function findFlow(
  db: Queryable,
  accountId: string,
  flowId: string,
): Promise<FlowWithConfig | null> {
  const { rows } = await db.query<FlowWithConfig>(
    `SELECT f.*, v.config FROM flows f JOIN flow_versions v ON v.flow_id = f.id AND v.version = f.version
      WHERE f.id = $1 AND f.account_id = $2`,
    [flowId, accountId],
  );
  return rows[0] ?? null;
}

export async function listFlows(db: Queryable, accountId: string): Promise<FlowWithConfig[]> {
  const { rows } = await db.query<FlowWithConfig>(
    `SELECT f.*, v.config FROM flows f JOIN flow_versions v ON v.flow_id = f.id AND v.version = f.version
      WHERE f.account_id = $1 ORDER BY f.created_at`,
    [accountId],
  );
  return rows;
}
