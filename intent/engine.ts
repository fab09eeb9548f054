import { LruCache } from './cache.js';
import { buildIndex, type IntentIndex } from './corpus-index.js';
import { type CostConfig, DEFAULT_COST, type LlmUsage, NO_LLM, queryCostUsd } from './cost.js';
import {
  applyFeedback,
  DEFAULT_FEEDBACK,
  type FeedbackConfig,
  type FeedbackOutcome,
  feedbackBackground,
} from './feedback.js';
import { type CompiledFilters, compileFilters, filterCacheKey, type IntentFilters } from './filters.js';
import { lexiconParser, type QueryParserProvider } from './llm.js';
import { type ParsedQuery, parsedQueryKey, parsePrompt } from './parser.js';
import {
  DEFAULT_SCORING,
  type Lead,
  materializeLeads,
  type RankedList,
  rankCompanies,
  type ScoringConfig,
  Scratch,
} from './rank.js';
import { MAX_LIMIT } from './request.js';
import { dayNumber, type IntentCorpus } from './types.js';

// The engine phase 2 serves: index + result cache + cost model + parser provider.
//
//   const engine = IntentEngine.fromCorpus(await loadIntentCorpus(pool));
//   const { leads, metadata, stats } = await engine.query({ query, limit, filters });
//
// The result cache maps (parsed query, normalised filters, as-of day) to the top-2000 ranked
// companies; every limit K is a slice of that list, so K=25 and K=2000 for the same query share one
// entry. `cache_hit_rate` is the engine's real hits / lookups since start.

export interface IntentEngineOptions {
  cacheEntries?: number;
  maxResults?: number;
  cost?: CostConfig;
  scoring?: ScoringConfig;
  parser?: QueryParserProvider;
  /** Pseudo-relevance feedback for category wording the taxonomy does not know; false turns it off. */
  feedback?: FeedbackConfig | false;
  /**
   * CPU time in ms, for the cost model; default this process's (every thread's). The ranking thread
   * passes its own thread's, so a query is not charged for the API's work done meanwhile.
   */
  cpuClockMs?: () => number;
}

const processCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export interface IntentQueryInput {
  query: string;
  limit?: number;
  filters?: IntentFilters;
}

export interface IntentMetadata {
  total_leads: number;
  query_processed: string;
  processing_time_ms: number;
  cost_usd: number;
  llm_calls: number;
  cache_hit_rate: number;
}

export interface IntentQueryStats {
  cacheHit: boolean;
  cpuMs: number;
  wallMs: number;
  asOf: string;
  parser: string;
  parserFallback?: string;
  llm: LlmUsage;
  parsed: ParsedQuery;
  /** What the corpus said about product words the lexicon did not know (lexicon parses only). */
  feedback?: FeedbackOutcome;
  eligible: number;
  total: number;
  matchedSignals: number;
  warnings: string[];
}

export interface IntentQueryResult {
  leads: Lead[];
  metadata: IntentMetadata;
  stats: IntentQueryStats;
}

interface CacheEntry {
  ranked: RankedList;
  titles: string[];
  warnings: string[];
}

export class IntentEngine {
  readonly cache: LruCache<CacheEntry>;
  private readonly compiledFilters: LruCache<CompiledFilters>;
  private readonly scratch: Scratch;
  private readonly maxResults: number;
  private readonly cost: CostConfig;
  private readonly cpuClockMs: () => number;
  private readonly scoring: ScoringConfig;
  private readonly parser: QueryParserProvider;
  /** Feedback results by parse (the index is immutable): a repeated prompt does not search again. */
  private readonly feedbackMemo: LruCache<{ query: ParsedQuery; outcome: FeedbackOutcome }>;
  private readonly feedback: FeedbackConfig | false;

  constructor(
    readonly index: IntentIndex,
    options: IntentEngineOptions = {},
  ) {
    this.cache = new LruCache(options.cacheEntries ?? 1000);
    // Compiled filter sets (a bitset over the companies each) recur across prompts: kept even when
    // results are not cached. Read-only once compiled.
    this.compiledFilters = new LruCache(64);
    this.scratch = new Scratch(index);
    this.maxResults = options.maxResults ?? MAX_LIMIT;
    this.cost = options.cost ?? DEFAULT_COST;
    this.cpuClockMs = options.cpuClockMs ?? processCpuMs;
    this.scoring = options.scoring ?? DEFAULT_SCORING;
    this.parser = options.parser ?? lexiconParser;
    this.feedbackMemo = new LruCache((options.cacheEntries ?? 1000) > 0 ? 256 : 0);
    this.feedback = options.feedback ?? DEFAULT_FEEDBACK;
    if (this.feedback) feedbackBackground(index); // once per index, not on the first query
  }

  /** The parse after pseudo-relevance feedback on the corpus (unchanged for a prompt it explains). */
  private withFeedback(parsed: ParsedQuery): { query: ParsedQuery; outcome?: FeedbackOutcome } {
    if (!this.feedback || parsed.parser !== 'lexicon' || (parsed.productRuns ?? []).length === 0)
      return { query: parsed };
    const memo = this.feedbackMemo.maxEntries > 0;
    const key = memo ? `${JSON.stringify(parsed.productRuns)}|${parsedQueryKey(parsed)}` : '';
    let fb = memo ? this.feedbackMemo.get(key) : undefined;
    if (!fb) {
      fb = applyFeedback(this.index, parsed, this.scratch, this.feedback);
      if (memo) this.feedbackMemo.set(key, fb);
    }
    return fb.outcome.decision === 'none' ? { query: fb.query } : fb;
  }

  static fromCorpus(corpus: IntentCorpus, options: IntentEngineOptions = {}): IntentEngine {
    return new IntentEngine(buildIndex(corpus), options);
  }

  /** Full query: parse (maybe with an LLM provider), rank, materialise, cost. */
  async query(input: IntentQueryInput, opts: { asOf?: string } = {}): Promise<IntentQueryResult> {
    if (this.parser === lexiconParser) return this.querySync(input, opts); // parse CPU measured too
    const t0 = performance.now();
    const outcome = await this.parser.parse(input.query);
    // A provider that fell back to the lexicon parse gets the lexicon's feedback too.
    const fb = this.withFeedback(outcome.parsed);
    const result = this.queryParsed(fb.query, input, opts, outcome.usage, t0);
    if (outcome.fallback) result.stats.parserFallback = outcome.fallback;
    if (fb.outcome) result.stats.feedback = fb.outcome;
    return result;
  }

  /** Synchronous query with the lexicon parser (no provider). */
  querySync(input: IntentQueryInput, opts: { asOf?: string } = {}): IntentQueryResult {
    const t0 = performance.now();
    const before = this.cpuClockMs();
    const fb = this.withFeedback(parsePrompt(input.query, { places: this.index.cityKeys }));
    const parseCpuMs = this.cpuClockMs() - before;
    const result = this.queryParsed(fb.query, input, opts, NO_LLM, t0);
    result.stats.cpuMs += parseCpuMs;
    if (fb.outcome) result.stats.feedback = fb.outcome;
    result.metadata.cost_usd = queryCostUsd(result.stats.cpuMs, NO_LLM, this.cost);
    return result;
  }

  /** Ranks an already-parsed query. */
  queryParsed(
    parsed: ParsedQuery,
    input: IntentQueryInput,
    opts: { asOf?: string } = {},
    llm: LlmUsage = NO_LLM,
    t0 = performance.now(),
  ): IntentQueryResult {
    const before = this.cpuClockMs();
    const asOf = opts.asOf ?? this.index.asOf;
    const asOfDay = dayNumber(asOf);
    if (Number.isNaN(asOfDay)) throw new Error(`invalid asOf '${asOf}'`);
    const limit = Math.max(1, Math.min(input.limit ?? 25, this.maxResults));
    const filterKey = filterCacheKey(input.filters);
    const key = `${parsedQueryKey(parsed)}|${filterKey}|${asOfDay}`;
    let entry = this.cache.get(key);
    const cacheHit = entry !== undefined;
    if (!entry) {
      let filters = this.compiledFilters.get(filterKey);
      if (!filters) {
        filters = compileFilters(this.index, input.filters);
        this.compiledFilters.set(filterKey, filters);
      }
      const ranked = rankCompanies({
        index: this.index,
        query: parsed,
        filters,
        asOfDay,
        topN: this.maxResults,
        scratch: this.scratch,
        config: this.scoring,
      });
      entry = { ranked, titles: filters.titles, warnings: filters.warnings };
      this.cache.set(key, entry);
    }
    const leads = materializeLeads(this.index, entry.ranked, parsed, entry.titles, asOfDay, limit);
    const cpuMs = this.cpuClockMs() - before;
    const wallMs = performance.now() - t0;
    return {
      leads,
      metadata: {
        total_leads: entry.ranked.total,
        query_processed: input.query.trim(),
        processing_time_ms: Math.round(wallMs * 100) / 100,
        cost_usd: queryCostUsd(cpuMs, llm, this.cost),
        llm_calls: llm.calls,
        cache_hit_rate: Math.round(this.cache.hitRate() * 10_000) / 10_000,
      },
      stats: {
        cacheHit,
        cpuMs,
        wallMs,
        asOf,
        parser: parsed.parser,
        llm,
        parsed,
        eligible: entry.ranked.eligible,
        total: entry.ranked.total,
        matchedSignals: entry.ranked.matchedSignals,
        warnings: entry.warnings,
      },
    };
  }
}
