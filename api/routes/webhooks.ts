import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { findWebhookSecrets, rotateWebhookSecret, type WebhookSecrets } from '../../db/webhook-secrets.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { ApiError, notFound } from '../errors.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';

/** How long the previous secret keeps signing after a rotation unless the request says otherwise. */
export const DEFAULT_WEBHOOK_SECRET_OVERLAP_SECONDS = 86_400;
export const MAX_WEBHOOK_SECRET_OVERLAP_SECONDS = 7 * 86_400;

export const WebhookSecretSchema = z
  .object({
    secret: z.string().describe('The current signing secret (`whsec_...`): it signs every webhook'),
    created_at: z.string().describe('When the account (and its first secret) was created'),
    rotated_at: z
      .string()
      .nullable()
      .describe('When the current secret replaced the previous one; null: never rotated'),
    previous: z
      .object({
        secret: z.string().describe('The secret before the last rotation'),
        expires_at: z.string().describe('Until when it still signs (a second `v1=` signature)'),
      })
      .nullable()
      .describe('The previous secret while it still signs (the overlap after a rotation); null otherwise'),
    signature_header: z
      .string()
      .describe(
        'Where webhooks carry the signatures: `X-Leadrail-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]`',
      ),
  })
  .openapi('WebhookSecret');

const RotationSchema = z
  .object({
    overlap_seconds: z
      .number()
      .int()
      .min(0)
      .max(MAX_WEBHOOK_SECRET_OVERLAP_SECONDS)
      .optional()
      .describe(
        'How long the replaced secret keeps signing alongside the new one (default: the server’s ' +
          `WEBHOOK_SECRET_OVERLAP_SECONDS, ${DEFAULT_WEBHOOK_SECRET_OVERLAP_SECONDS} unless set; 0: stops at once)`,
      ),
  })
  .openapi('WebhookSecretRotation');

function view(secrets: WebhookSecrets) {
  return {
    secret: secrets.secret,
    created_at: secrets.createdAt.toISOString(),
    rotated_at: secrets.rotatedAt?.toISOString() ?? null,
    previous: secrets.previous
      ? { secret: secrets.previous.secret, expires_at: secrets.previous.expiresAt.toISOString() }
      : null,
    signature_header: 'X-Leadrail-Signature',
  };
}

/** Refuses test keys: the secret signs live webhooks (test leads send none). */
function assertLiveKey(mode: 'live' | 'test') {
  if (mode === 'test') {
    throw new ApiError(403, 'forbidden', 'The webhook signing secret is managed with a live key', {
      required_mode: 'live',
    });
  }
}

/** GET /webhooks/secret and POST /webhooks/secret/rotate: the account's webhook signing secret. */
export function webhooksRouter({ pool, payloadKeys, webhookSecretOverlapSeconds }: AppDeps) {
  const defaultOverlap = webhookSecretOverlapSeconds ?? DEFAULT_WEBHOOK_SECRET_OVERLAP_SECONDS;
  return new OpenAPIHono<AuthEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/secret',
        summary: 'Read the webhook signing secret',
        description:
          'The secret every webhook of this account is signed with (HMAC-SHA256), and the previous one while ' +
          'a rotation’s overlap lasts. Needs the `admin` scope and a live key.',
        tags: ['Webhooks'],
        middleware: [requireScope('admin')],
        responses: { 200: jsonResponse('The signing secrets', WebhookSecretSchema), ...errorResponses() },
      }),
      async (c) => {
        const { accountId, mode } = c.var.auth;
        assertLiveKey(mode);
        const secrets = await findWebhookSecrets(pool, payloadKeys, accountId, { sealInPlace: true });
        if (!secrets) throw notFound('Account');
        c.header('Cache-Control', 'no-store');
        return c.json(view(secrets), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/secret/rotate',
        summary: 'Rotate the webhook signing secret',
        description:
          'A new secret signs from now on; the replaced one keeps signing too (a second `v1=` signature) for ' +
          '`overlap_seconds`, so receivers can switch without rejecting a webhook. Rotating again within the ' +
          'overlap drops the oldest secret (at most two sign). The body is optional.',
        tags: ['Webhooks'],
        middleware: [requireScope('admin')],
        request: {
          body: { required: false, content: { 'application/json': { schema: RotationSchema } } },
        },
        responses: {
          200: jsonResponse('Rotated; the new secret and the previous one', WebhookSecretSchema),
          ...errorResponses(400, 413, 415),
        },
      }),
      async (c) => {
        const { accountId, mode } = c.var.auth;
        assertLiveKey(mode);
        const overlap = c.req.valid('json').overlap_seconds ?? defaultOverlap;
        // Seals a secret stored before sealing existed, so the previous one is stored sealed too.
        await findWebhookSecrets(pool, payloadKeys, accountId, { sealInPlace: true });
        const secrets = await rotateWebhookSecret(pool, payloadKeys, accountId, overlap);
        if (!secrets) throw notFound('Account');
        c.header('Cache-Control', 'no-store');
        return c.json(view(secrets), 200);
      },
    );
}
