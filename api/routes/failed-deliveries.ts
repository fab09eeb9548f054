import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { failedDeliveryGroups } from '../../db/failed-deliveries.js';
import { findFlow } from '../../db/flows.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { notFound } from '../errors.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';

const SAMPLE_SIZE = 50;

export const FailedDeliveriesSchema = z
  .object({
    total_leads: z.number().int().describe('Leads waiting for a replay (each counted once)'),
    groups: z.array(
      z.object({
        flow_id: z.string(),
        flow_name: z.string(),
        recipient_id: z
          .string()
          .nullable()
          .describe('Null: the lead has no failed delivery recorded (every recipient skipped or capped)'),
        recipient_name: z.string().nullable(),
        reason: z
          .string()
          .nullable()
          .describe("The reason of the recipient's latest failure for these leads"),
        leads: z.number().int(),
        oldest_at: z.string(),
        newest_at: z.string(),
        lead_ids: z.array(z.string()).describe(`The newest leads of the group (at most ${SAMPLE_SIZE})`),
      }),
    ),
  })
  .openapi('FailedDeliveries');

/** The replay queue: leads waiting in delivery_failed, grouped by flow, recipient and reason. */
export function failedDeliveriesRouter({ pool }: AppDeps) {
  return new OpenAPIHono<AuthEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/failed-deliveries',
      summary: 'Leads waiting for a replay, grouped by flow, recipient and reason',
      description:
        'Leads in delivery_failed (waiting for an operator replay), one group per flow, recipient that does ' +
        'not have the lead yet, and the reason of its latest failure. Replay them with POST /replays ' +
        '(flow_id, recipient_id) or one by one with POST /leads/{id}/replay.',
      tags: ['Operations'],
      middleware: [requireScope('leads:read')],
      request: {
        query: z.object({
          flow_id: z
            .string()
            .optional()
            .openapi({ description: 'One flow (404 if the account has none such)' }),
        }),
      },
      responses: {
        200: jsonResponse('The replay queue', FailedDeliveriesSchema),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const { flow_id: flowId } = c.req.valid('query');
      const { accountId } = c.var.auth;
      if (flowId && !(await findFlow(pool, accountId, flowId))) throw notFound('Flow');
      const { totalLeads, groups } = await failedDeliveryGroups(pool, accountId, {
        flowId,
        sampleSize: SAMPLE_SIZE,
      });
      return c.json(
        {
          total_leads: totalLeads,
          groups: groups.map((g) => ({
            ...g,
            oldest_at: g.oldest_at.toISOString(),
            newest_at: g.newest_at.toISOString(),
          })),
        },
        200,
      );
    },
  );
}
