import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey, looksLikeApiKey } from '../../lib/api-keys.js';

describe('API keys', () => {
  it('are hashed with SHA-256 (checked against known vectors, not against the code itself)', () => {
    // `printf %s 'abc' | sha256sum` and the FIPS 180-2 test vector for the empty string.
    expect(hashApiKey('abc').toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hashApiKey('').toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('have the documented prefix and enough entropy, and are stored only as a hash', () => {
    const live = generateApiKey('live');
    const test = generateApiKey('test');
    expect(live.key).toMatch(/^lr_live_[A-Za-z0-9]{43}$/);
    expect(test.key).toMatch(/^lr_test_[A-Za-z0-9]{43}$/);
    expect(looksLikeApiKey(live.key)).toBe(true);
    expect(live.prefix).toBe(live.key.slice(0, 16));
    expect(live.hash.equals(hashApiKey(live.key))).toBe(true);
    expect(live.hash.toString('hex')).not.toContain(live.key.slice(8));
    expect(generateApiKey('live').key).not.toBe(live.key);
  });
});
