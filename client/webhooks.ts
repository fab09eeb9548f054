// Webhook signature verification with Web Crypto (Node 20+, Deno, Bun, browsers): no dependency.
//
// Every webhook carries `X-Leadrail-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]`: each v1 is
// HMAC-SHA256 of `<t>.<raw body>` keyed with one of the account's signing secrets. After
// POST /webhooks/secret/rotate both the new and the previous secret sign until the overlap ends (two v1),
// so a receiver holding either one verifies.

export interface VerifyWebhookOptions {
  /** The account's signing secret (`whsec_…`, GET /webhooks/secret). */
  secret: string;
  /** The request body exactly as received (bytes or the text decoded as UTF-8): not re-serialized JSON. */
  rawBody: string | Uint8Array;
  /** The X-Leadrail-Signature header. */
  signature: string | null | undefined;
  /** How old (or how far ahead) `t` may be; default 300 seconds. */
  toleranceSeconds?: number;
  /** Now, in unix seconds (tests). */
  now?: number;
}

const encoder = new TextEncoder();

/** True when one of the header's v1 signatures is the secret's and its `t` is recent. */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<boolean> {
  const parsed = parseSignature(options.signature ?? '');
  if (!parsed) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - parsed.timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(options.secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  const body = typeof options.rawBody === 'string' ? encoder.encode(options.rawBody) : options.rawBody;
  const prefix = encoder.encode(`${parsed.timestamp}.`);
  const message = new Uint8Array(prefix.length + body.length);
  message.set(prefix);
  message.set(body, prefix.length);
  // crypto.subtle.verify compares in constant time.
  for (const signature of parsed.signatures) {
    if (await crypto.subtle.verify('HMAC', key, hexBytes(signature), message)) return true;
  }
  return false;
}

function parseSignature(header: string): { timestamp: number; signatures: string[] } | null {
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

function hexBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
