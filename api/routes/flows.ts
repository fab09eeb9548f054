import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { findFlow, insertFlow, listFlows, saveFlowVersion } from '../../db/flows.js';
import { type Queryable, withTransaction } from '../../db/pool.js';
import { insertRecipient, pingPostRecipientIds, unknownRecipientIds } from '../../db/recipients.js';
import { findSuppressionListsByIds } from '../../db/suppression-lists.js';
import { assignIds, FlowConfigSchema } from '../../domain/flow.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { ApiError, notFound, validationError } from '../errors.js';
import {
  type FlowWrite,
  FlowWriteSchema,
  SettingsUpdateSchema,
  toFlowConfig,
  validateConfig,
} from '../flow-config.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';
import { FlowSchema, flowView } from '../views.js';
import { FlowIdParam } from './params.js';
import { checkPingFields } from './recipients.js';

const FlowListSchema = z.object({
  flows: z.array(
    FlowSchema.extend({
      statistics: z.object({
        total_leads: z.number(),
        acceptance_rate: z.number(),
        average_quality: z.number().nullable(),
      }),
    }),
  ),
});

const SettingsResponseSchema = z
  .object({
    flow_id: z.string(),
    version: z.number(),
    updated_at: z.string(),
    settings: z.record(z.string(), z.unknown()),
  })
  .openapi('FlowSettingsResult');

/**
 * Creates inline recipients and checks referenced ones belong to the account; returns step index -> id.
 * A recipient_id the account does not have is 404 `not_found` naming the step (as a path id would be):
 * the request is well formed, what it refers to is missing.
 */
async function resolveRecipients(
  tx: Queryable,
  accountId: string,
  body: FlowWrite,
): Promise<Map<number, string>> {
  const referenced = body.steps.flatMap((s) =>
    s.type === 'delivery' && s.recipient_id ? [s.recipient_id] : [],
  );
  const unknown = new Set(await unknownRecipientIds(tx, accountId, referenced));
  if (unknown.size > 0) {
    throw new ApiError(
      404,
      'not_found',
      'Recipient not found',
      body.steps.flatMap((step, index) =>
        step.type === 'delivery' && step.recipient_id && unknown.has(step.recipient_id)
          ? [
              {
                field: `steps.${index}.recipient_id`,
                code: 'not_found',
                message: `Recipient ${step.recipient_id} not found`,
              },
            ]
          : [],
      ),
    );
  }
  for (const [index, step] of body.steps.entries()) {
    if (step.type === 'delivery' && step.recipient)
      checkPingFields(step.recipient, `steps.${index}.recipient.config.ping_fields`);
  }
  await checkPingPostInAuction(tx, accountId, body, referenced);
  const ids = new Map<number, string>();
  for (const [index, step] of body.steps.entries()) {
    if (step.type === 'delivery' && step.recipient) {
      ids.set(index, (await insertRecipient(tx, accountId, step.recipient)).id);
    }
  }
  return ids;
}

/**
 * A ping/post buyer is sold a lead only at a bid it made, and only an auction asks for bids: in a flow
 * of another distribution mode its step could never deliver (every lead would wait in
 * delivery_failed), so such a flow is 422 `auction_required` naming the steps.
 */
async function checkPingPostInAuction(
  tx: Queryable,
  accountId: string,
  body: FlowWrite,
  referenced: string[],
): Promise<void> {
  if ((body.distribution?.mode ?? 'all') === 'auction') return;
  const pingPost = new Set(await pingPostRecipientIds(tx, accountId, referenced));
  const details = body.steps.flatMap((step, index) => {
    if (step.type !== 'delivery') return [];
    if (step.recipient?.type === 'ping_post') return [{ field: `steps.${index}.recipient.type`, index }];
    if (step.recipient_id && pingPost.has(step.recipient_id))
      return [{ field: `steps.${index}.recipient_id`, index }];
    return [];
  });
  if (details.length > 0) {
    throw new ApiError(
      422,
      'auction_required',
      'A ping/post recipient is sold leads only in an auction: set distribution.mode to "auction"',
      details.map(({ field, index }) => ({
        field,
        code: 'auction_required',
        message: `Step ${index + 1} delivers to a ping/post recipient, which buys only at a bid`,
      })),
    );
  }
}

/**
 * Checks every list a list_check step names/**
 * Checks every list a list_check step names is a suppression list of the account: another account's
 * list, or one that does not exist, is 422 `unknown_list` naming the step. The lists stay share-locked
 * until the write commits, so a list cannot be deleted between this check and the saved version
 * (DELETE /lists/{id} refuses a list the current version of a flow checks).
 */
async function checkLists(tx: Queryable, accountId: string, body: FlowWrite): Promise<void> {
  const named = body.steps.flatMap((s) => (s.type === 'list_check' ? s.list_ids : []));
  if (named.length === 0) return;
  const found = new Set(
    (await findSuppressionListsByIds(tx, accountId, [...new Set(named)], { forShare: true })).map(
      (l) => l.id,
    ),
  );
  const details = body.steps.flatMap((step, index) =>
    step.type === 'list_check'
      ? step.list_ids.flatMap((id, at) =>
          found.has(id)
            ? []
            : [
                {
                  field: `steps.${index}.list_ids.${at}`,
                  code: 'unknown_list',
                  message: `No suppression list ${id} in this account`,
                },
              ],
        )
      : [],
  );
  if (details.length > 0) {
    throw new ApiError(
      422,
      'unknown_list',
      'A list_check step names a list this account does not have',
      details,
    );
  }
}

export function flowsRouter({ pool }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary: 'Create a flow',
        description:
          'Fields, acceptance criteria (CEL), enhancement/filter/delivery steps, caps, pricing and distribution. ' +
          'Delivery steps name a recipient_id or define a recipient inline. A list_check step naming a list ' +
          'this account does not have answers 422 `unknown_list`.',
        tags: ['Flows'],
        middleware: [requireScope('flows:write')],
        request: { body: { required: true, content: { 'application/json': { schema: FlowWriteSchema } } } },
        responses: {
          201: jsonResponse('Created', FlowSchema),
          ...errorResponses(400, 404, 413, 415, 422),
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const { accountId } = c.var.auth;
        const flow = await withTransaction(pool, async (tx) => {
          await checkLists(tx, accountId, body);
          const config = toFlowConfig(body, await resolveRecipients(tx, accountId, body));
          return insertFlow(tx, accountId, metaOf(body), config);
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
        responses: { 200: jsonResponse('Flows', FlowListSchema), ...errorResponses() },
      }),
      async (c) => {
        const flows = await listFlows(pool, c.var.auth.accountId);
        return c.json({ flows: flows.map((f) => ({ ...flowView(f), statistics: f.statistics })) }, 200);
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
        responses: { 200: jsonResponse('Flow', FlowSchema), ...errorResponses(404) },
      }),
      async (c) => {
        const flow = await findFlow(pool, c.var.auth.accountId, c.req.valid('param').flow_id);
        if (!flow) throw notFound('Flow');
        return c.json(flowView(flow), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{flow_id}',
        summary: 'Replace a flow’s configuration (saved as a new version)',
        description:
          'Leads already in flight keep running against the version they arrived under. A list_check step ' +
          'naming a list this account does not have answers 422 `unknown_list`.',
        tags: ['Flows'],
        middleware: [requireScope('flows:write')],
        request: {
          params: FlowIdParam,
          body: { required: true, content: { 'application/json': { schema: FlowWriteSchema } } },
        },
        responses: {
          200: jsonResponse('Updated', FlowSchema),
          ...errorResponses(400, 404, 413, 415, 422),
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const { accountId } = c.var.auth;
        const flow = await withTransaction(pool, async (tx) => {
          await checkLists(tx, accountId, body);
          const config = toFlowConfig(body, await resolveRecipients(tx, accountId, body));
          return saveFlowVersion(tx, accountId, c.req.valid('param').flow_id, metaOf(body), config);
        });
        if (!flow) throw notFound('Flow');
        return c.json(flowView(flow), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{flow_id}/settings',
        summary: 'Update flow settings',
        description:
          'Any subset of acceptance_criteria, quality_threshold, volume_cap {daily_limit, hourly_limit}, ' +
          'notifications {email, webhook_url, events}, required_fields, time_zone. Saved as a new version.',
        tags: ['Flows'],
        middleware: [requireScope('flows:write')],
        request: {
          params: FlowIdParam,
          body: { required: true, content: { 'application/json': { schema: SettingsUpdateSchema } } },
        },
        responses: {
          200: jsonResponse('Updated', SettingsResponseSchema),
          ...errorResponses(400, 404, 413, 415),
        },
      }),
      async (c) => {
        const { settings } = c.req.valid('json');
        const { accountId } = c.var.auth;
        const flow = await withTransaction(pool, async (tx) => {
          const current = await findFlow(tx, accountId, c.req.valid('param').flow_id, { forUpdate: true });
          if (!current) throw notFound('Flow');
          const merged = { ...current.config, settings: { ...current.config.settings, ...settings } };
          const invalid = validateConfig(merged);
          if (invalid) throw validationError(invalid);
          const config = assignIds(FlowConfigSchema.parse(merged));
          return saveFlowVersion(tx, accountId, current.id, current, config);
        });
        if (!flow) throw notFound('Flow');
        return c.json(
          {
            flow_id: flow.id,
            version: flow.version,
            updated_at: flow.updated_at.toISOString(),
            settings: flow.config.settings,
          },
          200,
        );
      },
    );
}

function metaOf(body: FlowWrite) {
  return { name: body.name, description: body.description ?? null, status: body.status };
}
