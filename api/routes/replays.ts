import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { WorkflowNotFoundError } from '@temporalio/client';
import { findFlow } from '../../db/flows.js';
import { findLead } from '../../db/leads.js';
import { findReplay, findReplayCandidates } from '../../db/replays.js';
import { newId } from '../../lib/ids.js';
import { dateTime, httpUrl, parseDateTime, text } from '../../lib/schema.js';
import { replayLead } from '../../temporal/replay.js';
import type { bulkReplayWorkflow } from '../../workflows/bulk-replay.js';
import {
  AccountIdAttr,
  type BulkReplayProgress,
  bulkReplayProgressQuery,
  FlowIdAttr,
} from '../../workflows/shared.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, assertScope, requireScope } from '../auth.js';
import { ApiError, notFound, validationError } from '../errors.js';
import { errorResponse, errorResponses, jsonResponse } from '../middleware/responses.js';
import { LeadIdParam } from './params.js';

// Any offset JavaScript reads is accepted and the instant is kept in UTC: Postgres refuses offsets of
// ±16:00 or more, and the filter travels to a workflow as text.
const UtcDateTime = dateTime().transform((value) => parseDateTime(value)!.toISOString());

// Forcing sends a lead again to a recipient that already has it: that must name the recipient.
const forceNeedsRecipient = {
  path: ['force'],
  message: 'force needs recipient_id: name the recipient that should get the lead again',
};
// The same rule in the document: force absent or false, or recipient_id given. Each branch says it is an
// object, which lets generated SDK types keep the body's properties (untyped, a branch reads as `unknown`).
const forceNeedsRecipientSchema = {
  anyOf: [
    { type: 'object' as const, properties: { force: { const: false } } },
    { type: 'object' as const, required: ['recipient_id'] },
  ],
};

export const ReplayBodySchema = z
  .object({
    recipient_id: z
      .string()
      .optional()
      .describe('Only this recipient (default: every recipient that did not get the lead)'),
    force: z
      .boolean()
      .default(false)
      .describe('Deliver again even where the lead was delivered (recorded as forced)'),
    url: httpUrl()
      .optional()
      .describe(
        "Send to this URL instead of the recipient's (admin scope). The recipient's stored headers and " +
          'credentials are not sent to it; to change where a recipient delivers, edit the recipient.',
      ),
  })
  .refine((body) => !body.force || body.recipient_id !== undefined, forceNeedsRecipient)
  .openapi('ReplayRequest', forceNeedsRecipientSchema);

export const ReplayResultSchema = z
  .object({
    lead_id: z.string(),
    status: z.string(),
    attempts: z.array(
      z.object({
        recipient_id: z.string(),
        outcome: z.enum(['success', 'failure', 'error', 'skip']),
        reason: z.string().nullable(),
        response_code: z.number().nullable(),
        forced: z.boolean(),
      }),
    ),
  })
  .openapi('ReplayResult');

export const BulkReplayRequestSchema = z
  .object({
    flow_id: z.string(),
    recipient_id: z.string().optional(),
    created_after: UtcDateTime.optional(),
    created_before: UtcDateTime.optional(),
    reason_contains: text({ max: 200 })
      .optional()
      .describe('Only leads whose failure reason contains this text'),
    rate_per_second: z.number().min(0.1).max(100).default(5),
    force: z.boolean().default(false),
    dry_run: z.boolean().default(false).describe('List what would be replayed, replay nothing'),
  })
  .refine((body) => !body.force || body.recipient_id !== undefined, forceNeedsRecipient)
  .openapi('BulkReplayRequest', forceNeedsRecipientSchema);

export const BulkReplaySchema = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'completed', 'cancelled', 'failed']),
    processed: z.number(),
    delivered: z.number(),
    still_failed: z.number(),
    skipped: z.number(),
    errors: z.number(),
    started_at: z.string().nullable(),
    finished_at: z.string().nullable(),
  })
  .openapi('BulkReplay');

export const DryRunSchema = z
  .object({
    dry_run: z.literal(true),
    total: z.number(),
    truncated: z.boolean(),
    leads: z.array(
      z.object({ id: z.string(), status: z.string(), reason: z.string().nullable(), created_at: z.string() }),
    ),
  })
  .openapi('BulkReplayDryRun');

const DRY_RUN_LIMIT = 10_000;

/** A test key (lr_test_) may replay test leads only: it must never make a live delivery. */
function assertModeMayReplay(mode: 'live' | 'test', leadIsTest: boolean) {
  if (mode === 'test' && !leadIsTest) {
    throw new ApiError(403, 'forbidden', 'A test key cannot replay live leads', { required_mode: 'live' });
  }
}

export function replaysRouter({ pool, temporal, taskQueue }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/leads/{lead_id}/replay',
        summary: 'Replay a lead’s failed deliveries and get the new outcome',
        description:
          'For a lead in delivery_failed (waiting) or failed (closed after its replay window). A recipient that ' +
          'already has the lead is skipped unless force is set. To fix credentials, edit the recipient first.',
        tags: ['Operations'],
        middleware: [requireScope('leads:write')],
        request: {
          params: LeadIdParam,
          headers: z.object({
            'idempotency-key': z
              .string()
              .min(1)
              .max(200)
              .optional()
              .describe('Makes a retried replay request safe: the same key gets the same replay back'),
          }),
          body: { required: false, content: { 'application/json': { schema: ReplayBodySchema } } },
        },
        responses: {
          200: jsonResponse('New outcome', ReplayResultSchema),
          ...errorResponses(400, 404, 413, 415),
          409: errorResponse('The lead has no failed delivery to replay (not_replayable)'),
        },
      }),
      async (c) => {
        const { lead_id: leadId } = c.req.valid('param');
        const parsed = ReplayBodySchema.safeParse((c.req.valid('json') as unknown) ?? {});
        if (!parsed.success) throw validationError(parsed.error);
        const body = parsed.data;
        const { accountId, keyId, mode } = c.var.auth;
        // Sending a lead somewhere other than its recipient is an operator's decision, not a source's.
        if (body.url) assertScope(c.var.auth, 'admin', 'url');
        const lead = await findLead(pool, accountId, leadId);
        if (!lead) throw notFound('Lead');
        assertModeMayReplay(mode, lead.test_mode);
        // A retried request (same Idempotency-Key, or same X-Request-Id) gets the same replay back,
        // even once the lead is delivered and a new replay would be refused.
        const replayId = c.req.header('Idempotency-Key') ?? c.get('requestId');
        const done = await findReplay(pool, accountId, leadId, replayId);
        if (done) {
          c.header('Idempotent-Replayed', 'true');
          return c.json(done, 200);
        }
        if (!['delivery_failed', 'failed', 'delivered'].includes(lead.status)) {
          throw new ApiError(
            409,
            'not_replayable',
            `Lead is ${lead.status}; only leads whose delivery failed can be replayed`,
          );
        }
        if (lead.status === 'delivered' && !body.force && !body.recipient_id) {
          throw new ApiError(
            409,
            'not_replayable',
            'Lead is already delivered; name a recipient_id (and force to deliver again)',
          );
        }
        const result = await replayLead(
          temporal,
          taskQueue,
          accountId,
          leadId,
          {
            requestedBy: `api:${keyId}`,
            recipientId: body.recipient_id ?? null,
            force: body.force,
            urlOverride: body.url ?? null,
            replayId,
          },
          replayId,
        );
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/replays',
        summary: 'Replay many failed leads (or list them with dry_run)',
        description:
          'Runs as its own workflow at rate_per_second, respecting recipient caps; poll GET /replays/{id} for ' +
          'progress, DELETE it to cancel.',
        tags: ['Operations'],
        middleware: [requireScope('leads:write')],
        request: {
          body: { required: true, content: { 'application/json': { schema: BulkReplayRequestSchema } } },
        },
        responses: {
          200: jsonResponse('Dry run: what would be replayed', DryRunSchema),
          202: jsonResponse('Started', BulkReplaySchema),
          ...errorResponses(400, 404, 413, 415),
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const { accountId, keyId, mode } = c.var.auth;
        // A dry run lists leads and why they failed: reading them needs leads:read too.
        if (body.dry_run) assertScope(c.var.auth, 'leads:read');
        // Test keys deliver nowhere; a bulk replay would deliver live leads.
        if (!body.dry_run) assertModeMayReplay(mode, false);
        if (!(await findFlow(pool, accountId, body.flow_id))) throw notFound('Flow');
        const filter = {
          flowId: body.flow_id,
          recipientId: body.recipient_id ?? null,
          createdAfter: body.created_after ?? null,
          createdBefore: body.created_before ?? null,
          reasonContains: body.reason_contains ?? null,
        };
        if (body.dry_run) {
          const found = await findReplayCandidates(
            pool,
            { accountId, ...filter },
            { after: null, limit: DRY_RUN_LIMIT + 1 },
          );
          const leads = found.slice(0, DRY_RUN_LIMIT);
          return c.json(
            {
              dry_run: true as const,
              total: leads.length,
              truncated: found.length > DRY_RUN_LIMIT,
              leads: leads.map((l) => ({
                id: l.leadId,
                status: l.status,
                reason: l.reason,
                created_at: l.createdAt,
              })),
            },
            200,
          );
        }
        const id = newId('rpl');
        await temporal.workflow.start<typeof bulkReplayWorkflow>('bulkReplayWorkflow', {
          workflowId: id,
          taskQueue,
          args: [
            {
              accountId,
              filter,
              ratePerSecond: body.rate_per_second,
              force: body.force,
              requestedBy: `api:${keyId}`,
            },
          ],
          staticSummary: `Bulk replay for flow ${body.flow_id}${body.recipient_id ? ` to ${body.recipient_id}` : ''}`,
          typedSearchAttributes: [
            { key: AccountIdAttr, value: accountId },
            { key: FlowIdAttr, value: body.flow_id },
          ],
        });
        c.header('Location', `/replays/${id}`);
        return c.json(progressView(id, null), 202);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/replays/{replay_id}',
        summary: 'Progress of a bulk replay',
        tags: ['Operations'],
        middleware: [requireScope('leads:read')],
        request: { params: z.object({ replay_id: z.string() }) },
        responses: { 200: jsonResponse('Progress', BulkReplaySchema), ...errorResponses(404) },
      }),
      async (c) => {
        const { replay_id: id } = c.req.valid('param');
        return c.json(await bulkProgress(id, c.var.auth.accountId), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/replays/{replay_id}',
        summary: 'Cancel a bulk replay (stops after the lead in progress)',
        description:
          'Cancelling does not delete the replay: GET keeps answering it (cancelled, or completed if it ' +
          'had finished), with the counts of what it did.',
        tags: ['Operations'],
        middleware: [requireScope('leads:write')],
        request: { params: z.object({ replay_id: z.string() }) },
        responses: { 202: jsonResponse('Cancelling', BulkReplaySchema), ...errorResponses(404) },
      }),
      async (c) => {
        const { replay_id: id } = c.req.valid('param');
        const progress = await bulkProgress(id, c.var.auth.accountId);
        if (progress.status === 'running') await temporal.workflow.getHandle(id).cancel();
        return c.json(progress, 202);
      },
    );

  async function bulkProgress(id: string, accountId: string) {
    if (!/^rpl_[0-9a-z]{26}$/.test(id)) throw notFound('Replay');
    const handle = temporal.workflow.getHandle(id);
    try {
      const description = await handle.describe();
      if (description.typedSearchAttributes.get(AccountIdAttr) !== accountId) throw notFound('Replay');
      const closed = description.status.name !== 'RUNNING' && description.status.name !== 'CONTINUED_AS_NEW';
      if (!closed) return progressView(id, await handle.query(bulkReplayProgressQuery));
      if (description.status.name === 'COMPLETED') return progressView(id, await handle.result());
      return {
        ...progressView(id, null),
        status: description.status.name === 'CANCELLED' ? ('cancelled' as const) : ('failed' as const),
      };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw notFound('Replay');
      throw err;
    }
  }
}

function progressView(id: string, p: BulkReplayProgress | null) {
  return {
    id,
    status: p?.status ?? ('running' as const),
    processed: p?.processed ?? 0,
    delivered: p?.delivered ?? 0,
    still_failed: p?.still_failed ?? 0,
    skipped: p?.skipped ?? 0,
    errors: p?.errors ?? 0,
    started_at: p?.started_at ?? null,
    finished_at: p?.finished_at ?? null,
  };
}
