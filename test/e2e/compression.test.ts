import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gunzipSync, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// The documented body limits (README): 1 MiB, and 10 MiB for a batch.
const MAX_BODY_BYTES = 1024 * 1024;

/** A JSON flow body whose name pads it to `bytes` (highly compressible). */
function flowBodyOf(bytes: number): string {
  const head = '{"name":"';
  return `${head}${'a'.repeat(bytes - head.length - 2)}"}`;
}

/** A request body stream that counts how many of its chunks the server pulled. */
function countingStream(data: Buffer, chunkBytes: number) {
  const pulled = { bytes: 0 };
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= data.length) return controller.close();
        const chunk = data.subarray(offset, offset + chunkBytes);
        offset += chunk.length;
        pulled.bytes += chunk.length;
        controller.enqueue(new Uint8Array(chunk));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled };
}

describe('compressed requests and responses', () => {
  let stack: TestStack;
  let key: string;

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key } = await stack.createAccount());
  });
  afterAll(async () => {
    await stack?.stop();
  });

  async function post(
    path: string,
    body: string | Uint8Array | ReadableStream<Uint8Array>,
    headers: Record<string, string>,
  ) {
    const res = await stack.app.request(path, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...headers },
      body,
      // Node's fetch needs duplex for a streamed body.
      duplex: 'half',
    });
    // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
    const json: any = await res.json();
    return { status: res.status, headers: res.headers, json };
  }

  it('accepts gzip and deflate request bodies (x-gzip too, any letter case)', async () => {
    for (const [encoding, encode] of [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['X-GZIP', gzipSync],
    ] as const) {
      const res = await post('/flows', encode(JSON.stringify({ name: `Compressed ${encoding}` })), {
        'Content-Encoding': encoding,
      });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      expect(res.json.name).toBe(`Compressed ${encoding}`);
    }
  });

  it('applies the body limit to the inflated bytes: a small gzip that inflates past 1 MiB is 413', async () => {
    const underLimit = gzipSync(flowBodyOf(MAX_BODY_BYTES - 1000));
    const overLimit = gzipSync(flowBodyOf(MAX_BODY_BYTES + 1000));
    // Both are a few KB on the wire.
    expect(overLimit.length).toBeLessThan(10_000);
    // Under the limit once inflated it is a (validation) answer about the flow, not about the size.
    const under = await post('/flows', underLimit, { 'Content-Encoding': 'gzip' });
    expect(under.json.error?.code).not.toBe('payload_too_large');
    const over = await post('/flows', overLimit, { 'Content-Encoding': 'gzip' });
    expect(over.status).toBe(413);
    expect(over.json.error).toMatchObject({
      code: 'payload_too_large',
      details: [{ code: 'payload_too_large', max_bytes: MAX_BODY_BYTES }],
    });
  });

  it('stops inflating a zip bomb at the limit: it reads only the start of the compressed stream', async () => {
    // 1 GiB of zeros in about 1 MB: 128 gzip members of 8 MiB each (a gzip stream may hold several).
    // Inflating it whole would take 1 GiB of memory.
    const member = gzipSync(Buffer.alloc(8 * 1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 128 }, () => member));
    const { stream, pulled } = countingStream(bomb, 1024);
    const res = await post('/flows', stream, { 'Content-Encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('payload_too_large');
    // Inflating 1 MiB of zeros takes about 1 KB of it; zlib's buffers read some 64 KB ahead.
    expect(pulled.bytes).toBeLessThan(bomb.length / 10);
  });

  it('answers 415 in the documented shape for a coding it does not take, naming the ones it does', async () => {
    const res = await post('/flows', JSON.stringify({ name: 'x' }), { 'Content-Encoding': 'br' });
    expect(res.status).toBe(415);
    expect(res.headers.get('Accept-Encoding')).toBe('gzip, deflate');
    expect(res.json).toEqual({
      error: {
        code: 'unsupported_content_encoding',
        message: 'Content-Encoding br is not supported; use gzip or deflate',
        details: [
          {
            code: 'unsupported_content_encoding',
            message: 'Content-Encoding br is not supported; use gzip or deflate',
            allowed: ['gzip', 'deflate'],
          },
        ],
        request_id: res.headers.get('X-Request-Id'),
      },
    });
    // Stacked codings are refused the same way.
    const stacked = await post('/flows', gzipSync(gzipSync('{}')), { 'Content-Encoding': 'gzip, gzip' });
    expect(stacked.status).toBe(415);
  });

  it('says a corrupt gzip body is corrupt (400 invalid_content_encoding), not invalid JSON', async () => {
    const res = await post('/flows', Buffer.from('not gzip at all'), { 'Content-Encoding': 'gzip' });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_content_encoding');
    // Compressed data that is not JSON is the JSON error, as uncompressed.
    const notJson = await post('/flows', gzipSync('{nope'), { 'Content-Encoding': 'gzip' });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toBe('invalid_json');
  });

  it('compresses responses when asked, only those worth it', async () => {
    const spec = await stack.app.request('/openapi.json', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(spec.headers.get('Content-Encoding')).toBe('gzip');
    expect(spec.headers.get('Vary')).toMatch(/Accept-Encoding/);
    const inflated = JSON.parse(gunzipSync(Buffer.from(await spec.arrayBuffer())).toString('utf8'));
    expect(inflated.openapi).toBe('3.1.0');

    const deflated = await stack.app.request('/openapi.json', {
      headers: { 'Accept-Encoding': 'deflate' },
    });
    expect(deflated.headers.get('Content-Encoding')).toBe('deflate');

    // Not asked: not compressed.
    const plain = await stack.app.request('/openapi.json');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(((await plain.json()) as { openapi: string }).openapi).toBe('3.1.0');

    // A body under 1 KB is sent as it is.
    const small = await stack.app.request('/flows/flow_missing', {
      headers: { Authorization: `Bearer ${key}`, 'Accept-Encoding': 'gzip' },
    });
    expect(small.status).toBe(404);
    expect(small.headers.get('Content-Encoding')).toBeNull();
    expect(((await small.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  describe('over a real HTTP server', () => {
    let url: URL;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const server = serve({ fetch: stack.app.fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    });
    afterAll(() => close?.());

    /** A raw HTTP request (no client-side decompression), with the body sent chunked or with a length. */
    function raw(
      method: string,
      path: string,
      headers: Record<string, string>,
      body?: Buffer,
    ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
      return new Promise((resolve, reject) => {
        const req = httpRequest(new URL(path, url), { method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        });
        req.on('error', reject);
        req.end(body);
      });
    }

    it('takes a gzip body and answers gzip to a client that asks', async () => {
      const body = gzipSync(JSON.stringify({ name: 'Over the wire' }));
      const res = await raw(
        'POST',
        '/flows',
        {
          Authorization: `Bearer ${key}`,
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
          'Content-Length': String(body.length),
        },
        body,
      );
      expect(res.status).toBe(201);
      expect(JSON.parse(res.body.toString('utf8')).name).toBe('Over the wire');

      const spec = await raw('GET', '/openapi.json', { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(spec.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(spec.body).toString('utf8')).openapi).toBe('3.1.0');
    });

    it('refuses a gzip body that inflates past the limit with 413, and keeps serving', async () => {
      const member = gzipSync(Buffer.alloc(8 * 1024 * 1024), { level: 9 });
      const bomb = Buffer.concat(Array.from({ length: 16 }, () => member));
      const res = await raw(
        'POST',
        '/flows',
        {
          Authorization: `Bearer ${key}`,
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
          'Content-Length': String(bomb.length),
        },
        bomb,
      );
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body.toString('utf8')).error.code).toBe('payload_too_large');
      const after = await raw('GET', '/healthz', {});
      expect(after.status).toBe(200);
    });
  });
});
