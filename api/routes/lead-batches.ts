import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { findFlow } from '../../db/flows.js';
import { newId } from '../../lib/ids.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { assumeAvailable } from '../availability.js';
import { notFound } from '../errors.js';
import { BATCH_WAIT_BUDGET_MS, BatchResultSchema, BatchSchema, runBatch } from '../lead-batch.js';
import { errorResponse, errorResponses, jsonResponse } from '../middleware/responses.js';
import { FlowIdParam } from './params.js';

/** POST /flows/{flow_id}/leads/batch: many leads in one call, one result each. */
export function leadBatchesRouter({
  pool,
  temporal,
  taskQueue,
  availability = assumeAvailable,
  batchWaitBudgetMs = BATCH_WAIT_BUDGET_MS,
  eagerLeadStart,
}: AppDeps) {
  const deps = { pool, temporal, taskQueue, availability, eagerStart: eagerLeadStart };
  return new OpenAPIHono<AuthEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/flows/{flow_id}/leads/batch',
      summary: 'Submit up to 1000 leads in one call',
      description:
        'Answers 207 with one result per lead, in input order, echoing external_id. Leads run concurrently ' +
        '(options.max_concurrent). With continue_on_error=false, leads after the first error are not submitted ' +
        '(status "skipped"). A batch counts once against the rate limit. Waiting for outcomes is bounded by a 120 s ' +
        'budget for the whole batch: leads still undecided then, or started after, are answered "pending" (poll ' +
        'GET /leads/{id}); the starts themselves are not counted.',
      tags: ['Leads'],
      middleware: [requireScope('leads:write')],
      request: {
        params: FlowIdParam,
        body: { required: true, content: { 'application/json': { schema: BatchSchema } } },
      },
      responses: {
        207: jsonResponse('Per-lead results', BatchResultSchema),
        ...errorResponses(400, 413, 415),
        404: errorResponse('Flow not found'),
      },
    }),
    async (c) => {
      const { flow_id: flowId } = c.req.valid('param');
      const flow = await findFlow(pool, c.var.auth.accountId, flowId);
      if (!flow) throw notFound('Flow');
      const results = await runBatch(deps, c.var.auth, flow, c.req.valid('json'), batchWaitBudgetMs);
      const successful = results.filter((r) => r.status === 'success' || r.status === 'pending').length;
      return c.json(
        {
          batch_id: newId('batch'),
          total_leads: results.length,
          successful,
          failed: results.length - successful,
          results,
        },
        207,
      );
    },
  );
}
