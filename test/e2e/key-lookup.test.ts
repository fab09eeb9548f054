import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { authenticateApiKey, authenticateApiKeys, insertAccount, issueApiKey } from '../../db/accounts.js';
import { revokeApiKey, rotateApiKey } from '../../db/api-keys.js';
import { createPool, type Pool } from '../../db/pool.js';

// Several keys looked up in one statement (the API batches the lookups of requests that arrive
// together): each secret answers with its own key and account, never another's.

describe('authenticateApiKeys', () => {
  let pool: Pool;
  beforeAll(() => {
    pool = createPool(inject('databaseUrl'), 2);
  });
  afterAll(async () => {
    await pool?.end();
  });

  it("answers each secret with its own key and account, in the callers' order", async () => {
    const accounts = await Promise.all(
      [1, 2, 3].map((i) => insertAccount(pool, `Key lookup ${i} ${Date.now()}`)),
    );
    const issued = await Promise.all(accounts.map((a) => issueApiKey(pool, a.id)));
    const rotated = await issueApiKey(pool, accounts[0]!.id);
    const rotation = await rotateApiKey(pool, accounts[0]!.id, rotated.id, 600);
    if (typeof rotation === 'string') throw new Error(rotation);
    const revoked = await issueApiKey(pool, accounts[2]!.id);
    await revokeApiKey(pool, accounts[2]!.id, revoked.id);

    const secrets = [
      issued[2]!.key,
      'lr_live_not_a_key_at_all',
      issued[0]!.key,
      rotated.key, // the previous secret, within its grace period
      rotation.key, // the new one
      issued[1]!.key,
      revoked.key,
      issued[0]!.key, // the same secret twice
    ];
    const answers = await authenticateApiKeys(pool, secrets);
    expect(answers.map((a) => a && [a.keyId, a.accountId])).toEqual([
      [issued[2]!.id, accounts[2]!.id],
      null,
      [issued[0]!.id, accounts[0]!.id],
      [rotated.id, accounts[0]!.id],
      [rotated.id, accounts[0]!.id],
      [issued[1]!.id, accounts[1]!.id],
      null,
      [issued[0]!.id, accounts[0]!.id],
    ]);
    // One at a time, the same answers.
    for (const [i, secret] of secrets.entries()) {
      expect((await authenticateApiKey(pool, secret))?.keyId ?? null).toBe(answers[i]?.keyId ?? null);
    }
  });
});
