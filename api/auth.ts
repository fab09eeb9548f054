import { createMiddleware } from 'hono/factory';
import { type AuthenticatedKey, authenticateApiKeys, type Scope } from '../db/accounts.js';
import type { Pool } from '../db/pool.js';
import { RequestBatcher } from '../lib/request-batcher.js';
import { ApiError } from './errors.js';
import { type ClientIpResolver, clientIpResolver, ipAllowed } from './middleware/client-ip.js';
import { enforceRateLimit } from './rate-limit.js';

export type AuthEnv = { Variables: { auth: AuthenticatedKey; requestId: string } };

export interface AuthOptions {
  /** Where the client address comes from (default: the Node socket; X-Forwarded-For only when configured). */
  clientIp?: ClientIpResolver;
  /** Count the request against the key's rate limits (default true). */
  rateLimit?: boolean;
}

// Key lookups of requests that arrive together share one statement (one batcher per pool, so every
// router of an app shares it): under load, authentication costs a round trip per batch, not per request.
const keyLookups = new WeakMap<Pool, RequestBatcher<string, AuthenticatedKey | null>>();

function lookUpKey(pool: Pool, key: string): Promise<AuthenticatedKey | null> {
  let batcher = keyLookups.get(pool);
  if (!batcher) {
    batcher = new RequestBatcher((keys) => authenticateApiKeys(pool, keys));
    keyLookups.set(pool, batcher);
  }
  return batcher.submit(key);
}

/**
 * Bearer API key authentication; sets `c.var.auth` for the handlers. Then the key's IP allow-list
 * (403 `ip_not_allowed`) and its rate limits (429 `rate_limit_exceeded`, headers on every response).
 */
export function authenticate(pool: Pool, options: AuthOptions = {}) {
  const clientIp = options.clientIp ?? clientIpResolver();
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new ApiError(401, 'unauthorized', 'Missing API key: send "Authorization: Bearer <key>"');
    const auth = await lookUpKey(pool, match[1]!);
    if (!auth) throw new ApiError(401, 'unauthorized', 'Invalid or revoked API key');
    if (auth.ipAllowlist.length > 0) {
      const ip = clientIp(c);
      if (!ip || !ipAllowed(ip, auth.ipAllowlist)) {
        throw new ApiError(
          403,
          'ip_not_allowed',
          ip
            ? `This API key may not be used from ${ip}`
            : 'This API key may not be used from an unknown address',
          { client_ip: ip ?? null },
        );
      }
    }
    c.set('auth', auth);
    if (auth.source && !sourceKeyMayCall(c.req.method, c.req.path, auth.source.flowId)) {
      throw new ApiError(
        403,
        'forbidden',
        `This is a source's key: it may only submit leads and pings to flow ${auth.source.flowId}`,
        { source_id: auth.source.id, flow_id: auth.source.flowId },
      );
    }
    if (options.rateLimit !== false) await enforceRateLimit(c, pool, auth);
    await next();
  });
}

const SOURCE_KEY_ROUTE = /^(?:\/api\/v1)?\/flows\/([^/]+)\/(?:leads|leads\/batch|ping)\/?$/;

/** A source's key reaches its flow's submit and ping routes only. */
function sourceKeyMayCall(method: string, path: string, flowId: string): boolean {
  const match = SOURCE_KEY_ROUTE.exec(path);
  return method === 'POST' && match !== null && match[1] === flowId;
}

/**
 * 403 `forbidden` unless the key has `scope` (admin has every scope). For checks that depend on the
 * request body (a replay's `url`, a dry run); fixed per-route scopes use `requireScope`.
 */
export function assertScope(auth: AuthenticatedKey, scope: Scope, field?: string): void {
  if (!auth.scopes.includes(scope) && !auth.scopes.includes('admin')) {
    throw new ApiError(403, 'forbidden', `This API key lacks the "${scope}" scope`, {
      ...(field ? { field } : {}),
      required_scope: scope,
    });
  }
}

export function requireScope(scope: Scope) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    assertScope(c.var.auth, scope);
    await next();
  });
}
