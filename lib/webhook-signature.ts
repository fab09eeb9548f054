import { createHmac, timingSafeEqual } from 'node:crypto';

// Webhook signing, two ways:
// - the `X-Leadrail-Signature` header, `t=<unix seconds>,v1=<hex>[,v1=<hex>]` (the Stripe convention):
//   each v1 is HMAC-SHA256 of `<t>.<raw body>` with one of the account's secrets; after a rotation
//   both the new and the previous secret sign until the overlap ends, so a receiver holding either
//   verifies. `<t>` is also sent as X-Leadrail-Timestamp (replay protection: check it is recent).
// - the body's own `signature` member (the reference's payload shape), `sha256=<hex>`: HMAC-SHA256 of
//   `<t>.<body without the signature member>` with the current secret only. The member is always the
//   body's last, which makes "the body without it" exact to recover from the raw bytes.

const SIGNATURE_MEMBER = /,"signature":"sha256=[0-9a-f]{64}"\}$/;

/**
 * Signs a webhook with the account's secrets, the current one first (it also signs the body member).
 */
export function signWebhook(secrets: readonly string[], payload: Record<string, unknown>, timestamp: number) {
  const [current] = secrets;
  if (!current) throw new Error('signWebhook needs at least one secret');
  const unsigned = JSON.stringify(payload);
  const body = `${unsigned.slice(0, -1)},"signature":"sha256=${hmac(current, `${timestamp}.${unsigned}`)}"}`;
  const header = [
    `t=${timestamp}`,
    ...secrets.map((secret) => `v1=${hmac(secret, `${timestamp}.${body}`)}`),
  ].join(',');
  return { body, header };
}

/** The timestamp and v1 signatures of an `X-Leadrail-Signature` header (null: not that format). */
export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (name === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/**
 * Checks a received webhook: one of the header's v1 signatures is the secret's over `<t>.<raw body>`,
 * and `t` is within `toleranceSeconds` (default 300) of now.
 */
export function verifyWebhookSignature(options: {
  secret: string;
  rawBody: string;
  header: string | null | undefined;
  now?: number;
  toleranceSeconds?: number;
}): boolean {
  const parsed = options.header ? parseSignatureHeader(options.header) : null;
  if (!parsed) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - parsed.timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(hmac(options.secret, `${parsed.timestamp}.${options.rawBody}`));
  return parsed.signatures.some((given) => timingSafeEqual(expected, Buffer.from(given)));
}

/** Checks the body's own `signature` member (current secret only) against the timestamp header. */
export function verifyBodySignature(options: {
  secret: string;
  rawBody: string;
  timestamp: string | number;
}) {
  const t = Number(options.timestamp);
  const member = options.rawBody.match(SIGNATURE_MEMBER);
  if (!Number.isInteger(t) || !member) return false;
  const unsigned = `${options.rawBody.replace(SIGNATURE_MEMBER, '')}}`;
  const expected = Buffer.from(`,"signature":"sha256=${hmac(options.secret, `${t}.${unsigned}`)}"}`);
  const given = Buffer.from(member[0]);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function hmac(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}
