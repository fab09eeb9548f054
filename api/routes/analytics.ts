import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type AnalyticsRow, computeAnalytics, GROUP_BY } from '../../db/analytics.js';
import { findFlow } from '../../db/flows.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { ApiError, notFound } from '../errors.js';
import { checkRange, DateParam, isDateOnly, rangeEnd, rangeStart } from '../middleware/query-params.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';

export const METRICS = [
  'total_leads',
  'accepted_leads',
  'delivered_leads',
  'converted_leads',
  'returned_leads',
  'acceptance_rate',
  'delivery_rate',
  'conversion_rate',
  'average_quality',
  'cost',
  'revenue',
  'profit',
  'pings',
  'bids',
  'posted_pings',
  'bid_rate',
  'post_rate',
] as const satisfies readonly (keyof AnalyticsRow)[];
type Metric = (typeof METRICS)[number];

export const DEFAULT_PERIOD_DAYS = 30;

const AnalyticsQuerySchema = z.object({
  flow_id: z
    .string()
    .optional()
    .openapi({ description: 'One flow (404 if the account has none such); default all' }),
  metric: z.enum(METRICS).optional().openapi({
    description:
      'Order the groups by this metric, highest first (ties by group key). Every row carries every metric, as in the reference',
  }),
  group_by: z
    .enum(GROUP_BY)
    .optional()
    .openapi({ description: 'Group rows by this key (day and hour in UTC); default one row for the period' }),
  start_date: DateParam(
    `First day (UTC) or instant of the period; default ${DEFAULT_PERIOD_DAYS} days before end_date`,
  ),
  end_date: DateParam(
    "Last day (UTC, inclusive) or instant of the period; default today (or start_date's day when that is later); not before start_date (400 invalid_range)",
    '2024-01-31',
  ),
  include_test_leads: z
    .enum(['true', 'false'])
    .default('false')
    .openapi({ description: 'Count test-mode leads too (default false)' }),
});

const number = z.number();
export const AnalyticsMetricsSchema = z
  .object({
    source: z.string().nullable().optional(),
    campaign: z.string().nullable().optional(),
    recipient: z
      .string()
      .nullable()
      .optional()
      .describe('Recipient id (null: leads delivered to no recipient)'),
    recipient_name: z.string().nullable().optional(),
    day: z.string().optional().describe('YYYY-MM-DD (UTC)'),
    hour: z.string().optional().describe('YYYY-MM-DDTHH:00:00Z'),
    total_leads: number.int().optional(),
    accepted_leads: number.int().optional(),
    delivered_leads: number.int().optional(),
    converted_leads: number.int().optional(),
    returned_leads: number.int().optional(),
    acceptance_rate: number.optional().describe('accepted / total'),
    delivery_rate: number.optional().describe('delivered / accepted'),
    conversion_rate: number.optional().describe('converted / delivered'),
    average_quality: number.nullable().optional(),
    cost: number.optional().describe('Sum of purchase prices (USD)'),
    revenue: number.optional().describe('Sum of sale prices less returned amounts (USD)'),
    profit: number.optional().describe('revenue - cost (USD)'),
    source_name: z
      .string()
      .nullable()
      .optional()
      .describe('Grouped by source: the source’s name, if it is one'),
    pings: number.int().optional().describe('Inbound pings (POST /flows/{id}/ping)'),
    bids: number.int().optional().describe('Pings answered with a bid'),
    posted_pings: number.int().optional().describe('Bids taken by a post'),
    bid_rate: number.optional().describe('bids / pings'),
    post_rate: number.optional().describe('posted_pings / bids'),
  })
  .openapi('AnalyticsMetrics');

export const AnalyticsResultSchema = z
  .object({
    period: z.object({ start_date: z.string(), end_date: z.string() }),
    metrics: z.array(AnalyticsMetricsSchema),
  })
  .openapi('Analytics');

function utcDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The requested period, with defaults: the last 30 days up to today (UTC). */
function period(startParam: string | undefined, endParam: string | undefined, now = new Date()) {
  // Without end_date the period ends today, or on start_date's day when that is later: a future start
  // alone asks for an empty period, not for an end the client never sent.
  const today = utcDate(now);
  const startsLater =
    !endParam && startParam && rangeStart(startParam).getTime() >= rangeEnd(today).getTime();
  const endLabel = endParam ?? (startsLater ? utcDate(rangeStart(startParam)) : today);
  const end = rangeEnd(endLabel);
  let startLabel = startParam;
  if (!startLabel) {
    const lastDay = isDateOnly(endLabel) ? new Date(`${endLabel}T00:00:00Z`) : new Date(endLabel);
    startLabel = utcDate(new Date(lastDay.getTime() - (DEFAULT_PERIOD_DAYS - 1) * 86_400_000));
  }
  return { start: rangeStart(startLabel), end, startLabel, endLabel };
}

function metricsView(row: AnalyticsRow, groupBy: (typeof GROUP_BY)[number] | undefined) {
  const out: Record<string, unknown> = {};
  if (groupBy) out[groupBy] = row.group_key;
  if (groupBy === 'recipient') out.recipient_name = row.group_name;
  if (groupBy === 'source') out.source_name = row.group_name;
  for (const name of METRICS) out[name] = row[name];
  return out;
}

/** Highest first; a missing value (no quality scores) last. The sort is stable: ties keep key order. */
function byMetricDescending(metric: Metric) {
  return (a: AnalyticsRow, b: AnalyticsRow) => (b[metric] ?? -Infinity) - (a[metric] ?? -Infinity);
}

export function analyticsRouter({ pool }: AppDeps) {
  return new OpenAPIHono<AuthEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'Aggregated lead metrics',
      description:
        'Rates, conversions (from `converted` feedback events), cost, revenue (less `returned` amounts) and ' +
        'profit, grouped by source, campaign, recipient, day or hour. Live leads only unless ' +
        '`include_test_leads=true`. Grouped by recipient, a lead delivered to several recipients counts for each.',
      tags: ['Events and analytics'],
      middleware: [requireScope('analytics:read')],
      request: { query: AnalyticsQuerySchema },
      responses: {
        200: jsonResponse('Metrics for the period', AnalyticsResultSchema),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { accountId } = c.var.auth;
      const p = period(q.start_date, q.end_date);
      if (!checkRange(p.start, p.end)) {
        throw new ApiError(400, 'validation_failed', 'Request validation failed', [
          { field: 'end_date', code: 'invalid_range', message: 'end_date must not be before start_date' },
        ]);
      }
      if (q.flow_id && !(await findFlow(pool, accountId, q.flow_id))) throw notFound('Flow');
      const rows = await computeAnalytics(pool, accountId, {
        flowId: q.flow_id,
        groupBy: q.group_by,
        start: p.start,
        end: p.end,
        includeTestLeads: q.include_test_leads === 'true',
      });
      return c.json(
        {
          period: { start_date: p.startLabel, end_date: p.endLabel },
          metrics: (q.metric ? [...rows].sort(byMetricDescending(q.metric)) : rows).map((row) =>
            metricsView(row, q.group_by),
          ),
        },
        200,
      );
    },
  );
}
