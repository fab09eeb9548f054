import { randomUUID } from 'node:crypto';
import { Client, WorkflowFailedError } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import type { PoolClient } from 'pg';
import { ulid } from 'ulid';
import {
  createIntentActivities,
  type IntentQueryInput,
  type IntentQuerySummary,
  IntentResultStore,
} from '../activities/intent.js';
import type { Pool } from '../db/pool.js';
import { IntentEngine, type IntentEngineOptions, type IntentQueryResult } from '../intent/engine.js';
import { INTENT_CORPUS_CHANNEL } from '../intent/import.js';
import { OpenAICompatibleParser } from '../intent/llm.js';
import { loadIntentCorpus } from '../intent/load.js';
import type { ValidIntentQueryRequest } from '../intent/request.js';
import type { Logger } from '../lib/logger.js';
import { leadrailDataConverter } from '../temporal/data-converter.js';
import { createIntentWorker } from '../temporal/intent-worker.js';
import type { PayloadKeyring } from '../temporal/payload-codec.js';
import { ensureSearchAttributes } from '../temporal/search-attributes.js';
import type { intentQueryWorkflow } from '../workflows/intent.js';
import { AccountIdAttr } from '../workflows/shared.js';
import { IntentApiError } from './intent-errors.js';
import { IntentLimiter, type IntentLimiterOptions } from './intent-limits.js';

// The intent service inside the API process: the ranking engine (index in memory, rebuilt and swapped
// after an import), the intent Temporal worker, and the client that starts one short-lived workflow
// per query on the worker's own connection so the start is EAGER (docs/decisions/0004-...).

export interface IntentLlmConfig {
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  timeoutMs?: number;
  /** How long /healthz reuses the provider check; default 30 s. */
  statusCacheMs?: number;
}

export interface IntentServiceOptions {
  pool: Pool;
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
  engine?: Omit<IntentEngineOptions, 'cacheEntries' | 'parser'>;
  llm?: IntentLlmConfig | undefined;
  limiter?: IntentLimiterOptions;
  /** Width of the buckets alerts are evaluated over; default 300 s. */
  alertBucketSeconds?: number;
  /** How long the API waits for a query's workflow; default 15 s, then 503. */
  resultTimeoutMs?: number;
  /** Ask the server for eager workflow start (default true). */
  eagerStart?: boolean;
  /**
   * Queries in flight in this process above which new ones are refused at once with 503 (load
   * shedding: past the stack's capacity, waiting only makes every answer late); default 32.
   */
  maxInFlight?: number;
  maxConcurrent?: number;
  /** Where corpus-change notifications arrive; default INTENT_CORPUS_CHANNEL (tests use their own). */
  corpusChannel?: string;
}

export interface IntentEngineInfo {
  generation: number;
  companies: number;
  signals: number;
  as_of: string;
  loaded_at: string;
  read_ms: number;
  build_ms: number;
}

export interface IntentRun {
  queryId: string;
  result: IntentQueryResult;
  summary: IntentQuerySummary;
  eagerlyStarted: boolean;
  /** The result was not in this process (the workflow ran elsewhere); it was ranked again here. */
  reranked: boolean;
}

/** `q_<ulid>`: the query's id in the log, and its workflow id. */
export function newQueryId(): string {
  return `q_${ulid().toLowerCase()}`;
}

export class IntentService {
  readonly results = new IntentResultStore();
  readonly client: Client;
  readonly limiter: IntentLimiter;
  readonly taskQueue: string;
  readonly alertBucketSeconds: number;
  private current: { engine: IntentEngine; info: IntentEngineInfo } | null = null;
  private generation = 0;
  private reloadChain: Promise<unknown> = Promise.resolve();
  private worker: Worker | null = null;
  private running: Promise<void> | null = null;
  private firstLoad: Promise<IntentEngineInfo> | null = null;
  private readonly parser: OpenAICompatibleParser | undefined;
  private llmCache: { status: 'available' | 'unavailable'; at: number } | null = null;
  private inFlight = 0;
  /** Identifies this process's own imports in corpus-change notifications. */
  readonly instanceId = randomUUID();
  readonly corpusChannel: string;
  private listener: { client: PoolClient | null; retry: NodeJS.Timeout | null; stopped: boolean } = {
    client: null,
    retry: null,
    stopped: false,
  };

  private constructor(private readonly options: IntentServiceOptions) {
    this.client = new Client({
      connection: options.connection,
      namespace: options.namespace,
      dataConverter: leadrailDataConverter(options.payloadKeys),
    });
    this.limiter = new IntentLimiter(options.pool, options.limiter);
    this.taskQueue = options.taskQueue;
    this.corpusChannel = options.corpusChannel ?? INTENT_CORPUS_CHANNEL;
    this.alertBucketSeconds = options.alertBucketSeconds ?? 300;
    this.parser = options.llm
      ? new OpenAICompatibleParser({
          baseUrl: options.llm.baseUrl,
          model: options.llm.model,
          ...(options.llm.apiKey ? { apiKey: options.llm.apiKey } : {}),
          ...(options.llm.timeoutMs ? { timeoutMs: options.llm.timeoutMs } : {}),
        })
      : undefined;
  }

  /** Starts the worker and begins loading the index from Postgres (await `ready()` for it). */
  static async start(options: IntentServiceOptions): Promise<IntentService> {
    const service = new IntentService(options);
    await ensureSearchAttributes(options.connection, options.namespace);
    service.worker = await createIntentWorker({
      connection: options.connection,
      namespace: options.namespace,
      taskQueue: options.taskQueue,
      payloadKeys: options.payloadKeys,
      activities: createIntentActivities({
        engine: () =>
          service.current
            ? { engine: service.current.engine, generation: service.current.info.generation }
            : null,
        results: service.results,
      }),
      ...(options.workflowBundleCode ? { workflowBundleCode: options.workflowBundleCode } : {}),
      ...(options.workflowBundlePath ? { workflowBundlePath: options.workflowBundlePath } : {}),
      ...(options.maxConcurrent ? { maxConcurrent: options.maxConcurrent } : {}),
    });
    service.running = service.worker.run().catch((err) => {
      options.logger.error({ err }, 'intent worker failed');
    });
    service.firstLoad = service.reload();
    service.listenForImports(false);
    service.firstLoad.catch((err) => options.logger.error({ err }, 'intent index failed to load'));
    return service;
  }

  /** Resolves once the first index is loaded. */
  ready(): Promise<IntentEngineInfo> {
    return this.firstLoad ?? this.reload();
  }

  engineInfo(): IntentEngineInfo | null {
    return this.current?.info ?? null;
  }

  get engine(): IntentEngine | null {
    return this.current?.engine ?? null;
  }

  /**
   * Reads the corpus from Postgres, builds a new engine and swaps it in (in-flight queries finish on
   * the old one). Reloads run one after another, so a reload requested after an import sees it.
   */
  reload(): Promise<IntentEngineInfo> {
    const next = this.reloadChain.then(async () => {
      const t0 = performance.now();
      const corpus = await loadIntentCorpus(this.options.pool);
      const t1 = performance.now();
      const engine = IntentEngine.fromCorpus(corpus, {
        ...this.options.engine,
        cacheEntries: this.options.cacheEntries ?? 1000,
        ...(this.parser ? { parser: this.parser } : {}),
      });
      const t2 = performance.now();
      const info: IntentEngineInfo = {
        generation: ++this.generation,
        companies: engine.index.nCompanies,
        signals: engine.index.nSignals,
        as_of: engine.index.asOf,
        loaded_at: new Date().toISOString(),
        read_ms: Math.round(t1 - t0),
        build_ms: Math.round(t2 - t1),
      };
      this.current = { engine, info };
      this.options.logger.info({ intentIndex: info }, 'intent index loaded');
      return info;
    });
    this.reloadChain = next.catch(() => {});
    return next;
  }

  /**
   * Load shedding, called first for every POST /query: with `maxInFlight` queries already in this
   * process it throws 503 at once (no database work, so refusing stays cheap under overload); else it
   * counts the query in and returns the function that counts it out.
   */
  enter(): () => void {
    const max = this.options.maxInFlight ?? 32;
    if (this.inFlight >= max) {
      throw new IntentApiError(
        503,
        'SERVICE_UNAVAILABLE',
        'The service is at capacity; retry shortly',
        { reason: 'overloaded', in_flight: this.inFlight },
        { 'Retry-After': '1' },
      );
    }
    this.inFlight++;
    let left = false;
    return () => {
      if (!left) this.inFlight--;
      left = true;
    };
  }

  /** Runs one query as `intentQueryWorkflow` and waits for it; the full result comes from this process. */
  async query(
    request: ValidIntentQueryRequest,
    accountId: string,
    queryId = newQueryId(),
  ): Promise<IntentRun> {
    if (!this.current) {
      throw new IntentApiError(
        503,
        'SERVICE_UNAVAILABLE',
        'The intent index is loading; retry shortly',
        {
          reason: 'index_loading',
        },
        { 'Retry-After': '5' },
      );
    }
    const input: IntentQueryInput = {
      queryId,
      query: request.query,
      limit: request.limit,
      ...(request.filters ? { filters: request.filters } : {}),
    };
    let handle: Awaited<ReturnType<Client['workflow']['start']>>;
    try {
      handle = await this.client.workflow.start<typeof intentQueryWorkflow>('intentQueryWorkflow', {
        workflowId: queryId,
        taskQueue: this.taskQueue,
        args: [input],
        requestEagerStart: this.options.eagerStart ?? true,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowExecutionTimeout: '1 minute',
        staticSummary: summaryOf(request.query),
        typedSearchAttributes: [{ key: AccountIdAttr, value: accountId }],
      });
    } catch (err) {
      this.options.logger.error({ err, queryId }, 'intent workflow start failed');
      throw new IntentApiError(503, 'SERVICE_UNAVAILABLE', 'The query could not be started; retry shortly', {
        reason: 'temporal_unavailable',
      });
    }
    const summary = await this.awaitResult(handle, queryId);
    const stored = this.results.take(queryId);
    if (stored) {
      return {
        queryId,
        result: stored.result,
        summary,
        eagerlyStarted: handle.eagerlyStarted,
        reranked: false,
      };
    }
    // The workflow ran on another process's intent worker (no eager start): rank again here. The index
    // is deterministic, so this is the same list unless that process holds a different corpus.
    this.options.logger.warn({ queryId }, 'intent result not in this process; ranked again locally');
    const result = await this.current.engine.query(input);
    return { queryId, result, summary, eagerlyStarted: handle.eagerlyStarted, reranked: true };
  }

  /**
   * Waits for the workflow's result under a deadline that also applies to the result long-poll RPC
   * (so a timed-out query leaves no poll behind: the server limits concurrent polls per namespace).
   */
  private async awaitResult(
    handle: { result(): Promise<unknown> },
    queryId: string,
  ): Promise<IntentQuerySummary> {
    const timeoutMs = this.options.resultTimeoutMs ?? 15_000;
    const deadline = Date.now() + timeoutMs;
    try {
      return (await this.client.withDeadline(deadline, () => handle.result())) as IntentQuerySummary;
    } catch (err) {
      if (err instanceof WorkflowFailedError) {
        const type = (err.cause as { type?: string } | undefined)?.type;
        const causeType = (err.cause?.cause as { type?: string } | undefined)?.type;
        if (type === 'IntentIndexNotLoaded' || causeType === 'IntentIndexNotLoaded') {
          throw new IntentApiError(503, 'SERVICE_UNAVAILABLE', 'The intent index is loading; retry shortly', {
            reason: 'index_loading',
          });
        }
        this.options.logger.error({ err, queryId }, 'intent query workflow failed');
        throw new IntentApiError(500, 'INTERNAL_ERROR', 'The query failed', { query_id: queryId });
      }
      if (Date.now() >= deadline) {
        throw new IntentApiError(503, 'SERVICE_UNAVAILABLE', 'The query did not complete in time', {
          reason: 'timeout',
          timeout_ms: timeoutMs,
        });
      }
      // The server refused or failed the call (e.g. overloaded): retryable by the client.
      this.options.logger.warn({ err, queryId }, 'intent query result unavailable');
      throw new IntentApiError(
        503,
        'SERVICE_UNAVAILABLE',
        'The query result could not be read; retry shortly',
        { reason: 'temporal_unavailable' },
        { 'Retry-After': '1' },
      );
    }
  }

  /** For /healthz: `disabled` without a provider, else a cheap GET /models (cached 30 s). */
  async llmStatus(): Promise<'available' | 'unavailable' | 'disabled'> {
    const llm = this.options.llm;
    if (!llm) return 'disabled';
    const ttl = llm.statusCacheMs ?? 30_000;
    if (this.llmCache && Date.now() - this.llmCache.at < ttl) return this.llmCache.status;
    let status: 'available' | 'unavailable' = 'unavailable';
    try {
      const res = await fetch(`${llm.baseUrl.replace(/\/$/, '')}/models`, {
        headers: llm.apiKey ? { authorization: `Bearer ${llm.apiKey}` } : {},
        signal: AbortSignal.timeout(1000),
      });
      await res.body?.cancel();
      status = res.ok ? 'available' : 'unavailable';
    } catch {
      status = 'unavailable';
    }
    this.llmCache = { status, at: Date.now() };
    return status;
  }

  /**
   * Rebuilds the index when another process (the import CLI, another API replica) changed the corpus:
   * it sends a NOTIFY on the corpus channel. On a lost connection it listens again after a pause and
   * reloads once, since notifications sent meanwhile are gone.
   */
  private listenForImports(reloadOnConnect: boolean): void {
    const state = this.listener;
    if (state.stopped) return;
    let failed = false; // one retry per attempt, however many error events the connection emits
    const retry = (err: unknown) => {
      if (failed) return;
      failed = true;
      if (state.stopped) return; // stop() owns the client from here
      this.options.logger.warn({ err }, 'intent corpus listener lost; retrying in 5 s');
      state.client?.release(true);
      state.client = null;
      if (!state.stopped) state.retry = setTimeout(() => this.listenForImports(true), 5_000);
    };
    this.options.pool.connect().then(async (client) => {
      if (state.stopped) return client.release();
      state.client = client;
      client.on('error', retry);
      client.on('notification', (msg) => {
        if (msg.channel !== this.corpusChannel || msg.payload === this.instanceId) return;
        this.options.logger.info('intent corpus changed elsewhere; reloading the index');
        this.reloadSoon();
      });
      try {
        await client.query(`LISTEN ${client.escapeIdentifier(this.corpusChannel)}`);
      } catch (err) {
        return retry(err);
      }
      if (reloadOnConnect) this.reloadSoon();
    }, retry);
  }

  /** Coalesces a burst of notifications (a multi-file import) into one reload after the current one. */
  private reloadPending = false;
  private reloadSoon(): void {
    if (this.reloadPending) return;
    this.reloadPending = true;
    this.reloadChain.then(() => {
      this.reloadPending = false;
      this.reload().catch((err) => this.options.logger.error({ err }, 'intent index failed to reload'));
    });
  }

  /** Stops the worker after in-flight queries (call after the HTTP server stopped taking requests). */
  async stop(): Promise<void> {
    this.listener.stopped = true;
    if (this.listener.retry) clearTimeout(this.listener.retry);
    const client = this.listener.client;
    if (client) {
      // Cleared first: a connection error during UNLISTEN must not release the client a second time.
      this.listener.client = null;
      await client.query(`UNLISTEN ${client.escapeIdentifier(this.corpusChannel)}`).catch(() => {});
      client.release();
    }
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
  }
}

/** The workflow's summary in the Temporal UI: the prompt, on one line, truncated. */
function summaryOf(query: string): string {
  const line = query.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
