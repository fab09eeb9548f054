import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../helpers/database.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import {
  importIntentCorpus,
  loopbackOnlyFetch,
  runSchemathesis,
  type SchemathesisResult,
  seedTenant,
  serveApp,
  startBuyers,
  type TenantIds,
} from './harness.js';

// The API and its /openapi.json cannot drift apart: schemathesis (pinned, installed by dev/bootstrap.mjs)
// generates requests from the document and sends them to the running API (real HTTP port, real Temporal
// and Postgres, a worker running the leads), with every check: no 5xx, every response as documented,
// no request the document calls valid refused with 400, no invalid one accepted, 405 for undeclared
// methods. Authenticated as one tenant; a second tenant's ids are offered in paths and must never be
// served or mentioned (hooks.py), and its data must be unchanged afterwards.
//
// The run has a database of its own: the fuzzer writes flows, keys and the shared intent corpus.

describe('the API keeps its OpenAPI contract (schemathesis)', () => {
  let stack: TestStack;
  let own: TenantIds;
  let other: TenantIds;
  let served: Awaited<ReturnType<typeof serveApp>>;
  let buyers: Awaited<ReturnType<typeof startBuyers>>;
  let database: Awaited<ReturnType<typeof createDatabase>>;
  const reportDir = mkdtempSync(join(tmpdir(), 'leadrail-contract-'));

  beforeAll(async () => {
    database = await createDatabase(inject('databaseUrl'));
    buyers = await startBuyers();
    stack = await startTestStack({ databaseUrl: database.url, intent: {}, fetchImpl: loopbackOnlyFetch });
    own = await seedTenant(stack, buyers.buyer.url, buyers.deadUrl);
    other = await seedTenant(stack, buyers.buyer.url, buyers.deadUrl);
    await importIntentCorpus(stack, own.key);
    served = await serveApp(stack.app);
  });
  afterAll(async () => {
    await served?.close();
    await stack?.stop();
    await buyers?.buyer.close();
    await database?.drop();
    rmSync(reportDir, { recursive: true, force: true });
  });

  /** What the other tenant owns, as the database has it: nothing of it may change. */
  async function otherTenantState() {
    const q = async (sql: string) => (await stack.pool.query(sql, [other.accountId])).rows;
    return {
      flows: await q(
        'SELECT id, name, status, version, updated_at FROM flows WHERE account_id = $1 ORDER BY id',
      ),
      recipients: await q(
        'SELECT id, name, config, updated_at, deleted_at FROM recipients WHERE account_id = $1 ORDER BY id',
      ),
      keys: await q(
        `SELECT id, name, scopes, ip_allowlist, rate_limit_per_hour, rate_limit_per_minute, revoked_at, rotated_at
           FROM api_keys WHERE account_id = $1 ORDER BY id`,
      ),
      leads: await q('SELECT id, status FROM leads WHERE account_id = $1 ORDER BY id'),
    };
  }

  it('answers every generated request as documented, refuses only what the document calls invalid, and keeps tenants apart', async () => {
    const before = await otherTenantState();
    const result: SchemathesisResult = await runSchemathesis({
      baseUrl: served.baseUrl,
      key: own.key,
      reportDir,
      // The suite runs the fixed seed of schemathesis.toml; CONTRACT_SEED / CONTRACT_MAX_EXAMPLES run
      // it deeper or elsewhere (docs/api-contract.md).
      extraArgs: [
        ...(process.env.CONTRACT_SEED ? ['--seed', process.env.CONTRACT_SEED] : []),
        ...(process.env.CONTRACT_MAX_EXAMPLES ? ['--max-examples', process.env.CONTRACT_MAX_EXAMPLES] : []),
      ],
      hookData: { own: { ...own, key: undefined }, other },
      foreignIds: [
        other.openFlowId,
        other.editableFlowId,
        other.failingFlowId,
        other.deliveredLeadId,
        other.failedLeadId,
        ...other.recipientIds,
        other.keyId,
        ...other.spareKeyIds,
        other.replayId,
      ],
    });
    const summary = {
      requests: result.requests,
      statuses: result.statuses,
      seconds: Math.round(result.seconds),
      failures: result.failures.length,
      crossTenantProbes: result.foreign,
    };
    console.log(`[contract] ${JSON.stringify(summary)}`);
    if (result.exitCode !== 0) console.log(result.output.slice(-20_000));
    expect(result.failures).toEqual([]);
    expect(result.exitCode).toBe(0);
    // It did test: every operation, many requests, successes among them.
    expect(result.requests).toBeGreaterThan(1000);
    expect(Object.keys(result.statuses).filter((s) => s.startsWith('2')).length).toBeGreaterThan(0);
    expect(Object.keys(result.statuses).filter((s) => s.startsWith('5'))).toEqual([]);
    // The other tenant's ids were tried, and never answered with anything but a client error.
    expect(Object.values(result.foreign).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    expect(Object.keys(result.foreign).filter((s) => !s.startsWith('4'))).toEqual([]);
    expect(await otherTenantState()).toEqual(before);
  }, 900_000);
});
