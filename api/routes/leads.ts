import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type Client,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateStage,
} from '@temporalio/client';
import { findFlow } from '../../db/flows.js';
import { findLead, listLeadEvents } from '../../db/leads.js';
import { newId } from '../../lib/ids.js';
import type { leadWorkflow } from '../../workflows/lead.js';
import {
  AccountIdAttr,
  awaitOutcomeUpdate,
  ExternalIdAttr,
  FlowIdAttr,
  type LeadSnapshot,
  LeadStatusAttr,
  type LeadWorkflowInput,
  leadStateQuery,
  SourceAttr,
} from '../../workflows/shared.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { ApiError, notFound } from '../errors.js';
import { ErrorSchema, LeadDetailSchema, leadDetailView, SubmittedLeadSchema } from '../views.js';

const SubmitLeadSchema = z.object({
  lead: z
    .record(z.string(), z.unknown())
    .describe(
      'The lead fields, e.g. first_name, email, phone; `source` and `campaign` are used for reporting',
    ),
  external_id: z.string().min(1).max(200).optional(),
  options: z
    .object({
      test_mode: z.boolean().default(false),
      async: z.boolean().default(false).describe('Answer 202 at once and process in the background'),
      timeout: z
        .number()
        .int()
        .min(100)
        .max(120_000)
        .default(30_000)
        .describe('Milliseconds to wait for the outcome before answering 202'),
    })
    .default({ test_mode: false, async: false, timeout: 30_000 }),
});

const AcceptedLeadSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    flow_id: z.string(),
    created_at: z.string(),
    location: z.string(),
  })
  .openapi('AcceptedLead');

const errorContent = { 'application/json': { schema: ErrorSchema } };

export function leadsRouter({ pool, temporal, taskQueue }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/flows/{flow_id}/leads',
        summary: 'Submit a lead to a flow',
        tags: ['Leads'],
        middleware: [requireScope('leads:write')],
        request: {
          params: z.object({ flow_id: z.string() }),
          body: { required: true, content: { 'application/json': { schema: SubmitLeadSchema } } },
        },
        responses: {
          201: {
            description: 'Outcome decided',
            content: { 'application/json': { schema: SubmittedLeadSchema } },
          },
          202: {
            description:
              'Accepted for processing (async, or the outcome was not decided within options.timeout)',
            content: { 'application/json': { schema: AcceptedLeadSchema } },
          },
          400: { description: 'Invalid request or lead', content: errorContent },
          401: { description: 'Missing or invalid API key', content: errorContent },
          404: { description: 'Flow not found', content: errorContent },
        },
      }),
      async (c) => {
        const { flow_id: flowId } = c.req.valid('param');
        const body = c.req.valid('json');
        const auth = c.var.auth;
        const flow = await findFlow(pool, auth.accountId, flowId);
        if (!flow) throw notFound('Flow');

        const input: LeadWorkflowInput = {
          leadId: newId('lead'),
          accountId: auth.accountId,
          flowId: flow.id,
          flowVersion: flow.version,
          flow: flow.config,
          lead: body.lead,
          source: stringField(body.lead.source),
          campaign: stringField(body.lead.campaign),
          externalId: body.external_id ?? null,
          testMode: body.options.test_mode || auth.mode === 'test',
          receivedAt: new Date().toISOString(),
        };
        const workflow = workflowOptions(input, taskQueue);
        const accepted = {
          id: input.leadId,
          status: 'received',
          flow_id: flow.id,
          created_at: input.receivedAt,
          location: `/leads/${input.leadId}`,
        };

        if (body.options.async) {
          await temporal.workflow.start<typeof leadWorkflow>('leadWorkflow', workflow);
          c.header('Location', accepted.location);
          return c.json(accepted, 202);
        }

        // Update-with-start: one call starts the run and waits on its "outcome decided" update, so the
        // answer comes as soon as the outcome is known, not after webhooks or bookkeeping.
        const update = await temporal.workflow.startUpdateWithStart(awaitOutcomeUpdate, {
          waitForStage: WorkflowUpdateStage.ACCEPTED,
          startWorkflowOperation: new WithStartWorkflowOperation<typeof leadWorkflow>('leadWorkflow', {
            ...workflow,
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        });
        const snapshot = await withTimeout(update.result(), body.options.timeout);
        if (!snapshot) {
          c.header('Location', accepted.location);
          return c.json(accepted, 202);
        }
        if (snapshot.status === 'rejected' && snapshot.errors.length > 0) {
          throw new ApiError(
            400,
            'validation_failed',
            'Lead validation failed',
            snapshot.errors.map((e) => ({ ...e })),
            {
              'X-Lead-Id': snapshot.id,
            },
          );
        }
        return c.json(submittedView(snapshot), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/leads/{lead_id}',
        summary: 'Get a lead with its data, events and quality metrics',
        tags: ['Leads'],
        middleware: [requireScope('leads:read')],
        request: { params: z.object({ lead_id: z.string() }) },
        responses: {
          200: { description: 'Lead', content: { 'application/json': { schema: LeadDetailSchema } } },
          401: { description: 'Missing or invalid API key', content: errorContent },
          404: { description: 'Not found', content: errorContent },
        },
      }),
      async (c) => {
        const { lead_id: leadId } = c.req.valid('param');
        const { accountId } = c.var.auth;
        const lead = await findLead(pool, accountId, leadId);
        if (lead) return c.json(leadDetailView(lead, await listLeadEvents(pool, leadId)), 200);
        // Submitted a moment ago and not yet recorded: the workflow knows it.
        const live = await liveLead(temporal, accountId, leadId);
        if (!live) throw notFound('Lead');
        return c.json(live, 200);
      },
    );
}

function workflowOptions(input: LeadWorkflowInput, taskQueue: string) {
  return {
    workflowId: input.leadId,
    taskQueue,
    args: [input] as [LeadWorkflowInput],
    staticSummary: `Lead for flow ${input.flowId}${input.source ? ` from ${input.source}` : ''}`,
    typedSearchAttributes: [
      { key: LeadStatusAttr, value: 'received' },
      { key: FlowIdAttr, value: input.flowId },
      { key: AccountIdAttr, value: input.accountId },
      ...(input.source ? [{ key: SourceAttr, value: input.source }] : []),
      ...(input.externalId ? [{ key: ExternalIdAttr, value: input.externalId }] : []),
    ],
  };
}

function submittedView(s: LeadSnapshot) {
  return {
    id: s.id,
    status: s.status,
    reason: s.reason,
    flow_id: s.flow_id,
    created_at: s.created_at,
    events: s.events,
    quality_score: s.quality_score,
    pricing: s.pricing,
  };
}

async function liveLead(temporal: Client, accountId: string, leadId: string) {
  if (!/^lead_[0-9a-z]{26}$/.test(leadId)) return null;
  const handle = temporal.workflow.getHandle(leadId);
  try {
    const description = await handle.describe();
    if (description.typedSearchAttributes.get(AccountIdAttr) !== accountId) return null;
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
      test_mode: false,
      lead_data: {},
      enhancements: {},
      events: s.events,
      quality_metrics: null,
      quality_score: s.quality_score,
      pricing: { cost: s.pricing.amount, revenue: 0, currency: 'USD' as const },
    };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}

function stringField(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : null;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  promise.catch(() => {}); // an abandoned wait must not become an unhandled rejection
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
