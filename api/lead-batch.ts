// The batch runner: submits a batch's leads through the same path as single submissions, a bounded
// number at a time, within one wait budget for the whole batch.
import { z } from '@hono/zod-openapi';
import pLimit from 'p-limit';
import type { AuthenticatedKey } from '../db/accounts.js';
import type { FlowWithConfig } from '../db/flows.js';
import { text } from '../lib/schema.js';
import { ApiError } from './errors.js';
import {
  LeadFieldsSchema,
  rejectionError,
  type SubmissionDeps,
  type SubmissionResult,
  submitLead,
} from './lead-submission.js';
import { ExternalId, TrustedFormUrl } from './submission-body.js';

export const MAX_BATCH_SIZE = 1000;

/** The longest a batch request waits for outcomes in all, whatever its per-lead timeout. */
export const BATCH_WAIT_BUDGET_MS = 120_000;

export const BatchSchema = z
  .object({
    leads: z
      .array(
        z.object({
          external_id: ExternalId.optional(),
          lead: LeadFieldsSchema,
          trusted_form_cert_url: TrustedFormUrl.optional(),
          source_id: text({ min: 1, max: 100 }).optional(),
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

const BatchItemResultSchema = z.object({
  external_id: z.string().nullable(),
  status: z.enum(['success', 'error', 'pending', 'skipped']),
  lead_id: z.string().optional(),
  lead_status: z.string().optional(),
  quality_score: z.number().nullable().optional(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
});

export const BatchResultSchema = z
  .object({
    batch_id: z.string(),
    total_leads: z.number(),
    successful: z.number(),
    failed: z.number(),
    results: z.array(BatchItemResultSchema),
  })
  .openapi('LeadBatchResult');

type Batch = z.infer<typeof BatchSchema>;
type BatchItemResult = z.infer<typeof BatchItemResultSchema>;

/**
 * One result per lead, in input order. At most `max_concurrent` submissions run at once; with
 * continue_on_error=false, leads not yet started when one fails are answered "skipped".
 */
export async function runBatch(
  deps: SubmissionDeps,
  auth: AuthenticatedKey,
  flow: FlowWithConfig,
  batch: Batch,
  waitBudgetMs: number,
): Promise<BatchItemResult[]> {
  // However slow the flow, the answer comes within the budget: leads started after it has run out
  // are still accepted (durably started) and answered "pending" without waiting.
  const deadline = Date.now() + waitBudgetMs;
  const limit = pLimit(batch.options.max_concurrent);
  let stop = false;
  return Promise.all(
    batch.leads.map((item) =>
      limit(async (): Promise<BatchItemResult> => {
        const externalId = item.external_id ?? null;
        if (stop) return { external_id: externalId, status: 'skipped' };
        const result = await submitOne(
          deps,
          auth,
          flow,
          item,
          externalId,
          batchWait(batch.options, deadline),
        );
        if (result.status === 'error' && !batch.options.continue_on_error) stop = true;
        return result;
      }),
    ),
  );
}

async function submitOne(
  deps: SubmissionDeps,
  auth: AuthenticatedKey,
  flow: FlowWithConfig,
  item: Batch['leads'][number],
  externalId: string | null,
  options: ReturnType<typeof batchWait>,
): Promise<BatchItemResult> {
  try {
    const result = await submitLead(deps, auth, flow, {
      lead: item.lead,
      externalId,
      trustedFormCertUrl: item.trusted_form_cert_url ?? null,
      idempotencyKey: null,
      sourceId: item.source_id ?? null,
      pingId: null,
      options,
    });
    return batchResult(externalId, result);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return {
      external_id: externalId,
      status: 'error',
      error: { code: err.code, message: err.message, details: err.details },
    };
  }
}

/** A lead's wait: its own timeout, cut to what is left of the batch budget (none left: async). */
function batchWait(options: Batch['options'], deadline: number) {
  const left = deadline - Date.now();
  return left < 100
    ? { async: true, test_mode: options.test_mode, timeout: options.timeout }
    : { async: false, test_mode: options.test_mode, timeout: Math.min(options.timeout, left) };
}

function batchResult(externalId: string | null, result: SubmissionResult): BatchItemResult {
  if (result.kind === 'pending') {
    return { external_id: externalId, status: 'pending', lead_id: result.leadId, lead_status: 'received' };
  }
  const rejected = rejectionError(result.snapshot);
  if (rejected) {
    return {
      external_id: externalId,
      status: 'error',
      lead_id: result.snapshot.id,
      error: { code: rejected.code, message: rejected.message, details: rejected.details },
    };
  }
  return {
    external_id: externalId,
    status: 'success',
    lead_id: result.snapshot.id,
    lead_status: result.snapshot.status,
    quality_score: result.snapshot.quality_score,
  };
}
