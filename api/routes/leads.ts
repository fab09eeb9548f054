import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Context } from 'hono';
import type { WebhookRequest } from '../../activities/webhooks.js';
import { type FeedbackInput, findFeedback } from '../../db/feedback.js';
import { findFlow } from '../../db/flows.js';
import { findLead, listLeadEvents } from '../../db/leads.js';
import type { Pool } from '../../db/pool.js';
import type { LeadEvent } from '../../domain/lead.js';
import { newId } from '../../lib/ids.js';
import { httpUrl, text } from '../../lib/schema.js';
import type { feedbackWorkflow } from '../../workflows/feedback.js';
import { AccountIdAttr, ExternalIdAttr, leadStateQuery, SourceAttr } from '../../workflows/shared.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { assumeAvailable } from '../availability.js';
import { ApiError, notFound, validationError } from '../errors.js';
import {
  LEAD_LIMITS,
  LeadFieldsSchema,
  rejectionError,
  type SubmissionRequest,
  type SubmissionResult,
  SubmitOptionsSchema,
  submitLead,
} from '../lead-submission.js';
import { errorResponse, errorResponses, jsonResponse } from '../middleware/responses.js';
import { LeadDetailSchema, leadDetailView, SubmittedLeadSchema, submittedView } from '../views.js';

const TrustedFormUrl = httpUrl(500);

const SubmitLeadSchema = z
  .object({
    lead: LeadFieldsSchema,
    external_id: text({ min: 1, max: 200 })
      .optional()
      .describe('Your id for the lead; resubmitting it is safe'),
    trusted_form_cert_url: TrustedFormUrl.optional(),
    options: SubmitOptionsSchema.prefault({}),
  })
  .openapi('SubmitLead');

export const MAX_BATCH_SIZE = 1000;

const BatchSchema = z
  .object({
    leads: z
      .array(
        z.object({
          external_id: text({ min: 1, max: 200 }).optional(),
          lead: LeadFieldsSchema,
          trusted_form_cert_url: TrustedFormUrl.optional(),
        }),
      )
      .min(1)
      .max(MAX_BATCH_SIZE, `A batch holds at most ${MAX_BATCH_SIZE} leads`),
    options: z
      .object({
        continue_on_error: z.boolean().default(true),
        max_concurrent: z.number().int().min(1).max(50).default(10),
        test_mode: z.boolean().default(false),
        timeout: z.number().int().min(100).max(120_000).default(30_000),
      })
      .prefault({}),
  })
  .openapi('LeadBatch');

/** The longest a batch request waits for outcomes in all, whatever its per-lead timeout. */
export const BATCH_WAIT_BUDGET_MS = 120_000;

function batchWait(options: { test_mode: boolean; timeout: number }, deadline: number) {
  const left = deadline - Date.now();
  return left < 100
    ? { async: true, test_mode: options.test_mode, timeout: options.timeout }
    : { async: false, test_mode: options.test_mode, timeout: Math.min(options.timeout, left) };
}

const BatchResultSchema = z
  .object({
    batch_id: z.string(),
    total_leads: z.number(),
    successful: z.number(),
    failed: z.number(),
    results: z.array(
      z.object({
        external_id: z.string().nullable(),
        status: z.enum(['success', 'error', 'pending', 'skipped']),
        lead_id: z.string().optional(),
        lead_status: z.string().optional(),
        quality_score: z.number().nullable().optional(),
        error: z
          .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
          .optional(),
      }),
    ),
  })
  .openapi('LeadBatchResult');

const AcceptedLeadSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    flow_id: z.string(),
    created_at: z.string(),
    location: z.string(),
  })
  .openapi('AcceptedLead');

const FlowIdParam = z.object({ flow_id: z.string().openapi({ param: { name: 'flow_id', in: 'path' } }) });

const TRUE_OR_FALSE = { type: 'string', enum: ['true', 'false'] } as const;
/**
 * The form-encoded body as formToSubmission reads it, stated for the document: the reserved keys, then
 * any other key (or `lead.<name>`) is a lead field with LeadFieldsSchema's limits; `options.<other>` is
 * ignored.
 */
const FORM_SUBMISSION = {
  type: 'object',
  properties: {
    external_id: { type: 'string', minLength: 1, maxLength: 200 },
    trusted_form_cert_url: { type: 'string', format: 'uri', maxLength: 500 },
    xxTrustedFormCertUrl: { type: 'string', format: 'uri', maxLength: 500 },
    'options.async': TRUE_OR_FALSE,
    'options.test_mode': TRUE_OR_FALSE,
    'options.timeout': {
      type: 'string',
      pattern: '^0*(?:[1-9][0-9]{2,4}|1[01][0-9]{4}|120000)$',
      description: 'Milliseconds, 100 to 120000',
    },
  },
  propertyNames: {
    pattern: '^(?:options\\.[\\s\\S]*|lead\\.[\\s\\S]{1,100}|(?!lead\\.|options\\.)[\\s\\S]{1,100})$',
  },
  additionalProperties: { type: 'string', maxLength: LEAD_LIMITS.fieldValueChars },
  maxProperties: LEAD_LIMITS.fields,
  description:
    'Lead fields at the top level (or as lead.<name>), plus external_id, trusted_form_cert_url and options.async, options.test_mode, options.timeout',
};

/** Form-encoded submissions (what many lead sources post): lead fields at the top level, dotted keys nested. */
function formToSubmission(form: Record<string, string | File | (string | File)[]>) {
  const lead: Record<string, unknown> = {};
  const options: Record<string, unknown> = {};
  let externalId: string | undefined;
  let trustedFormCertUrl: string | undefined;
  for (const [key, raw] of Object.entries(form)) {
    const value = Array.isArray(raw) ? raw.map(String) : String(raw);
    if (key === 'external_id') externalId = String(value);
    else if (key === 'trusted_form_cert_url' || key === 'xxTrustedFormCertUrl')
      trustedFormCertUrl = String(value);
    else if (key.startsWith('options.')) options[key.slice(8)] = formScalar(String(value));
    else if (key.startsWith('lead.')) lead[key.slice(5)] = value;
    else lead[key] = value;
  }
  return { lead, external_id: externalId, trusted_form_cert_url: trustedFormCertUrl, options };
}

function formScalar(value: string): unknown {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

async function readSubmission(c: Context) {
  const type = c.req.header('Content-Type') ?? '';
  const body = type.includes('application/x-www-form-urlencoded')
    ? formToSubmission(await c.req.parseBody({ all: true }))
    : await c.req.json().catch(() => {
        throw new ApiError(400, 'invalid_json', 'Request body is not valid JSON');
      });
  const parsed = SubmitLeadSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export function leadsRouter({
  pool,
  temporal,
  taskQueue,
  availability = assumeAvailable,
  batchWaitBudgetMs = BATCH_WAIT_BUDGET_MS,
}: AppDeps) {
  const deps = { pool, temporal, taskQueue, availability };

  const respond = (c: Context<AuthEnv>, flowId: string, result: SubmissionResult) => {
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
  };

  const router = new OpenAPIHono<AuthEnv>();
  router.openAPIRegistry.register('SubmitLead', SubmitLeadSchema);
  return router
    .openapi(
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
          // The handler validates both encodings with SubmitLeadSchema (registered below for the docs).
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
        const request: SubmissionRequest = {
          lead: body.lead,
          externalId: body.external_id ?? null,
          trustedFormCertUrl: body.trusted_form_cert_url ?? null,
          idempotencyKey: c.req.header('Idempotency-Key') ?? null,
          options: body.options,
        };
        return respond(c, flowId, await submitLead(deps, c.var.auth, flow, request));
      },
    )
    .openapi(
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
        const body = c.req.valid('json');
        const flow = await findFlow(pool, c.var.auth.accountId, flowId);
        if (!flow) throw notFound('Flow');
        type Result = z.infer<typeof BatchResultSchema>['results'][number];
        const results: Result[] = new Array(body.leads.length);
        // However slow the flow, the answer comes within the batch budget: leads started after it has
        // run out are still accepted (durably started) and answered "pending" without waiting.
        const deadline = Date.now() + batchWaitBudgetMs;
        let stop = false;
        let next = 0;
        const worker = async () => {
          while (next < body.leads.length) {
            const index = next++;
            const item = body.leads[index]!;
            const externalId = item.external_id ?? null;
            if (stop) {
              results[index] = { external_id: externalId, status: 'skipped' };
              continue;
            }
            try {
              const result = await submitLead(deps, c.var.auth, flow, {
                lead: item.lead,
                externalId,
                trustedFormCertUrl: item.trusted_form_cert_url ?? null,
                idempotencyKey: null,
                options: batchWait(body.options, deadline),
              });
              results[index] = batchResult(externalId, result);
            } catch (err) {
              if (!(err instanceof ApiError)) throw err;
              results[index] = {
                external_id: externalId,
                status: 'error',
                error: { code: err.code, message: err.message, details: err.details },
              };
            }
            if (results[index]!.status === 'error' && !body.options.continue_on_error) stop = true;
          }
        };
        await Promise.all(
          Array.from({ length: Math.min(body.options.max_concurrent, body.leads.length) }, worker),
        );
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
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/leads/{lead_id}',
        summary: 'Get a lead: normalised data, enhancements, events, quality metrics, pricing',
        tags: ['Leads'],
        middleware: [requireScope('leads:read')],
        request: { params: z.object({ lead_id: z.string() }) },
        responses: { 200: jsonResponse('Lead', LeadDetailSchema), ...errorResponses(404) },
      }),
      async (c) => {
        const { lead_id: leadId } = c.req.valid('param');
        const { accountId } = c.var.auth;
        const lead = await findLead(pool, accountId, leadId);
        if (lead) {
          const detail = leadDetailView(lead, await listLeadEvents(pool, leadId));
          // An in-flight lead's latest state is the workflow's; Postgres may be a step behind.
          if (!lead.decided_at) Object.assign(detail, await liveState(temporal, leadId));
          return c.json(detail, 200);
        }
        const live = await liveLead(temporal, accountId, leadId);
        if (!live) throw notFound('Lead');
        return c.json(live, 200);
      },
    )
    .route('/', feedbackRoute(deps));
}

function batchResult(externalId: string | null, result: SubmissionResult) {
  if (result.kind === 'pending') {
    return {
      external_id: externalId,
      status: 'pending' as const,
      lead_id: result.leadId,
      lead_status: 'received',
    };
  }
  const rejected = rejectionError(result.snapshot);
  if (rejected) {
    return {
      external_id: externalId,
      status: 'error' as const,
      lead_id: result.snapshot.id,
      error: { code: rejected.code, message: rejected.message, details: rejected.details },
    };
  }
  return {
    external_id: externalId,
    status: 'success' as const,
    lead_id: result.snapshot.id,
    lead_status: result.snapshot.status,
    quality_score: result.snapshot.quality_score,
  };
}

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

function feedbackRoute({ pool, temporal, taskQueue }: Pick<AppDeps, 'pool' | 'temporal' | 'taskQueue'>) {
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
        params: z.object({ lead_id: z.string() }),
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
      const { accountId } = c.var.auth;
      const lead = await findLead(pool, accountId, leadId);
      if (!lead) throw notFound('Lead');
      const deliveries = (await listLeadEvents(pool, leadId)).filter((e) => e.type === 'delivered');
      const delivery = body.recipient_id
        ? deliveries.find((e) => e.recipient_id === body.recipient_id)
        : deliveries.length === 1
          ? deliveries[0]
          : undefined;
      if (!delivery) {
        // Well formed, but this lead's state needs more: 422, like not_delivered below.
        if (!body.recipient_id && deliveries.length > 1) {
          throw new ApiError(422, 'recipient_required', 'The lead went to several recipients: say which', [
            {
              field: 'recipient_id',
              code: 'missing_required',
              message: 'The lead went to several recipients: say which',
            },
          ]);
        }
        throw new ApiError(422, 'not_delivered', 'The lead was not delivered to that recipient');
      }
      const recipientId = delivery.recipient_id ?? null;
      // One feedback of a type per lead and recipient: its workflow id says which, so a retried or
      // repeated request joins that run (or reads its result) and counts once.
      const workflowId = `${leadId}-feedback-${body.type}-${recipientId ?? 'none'}`;
      const feedback: FeedbackInput = {
        eventId: newId('evt'),
        leadId,
        accountId,
        flowId: lead.flow_id,
        type: body.type,
        recipientId,
        reason: body.reason ?? null,
        amount: body.type === 'return' ? Number(delivery.details?.price ?? 0) : 0,
        at: new Date().toISOString(),
      };
      const webhook =
        body.type === 'conversion'
          ? await conversionWebhook(pool, accountId, lead, delivery, feedback)
          : null;
      try {
        await temporal.workflow.execute<typeof feedbackWorkflow>('feedbackWorkflow', {
          taskQueue,
          workflowId,
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          staticSummary: `${body.type} of ${leadId}`,
          args: [{ feedback, webhook }],
        });
      } catch (err) {
        // The same feedback's run already closed: what it recorded is read below.
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
      const stored = await findFeedback(pool, leadId, body.type, recipientId);
      if (!stored) throw new Error(`Feedback of ${leadId} not found after it was recorded`);
      const first = stored.id === feedback.eventId;
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

/** The lead.converted webhook of a conversion, when the lead's flow subscribes to it. */
async function conversionWebhook(
  pool: Pool,
  accountId: string,
  lead: NonNullable<Awaited<ReturnType<typeof findLead>>>,
  delivery: LeadEvent,
  feedback: FeedbackInput,
): Promise<WebhookRequest | null> {
  const flow = await findFlow(pool, accountId, lead.flow_id);
  const notifications = flow?.config.settings.notifications;
  if (
    !notifications?.webhook_url ||
    (notifications.events && !notifications.events.includes('lead.converted'))
  )
    return null;
  return {
    deliveryId: newId('whk'),
    accountId,
    flowId: lead.flow_id,
    leadId: lead.id,
    url: notifications.webhook_url,
    event: 'lead.converted',
    occurredAt: feedback.at,
    // The lead (as stored) is read when the webhook is sent, not carried in the run's input.
    leadFromStore: {},
    data: {
      recipient: { id: delivery.recipient_id, name: delivery.recipient },
      quality_score: lead.quality_score,
      reason: feedback.reason,
    },
  };
}

async function liveState(temporal: Client, leadId: string) {
  try {
    const s = await temporal.workflow.getHandle(leadId).query(leadStateQuery);
    return { status: s.status, reason: s.reason, events: s.events };
  } catch {
    return {};
  }
}

/** A lead submitted a moment ago whose first write has not landed: ask its workflow (same account only). */
async function liveLead(temporal: Client, accountId: string, leadId: string) {
  if (!/^lead_[0-9a-z]{26}$/.test(leadId)) return null;
  const handle = temporal.workflow.getHandle(leadId);
  try {
    const description = await handle.describe();
    if (description.typedSearchAttributes.get(AccountIdAttr) !== accountId) return null;
    // Only a run still going can be ahead of Postgres; a closed run whose lead is not in Postgres
    // was deleted by the lead retention and is not served from Temporal's copy.
    if (description.status.name !== 'RUNNING') return null;
    const s = await handle.query(leadStateQuery);
    return {
      id: s.id,
      flow_id: s.flow_id,
      flow_version: 0,
      created_at: s.created_at,
      updated_at: s.created_at,
      status: s.status,
      reason: s.reason,
      source: description.typedSearchAttributes.get(SourceAttr) ?? null,
      campaign: null,
      external_id: description.typedSearchAttributes.get(ExternalIdAttr) ?? null,
      test_mode: s.test_mode,
      lead_data: {},
      fields: null,
      enhancements: {},
      events: s.events,
      quality_metrics: s.quality_metrics,
      quality_score: s.quality_score,
      pricing: { cost: s.pricing.amount, revenue: s.revenue, currency: 'USD' as const },
    };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}
