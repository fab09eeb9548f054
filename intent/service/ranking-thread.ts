import { Worker } from 'node:worker_threads';
import type { Logger } from '../../lib/logger.js';
import type { IntentEngineOptions } from '../engine.js';
import type { IntentLlmConfig } from './llm-status.js';
import type { RankedQuery, Ranker, RankRequest } from './ranker.js';

// The intent index lives in a worker thread of the API process (decision 20). Ranking is CPU-bound:
// on the API's event loop, every query's ranking (up to tens of ms for K=2000) held up the HTTP,
// Postgres and Temporal work of all the others; in its own thread it runs beside them, on a second
// core where there is one. The thread reads the corpus and builds the engine itself, so the index
// exists once, there; queries and answers cross as small messages (the leads as one JSON string).

/** What the thread starts with (cloned into it: plain data only). */
export interface RankingThreadData {
  databaseUrl: string;
  engine: Omit<IntentEngineOptions, 'parser' | 'cpuClockMs'>;
  llm?: IntentLlmConfig | undefined;
}

export type RankingThreadRequest =
  | { id: number; type: 'load'; generation: number }
  | { id: number; type: 'rank'; request: RankRequest };

export type RankingThreadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };

/** What a load built (the live index adds its generation and time). */
export interface BuiltIndex {
  companies: number;
  signals: number;
  as_of: string;
  read_ms: number;
  build_ms: number;
}

export interface RankingThreadOptions {
  data: RankingThreadData;
  logger: Logger;
  /** The thread stopped on its own (a crash): its index is gone; the next load starts a new one. */
  onExit?: (err: Error) => void;
}

export class RankingThread implements Ranker {
  private worker: Worker | null = null;
  /** Stopped for good (shutdown): a late reload must not start a thread again. */
  private stopped = false;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  private nextId = 1;

  constructor(private readonly options: RankingThreadOptions) {}

  /** Reads the corpus and builds a new index in the thread; it ranks every query after this resolves. */
  load(generation: number): Promise<BuiltIndex> {
    return this.call({ type: 'load', generation }) as Promise<BuiltIndex>;
  }

  rank(request: RankRequest): Promise<RankedQuery> {
    return this.call({ type: 'rank', request }) as Promise<RankedQuery>;
  }

  /** Requests sent to the thread and not yet answered (queued behind each other there). */
  get backlog(): number {
    return this.pending.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    this.worker = null;
    this.failPending(new Error('The ranking thread stopped'));
    if (worker) await worker.terminate();
  }

  private call(message: { type: 'load'; generation: number } | { type: 'rank'; request: RankRequest }) {
    if (this.stopped) return Promise.reject(new Error('The ranking thread stopped'));
    this.worker ??= this.start();
    const id = this.nextId++;
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, ...message } satisfies RankingThreadRequest);
    });
  }

  private start(): Worker {
    const worker = new Worker(new URL('./ranking-thread-entry.mjs', import.meta.url), {
      name: 'intent-ranking',
      workerData: this.options.data,
    });
    worker.on('message', (reply: RankingThreadReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    const stopped = (err: Error) => {
      if (this.worker !== worker) return; // stopped by us, or already handled ('error' then 'exit')
      this.worker = null;
      this.options.logger.error({ err }, 'intent ranking thread stopped');
      this.failPending(new Error('The ranking thread stopped'));
      this.options.onExit?.(err);
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`The ranking thread exited with code ${code}`)));
    // The API's shutdown stops the thread (stop()); a thread alone must not keep the process up.
    worker.unref();
    return worker;
  }

  private failPending(err: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(err);
    this.pending.clear();
  }
}
