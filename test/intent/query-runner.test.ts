import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IntentEngine } from '../../intent/engine.js';
import { IntentQueryFailed, IntentUnavailable } from '../../intent/service/errors.js';
import type { LiveIndex } from '../../intent/service/live-index.js';
import { MAX_RANKINGS_AHEAD, QueryRunner } from '../../intent/service/query-runner.js';
import { engineRanker, type Ranker, type RankRequest } from '../../intent/service/ranker.js';
import {
  createIntentActivities,
  IntentResultStore,
  StartedRankings,
} from '../../intent/temporal/activities.js';
import { createIntentWorker } from '../../intent/temporal/worker.js';
import { intentRankingsAhead } from '../../lib/metrics.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import { testPayloadKeys } from '../helpers/payload-keys.js';
import { silentLogger } from '../helpers/stack.js';
import { seededCorpus } from './helpers.js';

/** The rankings-ahead counter's value for one outcome (the registry is the process's). */
async function aheadCount(outcome: 'taken' | 'unused' | 'skipped'): Promise<number> {
  const { values } = await intentRankingsAhead.get();
  return values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
}

// The query runner against a real Temporal server and a real intent worker: queries alone and
// coalesced, each ranked once (started on arrival and taken by its run), one query failing in a shared
// run, and Temporal refusing the runs.

const engine = IntentEngine.fromCorpus(seededCorpus(200, 3).corpus, { cacheEntries: 0 });
const request = (i: number) => ({ query: `Companies evaluating CRM software ${i}`, limit: 25 });
/** The runner reads only the live index's ranker. */
const indexOf = (ranker: Ranker) => ({ ranker }) as unknown as LiveIndex;

describe('QueryRunner on a real intent worker', () => {
  const payloadKeys = testPayloadKeys();
  const taskQueue = `intent-runner-${randomUUID()}`;
  const ranked: RankRequest[] = [];
  const base = engineRanker(engine, 1);
  // Counts every ranking, and fails the prompt "boom" only.
  const ranker: Ranker = {
    rank(req) {
      ranked.push(req);
      return req.query === 'boom' ? Promise.reject(new Error('ranking failed')) : base.rank(req);
    },
  };
  const results = new IntentResultStore();
  const started = new StartedRankings();
  let connection: NativeConnection;
  let worker: Awaited<ReturnType<typeof createIntentWorker>>;
  let running: Promise<void>;
  let runner: QueryRunner;

  beforeAll(async () => {
    connection = await NativeConnection.connect({ address: inject('temporalAddress') });
    worker = await createIntentWorker({
      connection,
      namespace: 'default',
      taskQueue,
      payloadKeys,
      activities: createIntentActivities({ ranker: () => ranker, results, started }),
      workflowBundlePath: inject('intentWorkflowBundlePath'),
    });
    running = worker.run();
    runner = new QueryRunner({
      client: new Client({
        connection,
        namespace: 'default',
        dataConverter: leadrailDataConverter(payloadKeys),
      }),
      taskQueue,
      index: indexOf(ranker),
      results,
      started,
      logger: silentLogger,
      maxRunsInFlight: 1,
    });
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await connection?.close();
  });

  it('ranks each query once, alone or coalesced, with the answer the engine gives', async () => {
    ranked.length = 0;
    const takenBefore = await aheadCount('taken');
    // The first starts alone; the ones behind it wait for the slot and share the next run.
    const running = [0, 1, 2, 3, 4].map((i) => runner.run(request(i), 'acct_test'));
    // Every ranking started on arrival, before any run could ask for it.
    expect(started.size).toBe(5);
    expect(ranked).toHaveLength(5);
    const runs = await Promise.all(running);
    for (const [i, run] of runs.entries()) {
      const direct = await base.rank(request(i));
      expect(run.result.leadIds).toEqual(direct.leadIds);
      expect(run.result.leadsJson).toBe(direct.leadsJson);
      expect(run.summary.lead_ids).toEqual(direct.leadIds);
      expect(run.reranked).toBe(false);
    }
    // One ranking per query: the one started on arrival, taken by the run's local activity.
    expect(ranked.map((r) => r.query).sort()).toEqual([0, 1, 2, 3, 4].map((i) => request(i).query).sort());
    expect(started.size).toBe(0);
    expect(results.size).toBe(0);
    expect((await aheadCount('taken')) - takenBefore).toBe(5);
  });

  it("fails one query of a shared run under its own id while the run's others answer", async () => {
    // A lone query holds the slot so that the three behind it share one run.
    const boomId = `q_boom_${randomUUID()}`;
    const outcomes = await Promise.allSettled([
      runner.run(request(10), 'acct_test'),
      runner.run(request(11), 'acct_test'),
      runner.run({ query: 'boom', limit: 25 }, 'acct_test', boomId),
      runner.run(request(12), 'acct_test'),
    ]);
    const [first, before, boom, after] = outcomes;
    expect(first.status).toBe('fulfilled');
    expect(before.status).toBe('fulfilled');
    expect(after.status).toBe('fulfilled');
    expect(boom.status).toBe('rejected');
    const reason = (boom as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(IntentQueryFailed);
    expect(reason.queryId).toBe(boomId);
    expect(started.size).toBe(0);
  });
});

// When Temporal refuses a run, every query waiting on it (alone or coalesced) is answered as
// retryable (503 temporal_unavailable), none is left hanging and none is answered twice.
describe('QueryRunner when a run cannot start', () => {
  async function refusedRunner(ranker: Ranker) {
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    const client = new Client({ connection, namespace: 'default' });
    await connection.close(); // every start now fails
    const started = new StartedRankings();
    const runner = new QueryRunner({
      client,
      taskQueue: 'intent-runner-test',
      index: indexOf(ranker),
      results: new IntentResultStore(),
      started,
      logger: silentLogger,
      maxRunsInFlight: 1,
    });
    return { runner, started };
  }

  it('answers each query of a lone run and of a shared run as unavailable, and keeps no ranking', async () => {
    const [unusedBefore, skippedBefore] = [await aheadCount('unused'), await aheadCount('skipped')];
    let rankings = 0;
    const base = engineRanker(engine, 1);
    const { runner, started } = await refusedRunner({
      rank: (req) => {
        rankings++;
        return base.rank(req);
      },
    });
    // The first starts alone; the four behind it wait for the slot and share the next run.
    const outcomes = await Promise.allSettled(
      [0, 1, 2, 3, 4].map((i) => runner.run(request(i), 'acct_test')),
    );
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      const reason = (outcome as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(IntentUnavailable);
      expect(reason.reason).toBe('temporal_unavailable');
    }
    expect(runner.queued).toBe(0);
    expect(started.size).toBe(0);
    expect(rankings).toBe(5); // started on arrival, before the runs were refused
    // Right after a run failed to start, arriving queries are not ranked ahead: the thread would rank
    // them for nobody while Temporal refuses the runs.
    const next = runner.run(request(5), 'acct_test');
    expect(started.size).toBe(0);
    await expect(next).rejects.toBeInstanceOf(IntentUnavailable);
    expect(rankings).toBe(5);
    expect((await aheadCount('unused')) - unusedBefore).toBe(5);
    expect((await aheadCount('skipped')) - skippedBefore).toBe(1);
  });

  it('does not rank ahead past MAX_RANKINGS_AHEAD queued in the ranking thread', async () => {
    const base = engineRanker(engine, 1);
    const { runner, started } = await refusedRunner({
      rank: (req) => base.rank(req),
      backlog: MAX_RANKINGS_AHEAD,
    });
    const refused = runner.run(request(0), 'acct_test');
    expect(started.size).toBe(0);
    await expect(refused).rejects.toBeInstanceOf(IntentUnavailable);
  });
});
