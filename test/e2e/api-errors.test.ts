import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { createErrorHandler } from '../../api/errors.js';
import { requestBody } from '../../api/middleware/body.js';

// The documented body limits (README): 1 MiB, and 10 MiB for a batch.
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_BATCH_BODY_BYTES = 10 * 1024 * 1024;

import type { Pool } from '../../db/pool.js';
import { statementText } from '../helpers/counting-pool.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';

// The error contract: every response has X-Request-Id, every error the documented
// {error:{code,message,details,request_id}} shape, and nothing internal ever leaks.
describe('errors, body limits and content types', () => {
  let stack: TestStack;
  let key: string;
  let flowId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key } = await stack.createAccount());
    const flow = await stack.call('POST', '/flows', key, { name: 'Errors' });
    flowId = flow.json.id;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  function expectErrorShape(
    res: { status: number; headers: Headers; json: unknown },
    status: number,
    code: string,
  ) {
    expect(res.status).toBe(status);
    const requestId = res.headers.get('X-Request-Id');
    expect(requestId).toMatch(/^req_/);
    expect(res.json).toEqual({
      error: { code, message: expect.any(String), details: expect.any(Array), request_id: requestId },
    });
    // The documented details: a list of entries, each with a code and a message (and a field if any).
    for (const detail of (res.json as { error: { details: unknown[] } }).error.details)
      expect(detail).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  }

  it('carries X-Request-Id on successes, public routes and errors, echoing a caller’s plain id', async () => {
    for (const res of [
      await stack.call('GET', '/flows', key),
      await stack.call('GET', '/healthz', null),
      await stack.call('GET', '/nope', key),
      await stack.call('GET', '/flows', null),
    ]) {
      expect(res.headers.get('X-Request-Id')).toMatch(/^req_[0-9a-z]{26}$/);
    }
    const echoed = await stack.call('GET', '/flows', key, undefined, { 'X-Request-Id': 'my-trace-42' });
    expect(echoed.headers.get('X-Request-Id')).toBe('my-trace-42');
  });

  it('answers 401 unauthorized and 404 not_found in the documented shape', async () => {
    expectErrorShape(await stack.call('GET', '/flows', null), 401, 'unauthorized');
    expectErrorShape(await stack.call('GET', '/flows', 'lr_live_wrong'), 401, 'unauthorized');
    expectErrorShape(await stack.call('GET', '/no/such/route', key), 404, 'not_found');
    expectErrorShape(await stack.call('GET', '/flows/flow_missing', key), 404, 'not_found');
  });

  it('answers 405 method_not_allowed with Allow on a known path, in each API’s error shape', async () => {
    const put = await stack.call('PUT', '/flows', key, { name: 'x' });
    expectErrorShape(put, 405, 'method_not_allowed');
    expect(put.headers.get('Allow')).toBe('GET, HEAD, POST, OPTIONS');
    expect(put.json.error.details[0]).toMatchObject({ allowed: ['GET', 'HEAD', 'POST', 'OPTIONS'] });
    const onItem = await stack.call('PATCH', `/flows/${flowId}`, key, {});
    expectErrorShape(onItem, 405, 'method_not_allowed');
    expect(onItem.headers.get('Allow')).toBe('GET, HEAD, PUT, OPTIONS');
    // Under the reference's base path too.
    const versioned = await stack.call('DELETE', `/api/v1/flows/${flowId}/events`, key);
    expectErrorShape(versioned, 405, 'method_not_allowed');
    expect(versioned.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    // OPTIONS itself answers what the path serves.
    const options = await stack.call('OPTIONS', '/leads', key);
    expect(options.status).toBe(204);
    expect(options.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    // The intent routes answer in the intent contract's format.
    const query = await stack.call('GET', '/query', key);
    expect(query.status).toBe(405);
    expect(query.headers.get('Allow')).toBe('POST, OPTIONS');
    expect(query.json).toEqual({
      error: {
        code: 'METHOD_NOT_ALLOWED',
        message: expect.any(String),
        details: { allowed: ['POST', 'OPTIONS'] },
      },
      timestamp: expect.any(String),
      request_id: expect.stringMatching(/^req_/),
    });
    // A path no route serves stays 404, whatever the method, and the answer follows the router's own
    // patterns: a path parameter holding a newline is still that route's path.
    expectErrorShape(await stack.call('DELETE', '/no/such/route', key), 404, 'not_found');
    const oddId = await stack.call('PATCH', '/flows/flow%0Ax', key, {});
    expectErrorShape(oddId, 405, 'method_not_allowed');
    expect(oddId.headers.get('Allow')).toBe('GET, HEAD, PUT, OPTIONS');
    expectErrorShape(await stack.call('GET', '/flows/flow%0Ax', key), 404, 'not_found');
    expectErrorShape(await stack.call('GET', `/flows/${flowId}/nothing`, key), 404, 'not_found');
  });

  it('answers 400 invalid_json for malformed JSON', async () => {
    for (const [method, path] of [
      ['POST', '/flows'],
      ['POST', '/recipients'],
      ['POST', '/api-keys'],
      ['PUT', `/flows/${flowId}/settings`],
    ] as const) {
      const res = await stack.call(method, path, key, '{"name": "x",');
      expectErrorShape(res, 400, 'invalid_json');
      expect(res.json.error.message).toBe('Request body is not valid JSON');
    }
  });

  it('answers 400 validation_failed with per-field details', async () => {
    const res = await stack.call('POST', '/recipients', key, { name: '', config: { url: 'ftp://x' } });
    expectErrorShape(res, 400, 'validation_failed');
    expect(res.json.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name' }),
        expect.objectContaining({ field: 'config.url' }),
      ]),
    );
    const query = await stack.call('GET', '/leads?limit=5000&status=lost', key);
    expectErrorShape(query, 400, 'validation_failed');
    expect(query.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'limit',
      'status',
    ]);
  });

  it('answers 415 unsupported_media_type for bodies that are not JSON', async () => {
    const text = await stack.call('POST', '/flows', key, '{"name":"x"}', { 'Content-Type': 'text/plain' });
    expectErrorShape(text, 415, 'unsupported_media_type');
    expect(text.json.error.details).toMatchObject([{ allowed: ['application/json'] }]);
    const form = await stack.call('POST', '/recipients', key, 'name=x', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expectErrorShape(form, 415, 'unsupported_media_type');
    const xml = await stack.call('PUT', `/flows/${flowId}/settings`, key, '<settings/>', {
      'Content-Type': 'application/xml',
    });
    expectErrorShape(xml, 415, 'unsupported_media_type');
    // A body without any Content-Type is refused too (a body needs a declared type).
    const untyped = await stack.app.request('/flows', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Length': '12' },
      body: new Blob(['{"name":"x"}']).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(untyped.status).toBe(415);
  });

  it('accepts JSON with a charset and +json types, and bodiless POSTs without a Content-Type', async () => {
    const charset = await stack.call(
      'POST',
      '/flows',
      key,
      { name: 'Charset' },
      {
        'Content-Type': 'application/json; charset=utf-8',
      },
    );
    expect(charset.status).toBe(201);
    const vendor = await stack.call(
      'POST',
      '/flows',
      key,
      { name: 'Vendor' },
      {
        'Content-Type': 'application/vnd.leadrail+json',
      },
    );
    expect(vendor.status).toBe(201);
    const { json: created } = await stack.call('POST', '/api-keys', key, {
      name: 'r',
      scopes: ['flows:read'],
    });
    const rotate = await stack.app.request(`/api-keys/${created.id}/rotate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(rotate.status).toBe(200);
  });

  it('lets form-encoded bodies through to the lead submit routes only', async () => {
    // The middleware on its own: form-encoded passes on both submit routes, nowhere else.
    const probe = new Hono();
    probe.onError(createErrorHandler(silentLogger));
    probe.use('*', requestBody());
    probe.post('*', (c) => c.text('passed'));
    const post = (path: string, type: string) =>
      probe.request(path, { method: 'POST', headers: { 'Content-Type': type }, body: 'email=a%40b.co' });
    const form = 'application/x-www-form-urlencoded; charset=utf-8';
    expect((await post('/flows/flow_1/leads', form)).status).toBe(200);
    expect((await post('/flows/flow_1/leads/batch', form)).status).toBe(200);
    expect((await post('/flows/flow_1/leads/batch/extra', form)).status).toBe(415);
    expect((await post('/flows', form)).status).toBe(415);
    expect((await post('/recipients', form)).status).toBe(415);

    // Through the whole app, a form-encoded lead reaches the submit route.
    const res = await stack.call(
      'POST',
      `/flows/${flowId}/leads`,
      key,
      'email=form%40example.com&phone=5551234567',
      {
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    );
    expect(res.status).not.toBe(415);
    const text = await stack.call('POST', `/flows/${flowId}/leads`, key, 'email=x', {
      'Content-Type': 'text/plain',
    });
    expectErrorShape(text, 415, 'unsupported_media_type');
    expect(text.json.error.details[0].allowed).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
    ]);
  });

  it('answers 413 payload_too_large over 1 MiB, and allows up to 10 MiB for batches', async () => {
    const big = JSON.stringify({ name: 'x', description: 'a'.repeat(MAX_BODY_BYTES) });
    const res = await stack.call('POST', '/flows', key, big);
    expectErrorShape(res, 413, 'payload_too_large');
    expect(res.json.error.details).toMatchObject([{ max_bytes: MAX_BODY_BYTES }]);
    // Declared too large by Content-Length: refused before the body is read.
    const declared = await stack.call('POST', '/recipients', key, '{}', {
      'Content-Length': String(MAX_BODY_BYTES + 1),
    });
    expect(declared.status).toBe(413);

    const batchBody = JSON.stringify({
      leads: [{ lead: { email: 'big@example.com', note: 'a'.repeat(2 * MAX_BODY_BYTES) } }],
    });
    const batch = await stack.call('POST', `/flows/${flowId}/leads/batch`, key, batchBody);
    expect(batch.status).not.toBe(413);
    const hugeBatch = await stack.call(
      'POST',
      `/flows/${flowId}/leads/batch`,
      key,
      JSON.stringify({ leads: [{ lead: { note: 'a'.repeat(MAX_BATCH_BODY_BYTES) } }] }),
    );
    expectErrorShape(hugeBatch, 413, 'payload_too_large');
  });

  it('answers a forced 500 as internal_error without stack traces or SQL', async () => {
    // A pool whose flow queries fail with a real Postgres error (its message names a table and SQL).
    const failing = new Proxy(stack.pool, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver);
        return (text: unknown, ...rest: unknown[]) =>
          statementText(text)?.includes('FROM flows')
            ? target.query('SELECT secret_column FROM leadrail_missing_table WHERE 1 = 1')
            : (target.query as (...args: unknown[]) => unknown)(text, ...rest);
      },
    }) as Pool;
    const app = createApp({
      pool: failing,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      logger: silentLogger,
    });
    const res = await app.request('/flows', { headers: { Authorization: `Bearer ${key}` } });
    const text = await res.text();
    expect(res.status).toBe(500);
    const body = JSON.parse(text);
    expect(body).toEqual({
      error: {
        code: 'internal_error',
        message: 'Internal server error',
        details: [],
        request_id: res.headers.get('X-Request-Id'),
      },
    });
    expect(text).not.toMatch(/leadrail_missing_table|secret_column|SELECT|relation|\bat\s+\S+:\d+/i);
    // Rate-limit headers still describe the key's budget on the failed request.
    expect(res.headers.get('X-RateLimit-Remaining')).toMatch(/^\d+$/);
  });
});
