import { createMiddleware } from 'hono/factory';
import { type AuthenticatedKey, authenticateApiKey, type Scope } from '../db/accounts.js';
import type { Pool } from '../db/pool.js';
import { ApiError } from './errors.js';

export type AuthEnv = { Variables: { auth: AuthenticatedKey; requestId: string } };

/** Bearer API key authentication; sets `c.var.auth` for the handlers. */
export function authenticate(pool: Pool) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new ApiError(401, 'unauthorized', 'Missing API key: send "Authorization: Bearer <key>"');
    const auth = await authenticateApiKey(pool, match[1]!);
    if (!auth) throw new ApiError(401, 'unauthorized', 'Invalid or revoked API key');
    c.set('auth', auth);
    await next();
  });
}

export function requireScope(scope: Scope) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const { scopes } = c.var.auth;
    if (!scopes.includes(scope) && !scopes.includes('admin')) {
      throw new ApiError(403, 'forbidden', `This API key lacks the "${scope}" scope`, {
        required_scope: scope,
      });
    }
    await next();
  });
}
