import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import type { Pool } from '../../db/pool.js';
import type { Logger } from '../../lib/logger.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import type { PayloadKeyring } from '../../temporal/payload-codec.js';
import { ensureSearchAttributes } from '../../temporal/search-attributes.js';
import type { IntentEngineOptions } from '../engine.js';
import { INTENT_CORPUS_CHANNEL } from '../import.js';
import { createIntentActivities, IntentResultStore, StartedRankings } from '../temporal/activities.js';
import { createIntentWorker } from '../temporal/worker.js';
import { listenForCorpusChanges } from './corpus-listener.js';
import { LiveIndex } from './live-index.js';
import { type IntentLlmConfig, type LlmStatus, llmStatusProbe } from './llm-status.js';
import { LoadShedder } from './load-shedder.js';
import { QueryRunner } from './query-runner.js';

// The intent service inside the API process (docs/decisions/0004-intent-queries-on-temporal.md), put
// together from parts with one job each: the live index (built from Postgres in the ranking thread,
// swapped on change; decision 20), the corpus listener (changes made by other processes), the load
// shedder (refuses past capacity), the intent worker (its local activity hands the query to the
// ranking thread) and the query runner (one workflow per query or per coalesced batch, started eagerly
// on the worker's connection).

export type { IntentEngineInfo } from './live-index.js';
export type { IntentLlmConfig } from './llm-status.js';
export { newQueryId } from './query-runner.js';

export interface IntentServiceOptions {
  pool: Pool;
  /** The database the ranking thread reads the corpus from (the pool's). */
  databaseUrl: string;
  logger: Logger;
  /** The intent worker's connection; the client is built on it (eager start needs that). */
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** Payload encryption keys (PAYLOAD_ENCRYPTION_KEYS), for the worker and the client alike. */
  payloadKeys: PayloadKeyring;
  workflowBundleCode?: string;
  workflowBundlePath?: string;
  cacheEntries?: number;
  engine?: Omit<IntentEngineOptions, 'cacheEntries' | 'parser' | 'cpuClockMs'>;
  llm?: IntentLlmConfig | undefined;
  /** How long the API waits for a query's workflow; default 15 s, then 503. */
  resultTimeoutMs?: number;
  /** Ask the server for eager workflow start (default true). */
  eagerStart?: boolean;
  /** Most queries in flight in this process; past the adaptive limit new ones get 503 at once. Default 256. */
  maxInFlight?: number;
  /** The answers' p95 the adaptive in-flight limit steers toward (0: a fixed limit of maxInFlight). Default 300 ms. */
  targetLatencyMs?: number;
  /** Query runs under way above which arriving queries share one run; 0: one run per query. Default 1. */
  runsInFlight?: number;
  /** Start each query's ranking when it arrives, before its run (decision 21); default true. */
  rankOnArrival?: boolean;
  /** Concurrent queries in the intent worker (workflow tasks and their local activities). */
  maxConcurrent?: number;
  /** Where corpus-change notifications arrive; default INTENT_CORPUS_CHANNEL (tests use their own). */
  corpusChannel?: string;
}

export interface IntentService {
  readonly index: LiveIndex;
  readonly queries: QueryRunner;
  readonly shedder: LoadShedder;
  readonly taskQueue: string;
  /** Identifies this process's own imports in corpus-change notifications. */
  readonly instanceId: string;
  readonly corpusChannel: string;
  llmStatus(): Promise<LlmStatus>;
  /** Stops listening and the worker after in-flight queries (call once HTTP stopped taking requests). */
  stop(): Promise<void>;
}

/** Starts the worker and the listener, and begins building the index (await `index.ready()` for it). */
export async function startIntentService(options: IntentServiceOptions): Promise<IntentService> {
  const { pool, logger, connection, namespace, taskQueue, llm } = options;
  const index = new LiveIndex({
    logger,
    thread: {
      databaseUrl: options.databaseUrl,
      engine: { ...options.engine, cacheEntries: options.cacheEntries ?? 1000 },
      llm,
    },
  });
  const results = new IntentResultStore();
  const started = options.rankOnArrival === false ? undefined : new StartedRankings();

  await ensureSearchAttributes(connection, namespace);
  const worker = await createIntentWorker({
    connection,
    namespace,
    taskQueue,
    payloadKeys: options.payloadKeys,
    activities: createIntentActivities({
      ranker: () => index.ranker,
      results,
      ...(started ? { started } : {}),
    }),
    ...(options.workflowBundleCode ? { workflowBundleCode: options.workflowBundleCode } : {}),
    ...(options.workflowBundlePath ? { workflowBundlePath: options.workflowBundlePath } : {}),
    ...(options.maxConcurrent ? { maxConcurrent: options.maxConcurrent } : {}),
  });
  const running = worker.run().catch((err) => logger.error({ err }, 'intent worker failed'));
  index.ready().catch((err) => logger.error({ err }, 'intent index failed to load'));

  const instanceId = randomUUID();
  const corpusChannel = options.corpusChannel ?? INTENT_CORPUS_CHANNEL;
  const listener = listenForCorpusChanges({
    pool,
    logger,
    channel: corpusChannel,
    ownOrigin: instanceId,
    onChange: () => index.reloadSoon(),
  });
  const client = new Client({
    connection,
    namespace,
    dataConverter: leadrailDataConverter(options.payloadKeys),
  });
  const queries = new QueryRunner({
    client,
    taskQueue,
    index,
    results,
    ...(started ? { started } : {}),
    logger,
    ...(options.eagerStart !== undefined ? { eagerStart: options.eagerStart } : {}),
    ...(options.resultTimeoutMs !== undefined ? { resultTimeoutMs: options.resultTimeoutMs } : {}),
    ...(options.runsInFlight !== undefined ? { maxRunsInFlight: options.runsInFlight } : {}),
  });

  return {
    index,
    queries,
    shedder: new LoadShedder({
      ...(options.maxInFlight !== undefined ? { maxInFlight: options.maxInFlight } : {}),
      ...(options.targetLatencyMs !== undefined ? { targetLatencyMs: options.targetLatencyMs } : {}),
    }),
    taskQueue,
    instanceId,
    corpusChannel,
    llmStatus: llmStatusProbe(llm),
    async stop() {
      await listener.stop();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await index.stop();
    },
  };
}
