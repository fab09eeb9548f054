import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createApiKey, listSourceApiKeys } from '../../db/api-keys.js';
import { findFlow } from '../../db/flows.js';
import { withTransaction } from '../../db/pool.js';
import {
  deleteSource,
  findSource,
  insertSource,
  listSources,
  type SourceRow,
  updateSource,
} from '../../db/sources.js';
import { SourceInputSchema, sourceCelExpressions } from '../../domain/sources.js';
import { text } from '../../lib/schema.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { notFound } from '../errors.js';
import { addCelIssues } from '../flow-config.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';
import { ApiKeySchema, apiKeyView, CreatedApiKeySchema } from './api-keys.js';

// Publisher sources under a flow (domain/sources.ts). Each can have keys of its own that submit and
// ping to its flow, as that source, and nothing else (api/auth.ts).

const SourceWriteSchema = SourceInputSchema.superRefine((input, ctx) => {
  addCelIssues(sourceCelExpressions(input), ctx);
}).openapi('SourceInput');

export const SourceSchema = z
  .object({
    id: z.string(),
    flow_id: z.string(),
    name: z.string(),
    enabled: z.boolean(),
    field_mappings: z.record(z.string(), z.string()),
    acceptance_criteria: z.string().nullable(),
    caps: z.array(z.record(z.string(), z.unknown())),
    pricing: z.object({ amount: z.number(), rules: z.array(z.record(z.string(), z.unknown())) }).nullable(),
    ping: z.object({
      ttl_seconds: z.number().int(),
      limits: z.record(z.string(), z.number().int().nullable()),
    }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Source');

const SourceKeyInputSchema = z
  .object({
    name: text({ min: 1, max: 200, trim: true }),
    mode: z.enum(['live', 'test']).default('live'),
  })
  .openapi('SourceKeyInput');

const SourceKeySchema = ApiKeySchema.extend({ source_id: z.string().nullable() }).openapi('SourceApiKey');
const CreatedSourceKeySchema = CreatedApiKeySchema.extend({ source_id: z.string() }).openapi(
  'CreatedSourceApiKey',
);

const FlowParam = z.object({ flow_id: z.string().openapi({ param: { name: 'flow_id', in: 'path' } }) });
const SourceParams = FlowParam.extend({
  source_id: z.string().openapi({ param: { name: 'source_id', in: 'path' } }),
});

export function sourceView(row: SourceRow): z.infer<typeof SourceSchema> {
  return {
    id: row.id,
    flow_id: row.flow_id,
    name: row.name,
    enabled: row.enabled,
    field_mappings: row.config.field_mappings,
    acceptance_criteria: row.config.acceptance_criteria,
    caps: row.config.caps,
    pricing: row.config.pricing,
    ping: row.config.ping,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

const body = { required: true, content: { 'application/json': { schema: SourceWriteSchema } } } as const;

export function sourcesRouter({ pool }: AppDeps) {
  const flowOf = async (accountId: string, flowId: string) => {
    const flow = await findFlow(pool, accountId, flowId);
    if (!flow) throw notFound('Flow');
    return flow;
  };
  return new OpenAPIHono<AuthEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/{flow_id}/sources',
        summary: 'Create a source (a publisher sending leads into the flow)',
        description:
          'Field mappings, acceptance criteria (CEL, joined to the flow’s), caps counted per source, purchase ' +
          'pricing, ping time to live and limits. Leads name it with `source_id` or come with one of its keys.',
        tags: ['Sources'],
        middleware: [requireScope('flows:write')],
        request: { params: FlowParam, body },
        responses: { 201: jsonResponse('Created', SourceSchema), ...errorResponses(400, 404, 413, 415) },
      }),
      async (c) => {
        const { accountId } = c.var.auth;
        const flow = await flowOf(accountId, c.req.valid('param').flow_id);
        const row = await insertSource(pool, accountId, flow.id, c.req.valid('json'));
        return c.json(sourceView(row), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{flow_id}/sources',
        summary: 'List a flow’s sources',
        tags: ['Sources'],
        middleware: [requireScope('flows:read')],
        request: { params: FlowParam },
        responses: {
          200: jsonResponse('Sources', z.object({ sources: z.array(SourceSchema) }).openapi('SourceList')),
          ...errorResponses(404),
        },
      }),
      async (c) => {
        const { accountId } = c.var.auth;
        const flow = await flowOf(accountId, c.req.valid('param').flow_id);
        return c.json({ sources: (await listSources(pool, accountId, flow.id)).map(sourceView) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{flow_id}/sources/{source_id}',
        summary: 'Get a source',
        tags: ['Sources'],
        middleware: [requireScope('flows:read')],
        request: { params: SourceParams },
        responses: { 200: jsonResponse('Source', SourceSchema), ...errorResponses(404) },
      }),
      async (c) => {
        const { flow_id, source_id } = c.req.valid('param');
        const row = await findSource(pool, c.var.auth.accountId, flow_id, source_id);
        if (!row) throw notFound('Source');
        return c.json(sourceView(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{flow_id}/sources/{source_id}',
        summary: 'Replace a source',
        description:
          'Applies to leads and pings from now on; leads in flight keep the rules they arrived under.',
        tags: ['Sources'],
        middleware: [requireScope('flows:write')],
        request: { params: SourceParams, body },
        responses: { 200: jsonResponse('Updated', SourceSchema), ...errorResponses(400, 404, 413, 415) },
      }),
      async (c) => {
        const { flow_id, source_id } = c.req.valid('param');
        const row = await updateSource(pool, c.var.auth.accountId, flow_id, source_id, c.req.valid('json'));
        if (!row) throw notFound('Source');
        return c.json(sourceView(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{flow_id}/sources/{source_id}',
        summary: 'Delete a source and revoke its keys',
        description: 'Its leads keep their source id, and analytics still count them.',
        tags: ['Sources'],
        middleware: [requireScope('flows:write')],
        request: { params: SourceParams },
        responses: { 200: jsonResponse('Deleted', SourceSchema), ...errorResponses(404) },
      }),
      async (c) => {
        const { flow_id, source_id } = c.req.valid('param');
        const { accountId } = c.var.auth;
        const row = await withTransaction(pool, (tx) => deleteSource(tx, accountId, flow_id, source_id));
        if (!row) throw notFound('Source');
        return c.json(sourceView(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{flow_id}/sources/{source_id}/keys',
        summary: 'Create an API key for the source',
        description:
          'The key may only submit leads (`POST /flows/{flow_id}/leads`, `/leads/batch`) and pings ' +
          '(`POST /flows/{flow_id}/ping`) to this flow, always as this source; anything else answers 403 ' +
          '`forbidden`. Shown once; revoke it with `DELETE /api-keys/{key_id}`. Requires `admin`.',
        tags: ['Sources'],
        middleware: [requireScope('admin')],
        request: {
          params: SourceParams,
          body: { required: true, content: { 'application/json': { schema: SourceKeyInputSchema } } },
        },
        responses: {
          201: jsonResponse('Created; `key` is shown only now', CreatedSourceKeySchema),
          ...errorResponses(400, 404, 413, 415),
        },
      }),
      async (c) => {
        const { flow_id, source_id } = c.req.valid('param');
        const { accountId, mode } = c.var.auth;
        const source = await findSource(pool, accountId, flow_id, source_id);
        if (!source) throw notFound('Source');
        const input = c.req.valid('json');
        const { row, key } = await createApiKey(pool, accountId, {
          name: input.name,
          // A test key cannot mint live keys.
          mode: mode === 'test' ? 'test' : input.mode,
          // Rate limits are the documented defaults; operators raise them with `npm run keys`.
          scopes: ['leads:write'],
          sourceId: source.id,
        });
        return c.json({ ...apiKeyView(row), key, source_id: source.id }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{flow_id}/sources/{source_id}/keys',
        summary: 'List the source’s API keys (prefixes only)',
        tags: ['Sources'],
        middleware: [requireScope('admin')],
        request: { params: SourceParams },
        responses: {
          200: jsonResponse(
            'Keys, revoked ones included',
            z.object({ api_keys: z.array(SourceKeySchema) }).openapi('SourceApiKeyList'),
          ),
          ...errorResponses(404),
        },
      }),
      async (c) => {
        const { flow_id, source_id } = c.req.valid('param');
        const { accountId } = c.var.auth;
        const source = await findSource(pool, accountId, flow_id, source_id);
        if (!source) throw notFound('Source');
        const rows = await listSourceApiKeys(pool, accountId, source.id);
        return c.json({ api_keys: rows.map((r) => ({ ...apiKeyView(r), source_id: source.id })) }, 200);
      },
    );
}
