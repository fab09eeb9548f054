import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { withTransaction } from '../../db/pool.js';
import {
  findRecipient,
  flowsUsingRecipient,
  insertRecipient,
  listRecipients,
  type RecipientRow,
  softDeleteRecipient,
  updateRecipient,
} from '../../db/recipients.js';
import { personalPingFields } from '../../domain/auction-ping.js';
import { type RecipientConfig, type RecipientInput, RecipientInputSchema } from '../../domain/flow.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { ApiError, notFound } from '../errors.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';

// Recipients hold credentials for the buyers' endpoints (header values such as API tokens, basic-auth
// passwords, passwords in URLs). Responses never contain them: each is masked to "****" plus its last
// four characters (just "****" when shorter than 8). A PUT that sends a masked value back unchanged
// keeps the stored secret, so clients can GET, edit other fields and PUT the document back.

const MASK = '****';

export function maskSecret(value: string): string {
  return value.length >= 8 ? `${MASK}${value.slice(-4)}` : MASK;
}

/** A password in the URL and every query value (tokens often ride there, e.g. `?api_key=`) are masked. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password && !parsed.search) return url;
    if (parsed.password) parsed.password = MASK;
    for (const name of [...new Set(parsed.searchParams.keys())]) {
      const values = parsed.searchParams.getAll(name);
      parsed.searchParams.delete(name);
      for (const value of values) parsed.searchParams.append(name, value ? maskSecret(value) : value);
    }
    return parsed.toString();
  } catch {
    return url;
  }
}

export function maskConfig<C extends RecipientConfig>(config: C): C {
  return {
    ...config,
    url: maskUrl(config.url),
    ...('ping_url' in config ? { ping_url: maskUrl(config.ping_url) } : {}),
    headers: Object.fromEntries(
      Object.entries(config.headers).map(([name, value]) => [name, maskSecret(value)]),
    ),
    basic_auth: config.basic_auth
      ? { username: config.basic_auth.username, password: maskSecret(config.basic_auth.password) }
      : null,
  };
}

/** Puts stored secrets back where the client sent their masked form unchanged. */
function unmask(input: RecipientInput, current: RecipientConfig): RecipientInput {
  const config = input.config;
  const headers = Object.fromEntries(
    Object.entries(config.headers).map(([name, value]) => {
      const stored = current.headers[name];
      return [name, stored !== undefined && value === maskSecret(stored) ? stored : value];
    }),
  );
  const basicAuth =
    config.basic_auth &&
    current.basic_auth &&
    config.basic_auth.password === maskSecret(current.basic_auth.password)
      ? { ...config.basic_auth, password: current.basic_auth.password }
      : config.basic_auth;
  const url = config.url === maskUrl(current.url) ? current.url : config.url;
  if (input.type === 'ping_post') {
    const storedPing = 'ping_url' in current ? current.ping_url : null;
    const pingUrl =
      storedPing !== null && input.config.ping_url === maskUrl(storedPing)
        ? storedPing
        : input.config.ping_url;
    return { ...input, config: { ...input.config, url, ping_url: pingUrl, headers, basic_auth: basicAuth } };
  }
  return { ...input, config: { ...input.config, url, headers, basic_auth: basicAuth } };
}

/**
 * A ping/post recipient whose ping_fields name personal fields (by the standard catalogue: names,
 * email, phones, street address, date of birth, IP address) without allow_personal_ping_fields, or
 * an SSN or credential at all: 422 naming each field. A flow's own declared types are enforced
 * again when each ping is built (domain/auction-ping.ts).
 */
export function checkPingFields(input: RecipientInput, path = 'config.ping_fields'): void {
  if (input.type !== 'ping_post') return;
  const personal = personalPingFields(input.config);
  if (personal.length === 0) return;
  throw new ApiError(
    422,
    'personal_ping_fields',
    'A ping may not carry personal data: remove these fields from ping_fields, or set allow_personal_ping_fields',
    personal.map(({ field, type }) => ({
      field: `${path}.${input.config.ping_fields.indexOf(field)}`,
      code: 'personal_ping_field',
      message: `${field} is a ${type} field${type === 'ssn' || type === 'credential' ? ', never pinged' : ''}`,
    })),
  );
}

export const RecipientSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(['http', 'ping_post']),
    config: z
      .record(z.string(), z.unknown())
      .describe('The HTTP delivery (and for ping_post, ping) configuration, secrets masked'),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Recipient');

const RecipientListSchema = z.object({ recipients: z.array(RecipientSchema) }).openapi('RecipientList');

const RecipientIdParam = z.object({
  recipient_id: z.string().openapi({ param: { name: 'recipient_id', in: 'path' } }),
});

export function recipientView(row: RecipientRow): z.infer<typeof RecipientSchema> {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    config: maskConfig<RecipientConfig>(row.config),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

const RecipientBody = {
  required: true,
  content: { 'application/json': { schema: RecipientInputSchema.openapi('RecipientInput') } },
} as const;

export function recipientsRouter({ pool }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary: 'Create a recipient (a buyer’s HTTP endpoint, or a ping/post buyer for auctions)',
        description:
          'A `ping_post` recipient is pinged for a bid with its `ping_fields` only, then posted the lead at ' +
          '`url` when its bid wins an auction (flow distribution mode `auction`). Personal fields in ' +
          '`ping_fields` are refused with 422 `personal_ping_fields` unless `allow_personal_ping_fields`.',
        tags: ['Recipients'],
        middleware: [requireScope('flows:write')],
        request: { body: RecipientBody },
        responses: { 201: jsonResponse('Created', RecipientSchema), ...errorResponses(400, 413, 415, 422) },
      }),
      async (c) => {
        const input = c.req.valid('json');
        checkPingFields(input);
        const row = await insertRecipient(pool, c.var.auth.accountId, input);
        return c.json(recipientView(row), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'List recipients',
        tags: ['Recipients'],
        middleware: [requireScope('flows:read')],
        responses: {
          200: jsonResponse('Recipients (deleted ones excluded)', RecipientListSchema),
          ...errorResponses(),
        },
      }),
      async (c) => {
        const rows = await listRecipients(pool, c.var.auth.accountId);
        return c.json({ recipients: rows.map(recipientView) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{recipient_id}',
        summary: 'Get a recipient',
        tags: ['Recipients'],
        middleware: [requireScope('flows:read')],
        request: { params: RecipientIdParam },
        responses: { 200: jsonResponse('Recipient', RecipientSchema), ...errorResponses(404) },
      }),
      async (c) => {
        const row = await findRecipient(pool, c.var.auth.accountId, c.req.valid('param').recipient_id);
        if (!row) throw notFound('Recipient');
        return c.json(recipientView(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{recipient_id}',
        summary: 'Replace a recipient',
        description:
          'Takes effect for every delivery from now on, in-flight leads included. Masked secrets sent back ' +
          'unchanged keep their stored value.',
        tags: ['Recipients'],
        middleware: [requireScope('flows:write')],
        request: { params: RecipientIdParam, body: RecipientBody },
        responses: {
          200: jsonResponse('Updated', RecipientSchema),
          ...errorResponses(400, 404, 413, 415, 422),
        },
      }),
      async (c) => {
        const { accountId } = c.var.auth;
        const id = c.req.valid('param').recipient_id;
        checkPingFields(c.req.valid('json'));
        const row = await withTransaction(pool, async (tx) => {
          const current = await findRecipient(tx, accountId, id);
          if (!current) return null;
          const updated = await updateRecipient(
            tx,
            accountId,
            id,
            unmask(c.req.valid('json'), current.config),
          );
          // Checked after the update, which locks the row: a flow write holding it FOR SHARE is seen.
          if (updated?.type === 'ping_post') {
            const flows = await flowsUsingRecipient(tx, accountId, id, { exceptAuctions: true });
            if (flows.length > 0) {
              throw new ApiError(
                422,
                'auction_required',
                'A ping/post recipient is sold leads only in an auction, and flows that are not auctions deliver to this one',
                flows.map((flow) => ({
                  field: 'type',
                  code: 'auction_required',
                  message: `Flow ${flow.id} (${flow.name}) delivers to this recipient and is not an auction`,
                })),
              );
            }
          }
          return updated;
        });
        if (!row) throw notFound('Recipient');
        return c.json(recipientView(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{recipient_id}',
        summary: 'Delete a recipient',
        description:
          'Soft delete. Refused with 409 `conflict` (details[0].flows lists them) while the current version of a ' +
          'flow that is not archived delivers to it: edit those flows first. Leads already in flight under an ' +
          'older flow version that still names the recipient record a failed delivery for it.',
        tags: ['Recipients'],
        middleware: [requireScope('flows:write')],
        request: { params: RecipientIdParam },
        responses: { 200: jsonResponse('Deleted', RecipientSchema), ...errorResponses(404, 409) },
      }),
      async (c) => {
        const { accountId } = c.var.auth;
        const id = c.req.valid('param').recipient_id;
        const result = await withTransaction(pool, (tx) => softDeleteRecipient(tx, accountId, id));
        if (!result) throw notFound('Recipient');
        if ('usedBy' in result) {
          throw new ApiError(409, 'conflict', 'The recipient is used by flows; remove it from them first', {
            flows: result.usedBy,
          });
        }
        return c.json(recipientView(result.deleted), 200);
      },
    );
}
