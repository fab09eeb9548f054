import { pipeline, Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip, createInflate } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

// HTTP compression both ways (the reference advises gzip for large payloads).
//
// Requests: a `Content-Encoding: gzip` or `deflate` body is inflated as it is read, through the
// zlib, so the body limits that follow (api/middleware/body.ts, the intent
// routes' own) count the inflated bytes and stop reading at their cap: a small body that inflates past
// the limit (a "zip bomb") is refused with 413 after at most the limit has been inflated, never in
// full. The compressed bytes are capped too (an endless stream of empty deflate blocks inflates to
// nothing). Any other coding answers 415 with `Accept-Encoding` naming the ones we take (RFC 7694).
//
// Responses: Hono's compress middleware, when the client asks (Accept-Encoding), for compressible
// types of at least COMPRESS_THRESHOLD_BYTES (smaller bodies gain nothing); event streams never.

export const REQUEST_ENCODINGS = ['gzip', 'deflate'] as const;
type RequestEncoding = (typeof REQUEST_ENCODINGS)[number];

/** Responses under this size go out uncompressed. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

export interface DecodeErrors {
  unsupported(encoding: string): Error;
  corrupt(encoding: RequestEncoding): Error;
  tooLarge(maxCompressedBytes: number): Error;
}

function codingOf(header: string): RequestEncoding | 'identity' | null {
  const codings = header
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '' && part !== 'identity');
  if (codings.length === 0) return 'identity';
  if (codings.length > 1) return null;
  const coding = codings[0] === 'x-gzip' ? 'gzip' : codings[0];
  return (REQUEST_ENCODINGS as readonly string[]).includes(coding!) ? (coding as RequestEncoding) : null;
}

/**
 * Inflates a compressed request body lazily (as the handler reads it). The request then carries no
 * Content-Encoding nor Content-Length, so body limits count what the handler actually reads.
 */
export function decodeRequestBody(options: {
  maxCompressedBytes: number;
  errors: (path: string) => DecodeErrors;
}): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('Content-Encoding');
    if (header === undefined) return next();
    const errors = options.errors(c.req.path);
    const coding = codingOf(header);
    if (coding === null) throw errors.unsupported(header);
    const raw = c.req.raw;
    if (coding === 'identity' || !raw.body) return next();
    const headers = new Headers(raw.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    // Length unknown until read: the body limits count the stream (and the 415 check sees a body).
    headers.set('transfer-encoding', 'chunked');
    const body = inflate(raw.body, coding, options.maxCompressedBytes, errors);
    // Node's fetch needs `duplex` for a streamed request body (the DOM typing of RequestInit lacks it).
    const init: RequestInit & { duplex: 'half' } = {
      method: raw.method,
      headers,
      body,
      signal: raw.signal,
      duplex: 'half',
    };
    c.req.raw = new Request(raw.url, init);
    return next();
  };
}

/**
 * Node's zlib through `pipeline`, not the web DecompressionStream: that one takes in all of its input
 * whether or not its output is read, while a piped zlib stream stops pulling compressed bytes once
 * its output buffer is full (about 16 KiB ahead of the reader).
 */
function inflate(
  compressed: ReadableStream<Uint8Array>,
  coding: RequestEncoding,
  maxCompressedBytes: number,
  errors: DecodeErrors,
): ReadableStream<Uint8Array> {
  let overCap: Error | null = null;
  let total = 0;
  const capped = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.byteLength;
      if (total <= maxCompressedBytes) return callback(null, chunk);
      overCap = errors.tooLarge(maxCompressedBytes);
      callback(overCap);
    },
  });
  const zlib = coding === 'gzip' ? createGunzip() : createInflate();
  pipeline(Readable.fromWeb(compressed as WebReadableStream<Uint8Array>), capped, zlib, () => {
    // Errors reach the reader through `zlib` (pipeline destroys it with the first error).
  });
  const inflated = (Readable.toWeb(zlib) as ReadableStream<Uint8Array>).getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await inflated.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch {
        controller.error(overCap ?? errors.corrupt(coding));
      }
    },
    cancel: (reason) => inflated.cancel(reason),
  });
}

/** Hono's compress, with the threshold applied to bodies built in memory (c.json sets no length). */
export function compressResponses(): MiddlewareHandler {
  const compressing = compress({ threshold: COMPRESS_THRESHOLD_BYTES });
  const measure: MiddlewareHandler = async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type') ?? '';
    // Only JSON is measured: every JSON answer is built in memory, so reading it costs one copy.
    if (!res.body || res.headers.has('Content-Length') || !/^application\/([a-z0-9.+-]+\+)?json/i.test(type))
      return;
    if (!COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return;
    const bytes = await res.arrayBuffer();
    c.res = new Response(bytes, res);
    c.res.headers.set('Content-Length', String(bytes.byteLength));
  };
  // Without Accept-Encoding nothing is compressed, so nothing needs measuring.
  return async (c, next) =>
    compressing(c, async () => {
      if (c.req.header('Accept-Encoding')) await measure(c, next);
      else await next();
    });
}
