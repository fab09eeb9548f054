import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { registry } from '../../lib/metrics.js';
import type { AppDeps } from '../app.js';

const startedAt = Date.now();
export const VERSION = '0.1.0';

const HealthSchema = z
  .object({
    status: z.enum(['healthy', 'degraded']),
    timestamp: z.string(),
    version: z.string(),
    uptime_seconds: z.number(),
    database: z.enum(['connected', 'disconnected']),
    temporal: z.enum(['connected', 'disconnected']),
    llm_service: z.enum(['available', 'unavailable', 'disabled']),
  })
  .openapi('Health');

const ProbeSchema = z.object({ status: z.enum(['ok', 'unavailable']) }).openapi('Probe');

async function probe(check: () => Promise<unknown>, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Operations endpoints: health for humans and load balancers, liveness/readiness for orchestrators, metrics. */
export function healthRouter({ pool, temporal, llmStatus }: AppDeps) {
  const dependencies = () =>
    Promise.all([
      probe(() => pool.query('SELECT 1')),
      probe(() => temporal.workflowService.getSystemInfo({})),
      llmStatus ? llmStatus() : Promise.resolve('disabled' as const),
    ]);
  const operations = { tags: ['Operations'], security: [] };

  return new OpenAPIHono()
    .openapi(
      createRoute({
        method: 'get',
        path: '/healthz',
        summary: 'Health: Postgres, Temporal and the optional LLM provider',
        ...operations,
        responses: {
          200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
          503: {
            description: 'A dependency is down',
            content: { 'application/json': { schema: HealthSchema } },
          },
        },
      }),
      async (c) => {
        const [db, tmp, llm] = await dependencies();
        const body = {
          status: db && tmp ? ('healthy' as const) : ('degraded' as const),
          timestamp: new Date().toISOString(),
          version: VERSION,
          uptime_seconds: Math.round((Date.now() - startedAt) / 1000),
          database: db ? ('connected' as const) : ('disconnected' as const),
          temporal: tmp ? ('connected' as const) : ('disconnected' as const),
          llm_service: llm,
        };
        return c.json(body, db && tmp ? 200 : 503);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/livez',
        summary: 'Liveness: the process is up and serving (no dependency checks)',
        ...operations,
        responses: {
          200: { description: 'Alive', content: { 'application/json': { schema: ProbeSchema } } },
        },
      }),
      (c) => c.json({ status: 'ok' as const }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/readyz',
        summary: 'Readiness: Postgres and Temporal answer, so requests can be served',
        ...operations,
        responses: {
          200: { description: 'Ready', content: { 'application/json': { schema: ProbeSchema } } },
          503: { description: 'Not ready', content: { 'application/json': { schema: ProbeSchema } } },
        },
      }),
      async (c) => {
        const [db, tmp] = await dependencies();
        return db && tmp
          ? c.json({ status: 'ok' as const }, 200)
          : c.json({ status: 'unavailable' as const }, 503);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/metrics',
        summary: 'Prometheus metrics',
        ...operations,
        responses: {
          200: { description: 'Prometheus text format', content: { 'text/plain': { schema: z.string() } } },
        },
      }),
      async (c) => c.text(await registry.metrics(), 200, { 'Content-Type': registry.contentType }),
    );
}
