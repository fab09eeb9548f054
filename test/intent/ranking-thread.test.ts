import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createPool, type Pool } from '../../db/pool.js';
import { IntentEngine } from '../../intent/engine.js';
import { importIntentData } from '../../intent/import.js';
import { loadIntentCorpus } from '../../intent/load.js';
import { LiveIndex } from '../../intent/service/live-index.js';
import { engineRanker } from '../../intent/service/ranker.js';
import type { RankingThread } from '../../intent/service/ranking-thread.js';
import { createDatabase } from '../helpers/database.js';
import { testCorpusJsonl } from '../helpers/intent-corpus.js';
import { silentLogger } from '../helpers/stack.js';

// The index lives in a worker thread of the API process (decision 20). It must rank exactly as the
// engine does in the caller's thread, and a thread that dies must not take the service down: queries
// are refused as loading until a new thread has built the index again.

describe('the ranking thread', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let pool: Pool;
  let index: LiveIndex;

  beforeAll(async () => {
    // A database of its own: the shared one's corpus changes while other files import.
    database = await createDatabase(inject('databaseUrl'));
    pool = createPool(database.url, 2);
    await importIntentData(pool, testCorpusJsonl(), { format: 'jsonl' });
    index = new LiveIndex({
      logger: silentLogger,
      thread: { databaseUrl: database.url, engine: { cacheEntries: 100 } },
    });
  });
  afterAll(async () => {
    await index?.stop();
    await pool?.end();
    await database?.drop();
  });

  it('builds the index from Postgres and ranks as the engine does in this thread', async () => {
    expect(index.ranker).toBeNull(); // nothing built yet: the service answers 503 index_loading
    const info = await index.ready();
    expect(info).toMatchObject({ generation: 1, companies: 1500 });
    const local = engineRanker(IntentEngine.fromCorpus(await loadIntentCorpus(pool)), 1);
    const requests = [
      { query: 'Companies evaluating CRM software', limit: 25 },
      { query: 'Teams looking for payroll software in Texas', limit: 100 },
      {
        query: 'Hiring data engineers for a new warehouse',
        limit: 2000,
        filters: { location: 'United States' },
      },
    ];
    for (const request of requests) {
      const [there, here] = await Promise.all([index.ranker!.rank(request), local.rank(request)]);
      expect(there.leadIds.length).toBeGreaterThan(0);
      expect(there.leadsJson).toBe(here.leadsJson);
      expect(there.leadIds).toEqual(here.leadIds);
      expect(there.scores).toEqual(here.scores);
      expect(there.generation).toBe(1);
      expect(there.metadata.total_leads).toBe(here.metadata.total_leads);
      expect(there.metadata.cost_usd).toBeGreaterThan(0); // the thread's own time, measured
    }
  });

  it('comes back after its thread dies: refused as loading meanwhile, then a new build', async () => {
    await index.ready();
    const before = index.info!.generation;
    const thread = (index as unknown as { thread: RankingThread }).thread;
    const worker = (thread as unknown as { worker: { terminate(): Promise<number> } }).worker;
    const inFlight = index.ranker!.rank({ query: 'Companies evaluating CRM software', limit: 25 });
    await worker.terminate();
    // A query the thread was holding is answered or failed, never left waiting.
    expect(
      await inFlight.then(
        () => 'answered',
        (err: Error) => err.message,
      ),
    ).toMatch(/^(answered|The ranking thread stopped)$/);
    expect(index.ranker).toBeNull();
    await vi.waitFor(() => expect(index.info?.generation).toBe(before + 1), {
      timeout: 20_000,
      interval: 100,
    });
    const again = await index.ranker!.rank({ query: 'Companies evaluating CRM software', limit: 25 });
    expect(again.leadIds.length).toBeGreaterThan(0);
    expect(again.generation).toBe(before + 1);
  });

  it('once stopped, stays stopped: a reload after shutdown starts no thread', async () => {
    await index.ready();
    await index.stop();
    await expect(index.reload()).rejects.toThrow(/ranking thread stopped/);
    const thread = (index as unknown as { thread: { worker: unknown } }).thread;
    expect(thread.worker).toBeNull();
  });
});
