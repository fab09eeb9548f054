import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { findFlow, insertFlow, listFlows } from '../../db/flows.js';
import { withTransaction } from '../../db/pool.js';
import { insertRecipient, unknownRecipientIds } from '../../db/recipients.js';
import {
  type DeliveryStep,
  type FlowConfig,
  FlowSettingsSchema,
  RecipientInputSchema,
} from '../../domain/flow.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { ApiError, notFound } from '../errors.js';
import { ErrorSchema, FlowSchema, flowView } from '../views.js';

const StepInputSchema = z
  .object({
    type: z.literal('delivery'),
    name: z.string().max(200).optional(),
    recipient_id: z.string().optional().describe('An existing recipient of this account'),
    recipient: RecipientInputSchema.optional().describe('Or a new recipient, created with the flow'),
  })
  .refine((s) => (s.recipient_id === undefined) !== (s.recipient === undefined), {
    message: 'Give exactly one of recipient_id or recipient',
  });

const CreateFlowSchema = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  settings: FlowSettingsSchema.default({ required_fields: [] }),
  steps: z.array(StepInputSchema).max(50).default([]),
});

const FlowIdParam = z.object({ flow_id: z.string().openapi({ param: { name: 'flow_id', in: 'path' } }) });

const errors = {
  400: { description: 'Invalid request', content: { 'application/json': { schema: ErrorSchema } } },
  401: {
    description: 'Missing or invalid API key',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  403: { description: 'Missing scope', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

export function flowsRouter({ pool }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary: 'Create a flow',
        tags: ['Flows'],
        middleware: [requireScope('flows:write')],
        request: { body: { required: true, content: { 'application/json': { schema: CreateFlowSchema } } } },
        responses: {
          201: { description: 'Created', content: { 'application/json': { schema: FlowSchema } } },
          ...errors,
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const { accountId } = c.var.auth;
        const flow = await withTransaction(pool, async (tx) => {
          const referenced = body.steps.flatMap((s) => (s.recipient_id ? [s.recipient_id] : []));
          const unknown = await unknownRecipientIds(tx, accountId, referenced);
          if (unknown.length > 0) {
            throw new ApiError(
              400,
              'validation_failed',
              'Request validation failed',
              unknown.map((id) => ({
                field: 'steps.recipient_id',
                code: 'not_found',
                message: `Recipient ${id} not found`,
              })),
            );
          }
          const steps: DeliveryStep[] = [];
          for (const [index, step] of body.steps.entries()) {
            const recipientId =
              step.recipient_id ?? (await insertRecipient(tx, accountId, step.recipient!)).id;
            steps.push({
              id: `step_${index + 1}`,
              type: 'delivery',
              name: step.name,
              recipient_id: recipientId,
            });
          }
          const config: FlowConfig = { settings: body.settings, steps };
          return insertFlow(tx, accountId, {
            name: body.name,
            description: body.description ?? null,
            config,
          });
        });
        return c.json(flowView(flow), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'List flows',
        tags: ['Flows'],
        middleware: [requireScope('flows:read')],
        responses: {
          200: {
            description: 'Flows',
            content: { 'application/json': { schema: z.object({ flows: z.array(FlowSchema) }) } },
          },
          ...errors,
        },
      }),
      async (c) => {
        const flows = await listFlows(pool, c.var.auth.accountId);
        return c.json({ flows: flows.map(flowView) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{flow_id}',
        summary: 'Get a flow and its configuration',
        tags: ['Flows'],
        middleware: [requireScope('flows:read')],
        request: { params: FlowIdParam },
        responses: {
          200: { description: 'Flow', content: { 'application/json': { schema: FlowSchema } } },
          404: { description: 'Not found', content: { 'application/json': { schema: ErrorSchema } } },
          ...errors,
        },
      }),
      async (c) => {
        const flow = await findFlow(pool, c.var.auth.accountId, c.req.valid('param').flow_id);
        if (!flow) throw notFound('Flow');
        return c.json(flowView(flow), 200);
      },
    );
}
