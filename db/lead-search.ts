import type { LeadStatus } from '../domain/lead.js';
import type { Queryable } from './pool.js';

export interface LeadSearch {
  flowId?: string;
  statuses?: LeadStatus[];
  source?: string;
  campaign?: string;
  externalId?: string;
  testMode?: boolean;
  createdAfter?: Date;
  createdBefore?: Date;
  limit: number;
  offset: number;
}

export interface LeadSummaryRow {
  id: string;
  created_at: Date;
  status: LeadStatus;
  quality_score: number | null;
  source: string | null;
  campaign: string | null;
  flow_id: string;
  external_id: string | null;
  test_mode: boolean;
}

/**
 * One page of the account's leads, newest first, and how many match in all, in one query: the count
 * comes back even when the page is past the end.
 */
export async function searchLeads(
  db: Queryable,
  accountId: string,
  search: LeadSearch,
): Promise<{ total: number; leads: LeadSummaryRow[] }> {
  const { rows } = await db.query<
    { total: number } & { [K in keyof LeadSummaryRow]: LeadSummaryRow[K] | null }
  >(
    `WITH matched AS (
       SELECT id, created_at, status, quality_score, source, campaign, flow_id, external_id, test_mode
         FROM leads
        WHERE account_id = $1
          AND ($2::text IS NULL OR flow_id = $2)
          AND ($3::text[] IS NULL OR status = ANY($3))
          AND ($4::text IS NULL OR source = $4)
          AND ($5::text IS NULL OR campaign = $5)
          AND ($6::text IS NULL OR external_id = $6)
          AND ($7::boolean IS NULL OR test_mode = $7)
          AND ($8::timestamptz IS NULL OR created_at >= $8)
          AND ($9::timestamptz IS NULL OR created_at < $9)
     ), total AS (SELECT count(*)::int AS total FROM matched)
     SELECT total.total, page.*
       FROM total
       LEFT JOIN LATERAL (
         SELECT * FROM matched ORDER BY created_at DESC, id DESC LIMIT $10 OFFSET $11
       ) page ON true`,
    [
      accountId,
      search.flowId ?? null,
      search.statuses && search.statuses.length > 0 ? search.statuses : null,
      search.source ?? null,
      search.campaign ?? null,
      search.externalId ?? null,
      search.testMode ?? null,
      search.createdAfter ?? null,
      search.createdBefore ?? null,
      search.limit,
      search.offset,
    ],
  );
  const total = rows[0]?.total ?? 0;
  const leads = rows.filter((r) => r.id !== null).map(({ total: _total, ...lead }) => lead as LeadSummaryRow);
  return { total, leads };
}
