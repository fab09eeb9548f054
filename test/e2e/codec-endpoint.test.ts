import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { CODEC_SESSION_SECONDS, type CodecEndpointOptions } from '../../api/routes/codec.js';
import { EncryptionCodec, generatePayloadKey, parsePayloadKeys } from '../../temporal/payload-codec.js';
import { testPayloadKeys } from '../helpers/payload-keys.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';

// The codec endpoint the Temporal UI calls (remote codec protocol): round trips with the workers' keys,
// operators only (a token or a session cookie made from it), CORS for the UI's origin only.

const TOKEN = 'op-token-0123456789abcdefghijklmnopqrstuvwxyz';
const UI = 'http://ui.example:8080';
const LEAD = { email: 'ada.lovelace@example.org', phone: '+12125550147' };

const asJson = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});
const fromJson = (p: { metadata: Record<string, string>; data: string }): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data, 'base64'),
});

describe('codec endpoint', () => {
  let stack: TestStack;
  let clock = Date.now();
  const build = (options: Partial<CodecEndpointOptions> = {}) =>
    createApp({
      pool: stack.pool,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      logger: silentLogger,
      codec: {
        codec: new EncryptionCodec(testPayloadKeys()),
        token: TOKEN,
        allowLoopback: false,
        corsOrigins: [UI],
        secureCookie: false,
        now: () => clock,
        ...options,
      },
    });
  let app: ReturnType<typeof build>;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const bearer = { Authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    stack = await startTestStack();
    app = build();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('encodes and decodes with the keys the workers use (X-Namespace as the UI sends it)', async () => {
    const plain = defaultPayloadConverter.toPayload(LEAD);
    const encoded = await post(
      '/codec/encode',
      { payloads: [asJson(plain)] },
      { ...bearer, 'X-Namespace': 'default' },
    );
    expect(encoded.status).toBe(200);
    const sealed = (
      (await encoded.json()) as { payloads: Array<{ metadata: Record<string, string>; data: string }> }
    ).payloads;
    expect(Buffer.from(sealed[0]!.metadata.encoding!, 'base64').toString()).toBe('binary/encrypted');
    expect(Buffer.from(sealed[0]!.data, 'base64').toString('latin1')).not.toContain(LEAD.email);
    // What the endpoint sealed, the workers' codec opens, and the other way round.
    const [opened] = await new EncryptionCodec(testPayloadKeys()).decode([fromJson(sealed[0]!)]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(LEAD);
    const [byWorker] = await new EncryptionCodec(testPayloadKeys()).encode([plain]);

    // The UI adds a query string to the path; only the last segment counts.
    const decoded = await post(
      '/codec/decode?preserveStorageRefs=true',
      { payloads: [sealed[0], asJson(byWorker!)] },
      bearer,
    );
    expect(decoded.status).toBe(200);
    const back = (
      (await decoded.json()) as { payloads: Array<{ metadata: Record<string, string>; data: string }> }
    ).payloads;
    expect(back.map((p) => defaultPayloadConverter.fromPayload(fromJson(p)))).toEqual([LEAD, LEAD]);
    expect(Buffer.from(back[0]!.metadata.encoding!, 'base64').toString()).toBe('json/plain');
  });

  it('refuses unauthenticated calls, a wrong token and a tenant API key', async () => {
    const { key } = await stack.createAccount({ scopes: ['admin'] });
    const body = { payloads: [asJson(defaultPayloadConverter.toPayload(LEAD))] };
    const attempts: Array<Record<string, string>> = [
      {},
      { Authorization: 'Bearer wrong-token' },
      { Authorization: `Bearer ${key}` },
    ];
    for (const headers of attempts) {
      for (const path of ['/codec/decode', '/codec/encode']) {
        const res = await post(path, body, headers);
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="leadrail-codec"');
        const error = ((await res.json()) as { error: { code: string } }).error;
        expect(error.code).toBe('codec_unauthorized');
      }
    }
  });

  it('answers 400 naming the key id of a payload it cannot decrypt, and 400 for a malformed body', async () => {
    const [foreign] = await new EncryptionCodec(parsePayloadKeys(generatePayloadKey('retired'))).encode([
      defaultPayloadConverter.toPayload(LEAD),
    ]);
    const res = await post('/codec/decode', { payloads: [asJson(foreign!)] }, bearer);
    expect(res.status).toBe(400);
    const error = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('payload_not_decryptable');
    expect(error.message).toMatch(
      /^Payload was encrypted with key id "retired", which is not in PAYLOAD_ENCRYPTION_KEYS/,
    );

    // proto3 JSON leaves an empty list out: `{}` is no payloads (the Temporal CLI sends it).
    const empty = await post('/codec/decode', {}, bearer);
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({ payloads: [] });
    for (const bad of ['not json', { payloads: 'x' }, { payloads: [{ data: '%%%' }] }, []]) {
      const answer = await post('/codec/decode', bad, bearer);
      expect(answer.status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('answers CORS preflights for the UI origin only, with credentials allowed', async () => {
    const preflight = (origin: string) =>
      app.request('/codec/decode', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,x-namespace',
        },
      });
    const ok = await preflight(UI);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe(UI);
    expect(ok.headers.get('Access-Control-Allow-Credentials')).toBe('true');
    expect(ok.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('x-namespace');
    const other = await preflight('http://evil.example');
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('signs a browser in with the token: an HttpOnly session cookie for /codec that expires', async () => {
    const refused = await post('/codec/session', { token: 'wrong' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('Set-Cookie')).toBeNull();

    const signedIn = await post('/codec/session', { token: TOKEN });
    expect(signedIn.status).toBe(200);
    const setCookie = signedIn.headers.get('Set-Cookie')!;
    expect(setCookie).toMatch(/^leadrail_codec=v1\.\d+\.[\w-]{43};/);
    for (const attribute of [
      'HttpOnly',
      'SameSite=Strict',
      'Path=/codec',
      `Max-Age=${CODEC_SESSION_SECONDS}`,
    ])
      expect(setCookie).toContain(attribute);
    const cookie = setCookie.split(';')[0]!;

    const body = { payloads: [asJson(defaultPayloadConverter.toPayload(LEAD))] };
    expect((await post('/codec/encode', body, { Cookie: cookie })).status).toBe(200);
    // A forged or altered cookie is refused; so is the real one after 12 hours.
    const [name, value] = cookie.split('=');
    const forged = `${name}=${value!.replace(/\.(\d+)\./, (_, exp) => `.${Number(exp) + 3600}.`)}`;
    expect((await post('/codec/encode', body, { Cookie: forged })).status).toBe(401);
    clock += CODEC_SESSION_SECONDS * 1000 + 1000;
    try {
      expect((await post('/codec/encode', body, { Cookie: cookie })).status).toBe(401);
    } finally {
      clock = Date.now();
    }
    // A new token ends every session made with the old one.
    const rotated = build({ token: `${TOKEN}-rotated` });
    const afterRotation = await rotated.request('/codec/encode', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify(body),
    });
    expect(afterRotation.status).toBe(401);
  });

  it('signs in from the HTML form and out again', async () => {
    expect((await app.request('/codec/')).headers.get('Location')).toBe('/codec');
    const page = await app.request('/codec');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('name="token"');
    const form = await app.request('/codec/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: TOKEN }).toString(),
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('Location')).toBe('/codec');
    const cookie = form.headers.get('Set-Cookie')!.split(';')[0]!;
    expect(await (await app.request('/codec', { headers: { Cookie: cookie } })).text()).toContain('Sign out');
    const out = await app.request('/codec/sign-out', { method: 'POST', headers: { Cookie: cookie } });
    expect(out.status).toBe(303);
    expect(out.headers.get('Set-Cookie')).toMatch(/^leadrail_codec=;.*Max-Age=0/);
    const wrong = await app.request('/codec/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'token=nope',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('not the operator token');
  });

  it('with CODEC_ALLOW_LOOPBACK (npm start), answers calls from this machine without a token, and only those', async () => {
    const body = JSON.stringify({ payloads: [asJson(defaultPayloadConverter.toPayload(LEAD))] });
    const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body };
    const loopbackApp = build({ token: null, allowLoopback: true });
    // No socket (app.request): not known to be loopback, refused.
    expect((await loopbackApp.request('/codec/encode', init)).status).toBe(401);
    for (const [allowLoopback, status] of [
      [true, 200],
      [false, 401],
    ] as const) {
      const served = build({ token: null, allowLoopback });
      const server = serve({ fetch: served.fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise((r) => server.once('listening', r));
      try {
        const { port } = server.address() as AddressInfo;
        const res = await fetch(`http://127.0.0.1:${port}/codec/encode`, init);
        expect(res.status, `allowLoopback=${allowLoopback}`).toBe(status);
        // The header a proxy would add is not believed: only the socket counts.
        const spoofed = await fetch(`http://127.0.0.1:${port}/codec/encode`, {
          ...init,
          headers: { ...init.headers, 'X-Forwarded-For': '127.0.0.1' },
        });
        expect(spoofed.status).toBe(status);
      } finally {
        await new Promise((r) => server.close(r));
      }
    }
  });
});
