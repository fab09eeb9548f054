import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { findFlow } from '../../db/flows.js';
import { searchLeads } from '../../db/lead-search.js';
import type { LeadStatus } from '../../domain/lead.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { ApiError, notFound } from '../errors.js';
import {
  checkRange,
  DateParam,
  LimitParam,
  listParam,
  OffsetParam,
  rangeStart,
  splitList,
} from '../middleware/query-params.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';

export const LEAD_STATUSES = [
  'received',
  'accepted',
  'rejected',
  'delivered',
  'delivery_failed',
  'failed',
] as const satisfies readonly LeadStatus[];

const SearchQuery = z.object({
  flow_id: z
    .string()
    .optional()
    .openapi({ description: 'Only leads of this flow (404 if the account has none such)' }),
  status: listParam(LEAD_STATUSES, 'Lead status'),
  source: z.string().optional(),
  campaign: z.string().optional(),
  external_id: z.string().optional(),
  test_mode: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Only test-mode leads (true) or only live ones (false); default both' }),
  created_after: DateParam('Leads created at or after this date (its midnight, UTC) or date-time'),
  created_before: DateParam(
    'Leads created before this date (its midnight, UTC) or date-time; must be after created_after (400 invalid_range)',
    '2024-02-01',
  ),
  limit: LimitParam,
  offset: OffsetParam,
});

export const LeadSummarySchema = z
  .object({
    id: z.string(),
    created_at: z.string(),
    status: z.string(),
    quality_score: z.number().nullable(),
    source: z.string().nullable(),
    campaign: z.string().nullable(),
    flow_id: z.string(),
    external_id: z.string().nullable(),
    test_mode: z.boolean(),
  })
  .openapi('LeadSummary');

export const LeadSearchResultSchema = z
  .object({
    total_count: z.number().int(),
    page_count: z.number().int(),
    current_page: z.number().int().describe('1-based; offset / limit + 1'),
    per_page: z.number().int(),
    leads: z.array(LeadSummarySchema),
  })
  .openapi('LeadSearchResult');

export function leadSearchRouter({ pool }: AppDeps) {
  return new OpenAPIHono<AuthEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/leads',
      summary: 'Search leads',
      description: 'Newest first. Pages by limit/offset; total_count counts every match.',
      tags: ['Leads'],
      middleware: [requireScope('leads:read')],
      request: { query: SearchQuery },
      responses: {
        200: jsonResponse('A page of leads', LeadSearchResultSchema),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { accountId } = c.var.auth;
      const createdAfter = q.created_after ? rangeStart(q.created_after) : undefined;
      const createdBefore = q.created_before ? rangeStart(q.created_before) : undefined;
      if (!checkRange(createdAfter, createdBefore)) {
        throw new ApiError(400, 'validation_failed', 'Request validation failed', [
          {
            field: 'created_before',
            code: 'invalid_range',
            message: 'created_before must be after created_after',
          },
        ]);
      }
      if (q.flow_id && !(await findFlow(pool, accountId, q.flow_id))) throw notFound('Flow');
      const { total, leads } = await searchLeads(pool, accountId, {
        flowId: q.flow_id,
        statuses: splitList<LeadStatus>(q.status),
        source: q.source,
        campaign: q.campaign,
        externalId: q.external_id,
        testMode: q.test_mode === undefined ? undefined : q.test_mode === 'true',
        createdAfter,
        createdBefore,
        limit: q.limit,
        offset: q.offset,
      });
      return c.json(
        {
          total_count: total,
          page_count: Math.ceil(total / q.limit),
          current_page: Math.floor(q.offset / q.limit) + 1,
          per_page: q.limit,
          leads: leads.map((l) => ({ ...l, created_at: l.created_at.toISOString() })),
        },
        200,
      );
    },
  );
}
