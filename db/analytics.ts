import type { Queryable } from './pool.js';

export const GROUP_BY = ['source', 'campaign', 'recipient', 'day', 'hour'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface AnalyticsQuery {
  flowId?: string;
  groupBy?: GroupBy;
  start: Date;
  /** Exclusive. */
  end: Date;
  includeTestLeads: boolean;
}

export interface AnalyticsRow {
  group_key: string | null;
  /** The recipient's name when grouping by recipient. */
  group_name: string | null;
  total_leads: number;
  accepted_leads: number;
  delivered_leads: number;
  converted_leads: number;
  returned_leads: number;
  acceptance_rate: number;
  delivery_rate: number;
  conversion_rate: number;
  average_quality: number | null;
  cost: number;
  revenue: number;
  profit: number;
  /** Inbound pings (POST /flows/{id}/ping) in the group, those that got a bid, and bids posted. */
  pings: number;
  bids: number;
  posted_pings: number;
  bid_rate: number;
  post_rate: number;
}

// Whitelisted SQL for each grouping; nothing from the request is ever spliced into the query text.
const GROUP_KEY: Record<GroupBy, string> = {
  // A lead from a source resource groups under its id; the plain `source` string otherwise.
  source: 'coalesce(f.source_id, f.source)',
  campaign: 'f.campaign',
  recipient: 'f.recipient_id',
  day: `to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  hour: `to_char(date_trunc('hour', f.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:00:00"Z"')`,
};

// A JSON number or numeric string in an event's details (prices and returned amounts), else NULL.
const amount = (path: string) => `CASE
  WHEN jsonb_typeof(e.details->'${path}') = 'number' THEN (e.details->'${path}')::numeric
  WHEN e.details->>'${path}' ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN (e.details->>'${path}')::numeric
END`;

const feedbackOf = (type: 'converted' | 'returned', recipient: string | null) =>
  `EXISTS (SELECT 1 FROM lead_events e WHERE e.lead_id = s.id AND e.type = '${type}'${
    recipient ? ` AND (e.recipient_id = ${recipient} OR e.recipient_id IS NULL)` : ''
  })`;

// One row per counted unit: a lead, or (grouped by recipient) a lead's deliveries to one recipient.
const FACTS_BY_LEAD = `
  SELECT s.*, NULL::text AS recipient_id, s.status = 'delivered' AS delivered, s.revenue AS earned,
         ${feedbackOf('converted', null)} AS converted, ${feedbackOf('returned', null)} AS returned
    FROM scoped s`;

const FACTS_BY_RECIPIENT = `
  SELECT s.*, d.recipient_id, coalesce(d.delivered, false) AS delivered,
         CASE WHEN d.recipient_id IS NULL THEN s.revenue
              ELSE d.price - (SELECT coalesce(sum(${amount('amount')}), 0) FROM lead_events e
                               WHERE e.lead_id = s.id AND e.type = 'returned' AND e.recipient_id = d.recipient_id)
         END AS earned,
         ${feedbackOf('converted', 'd.recipient_id')} AS converted,
         ${feedbackOf('returned', 'd.recipient_id')} AS returned
    FROM scoped s
    LEFT JOIN LATERAL (
      SELECT e.recipient_id,
             bool_or(e.type = 'delivered' AND e.outcome = 'success') AS delivered,
             coalesce(sum(${amount('price')}) FILTER (WHERE e.type = 'delivered' AND e.outcome = 'success'), 0) AS price
        FROM lead_events e
       WHERE e.lead_id = s.id AND e.type IN ('delivered', 'delivery_failed') AND e.recipient_id IS NOT NULL
       GROUP BY e.recipient_id
    ) d ON true`;

/**
 * Lead metrics for a period, grouped, computed entirely in ONE SQL query (GROUP BY in the database,
 * never a loop over leads here):
 *
 * - total_leads: leads received in the period; accepted_leads: those past acceptance (any status but
 *   received and rejected, as in the flow statistics); delivered_leads: status delivered.
 * - acceptance_rate = accepted/total, delivery_rate = delivered/accepted,
 *   conversion_rate = converted/delivered; 0 when the denominator is 0.
 * - converted/returned: leads with a `converted` / `returned` feedback event.
 * - cost: sum of purchase prices; revenue: sum of the leads' revenue, which a return already reduces
 *   (POST /leads/{id}/feedback); profit = revenue - cost.
 *
 * Grouped by recipient, a row counts the leads offered to that recipient: delivered means delivered to
 * it, revenue is what it paid (the `price` of its deliveries) less what it returned, and feedback counts
 * when it names that recipient or none. A lead offered to two recipients counts in both rows, its cost
 * too; leads offered to none form the `null` row.
 */
export async function computeAnalytics(
  db: Queryable,
  accountId: string,
  q: AnalyticsQuery,
): Promise<AnalyticsRow[]> {
  const byRecipient = q.groupBy === 'recipient';
  const key = q.groupBy ? GROUP_KEY[q.groupBy] : 'NULL::text';
  const { rows } = await db.query<AnalyticsRow>(
    `WITH scoped AS (
       SELECT l.id, l.status, l.quality_score, l.cost, l.revenue, l.source, l.source_id, l.campaign, l.created_at
         FROM leads l
        WHERE l.account_id = $1
          AND ($2::text IS NULL OR l.flow_id = $2)
          AND l.created_at >= $3 AND l.created_at < $4
          AND ($5::boolean OR NOT l.test_mode)
     ), facts AS (${byRecipient ? FACTS_BY_RECIPIENT : FACTS_BY_LEAD}
     ), grouped AS (
       SELECT ${key} AS group_key,
              ${byRecipient ? 'max(r.name)' : q.groupBy === 'source' ? 'max(src.name)' : 'NULL::text'} AS group_name,
              count(*)::int AS total_leads,
              count(*) FILTER (WHERE f.status NOT IN ('received', 'rejected'))::int AS accepted_leads,
              count(*) FILTER (WHERE f.delivered)::int AS delivered_leads,
              count(*) FILTER (WHERE f.converted)::int AS converted_leads,
              count(*) FILTER (WHERE f.returned)::int AS returned_leads,
              round(avg(f.quality_score), 4)::float8 AS average_quality,
              coalesce(sum(f.cost), 0) AS cost,
              coalesce(sum(f.earned), 0) AS revenue
         FROM facts f
         ${byRecipient ? 'LEFT JOIN recipients r ON r.id = f.recipient_id' : ''}
         ${q.groupBy === 'source' ? 'LEFT JOIN sources src ON src.id = f.source_id' : ''}
        ${q.groupBy ? 'GROUP BY 1' : ''}
     )
     SELECT group_key, group_name, total_leads, accepted_leads, delivered_leads, converted_leads, returned_leads,
            coalesce(round(accepted_leads::numeric / nullif(total_leads, 0), 4), 0)::float8 AS acceptance_rate,
            coalesce(round(delivered_leads::numeric / nullif(accepted_leads, 0), 4), 0)::float8 AS delivery_rate,
            coalesce(round(converted_leads::numeric / nullif(delivered_leads, 0), 4), 0)::float8 AS conversion_rate,
            average_quality,
            round(cost, 2)::float8 AS cost,
            round(revenue, 2)::float8 AS revenue,
            round(revenue - cost, 2)::float8 AS profit
       FROM grouped
      ORDER BY group_key NULLS LAST`,
    [accountId, q.flowId ?? null, q.start, q.end, q.includeTestLeads],
  );
  return withPingCounts(db, accountId, q, rows);
}

// Pings grouped the way leads are: by source (the pinging source's id), day or hour; none by campaign or
// recipient (a ping has neither).
const PING_KEY: Partial<Record<GroupBy, string>> = {
  source: 'p.source_id',
  day: `to_char(p.at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  hour: `to_char(date_trunc('hour', p.at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:00:00"Z"')`,
};

// Pings still stored, one row each, and the counts of pings pruned after their retention
// (db/retention.ts), one row per account, flow, source and UTC hour: such a row counts in a period by
// its hour.
const PING_FACTS = `
  SELECT account_id, flow_id, source_id, created_at AS at, 1 AS pings,
         (outcome = 'bid')::int AS bids, (lead_id IS NOT NULL)::int AS posted
    FROM pings
  UNION ALL
  SELECT account_id, flow_id, source_id, hour AS at, pings, bids, posted FROM ping_counts`;

async function withPingCounts(
  db: Queryable,
  accountId: string,
  q: AnalyticsQuery,
  rows: AnalyticsRow[],
): Promise<AnalyticsRow[]> {
  const key = q.groupBy ? PING_KEY[q.groupBy] : 'NULL::text';
  const counts = new Map<
    string | null,
    { pings: number; bids: number; posted: number; name: string | null }
  >();
  if (key) {
    const { rows: pingRows } = await db.query<{
      group_key: string | null;
      group_name: string | null;
      pings: number;
      bids: number;
      posted: number;
    }>(
      `SELECT ${key} AS group_key, max(src.name) AS group_name, coalesce(sum(p.pings), 0)::int AS pings,
              coalesce(sum(p.bids), 0)::int AS bids, coalesce(sum(p.posted), 0)::int AS posted
         FROM (${PING_FACTS}) p LEFT JOIN sources src ON src.id = p.source_id
        WHERE p.account_id = $1 AND ($2::text IS NULL OR p.flow_id = $2)
          AND p.at >= $3 AND p.at < $4
        ${q.groupBy ? 'GROUP BY 1' : ''}`,
      [accountId, q.flowId ?? null, q.start, q.end],
    );
    for (const r of pingRows)
      counts.set(r.group_key, { pings: r.pings, bids: r.bids, posted: r.posted, name: r.group_name });
  }
  const rate = (part: number, whole: number) =>
    whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
  const merged = rows.map((row) => {
    const c = counts.get(row.group_key);
    counts.delete(row.group_key);
    return { row, c };
  });
  // Groups that pinged without a lead yet still show up, after the others.
  for (const [groupKey, c] of counts) {
    merged.push({ row: emptyRow(groupKey, c.name), c });
  }
  return merged.map(({ row, c }) => ({
    ...row,
    pings: c?.pings ?? 0,
    bids: c?.bids ?? 0,
    posted_pings: c?.posted ?? 0,
    bid_rate: rate(c?.bids ?? 0, c?.pings ?? 0),
    post_rate: rate(c?.posted ?? 0, c?.bids ?? 0),
  }));
}

function emptyRow(groupKey: string | null, name: string | null): AnalyticsRow {
  return {
    group_key: groupKey,
    group_name: name,
    total_leads: 0,
    accepted_leads: 0,
    delivered_leads: 0,
    converted_leads: 0,
    returned_leads: 0,
    acceptance_rate: 0,
    delivery_rate: 0,
    conversion_rate: 0,
    average_quality: null,
    cost: 0,
    revenue: 0,
    profit: 0,
    pings: 0,
    bids: 0,
    posted_pings: 0,
    bid_rate: 0,
    post_rate: 0,
  };
}
