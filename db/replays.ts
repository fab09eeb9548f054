import type { ReplayResult } from '../workflows/shared.js';
import type { Queryable } from './pool.js';

export interface ReplayFilter {
  accountId: string;
  flowId: string;
  recipientId: string | null;
  createdAfter: string | null;
  createdBefore: string | null;
  reasonContains: string | null;
}

export interface ReplayCandidate {
  leadId: string;
  status: 'delivery_failed' | 'failed';
  reason: string | null;
  createdAt: string;
}

/**
 * Leads whose delivery failed (waiting, or closed after the replay window), matching the filter, in
 * id (= time) order after `after`. With a recipient, only leads whose delivery to it failed.
 */
export async function findReplayCandidates(
  db: Queryable,
  filter: ReplayFilter,
  page: { after: string | null; limit: number },
): Promise<ReplayCandidate[]> {
  const { rows } = await db.query<{
    id: string;
    status: ReplayCandidate['status'];
    reason: string | null;
    created_at: Date;
  }>(
    `SELECT l.id, l.status, l.reason, l.created_at FROM leads l
      WHERE l.account_id = $1 AND l.flow_id = $2 AND l.status IN ('delivery_failed', 'failed')
        AND ($3::text IS NULL OR l.id > $3)
        AND ($4::timestamptz IS NULL OR l.created_at >= $4)
        AND ($5::timestamptz IS NULL OR l.created_at < $5)
        AND ($6::text IS NULL OR strpos(lower(l.reason), lower($6)) > 0)
        AND ($7::text IS NULL OR EXISTS (
              SELECT 1 FROM lead_events e
               WHERE e.lead_id = l.id AND e.type = 'delivery_failed' AND e.recipient_id = $7)
             AND NOT EXISTS (
              SELECT 1 FROM lead_events e
               WHERE e.lead_id = l.id AND e.type = 'delivered' AND e.recipient_id = $7))
      ORDER BY l.id
      LIMIT $8`,
    [
      filter.accountId,
      filter.flowId,
      page.after,
      // As instants: the filter's text may be an extended year (+010000-...) Postgres would not parse.
      filter.createdAfter === null ? null : new Date(filter.createdAfter),
      filter.createdBefore === null ? null : new Date(filter.createdBefore),
      filter.reasonContains,
      filter.recipientId,
      page.limit,
    ],
  );
  return rows.map((r) => ({
    leadId: r.id,
    status: r.status,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
  }));
}

/**
 * A replay of this lead already made under `replayId` (its `replayed` event names it): the answer it
 * gave, with the lead's status now.
 */
export async function findReplay(
  db: Queryable,
  accountId: string,
  leadId: string,
  replayId: string,
): Promise<ReplayResult | null> {
  const { rows } = await db.query<{
    status: ReplayResult['status'];
    attempts: ReplayResult['attempts'] | null;
  }>(
    `SELECT l.status, e.details->'attempts' AS attempts
       FROM lead_events e JOIN leads l ON l.id = e.lead_id
      WHERE e.lead_id = $1 AND l.account_id = $2 AND e.type = 'replayed' AND e.details->>'replay_id' = $3
      LIMIT 1`,
    [leadId, accountId, replayId],
  );
  const row = rows[0];
  return row ? { lead_id: leadId, status: row.status, attempts: row.attempts ?? [] } : null;
}
