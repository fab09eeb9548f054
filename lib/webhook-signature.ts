import { createHmac, timingSafeEqual } from 'node:crypto';

// Webhook signing. The documented payload carries its own `signature`, so the signed message is
// `<timestamp>.<body without the signature member>`; the signature member is always the body's last
// member, which makes "the body without it" exact to recover from the raw bytes. The same value is
// sent in the X-Leadrail-Signature header, the timestamp in X-Leadrail-Timestamp (replay protection).

const SIGNATURE_MEMBER = /,"signature":"sha256=[0-9a-f]{64}"\}$/;

export function signWebhook(secret: string, payload: Record<string, unknown>, timestamp: number) {
  const unsigned = JSON.stringify(payload);
  const signature = `sha256=${hmac(secret, timestamp, unsigned)}`;
  const body = `${unsigned.slice(0, -1)},"signature":"${signature}"}`;
  return { body, signature };
}

/** Checks a received webhook: the signature over the raw body, and a timestamp within `toleranceSeconds`. */
export function verifyWebhookSignature(options: {
  secret: string;
  rawBody: string;
  timestamp: string | null | undefined;
  signature: string | null | undefined;
  now?: number;
  toleranceSeconds?: number;
}): boolean {
  const t = Number(options.timestamp);
  if (!Number.isInteger(t) || !options.signature) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  if (!SIGNATURE_MEMBER.test(options.rawBody)) return false;
  const unsigned = `${options.rawBody.replace(SIGNATURE_MEMBER, '')}}`;
  const expected = Buffer.from(`sha256=${hmac(options.secret, t, unsigned)}`);
  const given = Buffer.from(options.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}
