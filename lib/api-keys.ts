import { createHash, randomBytes } from 'node:crypto';

export type KeyMode = 'live' | 'test';

const KEY_PATTERN = /^lr_(live|test)_[A-Za-z0-9]{43}$/;

/** A new key: shown to its owner once, stored only as its hash and a short display prefix. */
export function generateApiKey(mode: KeyMode): { key: string; prefix: string; hash: Buffer } {
  const secret = randomBytes(32).toString('base64url').replace(/[-_]/g, '').padEnd(43, '0').slice(0, 43);
  const key = `lr_${mode}_${secret}`;
  return { key, prefix: key.slice(0, 16), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

export function looksLikeApiKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}
