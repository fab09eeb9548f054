import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { findFlow } from '../../db/flows.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { assumeAvailable } from '../availability.js';
import { notFound } from '../errors.js';
import { rejectionError, type SubmissionResult, submitLead } from '../lead-submission.js';
import { errorResponse, errorResponses, jsonResponse } from '../middleware/responses.js';
import { FORM_SUBMISSION, readSubmission, SubmitLeadSchema } from '../submission-body.js';
import { SubmittedLeadSchema, submittedView } from '../views.js';
import { FlowIdParam } from './params.js';

const AcceptedLeadSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    flow_id: z.string(),
    created_at: z.string(),
    location: z.string(),
  })
  .openapi('AcceptedLead');

/** POST /flows/{flow_id}/leads: one lead, answered with its outcome (or 202 while it is decided). */
export function leadSubmissionsRouter({
  pool,
  temporal,
  taskQueue,
  availability = assumeAvailable,
  eagerLeadStart,
}: AppDeps) {
  const deps = { pool, temporal, taskQueue, availability, eagerStart: eagerLeadStart };
  const router = new OpenAPIHono<AuthEnv>();
  router.openAPIRegistry.register('SubmitLead', SubmitLeadSchema);
  return router.openapi(
    createRoute({
      method: 'post',
      path: '/flows/{flow_id}/leads',
      summary: 'Submit a lead to a flow',
      description:
        'Synchronous by default: answers 201 once the outcome is decided (after deliveries, before webhooks). ' +
        'With options.async, or when options.timeout passes first, answers 202 with a Location and keeps processing. ' +
        'Rejections answer 400 validation_failed, 409 duplicate_detected, or 422 lead_rejected/cap_reached, each with ' +
        'the lead id. Accepts JSON, or application/x-www-form-urlencoded with lead fields at the top level. ' +
        'external_id or an Idempotency-Key header make resubmission safe.',
      tags: ['Leads'],
      middleware: [requireScope('leads:write')],
      request: {
        params: FlowIdParam,
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        // Plain schema objects, not zod: with zod here the JSON validator would also run on form posts.
        // The handler validates both encodings with SubmitLeadSchema (registered above for the docs).
        body: {
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/SubmitLead' } },
            // A JSON Schema object (propertyNames is 2020-12, beyond openapi3-ts's types).
            'application/x-www-form-urlencoded': { schema: FORM_SUBMISSION as { type: 'object' } },
          },
        },
      },
      responses: {
        201: jsonResponse('Outcome decided', SubmittedLeadSchema),
        202: jsonResponse(
          'Accepted for processing (async, or not decided within options.timeout)',
          AcceptedLeadSchema,
        ),
        ...errorResponses(413, 415),
        400: errorResponse(
          'Invalid request, or the lead failed validation (validation_failed, with per-field details)',
        ),
        404: errorResponse('Flow not found'),
        409: errorResponse('Duplicate lead (duplicate_detected), idempotency conflict, or inactive flow'),
        422: errorResponse(
          'Rejected by the flow: criteria, quality, filter, enhancement (lead_rejected) or cap (cap_reached)',
        ),
      },
    }),
    async (c) => {
      const { flow_id: flowId } = c.req.valid('param');
      const body = await readSubmission(c);
      const flow = await findFlow(pool, c.var.auth.accountId, flowId);
      if (!flow) throw notFound('Flow');
      const result = await submitLead(deps, c.var.auth, flow, {
        lead: body.lead,
        externalId: body.external_id ?? null,
        trustedFormCertUrl: body.trusted_form_cert_url ?? null,
        idempotencyKey: c.req.header('Idempotency-Key') ?? null,
        sourceId: body.source_id ?? null,
        pingId: body.ping_id ?? null,
        options: body.options,
      });
      return respond(c, flowId, result);
    },
  );
}

function respond(c: Context<AuthEnv>, flowId: string, result: SubmissionResult) {
  if (result.replayed) c.header('Idempotent-Replayed', 'true');
  c.header('X-Lead-Id', result.kind === 'pending' ? result.leadId : result.snapshot.id);
  if (result.kind === 'pending') {
    const location = `/leads/${result.leadId}`;
    c.header('Location', location);
    return c.json(
      { id: result.leadId, status: 'received', flow_id: flowId, created_at: result.createdAt, location },
      202,
    );
  }
  const rejected = rejectionError(result.snapshot);
  if (rejected) throw rejected;
  c.header('Location', `/leads/${result.snapshot.id}`);
  return c.json(submittedView(result.snapshot), 201);
}
