import type { Logger } from '../../lib/logger.js';
import type { Ranker } from './ranker.js';
import { RankingThread, type RankingThreadData } from './ranking-thread.js';

// The index this process ranks with: read from Postgres and built into an engine in the ranking
// thread (ranking-thread.ts), rebuilt and swapped there when the corpus changes. Queries in flight
// finish on the engine they started with. If the thread dies, the index is gone: queries are refused
// as loading until a new thread has built it again.

export interface IntentEngineInfo {
  generation: number;
  companies: number;
  signals: number;
  as_of: string;
  loaded_at: string;
  read_ms: number;
  build_ms: number;
}

export interface LiveIndexOptions {
  logger: Logger;
  /** The ranking thread's settings: the database to read the corpus from, engine options, LLM. */
  thread: RankingThreadData;
}

export class LiveIndex {
  private current: { info: IntentEngineInfo } | null = null;
  private readonly thread: RankingThread;
  private generation = 0;
  private chain: Promise<unknown> = Promise.resolve();
  private firstLoad: Promise<IntentEngineInfo> | null = null;
  private reloadPending = false;

  constructor(private readonly options: LiveIndexOptions) {
    this.thread = new RankingThread({
      data: options.thread,
      logger: options.logger,
      onExit: () => {
        this.current = null;
        // A second later, so a thread that dies while loading does not restart in a tight loop.
        setTimeout(() => this.reloadSoon(), 1000).unref();
      },
    });
  }

  /** What ranks queries, or null until an index is built. */
  get ranker(): Ranker | null {
    return this.current ? this.thread : null;
  }

  /** What the current engine was built from, or null until the first build is done. */
  get info(): IntentEngineInfo | null {
    return this.current?.info ?? null;
  }

  /** Resolves once the first index is built (starting that build if nothing has yet). */
  ready(): Promise<IntentEngineInfo> {
    this.firstLoad ??= this.reload();
    return this.firstLoad;
  }

  /**
   * Reads the corpus, builds a new engine and swaps it in. Builds run one after another, so a reload
   * asked for after an import sees that import.
   */
  reload(): Promise<IntentEngineInfo> {
    const next = this.chain.then(() => this.build());
    this.chain = next.catch(() => {});
    return next;
  }

  /** One reload after the current one, however many are asked for meanwhile (a multi-file import). */
  reloadSoon(): void {
    if (this.reloadPending) return;
    this.reloadPending = true;
    this.chain.then(() => {
      this.reloadPending = false;
      this.reload().catch((err) => this.options.logger.error({ err }, 'intent index failed to reload'));
    });
  }

  /** Stops the ranking thread (at shutdown, after the last query). */
  stop(): Promise<void> {
    return this.thread.stop();
  }

  private async build(): Promise<IntentEngineInfo> {
    const built = await this.thread.load(this.generation + 1);
    const info: IntentEngineInfo = {
      generation: ++this.generation,
      companies: built.companies,
      signals: built.signals,
      as_of: built.as_of,
      loaded_at: new Date().toISOString(),
      read_ms: built.read_ms,
      build_ms: built.build_ms,
    };
    this.current = { info };
    this.options.logger.info({ intentIndex: info }, 'intent index loaded');
    return info;
  }
}
