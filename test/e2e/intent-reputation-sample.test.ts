import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { insertAccount, issueApiKey } from '../../db/accounts.js';
import { createPool, type Pool } from '../../db/pool.js';
import { IntentLimiter } from '../../intent/http/limits.js';
import { REPUTATION_SAMPLE, REPUTATION_WINDOW_HOURS, reputationInputs } from '../../intent/http/quality.js';
import {
  type IntentQueryLogRow,
  insertIntentQueries,
  intentQueryStats,
  recentConsideredQueries,
} from '../../intent/query-log.js';

// The throttle decision reads a key's reputation from the newest considered queries, held in the API
// process: read from the log at most every few seconds, and each query the process logs added at once.
// Checked here against the log's own aggregate (the GET /query-quality/reputation statement).

describe('the reputation sample an API process holds', () => {
  let pool: Pool;
  let keyId: string;
  let accountId: string;
  let seq = 0;
  beforeAll(async () => {
    pool = createPool(inject('databaseUrl'), 2);
    accountId = (await insertAccount(pool, `Reputation sample ${Date.now()}`)).id;
    keyId = (await issueApiKey(pool, accountId)).id;
  });
  afterAll(async () => {
    await pool?.end();
  });

  const row = (over: Partial<IntentQueryLogRow>): IntentQueryLogRow => ({
    id: `q_sample${Date.now()}${seq++}`,
    keyId,
    accountId,
    receivedAt: new Date(Date.now() - 60_000 + seq),
    querySha256: null,
    queryLength: 40,
    limitRequested: 25,
    filterCount: 0,
    specific: true,
    resultCount: 25,
    totalLeads: 300,
    latencyMs: 12.5,
    costUsd: 0.0001,
    llmCalls: 0,
    cacheHit: false,
    errorCode: null,
    ...over,
  });

  it('counts what the log aggregate counts, for answered, empty, vague, invalid, over-cost and other queries', async () => {
    await insertIntentQueries(pool, [
      row({}),
      row({ resultCount: 0 }),
      row({ specific: false, resultCount: 3, costUsd: 0.0004 }),
      row({ errorCode: 'INVALID_QUERY', resultCount: 0, costUsd: 0 }),
      row({ errorCode: 'COST_LIMIT_EXCEEDED', resultCount: 2000, costUsd: 5 }),
      row({ errorCode: 'RATE_LIMIT_EXCEEDED', resultCount: 0, costUsd: 0 }), // not considered
      row({ errorCode: 'SERVICE_UNAVAILABLE', resultCount: 0, costUsd: 0 }), // ours, not considered
    ]);
    const sample = await recentConsideredQueries(pool, keyId, REPUTATION_WINDOW_HOURS, REPUTATION_SAMPLE);
    expect(sample).toHaveLength(5);
    const stats = await intentQueryStats(pool, keyId, REPUTATION_WINDOW_HOURS, REPUTATION_SAMPLE);
    const inputs = reputationInputs(sample);
    expect(inputs).toEqual({
      considered: stats.considered,
      ok: stats.ok,
      invalid: stats.invalid,
      overCost: stats.overCost,
      empty: stats.empty,
      vague: stats.vague,
      costUsd: expect.closeTo(stats.costUsd, 9),
      leads: stats.leads,
    });
    expect(inputs).toMatchObject({
      considered: 5,
      ok: 3,
      invalid: 1,
      overCost: 1,
      empty: 1,
      vague: 1,
      leads: 2028,
    });
  });

  it("adds the process's own logged queries at once while the sample is reused, keeping the newest only", async () => {
    const limiter = new IntentLimiter(pool, { reputationCacheMs: 60_000 });
    const before = [...(await limiter.sample(keyId))];
    const invalid = [1, 2, 3].map(() => row({ errorCode: 'INVALID_QUERY', resultCount: 0, costUsd: 0 }));
    await insertIntentQueries(pool, invalid);
    for (const r of invalid) limiter.note(r);
    limiter.note(row({ errorCode: 'RATE_LIMIT_EXCEEDED' })); // not considered: not added
    const after = await limiter.sample(keyId);
    expect(after.length).toBe(before.length + 3);
    expect(after.slice(-3).map((q) => q.id)).toEqual(invalid.map((r) => r.id));
    expect(reputationInputs(after).invalid).toBe(reputationInputs(before).invalid + 3);
    // The log agrees once read again.
    const fresh = new IntentLimiter(pool, { reputationCacheMs: 60_000 });
    expect((await fresh.sample(keyId)).map((q) => q.id)).toEqual(after.map((q) => q.id));

    for (let i = 0; i < REPUTATION_SAMPLE + 10; i++) limiter.note(row({}));
    const full = await limiter.sample(keyId);
    expect(full).toHaveLength(REPUTATION_SAMPLE);
    expect(reputationInputs(full).invalid).toBe(0); // the oldest went out
  });

  it('shares one read among the queries that need it, and keeps a query logged while that read was under way, once', async () => {
    const otherKey = (await issueApiKey(pool, accountId)).id;
    const limiter = new IntentLimiter(pool, { reputationCacheMs: 60_000 });
    const first = limiter.sample(otherKey);
    const second = limiter.sample(otherKey);
    // Logged and noted while the read is under way: the read may or may not see the row.
    const during = { ...row({ errorCode: 'INVALID_QUERY', resultCount: 0, costUsd: 0 }), keyId: otherKey };
    await insertIntentQueries(pool, [during]);
    limiter.note(during);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b); // one read
    const held = await limiter.sample(otherKey);
    expect(held.filter((q) => q.id === during.id)).toHaveLength(1);
    // Noting it again (a note that races a read which already saw the row) adds nothing.
    limiter.note(during);
    expect((await limiter.sample(otherKey)).filter((q) => q.id === during.id)).toHaveLength(1);
  });
});
