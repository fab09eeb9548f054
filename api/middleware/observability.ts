import { createMiddleware } from 'hono/factory';
import { matchedRoutes, routePath } from 'hono/route';
import type { Logger } from '../../lib/logger.js';
import { httpDuration, httpRequests } from '../../lib/metrics.js';
import type { AuthEnv } from '../auth.js';

/**
 * The route pattern a request matched: the last matched route that is not app-wide middleware ('*'),
 * since sub-apps mounted before the global middleware (the intent API) match ahead of it.
 */
function endpointOf(c: Parameters<typeof routePath>[0]): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    const path = routes[i]!.path;
    if (path !== '*' && path !== '/*') return path;
  }
  return routePath(c, -1);
}

/**
 * One structured log line and the request metrics per request. The endpoint label is the route
 * pattern (`/leads/:lead_id`), never the raw path, so ids and personal data stay out of both.
 */
export function observe(log: Logger) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const endpoint = c.finalized || c.res ? endpointOf(c) : c.req.path;
      const status = c.res.status;
      httpRequests.inc({ endpoint, method: c.req.method, status: String(status) });
      httpDuration.observe({ endpoint, method: c.req.method }, seconds);
      const entry = {
        requestId: c.get('requestId'),
        method: c.req.method,
        route: endpoint,
        status,
        ms: Math.round(seconds * 1000),
        keyId: c.get('auth')?.keyId,
        leadId: c.res.headers.get('X-Lead-Id') ?? undefined,
      };
      if (status >= 500) log.error(entry, 'request failed');
      else log.info(entry, 'request');
    }
  });
}
