import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PayloadKeyring } from '../temporal/payload-codec.js';

// Webhook signing secrets at rest. A secret must be readable to sign with (unlike an API key, which is
// stored as a hash), so it is sealed with the payload encryption keys (PAYLOAD_ENCRYPTION_KEYS, AES-256-GCM,
// decision 0008), which the API and the worker both hold. Stored form: `sealed:<key id>:<base64 iv|data|tag>`,
// with the account id and key id as additional data, so a value copied to another account does not open.
// Values without the prefix are secrets stored before sealing existed; they are sealed on first use.

const PREFIX = 'sealed:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A new signing secret: `whsec_` and 48 hex characters (192 random bits). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('hex')}`;
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

export function sealWebhookSecret(keys: PayloadKeyring, accountId: string, secret: string): string {
  const { id, key } = keys.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`webhook-secret:${accountId}:${id}`));
  const sealed = Buffer.concat([iv, cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${id}:${sealed.toString('base64')}`;
}

/** The secret of a stored value (sealed or, from before sealing, plain); throws without naming the secret. */
export function openWebhookSecret(
  keys: PayloadKeyring | undefined,
  accountId: string,
  stored: string,
): string {
  if (!isSealed(stored)) return stored;
  const rest = stored.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  const id = rest.slice(0, colon);
  const key = keys?.all.get(id);
  if (!key)
    throw new Error(
      `The webhook secret of ${accountId} is sealed with key "${id}", not in PAYLOAD_ENCRYPTION_KEYS`,
    );
  const data = Buffer.from(rest.slice(colon + 1), 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(`webhook-secret:${accountId}:${id}`));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new Error(
      `The webhook secret of ${accountId} does not open with key "${id}" (wrong key or altered)`,
    );
  }
}
