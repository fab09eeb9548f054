import { text } from '../lib/schema.js';
import { z } from '../lib/zod.js';

// The POST /query request body of the intent API contract, validated. Phase 2's HTTP layer can use
// `validateIntentRequest` to produce the documented INVALID_QUERY error.

export const MAX_LIMIT = 2000;
export const MIN_QUERY_LENGTH = 10;

const term = () => text({ min: 1, max: 200, trim: true });
const terms = (max: number) => z.array(term()).max(max);

export const intentFiltersSchema = z
  .object({
    industries: terms(50).optional(),
    company_size: terms(20).optional(),
    location: z.union([term(), terms(20)]).optional(),
    exclude: terms(10_000).optional(),
    technologies: terms(50).optional(),
    job_titles: terms(50).optional(),
  })
  .strict();

export const intentQueryRequestSchema = z.object({
  query: text({ min: MIN_QUERY_LENGTH, max: 2000, trim: true }),
  limit: z.number().int().min(1).max(MAX_LIMIT).default(25),
  filters: intentFiltersSchema.optional(),
});

export type IntentQueryRequest = z.input<typeof intentQueryRequestSchema>;
export type ValidIntentQueryRequest = z.output<typeof intentQueryRequestSchema>;

export interface IntentRequestError {
  code: 'INVALID_QUERY';
  message: string;
  details: Record<string, unknown>;
}

export function validateIntentRequest(
  body: unknown,
): { ok: true; value: ValidIntentQueryRequest } | { ok: false; error: IntentRequestError } {
  const result = intentQueryRequestSchema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || '(body)';
  const details: Record<string, unknown> = { field };
  let message = `${field}: ${issue.message}`;
  if (field === 'query' && issue.code === 'too_small') {
    const q = (body as { query?: unknown })?.query;
    details.min_length = MIN_QUERY_LENGTH;
    details.provided_length = typeof q === 'string' ? q.trim().length : 0;
    message = `Query must be at least ${MIN_QUERY_LENGTH} characters long`;
  }
  return { ok: false, error: { code: 'INVALID_QUERY', message, details } };
}
