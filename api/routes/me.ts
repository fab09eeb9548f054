import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ALL_SCOPES } from '../../db/accounts.js';
import type { AppDeps } from '../app.js';
import type { AuthEnv } from '../auth.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';

export const CurrentKeySchema = z
  .object({
    key_id: z.string(),
    account_id: z.string(),
    mode: z.enum(['live', 'test']).describe('test keys run leads in test mode and deliver nowhere'),
    scopes: z
      .array(z.enum(ALL_SCOPES))
      .describe('What the key may do (admin: everything); a client shows only what these allow'),
  })
  .openapi('CurrentKey');

/** The calling key itself: any valid key may read what it is and what it may do. */
export function meRouter(_deps: AppDeps) {
  return new OpenAPIHono<AuthEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/me',
      summary: 'The calling API key: its account, mode and scopes',
      description: 'Needs no scope. The operator console signs in with it.',
      tags: ['API keys'],
      responses: { 200: jsonResponse('The calling key', CurrentKeySchema), ...errorResponses() },
    }),
    (c) => {
      const { keyId, accountId, mode, scopes } = c.var.auth;
      return c.json({ key_id: keyId, account_id: accountId, mode, scopes }, 200);
    },
  );
}
