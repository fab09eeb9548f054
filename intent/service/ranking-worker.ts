import { parentPort, workerData } from 'node:worker_threads';
import { createPool } from '../../db/pool.js';
import { IntentEngine } from '../engine.js';
import { OpenAICompatibleParser } from '../llm.js';
import { loadIntentCorpus } from '../load.js';
import { engineRanker, type Ranker } from './ranker.js';
import type { RankingThreadData, RankingThreadReply, RankingThreadRequest } from './ranking-thread.js';

// The ranking thread (started by ranking-thread.ts): it holds the index, reads the corpus from
// Postgres and builds the engine, and ranks the queries the API's intent worker sends it. Ranking is
// CPU-bound; here it runs beside the API's event loop instead of stopping it.

const data = workerData as RankingThreadData;
const pool = createPool(data.databaseUrl, 2);
const { llm } = data;
const parser = llm
  ? new OpenAICompatibleParser({
      baseUrl: llm.baseUrl,
      model: llm.model,
      ...(llm.apiKey ? { apiKey: llm.apiKey } : {}),
      ...(llm.timeoutMs ? { timeoutMs: llm.timeoutMs } : {}),
    })
  : undefined;
let current: Ranker | null = null;

/**
 * The cost model's CPU clock. process.cpuUsage() counts every thread of the process, so a query would
 * be charged for the API's own work done meanwhile, and Node 20 has no per-thread CPU clock. This
 * thread does nothing but rank, and the engine times only synchronous sections, so the time they take
 * here is this thread's CPU time (more only while the OS runs something else on its core).
 */
const busyClockMs = () => performance.now();

async function handle(message: RankingThreadRequest): Promise<unknown> {
  if (message.type === 'load') {
    const t0 = performance.now();
    const corpus = await loadIntentCorpus(pool);
    const t1 = performance.now();
    const engine = IntentEngine.fromCorpus(corpus, {
      ...data.engine,
      ...(parser ? { parser } : {}),
      cpuClockMs: busyClockMs,
    });
    const t2 = performance.now();
    current = engineRanker(engine, message.generation);
    return {
      companies: engine.index.nCompanies,
      signals: engine.index.nSignals,
      as_of: engine.index.asOf,
      read_ms: Math.round(t1 - t0),
      build_ms: Math.round(t2 - t1),
    };
  }
  if (!current) throw new Error('The intent index is not loaded yet');
  return current.rank(message.request);
}

parentPort!.on('message', (message: RankingThreadRequest) => {
  handle(message).then(
    (value) => parentPort!.postMessage({ id: message.id, ok: true, value } satisfies RankingThreadReply),
    (err: unknown) =>
      parentPort!.postMessage({
        id: message.id,
        ok: false,
        error:
          err instanceof Error
            ? { name: err.name, message: err.message }
            : { name: 'Error', message: String(err) },
      } satisfies RankingThreadReply),
  );
});
