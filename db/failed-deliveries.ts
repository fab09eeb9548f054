import type { Queryable } from './pool.js';

export interface FailedDeliveryGroup {
  flow_id: string;
  flow_name: string;
  /** Null for a waiting lead with no failed delivery recorded (every recipient skipped or capped). */
  recipient_id: string | null;
  recipient_name: string | null;
  reason: string | null;
  leads: number;
  oldest_at: Date;
  newest_at: Date;
  /** The newest leads of the group (at most `sampleSize`). */
  lead_ids: string[];
}

/**
 * The account's leads waiting for a replay (status delivery_failed), grouped by flow, recipient and
 * the reason of that recipient's latest failure. A lead is in one group per recipient that still does
 * not have it; the count of distinct leads comes back too.
 */
export async function failedDeliveryGroups(
  db: Queryable,
  accountId: string,
  options: { flowId?: string; sampleSize: number },
): Promise<{ totalLeads: number; groups: FailedDeliveryGroup[] }> {
  const { rows } = await db.query<FailedDeliveryGroup & { total_leads: number }>(
    `WITH waiting AS (
       SELECT l.id, l.flow_id, l.created_at, l.reason FROM leads l
        WHERE l.account_id = $1 AND l.status = 'delivery_failed' AND ($2::text IS NULL OR l.flow_id = $2)
     ), failures AS (
       SELECT DISTINCT ON (w.id, e.recipient_id)
              w.id AS lead_id, w.flow_id, w.created_at, e.recipient_id, e.reason
         FROM waiting w
         JOIN lead_events e ON e.lead_id = w.id AND e.account_id = $1 AND e.type = 'delivery_failed'
        WHERE NOT EXISTS (
                SELECT 1 FROM lead_events d
                 WHERE d.lead_id = w.id AND d.type = 'delivered' AND d.recipient_id = e.recipient_id)
        ORDER BY w.id, e.recipient_id, e.started_at DESC
     ), entries AS (
       SELECT lead_id, flow_id, created_at, recipient_id, reason FROM failures
       UNION ALL
       SELECT w.id, w.flow_id, w.created_at, NULL, w.reason FROM waiting w
        WHERE NOT EXISTS (SELECT 1 FROM failures f WHERE f.lead_id = w.id)
     )
     SELECT x.flow_id, f.name AS flow_name, x.recipient_id, r.name AS recipient_name, x.reason,
            count(*)::int AS leads, min(x.created_at) AS oldest_at, max(x.created_at) AS newest_at,
            (array_agg(x.lead_id ORDER BY x.created_at DESC, x.lead_id DESC))[1:$3::int] AS lead_ids,
            (SELECT count(*)::int FROM waiting) AS total_leads
       FROM entries x
       JOIN flows f ON f.id = x.flow_id AND f.account_id = $1
       LEFT JOIN recipients r ON r.id = x.recipient_id AND r.account_id = $1
      GROUP BY x.flow_id, f.name, x.recipient_id, r.name, x.reason
      ORDER BY f.name, x.flow_id, leads DESC, r.name NULLS LAST, x.reason NULLS LAST`,
    [accountId, options.flowId ?? null, options.sampleSize],
  );
  const totalLeads = rows[0]?.total_leads ?? 0;
  return { totalLeads, groups: rows.map(({ total_leads: _, ...group }) => group) };
}
