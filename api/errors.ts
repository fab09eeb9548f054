import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { sanitizeDatabaseError } from '../db/errors.js';
import type { Logger } from '../lib/logger.js';
import { ComponentUnavailable, outageOf } from './availability.js';
import { hasMalformedJsonBody } from './middleware/json-body.js';

export interface ErrorDetail {
  field?: string;
  code: string;
  message: string;
  [extra: string]: unknown;
}

/**
 * An error the API answers on purpose, in the documented `{ error: { code, message, details, request_id } }`
 * shape. `details` is always a list, as documented: per-field problems, or for an error that is about
 * the request as a whole (rate limit, scope, body size) one entry carrying the error's code and message
 * with its context (`limit`, `required_scope`, ...), so clients handle every error the same way.
 */
export class ApiError extends Error {
  readonly details: ErrorDetail[];
  /** The context of an error about the whole request (what its one detail entry carries), else null. */
  readonly context: Record<string, unknown> | null;

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    details: ErrorDetail[] | Record<string, unknown> = [],
    readonly headers: Record<string, string> = {},
    /** Extra members of the error object (an extension of the documented shape, e.g. lead_id). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.context = Array.isArray(details) ? null : details;
    this.details = Array.isArray(details) ? details : [{ code, message, ...details }];
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

export function errorResponse(c: Context, err: ApiError): Response {
  for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
  return c.json(
    {
      error: {
        code: err.code,
        message: err.message,
        details: err.details,
        request_id: c.get('requestId'),
        ...err.extra,
      },
    },
    err.status,
  );
}

type ZodIssue = ZodError['issues'][number];

/**
 * A union's failure reported as the failures of the alternative that came closest: one whose own
 * top-level literal (its `type`) matched, then the fewest problems, then the first. So
 * `{"type": "ping_post", ...}` missing `ping_url` names `config.ping_url`, not "Invalid input" for the
 * whole recipient.
 */
function closestIssues(issue: ZodIssue): ZodIssue[] {
  if (issue.code !== 'invalid_union' || !('errors' in issue) || issue.errors.length === 0) return [issue];
  const distance = (issues: ZodIssue[]) =>
    (issues.some((i) => i.code === 'invalid_value' && i.path.length === 1) ? 1_000_000 : 0) + issues.length;
  const closest = issue.errors.reduce((best, next) => (distance(next) < distance(best) ? next : best));
  if (closest.length === 0) return [issue];
  return closest.flatMap((inner) =>
    closestIssues({ ...inner, path: [...issue.path, ...inner.path] } as ZodIssue),
  );
}

export function validationError(error: ZodError, location: 'body' | 'query' | 'path' = 'body'): ApiError {
  const details = error.issues.flatMap(closestIssues).map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : location,
    code: issue.code === 'invalid_type' && issue.input === undefined ? 'missing_required' : 'invalid_format',
    message: issue.message,
  }));
  return new ApiError(400, 'validation_failed', 'Request validation failed', details);
}

/** Seconds a client is told to wait before retrying during an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * An outage (Postgres or Temporal unreachable) as the documented error: 503 `service_unavailable`,
 * `Retry-After`, and the component that is down; null for any other error.
 */
export function outageError(err: unknown): ApiError | null {
  const component = outageOf(err);
  if (!component) return null;
  const leadId = err instanceof ComponentUnavailable ? err.leadId : null;
  const what = component === 'database' ? 'The database' : 'The workflow engine (Temporal)';
  return new ApiError(
    503,
    'service_unavailable',
    `${what} is unavailable; retry later${leadId ? ` (the lead may have been received: GET /leads/${leadId})` : ''}`,
    { component, retry_after: OUTAGE_RETRY_AFTER_SECONDS },
    { 'Retry-After': String(OUTAGE_RETRY_AFTER_SECONDS), ...(leadId ? { 'X-Lead-Id': leadId } : {}) },
    leadId ? { lead_id: leadId } : {},
  );
}

const CODES_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'rate_limit_exceeded',
};

/** Maps anything thrown in a handler to the documented error shape; never leaks stacks or SQL. */
export function createErrorHandler(log: Logger) {
  return async (err: Error, c: Context): Promise<Response> => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const malformedJson = status === 400 && (await hasMalformedJsonBody(c));
      const code = malformedJson ? 'invalid_json' : (CODES_BY_STATUS[status] ?? 'error');
      const message = malformedJson ? 'Request body is not valid JSON' : err.message || code;
      return errorResponse(c, new ApiError(status, code, message));
    }
    const outage = outageError(err);
    if (outage) {
      // The cause, not the error: driver messages can quote data.
      log.warn(
        { component: outage.context?.component, requestId: c.get('requestId'), path: c.req.path },
        'dependency unavailable',
      );
      return errorResponse(c, outage);
    }
    log.error(
      { err: sanitizeDatabaseError(err), requestId: c.get('requestId'), path: c.req.path },
      'unhandled error',
    );
    return errorResponse(c, new ApiError(500, 'internal_error', 'Internal server error'));
  };
}
