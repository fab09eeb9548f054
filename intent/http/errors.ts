import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError, outageError } from '../../api/errors.js';
import { hasMalformedJsonBody } from '../../api/middleware/json-body.js';
import { sanitizeDatabaseError } from '../../db/errors.js';
import type { Logger } from '../../lib/logger.js';
import { IntentQueryFailed, IntentUnavailable } from '../service/errors.js';

// The intent API's error format (its contract differs from the lead API's): `timestamp` and
// `request_id` at the top level, upper-case codes.
//
//   { "error": { "code": "INVALID_QUERY", "message": "...", "details": {...} },
//     "timestamp": "2026-11-25T10:30:00.000Z", "request_id": "req_..." }

export type IntentErrorCode =
  | 'INVALID_QUERY'
  | 'INVALID_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMIT_EXCEEDED'
  | 'COST_LIMIT_EXCEEDED'
  | 'QUERY_THROTTLED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_ERROR';

export class IntentApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: IntentErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'IntentApiError';
  }
}

export const IntentErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('INVALID_QUERY, UNAUTHORIZED, FORBIDDEN, RATE_LIMIT_EXCEEDED, ...'),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
    timestamp: z.string().describe('ISO 8601'),
    request_id: z.string(),
  })
  .openapi('IntentError');

export function intentErrorBody(c: Context, err: IntentApiError) {
  return {
    error: { code: err.code, message: err.message, details: err.details },
    timestamp: new Date().toISOString(),
    request_id: c.get('requestId') as string,
  };
}

const BY_STATUS: Record<number, IntentErrorCode> = {
  400: 'INVALID_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMIT_EXCEEDED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Anything thrown on an intent route, as an IntentApiError (shared middleware throws ApiError). */
export function toIntentError(err: unknown, malformedJson = false): IntentApiError {
  if (err instanceof IntentApiError) return err;
  if (err instanceof IntentUnavailable) {
    return new IntentApiError(
      503,
      'SERVICE_UNAVAILABLE',
      err.message,
      { reason: err.reason, ...err.details },
      err.retryAfterSeconds !== undefined ? { 'Retry-After': String(err.retryAfterSeconds) } : {},
    );
  }
  if (err instanceof IntentQueryFailed) {
    return new IntentApiError(500, 'INTERNAL_ERROR', err.message, { query_id: err.queryId });
  }
  const outage = outageError(err);
  if (outage) return toIntentError(outage);
  if (err instanceof ApiError) {
    const code = BY_STATUS[err.status] ?? 'INTERNAL_ERROR';
    // The intent reference's details are an object: the context itself, or the field errors listed.
    const details: Record<string, unknown> = err.context ? { ...err.context } : { errors: err.details };
    // Keep the shared middleware's own reason (e.g. ip_not_allowed) visible.
    if (err.code !== code.toLowerCase()) details.reason = err.code;
    return new IntentApiError(err.status, code, err.message, details, err.headers);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (status === 400 && malformedJson) {
      return new IntentApiError(400, 'INVALID_QUERY', 'Request body is not valid JSON', { field: '(body)' });
    }
    return new IntentApiError(status, BY_STATUS[status] ?? 'INTERNAL_ERROR', err.message || 'Error');
  }
  return new IntentApiError(500, 'INTERNAL_ERROR', 'Internal server error');
}

/** The intent router's error handler: every error of its routes in the intent format. */
export function intentErrorHandler(log: Logger) {
  return async (err: Error, c: Context): Promise<Response> => {
    const malformedJson =
      err instanceof HTTPException && err.status === 400 && (await hasMalformedJsonBody(c));
    const e = toIntentError(err, malformedJson);
    if (e.status === 500 && !(err instanceof IntentApiError)) {
      log.error(
        { err: sanitizeDatabaseError(err), requestId: c.get('requestId'), path: c.req.path },
        'unhandled intent error',
      );
    }
    for (const [name, value] of Object.entries(e.headers)) c.header(name, value);
    return c.json(intentErrorBody(c, e), e.status);
  };
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (INVALID_QUERY with field, min_length, provided_length)',
  401: 'Missing or invalid API key (UNAUTHORIZED)',
  403: 'The key lacks the required scope or is used from outside its allow-list (FORBIDDEN)',
  413: 'Request body too large (PAYLOAD_TOO_LARGE)',
  415: 'Content-Type not supported (UNSUPPORTED_MEDIA_TYPE)',
  429: 'RATE_LIMIT_EXCEEDED, COST_LIMIT_EXCEEDED or QUERY_THROTTLED; see Retry-After',
  500: 'Internal error (INTERNAL_ERROR)',
  503: 'Service temporarily unavailable: the index is loading, or the database or Temporal is down (SERVICE_UNAVAILABLE, with Retry-After)',
};

/** OpenAPI error responses of an intent route. */
export function intentErrorResponses(...statuses: (keyof typeof ERROR_DESCRIPTIONS)[]) {
  return Object.fromEntries(
    [...new Set([401, 403, 500, ...statuses])].map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status]!,
        content: { 'application/json': { schema: IntentErrorSchema } },
        ...(status === 429
          ? {
              headers: {
                'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' as const } },
              },
            }
          : {}),
      },
    ]),
  );
}
