import type { FlowConfig } from '../domain/flow.js';
import { newId } from '../lib/ids.js';
import { preparedStatement, type Queryable } from './pool.js';

export type FlowStatus = 'active' | 'paused' | 'archived';

export interface FlowRow {
  id: string;
  account_id: string;
  name: string;
  description: string | null;
  status: FlowStatus;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface FlowWithConfig extends FlowRow {
  config: FlowConfig;
}

export interface FlowMeta {
  name: string;
  description: string | null;
  status: FlowStatus;
}

export async function insertFlow(
  db: Queryable,
  accountId: string,
  meta: FlowMeta,
  config: FlowConfig,
): Promise<FlowWithConfig> {
  const id = newId('flow');
  const { rows } = await db.query<FlowRow>(
    `INSERT INTO flows (id, account_id, name, description, status) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [id, accountId, meta.name, meta.description, meta.status],
  );
  await db.query('INSERT INTO flow_versions (flow_id, version, config) VALUES ($1, 1, $2)', [id, config]);
  return { ...rows[0]!, config };
}

/** Saves `config` as the flow's next version (and the metadata); null if the account has no such flow. */
export async function saveFlowVersion(
  db: Queryable,
  accountId: string,
  flowId: string,
  meta: FlowMeta,
  config: FlowConfig,
): Promise<FlowWithConfig | null> {
  const { rows } = await db.query<FlowRow>(
    `UPDATE flows SET version = version + 1, name = $3, description = $4, status = $5, updated_at = now()
      WHERE id = $1 AND account_id = $2 RETURNING *`,
    [flowId, accountId, meta.name, meta.description, meta.status],
  );
  const flow = rows[0];
  if (!flow) return null;
  await db.query('INSERT INTO flow_versions (flow_id, version, config) VALUES ($1, $2, $3)', [
    flowId,
    flow.version,
    config,
  ]);
  return { ...flow, config };
}

/** The flow and the configuration of its current version. `forUpdate` locks it for a read-modify-write. */
export async function findFlow(
  db: Queryable,
  accountId: string,
  flowId: string,
  options: { forUpdate?: boolean } = {},
): Promise<FlowWithConfig | null> {
  const statement = options.forUpdate ? flowForUpdateStatement : flowStatement;
  const { rows } = await db.query<FlowWithConfig>(statement([flowId, accountId]));
  return rows[0] ?? null;
}

const FLOW_WITH_CONFIG = `SELECT f.id, f.account_id, f.name, f.description, f.status, f.version, f.created_at,
            f.updated_at, v.config
       FROM flows f JOIN flow_versions v ON v.flow_id = f.id AND v.version = f.version
      WHERE f.id = $1 AND f.account_id = $2`;
const flowStatement = preparedStatement('flow_with_config', FLOW_WITH_CONFIG);
const flowForUpdateStatement = preparedStatement(
  'flow_with_config_for_update',
  `${FLOW_WITH_CONFIG} FOR UPDATE OF f`,
);

export interface FlowStatistics {
  total_leads: number;
  acceptance_rate: number;
  average_quality: number | null;
}

export async function listFlows(
  db: Queryable,
  accountId: string,
): Promise<Array<FlowWithConfig & { statistics: FlowStatistics }>> {
  const { rows } = await db.query<
    FlowWithConfig & { total_leads: number; accepted: number; average_quality: number | null }
  >(
    `SELECT f.*, v.config,
            coalesce(s.total_leads, 0) AS total_leads, coalesce(s.accepted, 0) AS accepted, s.average_quality
       FROM flows f
       JOIN flow_versions v ON v.flow_id = f.id AND v.version = f.version
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS total_leads,
                count(*) FILTER (WHERE l.status NOT IN ('rejected', 'received'))::int AS accepted,
                round(avg(l.quality_score), 4)::float8 AS average_quality
           FROM leads l WHERE l.flow_id = f.id
       ) s ON true
      WHERE f.account_id = $1
      ORDER BY f.created_at`,
    [accountId],
  );
  return rows.map(({ total_leads, accepted, average_quality, ...flow }) => ({
    ...flow,
    statistics: {
      total_leads,
      acceptance_rate: total_leads === 0 ? 0 : Math.round((accepted / total_leads) * 10_000) / 10_000,
      average_quality,
    },
  }));
}

export interface FlowVersionSummary {
  version: number;
  created_at: Date;
  steps: number;
  caps: number;
  fields: number;
}

/** Every saved version of the account's flow, newest first (null: no such flow in the account). */
export async function listFlowVersions(
  db: Queryable,
  accountId: string,
  flowId: string,
): Promise<FlowVersionSummary[] | null> {
  const { rows } = await db.query<FlowVersionSummary & { flow_id: string | null }>(
    `SELECT f.id AS flow_id, v.version, v.created_at,
            jsonb_array_length(coalesce(v.config->'steps', '[]')) AS steps,
            jsonb_array_length(coalesce(v.config->'caps', '[]')) AS caps,
            jsonb_array_length(coalesce(v.config->'fields', '[]')) AS fields
       FROM flows f LEFT JOIN flow_versions v ON v.flow_id = f.id
      WHERE f.id = $1 AND f.account_id = $2
      ORDER BY v.version DESC`,
    [flowId, accountId],
  );
  if (rows.length === 0) return null;
  return rows.map(({ flow_id: _, ...version }) => version);
}
