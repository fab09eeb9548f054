import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../client/webhooks.js';
import { openWebhookSecret, sealWebhookSecret } from '../../lib/webhook-secrets.js';
import { parsePayloadKeys } from '../../temporal/payload-codec.js';

const keyA = `a:${randomBytes(32).toString('base64')}`;
const keyB = `b:${randomBytes(32).toString('base64')}`;

describe('webhook secrets at rest', () => {
  it('seals with the current key, opens with any key of the ring, only for the same account', () => {
    const keys = parsePayloadKeys(keyA);
    const sealed = sealWebhookSecret(keys, 'acct_1', 'whsec_0123');
    expect(sealed).toMatch(/^sealed:a:/);
    expect(sealed).not.toContain('whsec_0123');
    // After a key rotation (b encrypts, a still decrypts) the value still opens.
    expect(openWebhookSecret(parsePayloadKeys(`${keyB},${keyA}`), 'acct_1', sealed)).toBe('whsec_0123');
    // Copied onto another account, or with the key gone, or altered: refused, the secret not named.
    expect(() => openWebhookSecret(keys, 'acct_2', sealed)).toThrow(/does not open/);
    expect(() => openWebhookSecret(parsePayloadKeys(keyB), 'acct_1', sealed)).toThrow(/key "a"/);
    const altered = `${sealed.slice(0, -4)}AAA=`;
    expect(() => openWebhookSecret(keys, 'acct_1', altered)).toThrow(/does not open/);
    // A value from before sealing is the secret itself.
    expect(openWebhookSecret(keys, 'acct_1', 'whsec_plain')).toBe('whsec_plain');
  });
});

describe('the signature header, as the SDK verifies it', () => {
  // A known vector: HMAC-SHA256("whsec_test", "1700000000.{}") computed with openssl:
  //   printf '1700000000.{}' | openssl dgst -sha256 -hmac whsec_test
  const vector = '35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91';
  const verify = (signature: string, rawBody = '{}', now = 1700000000) =>
    verifyWebhook({ secret: 'whsec_test', rawBody, signature, now });
  it('verifies the known vector when any v1 matches, ignoring other schemes', async () => {
    expect(await verify(`t=1700000000,v1=${'0'.repeat(64)},v0=zz,v1=${vector}`)).toBe(true);
    expect(await verify(`v1=${vector}, t=1700000000`)).toBe(true);
    expect(await verify(`t=1700000000,v1=${vector}`, '{} ')).toBe(false);
  });
  it('refuses a header that is not t and v1', async () => {
    expect(await verify('sha256=abc')).toBe(false);
    expect(await verify(`v1=${vector}`)).toBe(false);
    expect(await verify('t=1700000000')).toBe(false);
    expect(await verify(`t=1700000000,v1=${vector.toUpperCase()}`)).toBe(false);
  });
  it('refuses a stale timestamp even with a valid signature', async () => {
    expect(await verify(`t=1700000000,v1=${vector}`, '{}', 1700000301)).toBe(false);
    expect(await verify(`t=1700000000,v1=${vector}`, '{}', 1700000300)).toBe(true);
  });
});
