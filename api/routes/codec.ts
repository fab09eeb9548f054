// The codec endpoint of the Temporal remote codec protocol: the Temporal Web UI (and `temporal --codec-
// endpoint`) POST payloads here to have them decrypted for display, or encrypted for what an operator
// sends (a signal's input). It is a decryption oracle, so it is for operators only: a token, never a
// tenant's API key (a tenant must not read another tenant's leads). Browsers cannot add a header to
// the UI's calls, so the token is exchanged once for a short-lived HttpOnly session cookie, which the UI
// sends with "include credentials". Decision: docs/decisions/0011-payload-encryption.md.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { PayloadDecryptionError } from '../../temporal/payload-codec.js';
import { ApiError } from '../errors.js';

export interface CodecEndpointOptions {
  codec: PayloadCodec;
  /** The operator token (CODEC_AUTH_TOKEN); null: only loopback calls, if allowed. */
  token: string | null;
  /** `npm start` only: calls from this machine's loopback address need no token. */
  allowLoopback: boolean;
  /** Origins of the Temporal UI allowed to call from a browser (CODEC_CORS_ORIGINS). */
  corsOrigins: readonly string[];
  /** Mark the session cookie Secure (the API is reached over https). */
  secureCookie: boolean;
  now?: () => number;
}

export const CODEC_SESSION_COOKIE = 'leadrail_codec';
export const CODEC_SESSION_SECONDS = 12 * 60 * 60;
// Temporal's own limit is 2 MB a payload and 4 MB a request; base64 adds a third.
const MAX_CODEC_BODY_BYTES = 8 * 1024 * 1024;

const Base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'expected base64');
// proto3 JSON leaves out an empty list: `{}` is no payloads (the Temporal CLI sends it).
const PayloadsBody = z.object({
  payloads: z
    .array(
      z.object({
        metadata: z.record(z.string(), Base64).nullish(),
        data: Base64.nullish(),
      }),
    )
    .default([]),
});
type JsonPayload = z.infer<typeof PayloadsBody>['payloads'][number];

// Payloads as proto3 JSON: bytes fields are base64 strings.
function fromJson(p: JsonPayload): Payload {
  return {
    metadata: Object.fromEntries(
      Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
    ),
    data: Buffer.from(p.data ?? '', 'base64'),
  };
}

function toJson(p: Payload): { metadata: Record<string, string>; data: string } {
  return {
    metadata: Object.fromEntries(
      Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')]),
    ),
    data: Buffer.from(p.data ?? []).toString('base64'),
  };
}

/** Session cookie `v1.<expires>.<hmac>`, keyed by the token: changing the token ends every session. */
function sessionSigner(token: string) {
  const key = createHash('sha256').update(`leadrail-codec-session\0${token}`).digest();
  const sign = (expires: number) => createHmac('sha256', key).update(`v1.${expires}`).digest('base64url');
  return {
    issue: (expires: number) => `v1.${expires}.${sign(expires)}`,
    valid(value: string | undefined, nowSeconds: number): boolean {
      const match = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
      if (!match) return false;
      const expires = Number(match[1]);
      return expires > nowSeconds && equal(match[2]!, sign(expires));
    },
  };
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function fromLoopback(c: Context): boolean {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    return false; // not served by @hono/node-server (app.request in tests): never loopback
  }
  if (!address || !ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'loopback';
}

export function codecRouter(options: CodecEndpointOptions) {
  const now = options.now ?? Date.now;
  const signer = options.token ? sessionSigner(options.token) : null;
  const bearer = (c: Context) => /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
  const authenticated = (c: Context): boolean => {
    if (options.token) {
      const presented = bearer(c);
      if (presented !== undefined && equal(presented, options.token)) return true;
      if (signer?.valid(getCookie(c, CODEC_SESSION_COOKIE), Math.floor(now() / 1000))) return true;
    }
    return options.allowLoopback && fromLoopback(c);
  };
  const cookieOptions = {
    path: '/codec',
    httpOnly: true,
    secure: options.secureCookie,
    sameSite: 'Strict' as const,
  };

  const router = new Hono();
  // Preflights carry no credentials: answered before authentication, for the listed UI origins only.
  router.use(
    '*',
    cors({
      origin: [...options.corsOrigins],
      credentials: true,
      allowMethods: ['POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'X-Namespace', 'Authorization', 'Authorization-Extras'],
      maxAge: 600,
    }),
  );

  const codecCall = (direction: 'encode' | 'decode') => async (c: Context) => {
    if (!authenticated(c)) {
      throw new ApiError(
        401,
        'codec_unauthorized',
        'The codec endpoint is for operators: send Authorization: Bearer <CODEC_AUTH_TOKEN>, or sign in at /codec in this browser',
        undefined,
        { 'WWW-Authenticate': 'Bearer realm="leadrail-codec"' },
      );
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ApiError(
        400,
        'invalid_json',
        'Body must be Payloads as JSON: {"payloads":[{"metadata":{},"data":""}]}',
      );
    }
    const parsed = PayloadsBody.safeParse(body);
    if (!parsed.success)
      throw new ApiError(
        400,
        'invalid_payloads',
        'Body must be Payloads as JSON: {"payloads":[{"metadata":{},"data":""}]}',
      );
    const payloads = parsed.data.payloads.map(fromJson);
    try {
      const result =
        direction === 'encode' ? await options.codec.encode(payloads) : await options.codec.decode(payloads);
      return c.json({ payloads: result.map(toJson) });
    } catch (err) {
      if (err instanceof PayloadDecryptionError)
        throw new ApiError(400, 'payload_not_decryptable', err.message);
      throw err;
    }
  };
  const limit = bodyLimit({
    maxSize: MAX_CODEC_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `Request body exceeds ${MAX_CODEC_BODY_BYTES} bytes`, {
        max_bytes: MAX_CODEC_BODY_BYTES,
      });
    },
  });
  router.post('/encode', limit, codecCall('encode'));
  router.post('/decode', limit, codecCall('decode'));

  // Sign-in for browsers (GET /codec): the token once, then a session cookie for the UI's codec calls.
  router.get('/', (c) => signInPage(c, authenticated(c) ? 'signed-in' : 'signed-out'));
  router.post('/session', bodyLimit({ maxSize: 4096 }), async (c) => {
    const type = c.req.header('Content-Type') ?? '';
    let token: unknown;
    if (/^application\/json/i.test(type))
      token = ((await c.req.json().catch(() => ({}))) as { token?: unknown }).token;
    else token = (await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)).token;
    const fromForm = !/^application\/json/i.test(type);
    if (!options.token || typeof token !== 'string' || !equal(token, options.token)) {
      if (fromForm) return signInPage(c, 'refused', 401);
      throw new ApiError(401, 'codec_unauthorized', 'Wrong or missing operator token');
    }
    const expires = Math.floor(now() / 1000) + CODEC_SESSION_SECONDS;
    setCookie(c, CODEC_SESSION_COOKIE, signer!.issue(expires), {
      ...cookieOptions,
      maxAge: CODEC_SESSION_SECONDS,
    });
    return fromForm
      ? c.redirect('/codec', 303)
      : c.json({ expires_at: new Date(expires * 1000).toISOString() });
  });
  router.post('/sign-out', (c) => {
    deleteCookie(c, CODEC_SESSION_COOKIE, cookieOptions);
    return c.redirect('/codec', 303);
  });
  return router;
}

function signInPage(c: Context, state: 'signed-in' | 'signed-out' | 'refused', status: 200 | 401 = 200) {
  c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
  c.header('Cache-Control', 'no-store');
  const body =
    state === 'signed-in'
      ? `<p>This browser may decode lead data in the Temporal UI for ${CODEC_SESSION_SECONDS / 3600} hours.</p>
<p>In the Temporal UI, the codec endpoint needs <b>Include cross-origin credentials</b> (compose sets it;
under <code>npm start</code> no sign-in is needed from this machine).</p>
<form method="post" action="/codec/sign-out"><button>Sign out</button></form>`
      : `${state === 'refused' ? '<p role="alert">That is not the operator token.</p>' : ''}
<form method="post" action="/codec/session">
<label>Operator token (CODEC_AUTH_TOKEN) <input type="password" name="token" autocomplete="off" required></label>
<button>Sign in</button>
</form>`;
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Leadrail codec endpoint</title>
<style>body{font:16px system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}input{width:100%;margin:.5rem 0}</style>
</head><body><h1>Leadrail codec endpoint</h1>${body}</body></html>`,
    status,
  );
}
