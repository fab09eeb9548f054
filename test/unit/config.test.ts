import { describe, expect, it } from 'vitest';
import { loadConfig, requirePayloadKeys } from '../../config.js';

describe('configuration from the environment', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.temporal).toMatchObject({ address: '127.0.0.1:7233', namespace: 'default' });
    expect(config.trustedProxyHops).toBe(0);
    expect(config.intent.llm).toBeUndefined();
  });

  it('reads TRUST_PROXY as true (one hop), false or a hop count', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustedProxyHops).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustedProxyHops).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustedProxyHops).toBe(2);
  });

  it('reads who may import the intent corpus: anyone, a list of accounts, or nobody', () => {
    expect(loadConfig({}).intentImportAccounts).toBe('*');
    expect(loadConfig({ INTENT_IMPORT_ACCOUNTS: 'acct_a, acct_b' }).intentImportAccounts).toEqual([
      'acct_a',
      'acct_b',
    ]);
    expect(loadConfig({ INTENT_IMPORT_ACCOUNTS: '' }).intentImportAccounts).toEqual([]);
  });

  it('refuses a value it cannot read instead of guessing, naming the variable', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    // A ceiling below the default a key gets without its own limit would not bind: refused.
    expect(() => loadConfig({ KEY_RATE_LIMIT_MAX_PER_HOUR: '500' })).toThrow(/KEY_RATE_LIMIT_MAX_PER_HOUR/);
  });

  it('reads PAYLOAD_ENCRYPTION_KEYS, refuses a malformed one, and has no default key', () => {
    const k2 = `k2:${Buffer.alloc(32, 2).toString('base64')}`;
    const k1 = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    const keys = requirePayloadKeys(loadConfig({ PAYLOAD_ENCRYPTION_KEYS: `${k2},${k1}` }));
    expect(keys.current.id).toBe('k2');
    expect([...keys.all.keys()]).toEqual(['k2', 'k1']);
    expect(() => loadConfig({ PAYLOAD_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).toThrow(
      /^Invalid configuration: PAYLOAD_ENCRYPTION_KEYS: key "k1" must be 32 bytes/,
    );
    expect(loadConfig({}).payloadKeys).toBeNull();
    expect(() => requirePayloadKeys(loadConfig({}))).toThrow(/PAYLOAD_ENCRYPTION_KEYS is not set/);
  });
});
