import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listFlowEvents } from '../../db/events.js';
import { findFlow } from '../../db/flows.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { ApiError, notFound } from '../errors.js';
import {
  checkRange,
  DateParam,
  LimitParam,
  OffsetParam,
  rangeEnd,
  rangeStart,
  splitList,
} from '../middleware/query-params.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';
import { LeadFieldsViewSchema } from '../views.js';
import { FlowIdParam } from './params.js';

const EventsQuery = z.object({
  event_type: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, 'comma-separated event types such as delivered,delivery_failed')
    .optional()
    .openapi({
      description:
        'One or more (comma-separated) of received, enhanced, accepted, rejected, skipped, delivered, ' +
        'delivery_failed, converted, returned',
    }),
  start_date: DateParam('Events at or after this date (UTC) or datetime'),
  end_date: DateParam(
    'Events up to and including this date (UTC) or date-time; not before start_date (400 invalid_range)',
    '2024-01-31',
  ),
  limit: LimitParam,
  offset: OffsetParam,
});

export const FlowEventSchema = z
  .object({
    id: z.string(),
    lead_id: z.string(),
    type: z.string(),
    timestamp: z.string(),
    outcome: z.string(),
    reason: z.string().nullable(),
    recipient: z
      .object({ id: z.string(), name: z.string().nullable(), type: z.string() })
      .nullable()
      .describe('For delivery events: the recipient; type is http_post or http_put'),
    duration_ms: z.number().nullable(),
    response_code: z.number().nullable(),
    enhancements: z.array(z.string()).optional().describe('On an enhanced event: the enhancements that ran'),
    details: z.record(z.string(), z.unknown()).nullable(),
    fields: LeadFieldsViewSchema.describe(
      "The event's lead, every field as parsed ({normal, raw, valid, …components}), sensitive fields masked; null until the lead is evaluated",
    ),
  })
  .openapi('FlowEvent');

export const FlowEventsResultSchema = z
  .object({
    total_events: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    events: z.array(FlowEventSchema),
  })
  .openapi('FlowEvents');

export function eventsRouter({ pool }: AppDeps) {
  return new OpenAPIHono<AuthEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/flows/{flow_id}/events',
      summary: 'Events of a flow’s leads',
      description: 'Newest first. Requires `leads:read`: events describe what happened to leads.',
      tags: ['Events and analytics'],
      middleware: [requireScope('leads:read')],
      request: {
        params: FlowIdParam,
        query: EventsQuery,
      },
      responses: {
        200: jsonResponse('A page of events', FlowEventsResultSchema),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const { flow_id: flowId } = c.req.valid('param');
      const q = c.req.valid('query');
      const { accountId } = c.var.auth;
      const start = q.start_date ? rangeStart(q.start_date) : undefined;
      const end = q.end_date ? rangeEnd(q.end_date) : undefined;
      if (!checkRange(start, end)) {
        throw new ApiError(400, 'validation_failed', 'Request validation failed', [
          { field: 'end_date', code: 'invalid_range', message: 'end_date must not be before start_date' },
        ]);
      }
      if (!(await findFlow(pool, accountId, flowId))) throw notFound('Flow');
      const { total, events } = await listFlowEvents(pool, accountId, flowId, {
        types: splitList(q.event_type),
        start,
        end,
        limit: q.limit,
        offset: q.offset,
      });
      return c.json(
        {
          total_events: total,
          limit: q.limit,
          offset: q.offset,
          events: events.map((e) => ({
            id: e.id,
            lead_id: e.lead_id,
            type: e.type,
            timestamp: e.started_at.toISOString(),
            outcome: e.outcome,
            reason: e.reason,
            recipient: e.recipient_id
              ? {
                  id: e.recipient_id,
                  name: e.recipient_name,
                  type: `http_${(e.recipient_method ?? 'POST').toLowerCase()}`,
                }
              : null,
            duration_ms: e.duration_ms,
            response_code: e.response_code,
            ...(e.enhancements ? { enhancements: e.enhancements } : {}),
            details: e.details,
            fields: (e.lead_fields ?? null) as z.infer<typeof LeadFieldsViewSchema>,
          })),
        },
        200,
      );
    },
  );
}
