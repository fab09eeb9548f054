import { ApplicationFailure } from '@temporalio/activity';
import { intentRankingsAhead } from '../../lib/metrics.js';
import type { IntentMetadata } from '../engine.js';
import type { IntentFilters } from '../filters.js';
import type { RankedQuery, Ranker, RankRequest } from '../service/ranker.js';

// The intent query's one step, run as a LOCAL activity by `intentQueryWorkflow` in the worker that
// lives inside the API process (docs/decisions/0004-intent-queries-on-temporal.md). The index is in
// this process's ranking thread; the full result (up to 2000 leads, ~1 MB) stays in this process, in
// a map keyed by the query id (= workflow id), and only a compact summary goes into the workflow
// history.

export interface IntentQueryInput {
  /** q_<ulid>; also the workflow id. */
  queryId: string;
  query: string;
  limit: number;
  filters?: IntentFilters;
}

/** What the workflow returns and its history keeps: ids and scores, no lead details. */
export interface IntentQuerySummary {
  query_id: string;
  lead_ids: string[];
  scores: number[];
  metadata: IntentMetadata;
  cache_hit: boolean;
  /** The prompt named a product category. */
  specific: boolean;
  parser: string;
  cpu_ms: number;
  eligible: number;
  warnings: string[];
  /** Which engine build ranked it (changes on every reload). */
  engine_generation: number;
}

/** One query's outcome in a coalesced run: its summary, or why it failed (the others still answer). */
export type IntentBatchOutcome = IntentQuerySummary | { query_id: string; error: string };

interface StoredResult {
  result: RankedQuery;
  at: number;
}

/** Process-local results by query id, taken once by the API; entries nobody takes expire. */
export class IntentResultStore {
  private readonly map = new Map<string, StoredResult>();
  constructor(private readonly ttlMs = 60_000) {}

  put(queryId: string, result: RankedQuery): void {
    const now = Date.now();
    this.map.set(queryId, { result, at: now });
    // Map order is insertion order: expired entries are at the front.
    for (const [id, entry] of this.map) {
      if (now - entry.at <= this.ttlMs) break;
      this.map.delete(id);
    }
  }

  take(queryId: string): StoredResult | undefined {
    const entry = this.map.get(queryId);
    if (entry) this.map.delete(queryId);
    return entry;
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * Rankings started when their query arrived, before its run existed (decision 21): the run's local
 * activity takes the ranking under way instead of starting one, so the ranking thread works on the
 * next queries while Temporal records the run before. Each is taken at most once; the runner drops
 * what no run took (the run failed to start, or ran in another process).
 */
export class StartedRankings {
  private readonly map = new Map<string, Promise<RankedQuery>>();

  start(queryId: string, ranking: Promise<RankedQuery>): void {
    // Whoever takes it awaits it; one nobody takes must not become an unhandled rejection.
    ranking.catch(() => {});
    this.map.set(queryId, ranking);
  }

  take(queryId: string): Promise<RankedQuery> | undefined {
    const ranking = this.map.get(queryId);
    if (ranking) {
      this.map.delete(queryId);
      intentRankingsAhead.inc({ outcome: 'taken' });
    }
    return ranking;
  }

  drop(queryId: string): void {
    if (this.map.delete(queryId)) intentRankingsAhead.inc({ outcome: 'unused' });
  }

  get size(): number {
    return this.map.size;
  }
}

/** What the ranker is asked for a query (the same whether the run or the runner starts it). */
export function rankRequestOf(input: IntentQueryInput): RankRequest {
  return {
    query: input.query,
    limit: input.limit,
    ...(input.filters ? { filters: input.filters } : {}),
  };
}

export interface IntentActivityDeps {
  /** The ranker of the current index, or null while the index is loading for the first time. */
  ranker(): Ranker | null;
  results: IntentResultStore;
  /** Rankings the runner started on arrival; absent: the activity always ranks itself. */
  started?: StartedRankings;
}

export function createIntentActivities(deps: IntentActivityDeps) {
  const loadedRanker = () => {
    const ranker = deps.ranker();
    if (!ranker) {
      throw ApplicationFailure.create({
        message: 'The intent index is not loaded yet',
        type: 'IntentIndexNotLoaded',
        nonRetryable: true,
      });
    }
    return ranker;
  };
  const rank = async (ranker: Ranker, input: IntentQueryInput) => {
    const ranked = await (deps.started?.take(input.queryId) ?? ranker.rank(rankRequestOf(input)));
    deps.results.put(input.queryId, ranked);
    return summarize(input.queryId, ranked);
  };
  return {
    async rankIntentQuery(input: IntentQueryInput): Promise<IntentQuerySummary> {
      return rank(loadedRanker(), input);
    },

    /**
     * A coalesced run's queries, handed to the ranker together (it ranks them one after another);
     * each fails on its own.
     */
    async rankIntentQueries(inputs: IntentQueryInput[]): Promise<IntentBatchOutcome[]> {
      const ranker = loadedRanker();
      const settled = await Promise.allSettled(inputs.map((input) => rank(ranker, input)));
      return settled.map((outcome, i) =>
        outcome.status === 'fulfilled'
          ? outcome.value
          : {
              query_id: inputs[i]!.queryId,
              error: outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason),
            },
      );
    },
  };
}

export type IntentActivities = ReturnType<typeof createIntentActivities>;

export function summarize(queryId: string, ranked: RankedQuery): IntentQuerySummary {
  const { stats } = ranked;
  return {
    query_id: queryId,
    lead_ids: ranked.leadIds,
    scores: ranked.scores,
    metadata: ranked.metadata,
    cache_hit: stats.cacheHit,
    specific: stats.specific,
    parser: stats.parser,
    cpu_ms: Math.round(stats.cpuMs * 1000) / 1000,
    eligible: stats.eligible,
    warnings: stats.warnings,
    engine_generation: ranked.generation,
  };
}
