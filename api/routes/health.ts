import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from '../app.js';

const startedAt = Date.now();
const VERSION = '0.1.0';

const HealthSchema = z
  .object({
    status: z.enum(['healthy', 'degraded']),
    timestamp: z.string(),
    version: z.string(),
    uptime_seconds: z.number(),
    database: z.enum(['connected', 'disconnected']),
    temporal: z.enum(['connected', 'disconnected']),
  })
  .openapi('Health');

async function probe(check: () => Promise<unknown>, timeoutMs = 2000): Promise<boolean> {
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
    ]);
    return true;
  } catch {
    return false;
  }
}

export function healthRouter({ pool, temporal }: AppDeps) {
  return new OpenAPIHono().openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      summary: 'Health: Postgres and Temporal reachability',
      tags: ['Operations'],
      security: [],
      responses: {
        200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
        503: {
          description: 'A dependency is down',
          content: { 'application/json': { schema: HealthSchema } },
        },
      },
    }),
    async (c) => {
      const [db, tmp] = await Promise.all([
        probe(() => pool.query('SELECT 1')),
        probe(() => temporal.workflowService.getSystemInfo({})),
      ]);
      const body = {
        status: db && tmp ? ('healthy' as const) : ('degraded' as const),
        timestamp: new Date().toISOString(),
        version: VERSION,
        uptime_seconds: Math.round((Date.now() - startedAt) / 1000),
        database: db ? ('connected' as const) : ('disconnected' as const),
        temporal: tmp ? ('connected' as const) : ('disconnected' as const),
      };
      return c.json(body, db && tmp ? 200 : 503);
    },
  );
}
