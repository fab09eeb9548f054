import type { Queryable } from './pool.js';

export interface FlowEventSearch {
  types?: string[];
  start?: Date;
  /** Exclusive. */
  end?: Date;
  limit: number;
  offset: number;
}

export interface FlowEventRow {
  id: string;
  lead_id: string;
  type: string;
  started_at: Date;
  outcome: string;
  reason: string | null;
  recipient_id: string | null;
  recipient_name: string | null;
  recipient_method: string | null;
  duration_ms: number | null;
  response_code: number | null;
  details: Record<string, unknown> | null;
  enhancements: string[] | null;
  /** The lead's parsed fields (sensitive ones masked); null until the lead is evaluated. */
  lead_fields: Record<string, Record<string, unknown>> | null;
}

/** One page of a flow's events, newest first, and the number matching in all, in one query. */
export async function listFlowEvents(
  db: Queryable,
  accountId: string,
  flowId: string,
  search: FlowEventSearch,
): Promise<{ total: number; events: FlowEventRow[] }> {
  const { rows } = await db.query<{ total: number } & { [K in keyof FlowEventRow]: FlowEventRow[K] | null }>(
    `WITH matched AS (
       SELECT id, lead_id, type, started_at, outcome, reason, recipient_id, duration_ms, response_code, details,
              enhancements, seq
         FROM lead_events
        WHERE flow_id = $1 AND account_id = $2
          AND ($3::text[] IS NULL OR type = ANY($3))
          AND ($4::timestamptz IS NULL OR started_at >= $4)
          AND ($5::timestamptz IS NULL OR started_at < $5)
     ), total AS (SELECT count(*)::int AS total FROM matched)
     SELECT total.total, page.*
       FROM total
       LEFT JOIN LATERAL (
         SELECT m.*, r.name AS recipient_name, r.config->>'method' AS recipient_method, l.fields AS lead_fields
           FROM matched m LEFT JOIN recipients r ON r.id = m.recipient_id AND r.account_id = $2
           LEFT JOIN leads l ON l.id = m.lead_id
          ORDER BY m.started_at DESC, m.seq DESC
          LIMIT $6 OFFSET $7
       ) page ON true`,
    [
      flowId,
      accountId,
      search.types && search.types.length > 0 ? search.types : null,
      search.start ?? null,
      search.end ?? null,
      search.limit,
      search.offset,
    ],
  );
  const total = rows[0]?.total ?? 0;
  const events = rows
    .filter((r) => r.id !== null)
    .map(({ total: _total, ...event }) => event as FlowEventRow);
  return { total, events };
}
