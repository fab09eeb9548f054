import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { text } from '../../lib/schema.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { recordFeedback } from '../lead-feedback.js';
import { errorResponse, errorResponses, jsonResponse } from '../middleware/responses.js';
import { LeadIdParam } from './params.js';

const FeedbackSchema = z
  .object({
    type: z.enum(['conversion', 'return']),
    recipient_id: z
      .string()
      .optional()
      .describe('Which buyer reports it; needed when the lead went to several (else 422 recipient_required)'),
    reason: text({ max: 500 }).optional(),
  })
  .openapi('Feedback');

const FeedbackResultSchema = z
  .object({
    id: z.string(),
    lead_id: z.string(),
    type: z.enum(['conversion', 'return']),
    recipient_id: z.string().nullable(),
    reason: z.string().nullable(),
    amount: z.number().describe('Revenue deducted by a return'),
    created_at: z.string(),
  })
  .openapi('FeedbackResult');

/** POST /leads/{lead_id}/feedback: a buyer's conversion or return. */
export function feedbackRouter({ pool, temporal, taskQueue }: AppDeps) {
  return new OpenAPIHono<AuthEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/leads/{lead_id}/feedback',
      summary: 'Report a conversion or a return for a delivered lead',
      description:
        'A conversion fires the lead.converted webhook; a return deducts that delivery’s sale price from the ' +
        'lead’s revenue. Each counts once per lead and recipient: repeating it (a retry) answers 200 with the ' +
        'feedback first recorded. Both show in the lead’s events and in analytics.',
      tags: ['Leads'],
      middleware: [requireScope('leads:write')],
      request: {
        params: LeadIdParam,
        body: { required: true, content: { 'application/json': { schema: FeedbackSchema } } },
      },
      responses: {
        201: jsonResponse('Recorded', FeedbackResultSchema),
        200: jsonResponse(
          'This recipient already gave this feedback: the first one, unchanged (Idempotent-Replayed: true)',
          FeedbackResultSchema,
        ),
        ...errorResponses(400, 404, 413, 415),
        422: errorResponse(
          'The lead was not delivered to that recipient (not_delivered), or went to several and recipient_id is missing (recipient_required)',
        ),
      },
    }),
    async (c) => {
      const { lead_id: leadId } = c.req.valid('param');
      const body = c.req.valid('json');
      const { stored, recipientId, first } = await recordFeedback(
        { pool, temporal, taskQueue },
        c.var.auth.accountId,
        leadId,
        body,
      );
      if (!first) c.header('Idempotent-Replayed', 'true');
      return c.json(
        {
          id: stored.id,
          lead_id: leadId,
          type: body.type,
          recipient_id: recipientId,
          reason: stored.reason,
          amount: stored.amount,
          created_at: stored.created_at,
        },
        first ? 201 : 200,
      );
    },
  );
}
