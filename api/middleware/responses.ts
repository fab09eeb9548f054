import type { z } from '@hono/zod-openapi';
import { ErrorSchema } from '../views.js';

// OpenAPI descriptions of the responses the middleware produces (authentication, IP allow-list,
// rate limits, body checks), for the routes to spread into their `responses`.

const errorContent = { 'application/json': { schema: ErrorSchema } };

const integer = (description: string) => ({ description, schema: { type: 'integer' as const } });

/** Sent on every authenticated response. */
export const rateLimitHeaders = {
  'X-RateLimit-Limit': integer('Requests allowed per hour for this key'),
  'X-RateLimit-Remaining': integer('Requests left in the current hour window'),
  'X-RateLimit-Reset': integer('Unix time (seconds) when the hour window resets'),
  'X-RateLimit-Burst-Limit': integer('Requests allowed per minute for this key'),
  'X-RateLimit-Burst-Remaining': integer('Requests left in the current minute window'),
  'X-RateLimit-Burst-Reset': integer('Unix time (seconds) when the minute window resets'),
  'X-Request-Id': {
    description: 'Id of this request, also in error bodies',
    schema: { type: 'string' as const },
  },
};

const ERROR_DESCRIPTIONS = {
  400: 'Invalid request (validation_failed, invalid_json, invalid_content_encoding)',
  401: 'Missing or invalid API key (unauthorized)',
  403: 'The key lacks the required scope (forbidden) or is used from an address outside its allow-list (ip_not_allowed)',
  404: 'Not found, or owned by another account (not_found)',
  409: 'Conflict with the resource’s current state (conflict)',
  413: 'Request body too large (payload_too_large)',
  415: 'Content-Type or Content-Encoding not supported (unsupported_media_type, unsupported_content_encoding)',
  422: 'Semantically invalid request (unprocessable_entity)',
  429: 'Rate limit exceeded (rate_limit_exceeded); see Retry-After',
  500: 'Internal error (internal_error); the body never contains internals',
  503: 'Postgres or Temporal is unavailable (service_unavailable, naming the component); see Retry-After',
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** Error responses for a route: the ones every authenticated route can give, plus `extra`. */
export function errorResponses<S extends ErrorStatus>(...extra: S[]) {
  const statuses = [...new Set<ErrorStatus>([401, 403, 429, 500, 503, ...extra])];
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status],
        content: errorContent,
        ...(status === 429
          ? { headers: { 'Retry-After': integer('Seconds to wait before retrying'), ...rateLimitHeaders } }
          : status === 503
            ? { headers: { 'Retry-After': integer('Seconds to wait before retrying') } }
            : {}),
      },
    ]),
  ) as Record<401 | 403 | 429 | 500 | 503 | S, { description: string; content: typeof errorContent }>;
}

/** A JSON success response with the rate-limit headers. */
export function jsonResponse<T extends z.ZodType>(description: string, schema: T) {
  return { description, headers: rateLimitHeaders, content: { 'application/json': { schema } } };
}

/** One error response with a route-specific description (e.g. what a 409 means on that route). */
export function errorResponse(description: string) {
  return { description, content: errorContent };
}
