import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ALL_SCOPES, DEFAULT_RATE_LIMIT } from '../../db/accounts.js';
import {
  type ApiKeyChanges,
  type ApiKeyRow,
  createApiKey,
  findApiKey,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
  updateApiKey,
} from '../../db/api-keys.js';
import { integer, text } from '../../lib/schema.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { ApiError, notFound } from '../errors.js';
import { clientIpResolver, ipAllowed, normalizeCidr } from '../middleware/client-ip.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';

export const MAX_GRACE_PERIOD_SECONDS = 86_400;

/** The most the operator's tools (`npm run keys`) may set; tenants are held to the deployment's ceiling. */
export const OPERATOR_RATE_LIMIT_MAX = { perHour: 10_000_000, perMinute: 1_000_000 } as const;

const IpOrCidr = text({ max: 64 })
  .refine((v) => normalizeCidr(v) !== undefined, { message: 'must be an IP address or a CIDR range' })
  .openapi({
    format: 'ip-or-cidr',
    description: 'An IPv4 or IPv6 address, or a CIDR range such as 10.0.0.0/8 or 2001:db8::/32',
  });

/**
 * A key's settings. Rate limits validate up to what the operator may set (the CLI); the API builds the
 * schema with the deployment's ceiling, which its document states and its handlers enforce (400
 * `too_big` with a message saying the operator can set more).
 */
export function apiKeyInputSchema(max: { perHour: number; perMinute: number } = OPERATOR_RATE_LIMIT_MAX) {
  return z
    .object({
      name: text({ min: 1, max: 200, trim: true }),
      mode: z
        .enum(['live', 'test'])
        .default('live')
        .describe('test keys force test mode on every lead they submit'),
      scopes: z.array(z.enum(ALL_SCOPES)).min(1),
      ip_allowlist: z
        .array(IpOrCidr)
        .max(100)
        .nullable()
        .optional()
        .describe('IP addresses or CIDR ranges the key may be used from; absent or empty: any address'),
      rate_limit: z
        .object({
          per_hour: integer(1, OPERATOR_RATE_LIMIT_MAX.perHour).openapi({ maximum: max.perHour }).optional(),
          per_minute: integer(1, OPERATOR_RATE_LIMIT_MAX.perMinute)
            .openapi({ maximum: max.perMinute })
            .optional(),
        })
        .optional()
        .describe(
          `Requests per hour (default ${DEFAULT_RATE_LIMIT.perHour}, at most ${max.perHour} here) and per minute (burst, default ${DEFAULT_RATE_LIMIT.perMinute}, at most ${max.perMinute} here); the operator can set more with \`npm run keys\``,
        ),
    })
    .openapi('ApiKeyInput');
}
export const ApiKeyInputSchema = apiKeyInputSchema();
export type ApiKeyInput = z.infer<typeof ApiKeyInputSchema>;

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z
      .string()
      .describe('The first characters of the key, to recognise it; the key itself is never shown again'),
    mode: z.enum(['live', 'test']),
    scopes: z.array(z.enum(ALL_SCOPES)),
    ip_allowlist: z.array(z.string()),
    rate_limit: z.object({ per_hour: z.number().int(), per_minute: z.number().int() }),
    status: z.enum(['active', 'revoked']),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
    rotated_at: z.string().nullable(),
    previous_key_expires_at: z
      .string()
      .nullable()
      .describe('After a rotation with a grace period: until when the previous secret still works'),
    revoked_at: z.string().nullable(),
  })
  .openapi('ApiKey');

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().describe('The full API key. Shown only in this response: store it now.'),
}).openapi('CreatedApiKey');

export function apiKeyUpdateSchema(max: { perHour: number; perMinute: number } = OPERATOR_RATE_LIMIT_MAX) {
  const input = apiKeyInputSchema(max).shape;
  return z
    .object({
      name: input.name,
      scopes: input.scopes,
      ip_allowlist: input.ip_allowlist.describe(
        'Replaces the allow-list; null or [] makes the key usable from any address',
      ),
      rate_limit: z
        .object({
          per_hour: integer(1, OPERATOR_RATE_LIMIT_MAX.perHour)
            .openapi({ maximum: max.perHour })
            .nullable()
            .optional(),
          per_minute: integer(1, OPERATOR_RATE_LIMIT_MAX.perMinute)
            .openapi({ maximum: max.perMinute })
            .nullable()
            .optional(),
        })
        .describe(
          `null sets a limit back to its default; at most ${max.perHour} per hour and ${max.perMinute} per minute here`,
        ),
    })
    .partial()
    .strict()
    .refine((v) => Object.keys(v).length > 0, { message: 'Give at least one setting to change' })
    .openapi('ApiKeyUpdate', { minProperties: 1 });
}
export const ApiKeyUpdateSchema = apiKeyUpdateSchema();
export type ApiKeyUpdate = z.infer<typeof ApiKeyUpdateSchema>;

/** The validated changes as the database layer takes them (CIDRs normalised). */
export function toApiKeyChanges(input: ApiKeyUpdate): ApiKeyChanges {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.scopes !== undefined ? { scopes: input.scopes } : {}),
    ...(input.ip_allowlist !== undefined
      ? { ipAllowlist: (input.ip_allowlist ?? []).map((cidr) => normalizeCidr(cidr)!) }
      : {}),
    ...(input.rate_limit?.per_hour !== undefined ? { rateLimitPerHour: input.rate_limit.per_hour } : {}),
    ...(input.rate_limit?.per_minute !== undefined
      ? { rateLimitPerMinute: input.rate_limit.per_minute }
      : {}),
  };
}

const ApiKeyListSchema = z.object({ api_keys: z.array(ApiKeySchema) }).openapi('ApiKeyList');

const RotateSchema = z
  .object({
    grace_period_seconds: integer(0, MAX_GRACE_PERIOD_SECONDS)
      .default(0)
      .describe('How long the previous secret keeps working (default 0: revoked at once)'),
  })
  .openapi('ApiKeyRotation');

const KeyIdParam = z.object({ key_id: z.string().openapi({ param: { name: 'key_id', in: 'path' } }) });

export function apiKeyView(row: ApiKeyRow): z.infer<typeof ApiKeySchema> {
  const expires =
    row.previous_key_expires_at && row.previous_key_expires_at > new Date()
      ? row.previous_key_expires_at
      : null;
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    mode: row.mode,
    scopes: row.scopes,
    ip_allowlist: row.ip_allowlist ?? [],
    rate_limit: {
      per_hour: row.rate_limit_per_hour ?? DEFAULT_RATE_LIMIT.perHour,
      per_minute: row.rate_limit_per_minute ?? DEFAULT_RATE_LIMIT.perMinute,
    },
    status: row.revoked_at ? 'revoked' : 'active',
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
    rotated_at: row.rotated_at?.toISOString() ?? null,
    previous_key_expires_at: expires?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
  };
}

/** The validated input as the database layer takes it (CIDRs normalised). */
export function toNewApiKey(input: ApiKeyInput) {
  return {
    name: input.name,
    mode: input.mode,
    scopes: input.scopes,
    ipAllowlist: (input.ip_allowlist ?? []).map((cidr) => normalizeCidr(cidr)!),
    rateLimitPerHour: input.rate_limit?.per_hour ?? null,
    rateLimitPerMinute: input.rate_limit?.per_minute ?? null,
  };
}

// A test key must not mint or manage live keys: that would turn sandbox access into production access.
function assertModeAllowed(callerMode: 'live' | 'test', targetMode: 'live' | 'test') {
  if (callerMode === 'test' && targetMode === 'live') {
    throw new ApiError(403, 'forbidden', 'A test key can only create and manage test keys', {
      required_mode: 'live',
    });
  }
}

/** A tenant cannot raise its own keys' limits above what the operator allows (400, naming the field). */
function assertWithinCeiling(
  rateLimit: { per_hour?: number | null | undefined; per_minute?: number | null | undefined } | undefined,
  ceiling: { perHour: number; perMinute: number },
) {
  const over = [
    ['per_hour', rateLimit?.per_hour, ceiling.perHour],
    ['per_minute', rateLimit?.per_minute, ceiling.perMinute],
  ] as const;
  const details = over
    .filter(([, value, max]) => typeof value === 'number' && value > max)
    .map(([name, , max]) => ({
      field: `rate_limit.${name}`,
      code: 'too_big',
      message: `At most ${max} on this deployment; the operator can set more (npm run keys -- update)`,
    }));
  if (details.length > 0) throw new ApiError(400, 'validation_failed', 'Request validation failed', details);
}

export function apiKeysRouter({
  pool,
  clientIp = clientIpResolver(),
  keyRateLimitCeiling = DEFAULT_RATE_LIMIT,
}: AppDeps) {
  // The document states this deployment's ceiling (KEY_RATE_LIMIT_CEILING), which the handlers enforce.
  const ApiKeyInputSchema = apiKeyInputSchema(keyRateLimitCeiling);
  const ApiKeyUpdateSchema = apiKeyUpdateSchema(keyRateLimitCeiling);
  return new OpenAPIHono<AuthEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary: 'Create an API key',
        description:
          'The full key is in this response only; afterwards only its prefix is shown. Requires `admin`.',
        tags: ['API keys'],
        middleware: [requireScope('admin')],
        request: { body: { required: true, content: { 'application/json': { schema: ApiKeyInputSchema } } } },
        responses: {
          201: jsonResponse('Created; `key` is shown only now', CreatedApiKeySchema),
          ...errorResponses(400, 413, 415),
        },
      }),
      async (c) => {
        const input = c.req.valid('json');
        assertModeAllowed(c.var.auth.mode, input.mode);
        assertWithinCeiling(input.rate_limit, keyRateLimitCeiling);
        const { row, key } = await createApiKey(pool, c.var.auth.accountId, toNewApiKey(input));
        return c.json({ ...apiKeyView(row), key }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'List API keys (prefixes only, never the keys or their hashes)',
        tags: ['API keys'],
        middleware: [requireScope('admin')],
        responses: {
          200: jsonResponse('API keys, revoked ones included', ApiKeyListSchema),
          ...errorResponses(),
        },
      }),
      async (c) => {
        const keys = await listApiKeys(pool, c.var.auth.accountId);
        return c.json({ api_keys: keys.map(apiKeyView) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{key_id}',
        summary: 'Get an API key (prefix only)',
        tags: ['API keys'],
        middleware: [requireScope('admin')],
        request: { params: KeyIdParam },
        responses: { 200: jsonResponse('API key', ApiKeySchema), ...errorResponses(404) },
      }),
      async (c) => {
        const row = await findApiKey(pool, c.var.auth.accountId, c.req.valid('param').key_id);
        if (!row) throw notFound('API key');
        return c.json(apiKeyView(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{key_id}',
        summary: 'Change an API key: name, scopes, IP allow-list, rate limits',
        description:
          'Only the settings given change, at once for requests that follow. The secret and the mode never ' +
          'change (rotate for a new secret; create a key for another mode). A key cannot take `admin` away ' +
          'from itself, nor set an allow-list that excludes the address it is calling from (409), so an ' +
          'account is not locked out of its own keys by mistake.',
        tags: ['API keys'],
        middleware: [requireScope('admin')],
        request: {
          params: KeyIdParam,
          body: { required: true, content: { 'application/json': { schema: ApiKeyUpdateSchema } } },
        },
        responses: {
          200: jsonResponse('The key with its new settings', ApiKeySchema),
          ...errorResponses(400, 404, 409, 413, 415),
        },
      }),
      async (c) => {
        const { accountId, mode, keyId: callerKeyId } = c.var.auth;
        const keyId = c.req.valid('param').key_id;
        const input = c.req.valid('json');
        assertWithinCeiling(input.rate_limit, keyRateLimitCeiling);
        const existing = await findApiKey(pool, accountId, keyId);
        if (!existing) throw notFound('API key');
        assertModeAllowed(mode, existing.mode);
        if (keyId === callerKeyId && input.scopes && !input.scopes.includes('admin')) {
          throw new ApiError(409, 'conflict', 'A key cannot remove the admin scope from itself', {
            field: 'scopes',
          });
        }
        const changes = toApiKeyChanges(input);
        if (keyId === callerKeyId && changes.ipAllowlist && changes.ipAllowlist.length > 0) {
          const ip = clientIp(c);
          if (!ip || !ipAllowed(ip, changes.ipAllowlist)) {
            throw new ApiError(
              409,
              'conflict',
              'The new allow-list would lock this key out of the address it is used from',
              {
                field: 'ip_allowlist',
                client_ip: ip ?? null,
              },
            );
          }
        }
        const result = await updateApiKey(pool, accountId, keyId, changes);
        if (result === 'not_found') throw notFound('API key');
        if (result === 'revoked') throw new ApiError(409, 'conflict', 'A revoked key cannot be changed');
        return c.json(apiKeyView(result), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{key_id}/rotate',
        summary: 'Rotate an API key: a new secret, the old one revoked',
        description:
          'Keeps the id, name, mode, scopes, allow-list and limits. The old secret stops working at once, or after ' +
          '`grace_period_seconds` (at most one day). The body is optional.',
        tags: ['API keys'],
        middleware: [requireScope('admin')],
        request: {
          params: KeyIdParam,
          body: { required: false, content: { 'application/json': { schema: RotateSchema } } },
        },
        responses: {
          200: jsonResponse('Rotated; `key` is shown only now', CreatedApiKeySchema),
          ...errorResponses(400, 404, 409, 413, 415),
        },
      }),
      async (c) => {
        const { accountId, mode } = c.var.auth;
        const keyId = c.req.valid('param').key_id;
        // Without a JSON body the validator passes `{}` through unparsed: default here too.
        const grace = c.req.valid('json').grace_period_seconds ?? 0;
        const existing = await findApiKey(pool, accountId, keyId);
        if (!existing) throw notFound('API key');
        assertModeAllowed(mode, existing.mode);
        const result = await rotateApiKey(pool, accountId, keyId, grace);
        if (result === 'not_found') throw notFound('API key');
        if (result === 'revoked') throw new ApiError(409, 'conflict', 'A revoked key cannot be rotated');
        return c.json({ ...apiKeyView(result.row), key: result.key }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{key_id}',
        summary: 'Revoke an API key',
        description:
          'Takes effect at once, for the previous secret of a rotation too. Idempotent. A revoked key is ' +
          'not deleted: it stays readable (GET answers it with `status: revoked` and `revoked_at`), so ' +
          'what it did can still be traced to it.',
        tags: ['API keys'],
        middleware: [requireScope('admin')],
        request: { params: KeyIdParam },
        responses: { 200: jsonResponse('Revoked', ApiKeySchema), ...errorResponses(404) },
      }),
      async (c) => {
        const { accountId, mode } = c.var.auth;
        const keyId = c.req.valid('param').key_id;
        const existing = await findApiKey(pool, accountId, keyId);
        if (!existing) throw notFound('API key');
        assertModeAllowed(mode, existing.mode);
        const row = await revokeApiKey(pool, accountId, keyId);
        if (!row) throw notFound('API key');
        return c.json(apiKeyView(row), 200);
      },
    );
}
