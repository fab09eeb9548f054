import { createHmac, timingSafeEqual } from 'node:crypto';

// Webhook signing, two ways:
// - the `X-Leadrail-Signature` header, `t=<unix seconds>,v1=<hex>[,v1=<hex>]` (the Stripe convention):
//   each v1 is HMAC-SHA256 of `<t>.<raw body>` with one of the account's secrets; after a rotation
//   both the new and the previous secret sign until the overlap ends, so a receiver holding either
//   verifies. `<t>` is also sent as X-Leadrail-Timestamp (replay protection: check it is recent).
//   Receivers (and our tests) check it with the SDK's verifyWebhook (client/webhooks.ts).
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
