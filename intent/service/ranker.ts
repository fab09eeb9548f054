import type { IntentEngine, IntentMetadata, IntentQueryResult } from '../engine.js';
import type { IntentFilters } from '../filters.js';

// What the service asks of the index: rank a query, answer with what the API and the run need. The
// answer carries the leads already serialised, so the API writes them into its response as they are,
// and their ids and scores for the run's summary (nothing else of a lead crosses threads).

export interface RankRequest {
  query: string;
  limit?: number;
  filters?: IntentFilters;
}

export interface RankedQuery {
  /** The answer's `leads` array as JSON. */
  leadsJson: string;
  leadIds: string[];
  scores: number[];
  metadata: IntentMetadata;
  stats: {
    cacheHit: boolean;
    /** The prompt named a product category. */
    specific: boolean;
    parser: string;
    cpuMs: number;
    eligible: number;
    warnings: string[];
  };
  /** Which index build ranked it (changes on every reload). */
  generation: number;
}

export interface Ranker {
  rank(request: RankRequest): Promise<RankedQuery>;
  /** Rankings asked for and not yet answered, where the ranker queues them (the ranking thread). */
  readonly backlog?: number;
}

export function toRankedQuery(result: IntentQueryResult, generation: number): RankedQuery {
  const { leads, metadata, stats } = result;
  return {
    leadsJson: JSON.stringify(leads),
    leadIds: leads.map((l) => l.lead_id),
    scores: leads.map((l) => l.score),
    metadata,
    stats: {
      cacheHit: stats.cacheHit,
      specific: stats.parsed.categories.length > 0,
      parser: stats.parser,
      cpuMs: stats.cpuMs,
      eligible: stats.eligible,
      warnings: stats.warnings,
    },
    generation,
  };
}

/** Ranks on an engine in this thread (the ranking thread's own use, and tests'). */
export function engineRanker(engine: IntentEngine, generation: number): Ranker {
  return {
    async rank(request) {
      return toRankedQuery(await engine.query(request), generation);
    },
  };
}
