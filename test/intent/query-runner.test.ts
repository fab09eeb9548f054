import { Client, Connection } from '@temporalio/client';
import { describe, expect, inject, it } from 'vitest';
import { IntentEngine } from '../../intent/engine.js';
import { IntentUnavailable } from '../../intent/service/errors.js';
import type { LiveIndex } from '../../intent/service/live-index.js';
import { QueryRunner } from '../../intent/service/query-runner.js';
import { engineRanker } from '../../intent/service/ranker.js';
import { IntentResultStore } from '../../intent/temporal/activities.js';
import { silentLogger } from '../helpers/stack.js';
import { seededCorpus } from './helpers.js';

// When Temporal refuses a run, every query waiting on it (alone or coalesced) is answered as
// retryable (503 temporal_unavailable), none is left hanging and none is answered twice.

describe('QueryRunner when a run cannot start', () => {
  it('answers each query of a lone run and of a shared run as unavailable', async () => {
    const engine = IntentEngine.fromCorpus(seededCorpus(200, 3).corpus, { cacheEntries: 0 });
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    const client = new Client({ connection, namespace: 'default' });
    await connection.close(); // every start now fails
    const runner = new QueryRunner({
      client,
      taskQueue: 'intent-runner-test',
      index: { ranker: engineRanker(engine, 1) } as unknown as LiveIndex, // the runner reads only its ranker
      results: new IntentResultStore(),
      logger: silentLogger,
      maxRunsInFlight: 1,
    });
    const request = (i: number) => ({ query: `Companies evaluating CRM software ${i}`, limit: 25 });
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
  });
});
