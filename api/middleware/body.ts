import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { findUnstorableText, isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../../lib/text.js';
import { ApiError } from '../errors.js';
import { JSON_TYPE, METHODS_WITH_BODY } from './json-body.js';

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_BATCH_BODY_BYTES = 10 * 1024 * 1024;
/** A suppression-list CSV upload (streamed; a million phone numbers is about 13 MiB). */
export const MAX_UPLOAD_BODY_BYTES = 256 * 1024 * 1024;

const BATCH_PATH = /^\/flows\/[^/]+\/leads\/batch\/?$/;
// Lead sources often post HTML forms: the submit routes take form-encoded bodies as well as JSON.
const FORM_PATHS = /^\/flows\/[^/]+\/leads(\/batch)?\/?$/;
// Suppression-list uploads are CSV, streamed into the list (api/routes/lists.ts).
const CSV_PATHS = /^\/lists\/[^/]+\/uploads\/?$/;
const CSV_TYPE = /^text\/csv\s*(;|$)/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

function tooLarge(limit: number) {
  return () => {
    throw new ApiError(413, 'payload_too_large', `Request body exceeds ${limit} bytes`, { max_bytes: limit });
  };
}

function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return headers.has('transfer-encoding');
}

/**
 * Request bodies: at most 1 MiB (10 MiB for batch submissions; 413 `payload_too_large`), and JSON
 * only (415 `unsupported_media_type`), except that the lead submit routes also take
 * `application/x-www-form-urlencoded`. A request without a Content-Type and without a body passes.
 */
export function requestBody(): MiddlewareHandler {
  const limits = {
    normal: bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge(MAX_BODY_BYTES) }),
    batch: bodyLimit({ maxSize: MAX_BATCH_BODY_BYTES, onError: tooLarge(MAX_BATCH_BODY_BYTES) }),
    upload: bodyLimit({ maxSize: MAX_UPLOAD_BODY_BYTES, onError: tooLarge(MAX_UPLOAD_BODY_BYTES) }),
  };
  const textGuard = rejectUnstorableText;
  return async (c, next) => {
    if (!METHODS_WITH_BODY.has(c.req.method)) return textGuard(c, next);
    const type = c.req.header('Content-Type');
    if (c.req.method === 'POST' && CSV_PATHS.test(c.req.path)) {
      if (type === undefined || !CSV_TYPE.test(type)) {
        throw new ApiError(
          415,
          'unsupported_media_type',
          `Content-Type must be text/csv${type ? `, not ${type}` : ''}`,
          {
            allowed: ['text/csv'],
          },
        );
      }
      return limits.upload(c, async () => {
        await textGuard(c, next);
      });
    }
    const formAllowed = c.req.method === 'POST' && FORM_PATHS.test(c.req.path);
    if (
      type === undefined
        ? hasBody(c.req.raw.headers)
        : !JSON_TYPE.test(type) && !(formAllowed && FORM_TYPE.test(type))
    ) {
      const allowed = formAllowed
        ? ['application/json', 'application/x-www-form-urlencoded']
        : ['application/json'];
      throw new ApiError(
        415,
        'unsupported_media_type',
        `Content-Type must be ${allowed.join(' or ')}${type ? `, not ${type}` : ''}`,
        { allowed },
      );
    }
    const limit = BATCH_PATH.test(c.req.path) ? limits.batch : limits.normal;
    return limit(c, async () => {
      await textGuard(c, next);
    });
  };
}

/**
 * Refuses text Postgres cannot store (NUL, unpaired surrogates) anywhere in the path, the query or a
 * JSON or form body, with 400 `validation_failed` naming where it was. Runs inside the body limit.
 */
export const rejectUnstorableText: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  for (const [name, value] of url.searchParams) {
    if (!isStorableText(name) || !isStorableText(value))
      throw unstorable(`query.${JSON.stringify(name).slice(1, -1)}`);
  }
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not decodable: the router sees it raw, as we do.
  }
  if (!isStorableText(path)) throw unstorable('path');
  if (METHODS_WITH_BODY.has(c.req.method)) {
    const type = c.req.header('Content-Type') ?? '';
    let body: unknown;
    if (JSON_TYPE.test(type)) body = await c.req.json().catch(() => undefined);
    else if (FORM_TYPE.test(type)) body = await c.req.parseBody({ all: true }).catch(() => undefined);
    const at = body === undefined ? null : findUnstorableText(body);
    if (at !== null) throw unstorable(at);
  }
  await next();
};

function unstorable(field: string): ApiError {
  return new ApiError(400, 'validation_failed', 'Request validation failed', [
    { field, code: 'invalid_character', message: UNSTORABLE_TEXT_MESSAGE },
  ]);
}
