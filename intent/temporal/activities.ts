import { ApplicationFailure } from '@temporalio/activity';
import type { IntentEngine, IntentMetadata, IntentQueryResult } from '../engine.js';
import type { IntentFilters } from '../filters.js';

// The intent query's one step, run as a LOCAL activity by `intentQueryWorkflow` in the worker that
// lives inside the API process (docs/decisions/0004-intent-queries-on-temporal.md). The index is in
// this process's memory; the full result (up to 2000 leads, ~1 MB) stays here too, in a map keyed by
// the query id (= workflow id), and only a compact summary goes into the workflow history.

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
  result: IntentQueryResult;
  generation: number;
  at: number;
}

/** Process-local results by query id, taken once by the API; entries nobody takes expire. */
export class IntentResultStore {
  private readonly map = new Map<string, StoredResult>();
  constructor(private readonly ttlMs = 60_000) {}

  put(queryId: string, result: IntentQueryResult, generation: number): void {
    const now = Date.now();
    this.map.set(queryId, { result, generation, at: now });
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

export interface IntentActivityDeps {
  /** The current engine, or null while the index is (re)loading for the first time. */
  engine(): { engine: IntentEngine; generation: number } | null;
  results: IntentResultStore;
}

export function createIntentActivities(deps: IntentActivityDeps) {
  const loadedEngine = () => {
    const current = deps.engine();
    if (!current) {
      throw ApplicationFailure.create({
        message: 'The intent index is not loaded yet',
        type: 'IntentIndexNotLoaded',
        nonRetryable: true,
      });
    }
    return current;
  };
  const rank = async (current: { engine: IntentEngine; generation: number }, input: IntentQueryInput) => {
    const result = await current.engine.query({
      query: input.query,
      limit: input.limit,
      ...(input.filters ? { filters: input.filters } : {}),
    });
    deps.results.put(input.queryId, result, current.generation);
    return summarize(input.queryId, result, current.generation);
  };
  return {
    async rankIntentQuery(input: IntentQueryInput): Promise<IntentQuerySummary> {
      return rank(loadedEngine(), input);
    },

    /** A coalesced run's queries, one after another on one engine build; each fails on its own. */
    async rankIntentQueries(inputs: IntentQueryInput[]): Promise<IntentBatchOutcome[]> {
      const current = loadedEngine();
      const outcomes: IntentBatchOutcome[] = [];
      for (const input of inputs) {
        try {
          outcomes.push(await rank(current, input));
        } catch (err) {
          outcomes.push({ query_id: input.queryId, error: err instanceof Error ? err.message : String(err) });
        }
      }
      return outcomes;
    },
  };
}

export type IntentActivities = ReturnType<typeof createIntentActivities>;

export function summarize(
  queryId: string,
  result: IntentQueryResult,
  generation: number,
): IntentQuerySummary {
  const { leads, metadata, stats } = result;
  return {
    query_id: queryId,
    lead_ids: leads.map((l) => l.lead_id),
    scores: leads.map((l) => l.score),
    metadata,
    cache_hit: stats.cacheHit,
    specific: stats.parsed.categories.length > 0,
    parser: stats.parser,
    cpu_ms: Math.round(stats.cpuMs * 1000) / 1000,
    eligible: stats.eligible,
    warnings: stats.warnings,
    engine_generation: generation,
  };
}
