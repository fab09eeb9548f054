import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { capUsage } from '../../db/caps.js';
import { findFlow, listFlowVersions } from '../../db/flows.js';
import { findRecipients } from '../../db/recipients.js';
import { CAP_PERIODS, type Cap, type DeliveryStep, withCapIds } from '../../domain/flow.js';
import { effectiveFlowCaps } from '../../domain/pipeline.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { notFound } from '../errors.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';

// What a flow runs on now, for operators: its saved versions, and its caps (and its recipients' caps)
// with how much of the current window each has used.

const FlowIdParam = z.object({ flow_id: z.string().openapi({ param: { name: 'flow_id', in: 'path' } }) });

export const FlowCapUsageSchema = z
  .object({
    flow_id: z.string(),
    version: z.number().int().describe('The flow version whose caps these are (the current one)'),
    time_zone: z.string().describe("The flow's time zone: windows are its calendar minutes, hours, days…"),
    caps: z.array(
      z.object({
        scope: z.enum(['flow', 'recipient']),
        recipient_id: z.string().nullable(),
        recipient_name: z.string().nullable(),
        cap_id: z.string(),
        maximum: z.number().int(),
        per: z.enum(CAP_PERIODS),
        criteria: z.string().nullable().describe('Only leads matching it count'),
        used: z.number().int().describe('Slots taken in the current window'),
        window_start: z.string().describe('Start of the current window'),
      }),
    ),
  })
  .openapi('FlowCapUsage');

export const FlowVersionsSchema = z
  .object({
    flow_id: z.string(),
    current_version: z.number().int(),
    versions: z.array(
      z.object({
        version: z.number().int(),
        created_at: z.string(),
        steps: z.number().int(),
        caps: z.number().int(),
        fields: z.number().int(),
      }),
    ),
  })
  .openapi('FlowVersions');

export function flowStateRouter({ pool }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/flows/{flow_id}/caps',
        summary: 'The flow’s caps and its recipients’ caps, with their usage in the current window',
        description:
          'Flow caps (with the settings.volume_cap shorthand) and the caps of the recipients its delivery steps ' +
          "name, each with the slots taken in its current calendar window in the flow's time zone. A recipient's " +
          'caps are shared by every flow that delivers to it.',
        tags: ['Flows'],
        middleware: [requireScope('flows:read')],
        request: { params: FlowIdParam },
        responses: { 200: jsonResponse('Caps and usage', FlowCapUsageSchema), ...errorResponses(404) },
      }),
      async (c) => {
        const { accountId } = c.var.auth;
        const flow = await findFlow(pool, accountId, c.req.valid('param').flow_id);
        if (!flow) throw notFound('Flow');
        const entries: Array<{
          key: string;
          cap: Cap;
          recipientId: string | null;
          recipientName: string | null;
        }> = effectiveFlowCaps(flow.config).map((cap) => ({
          key: `flow:${flow.id}:${cap.id}`,
          cap,
          recipientId: null,
          recipientName: null,
        }));
        const recipientIds = [
          ...new Set(
            flow.config.steps
              .filter((s): s is DeliveryStep => s.type === 'delivery')
              .map((s) => s.recipient_id),
          ),
        ];
        const recipients = await findRecipients(pool, accountId, recipientIds);
        for (const id of recipientIds) {
          const recipient = recipients.get(id);
          for (const cap of withCapIds(recipient?.config.caps ?? [])) {
            entries.push({
              key: `recipient:${id}:${cap.id}`,
              cap,
              recipientId: id,
              recipientName: recipient!.name,
            });
          }
        }
        const timeZone = flow.config.settings.time_zone;
        const usage = await capUsage(
          pool,
          entries.map((e) => ({ key: e.key, per: e.cap.per })),
          timeZone,
        );
        return c.json(
          {
            flow_id: flow.id,
            version: flow.version,
            time_zone: timeZone,
            caps: entries.map((e) => {
              const used = usage.get(e.key);
              return {
                scope: e.recipientId ? ('recipient' as const) : ('flow' as const),
                recipient_id: e.recipientId,
                recipient_name: e.recipientName,
                cap_id: e.cap.id,
                maximum: e.cap.maximum,
                per: e.cap.per,
                criteria: e.cap.criteria,
                used: used?.used ?? 0,
                window_start: (used?.windowStart ?? new Date()).toISOString(),
              };
            }),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/flows/{flow_id}/versions',
        summary: 'The flow’s saved versions, newest first',
        description:
          'Every change saves a new immutable version; a lead runs against the version it arrived under.',
        tags: ['Flows'],
        middleware: [requireScope('flows:read')],
        request: { params: FlowIdParam },
        responses: { 200: jsonResponse('Versions', FlowVersionsSchema), ...errorResponses(404) },
      }),
      async (c) => {
        const flowId = c.req.valid('param').flow_id;
        const versions = await listFlowVersions(pool, c.var.auth.accountId, flowId);
        if (!versions) throw notFound('Flow');
        return c.json(
          {
            flow_id: flowId,
            current_version: versions[0]?.version ?? 0,
            versions: versions.map((v) => ({ ...v, created_at: v.created_at.toISOString() })),
          },
          200,
        );
      },
    );
}
