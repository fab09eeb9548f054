import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey, looksLikeApiKey } from '../../lib/api-keys.js';

describe('API keys', () => {
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
