import type { Pool } from '../../db/pool.js';
import type { Logger } from '../../lib/logger.js';
import { IntentEngine, type IntentEngineOptions } from '../engine.js';
import { loadIntentCorpus } from '../load.js';

// The index this process ranks with: read from Postgres, built into an engine, and rebuilt and swapped
// when the corpus changes. Queries in flight finish on the engine they started with.

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
  pool: Pool;
  logger: Logger;
  engine?: IntentEngineOptions;
}

export class LiveIndex {
  private current: { engine: IntentEngine; info: IntentEngineInfo } | null = null;
  private generation = 0;
  private chain: Promise<unknown> = Promise.resolve();
  private firstLoad: Promise<IntentEngineInfo> | null = null;
  private reloadPending = false;

  constructor(private readonly options: LiveIndexOptions) {}

  /** The engine queries run on, or null until the first build is done. */
  get engine(): IntentEngine | null {
    return this.current?.engine ?? null;
  }

  /** What the current engine was built from, or null until the first build is done. */
  get info(): IntentEngineInfo | null {
    return this.current?.info ?? null;
  }

  /** The engine with the generation it was built as (the ranking activity reports it), or null. */
  latest(): { engine: IntentEngine; generation: number } | null {
    return this.current ? { engine: this.current.engine, generation: this.current.info.generation } : null;
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

  private async build(): Promise<IntentEngineInfo> {
    const t0 = performance.now();
    const corpus = await loadIntentCorpus(this.options.pool);
    const t1 = performance.now();
    const engine = IntentEngine.fromCorpus(corpus, this.options.engine);
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
  }
}
