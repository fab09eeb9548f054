import type { Context } from 'hono';
import type { AuthenticatedKey } from '../../db/accounts.js';
import type { Queryable } from '../../db/pool.js';
import { hitRateLimit } from '../../db/rate-limits.js';
import { KeyedBatcher } from '../../lib/request-batcher.js';
import {
  admitIntentRequests,
  type ConsideredQuery,
  DEFAULT_INTENT_LIMITS,
  type IntentAdmission,
  type IntentLimits,
  type IntentQueryLogRow,
  isConsidered,
  recentConsideredQueries,
} from '../query-log.js';
import { IntentApiError } from './errors.js';
import {
  REPUTATION_SAMPLE,
  REPUTATION_WINDOW_HOURS,
  type Reputation,
  reputationInputs,
  reputationOf,
} from './quality.js';

// The intent API's per-key limits (docs/intent-api.md), kept in Postgres so that every API process
// shares them, and separate from the lead API's counters:
//
// - rate: a token bucket of capacity `burst` (1,000) refilled at `ratePerMinute` (100/min): a key may
//   burst up to 1,000 requests, and sustains 100/min. One row per key (`intent_key_usage`), refilled
//   and decremented by one statement, which admits a key's requests that arrived together (group
//   commit, one statement under way per key: the row's lock would serialise more anyway). Fixed
//   windows (the lead API's mechanism) cannot say "100/min sustained, 1,000 burst", so the bucket is
//   the one new mechanism here.
// - day: 10,000 requests per UTC day, counted in the same row and statement as the bucket.
// - cost: $100 spent per UTC day (checked before running; the spend is added after each query), and
//   per query at most $4 and $0.002 per returned lead (checked after ranking; over it the leads are
//   withheld and the answer is 429 COST_LIMIT_EXCEEDED).
// - reputation: under `minReputation` a key is throttled to `throttledPerMinute` queries a minute
//   (fixed window, counter key `intent-throttle:<key id>`), beyond that 429 QUERY_THROTTLED. The score
//   is computed from the key's newest considered queries, which this process holds in memory: read
//   from the log at most every `reputationCacheMs` (other processes' queries), and each query this
//   process logs is added at once (`note`), so a key's own burst counts without reading it back.
//
// Every authenticated POST /query counts, invalid ones included, as in the lead API.

export interface AdmittedQuery {
  limits: IntentLimits;
  reputation: Reputation;
}

export interface IntentLimiterOptions {
  defaults?: IntentLimits;
  /** How long a key's sample of recent queries (for the throttle decision) is reused; default 5 s. */
  reputationCacheMs?: number;
}

const DAY = 86_400;

interface KeySample {
  /** Newest considered queries, oldest first, at most REPUTATION_SAMPLE. */
  queries: ConsideredQuery[];
  readAt: number;
}

export class IntentLimiter {
  readonly defaults: IntentLimits;
  private readonly cacheMs: number;
  private readonly samples = new Map<string, KeySample>();
  /** Reads of a key's sample under way, shared by the queries that need it, with what was noted meanwhile. */
  private readonly reads = new Map<
    string,
    { queries: Promise<ConsideredQuery[]>; noted: ConsideredQuery[] }
  >();
  /** Per key, the admission statement under way and the requests waiting for the next. */
  private readonly admissions: KeyedBatcher<IntentAdmission>;

  constructor(
    private readonly db: Queryable,
    options: IntentLimiterOptions = {},
  ) {
    this.defaults = options.defaults ?? DEFAULT_INTENT_LIMITS;
    this.cacheMs = options.reputationCacheMs ?? 5000;
    this.admissions = new KeyedBatcher((keyId, count) =>
      admitIntentRequests(this.db, keyId, count, this.defaults),
    );
  }

  /** The key's newest considered queries (the reputation sample), oldest first. */
  async sample(keyId: string): Promise<readonly ConsideredQuery[]> {
    const held = this.samples.get(keyId);
    if (held && Date.now() - held.readAt < this.cacheMs) return held.queries;
    let read = this.reads.get(keyId);
    if (!read) {
      const noted: ConsideredQuery[] = [];
      const readAt = Date.now();
      const queries = recentConsideredQueries(this.db, keyId, REPUTATION_WINDOW_HOURS, REPUTATION_SAMPLE)
        .then((rows) => {
          // Queries logged while the read was under way may be missing from it.
          const ids = new Set(rows.map((q) => q.id));
          const missing = noted.filter((q) => !ids.has(q.id));
          const merged = missing.length === 0 ? rows : [...rows, ...missing].slice(-REPUTATION_SAMPLE);
          if (this.cacheMs > 0) {
            if (this.samples.size > 10_000) this.samples.clear();
            this.samples.set(keyId, { queries: merged, readAt });
          }
          return merged;
        })
        .finally(() => this.reads.delete(keyId));
      read = { queries, noted };
      this.reads.set(keyId, read);
    }
    return read.queries;
  }

  /** Adds a query this process has logged to its key's sample (called once the log row is written). */
  note(row: IntentQueryLogRow): void {
    if (!isConsidered(row.errorCode)) return;
    const query: ConsideredQuery = {
      id: row.id,
      receivedAt: row.receivedAt,
      errorCode: row.errorCode,
      resultCount: row.resultCount,
      specific: row.specific,
      costUsd: row.costUsd,
    };
    this.reads.get(row.keyId)?.noted.push(query);
    const held = this.samples.get(row.keyId);
    // A read that finished just before this note may already hold the row.
    if (held && !held.queries.some((q) => q.id === query.id)) {
      held.queries.push(query);
      if (held.queries.length > REPUTATION_SAMPLE) held.queries.shift();
    }
  }

  /**
   * Counts the request against the key's limits and sets the `X-RateLimit-*` headers; throws the
   * documented 429 when a limit is exceeded.
   */
  async admit(c: Context, auth: AuthenticatedKey): Promise<AdmittedQuery> {
    const [admission, sample] = await Promise.all([
      this.admissions.submit(auth.keyId),
      this.sample(auth.keyId),
    ]);
    const { limits, now } = admission;
    const perSecond = limits.ratePerMinute / 60;
    const tokens = Math.max(0, admission.tokens);
    const fullAt = Math.ceil(now + (limits.burst - tokens) / perSecond);
    c.header('X-RateLimit-Limit', String(limits.burst));
    c.header('X-RateLimit-Remaining', String(Math.floor(tokens)));
    c.header('X-RateLimit-Reset', String(fullAt));
    const dayCount = admission.requestsToday;
    const dayReset = Math.floor(now / DAY) * DAY + DAY;
    c.header('X-RateLimit-Daily-Limit', String(limits.perDay));
    c.header('X-RateLimit-Daily-Remaining', String(Math.max(0, limits.perDay - dayCount)));
    c.header('X-RateLimit-Daily-Reset', String(dayReset));

    if (!admission.allowed) {
      const retryAfter = Math.max(1, Math.ceil((1 - tokens) / perSecond));
      throw new IntentApiError(
        429,
        'RATE_LIMIT_EXCEEDED',
        `Rate limit exceeded: ${limits.ratePerMinute} requests per minute (burst ${limits.burst}) for this API key`,
        { limit: limits.ratePerMinute, burst: limits.burst, window: 'minute', retry_after: retryAfter },
        { 'Retry-After': String(retryAfter) },
      );
    }
    if (dayCount > limits.perDay) {
      const retryAfter = Math.max(1, Math.ceil(dayReset - now));
      throw new IntentApiError(
        429,
        'RATE_LIMIT_EXCEEDED',
        `Rate limit exceeded: ${limits.perDay} requests per day for this API key`,
        { limit: limits.perDay, window: 'day', retry_after: retryAfter, reset: dayReset },
        { 'Retry-After': String(retryAfter) },
      );
    }
    if (admission.spendTodayUsd >= limits.usdPerDay) {
      const retryAfter = Math.max(1, Math.ceil(dayReset - now));
      throw new IntentApiError(
        429,
        'COST_LIMIT_EXCEEDED',
        `Daily cost limit reached: $${limits.usdPerDay} per day for this API key`,
        {
          limit_usd: limits.usdPerDay,
          window: 'day',
          spent_usd: round6(admission.spendTodayUsd),
          retry_after: retryAfter,
        },
        { 'Retry-After': String(retryAfter) },
      );
    }
    const reputation = reputationOf(reputationInputs(sample), limits);
    if (reputation.throttled) {
      const [w] = await hitRateLimit(this.db, `intent-throttle:${auth.keyId}`, [60]);
      if ((w?.count ?? 0) > limits.throttledPerMinute) {
        const reset = (w?.windowStart ?? now) + 60;
        const retryAfter = Math.max(1, Math.ceil(reset - now));
        throw new IntentApiError(
          429,
          'QUERY_THROTTLED',
          `Query quality reputation too low (${reputation.score} < ${limits.minReputation}): ${reputation.reason}`,
          {
            reputation_score: reputation.score,
            threshold: limits.minReputation,
            reason: reputation.reason,
            allowed_per_minute: limits.throttledPerMinute,
            retry_after: retryAfter,
          },
          { 'Retry-After': String(retryAfter) },
        );
      }
    }
    return { limits, reputation };
  }
}

const round6 = (x: number) => Number(x.toPrecision(6));

/**
 * The per-query cost limits, checked after ranking: at most `usdPerQuery`, and at most `usdPerLead`
 * per returned lead (a query returning nothing is judged as one lead).
 */
export function checkQueryCost(costUsd: number, leads: number, limits: IntentLimits): void {
  const perLead = costUsd / Math.max(1, leads);
  if (costUsd > limits.usdPerQuery) {
    throw new IntentApiError(
      429,
      'COST_LIMIT_EXCEEDED',
      `Query cost $${round6(costUsd)} exceeds the per-query limit of $${limits.usdPerQuery}`,
      { cost_usd: round6(costUsd), limit_usd: limits.usdPerQuery, window: 'query' },
    );
  }
  if (perLead > limits.usdPerLead) {
    throw new IntentApiError(
      429,
      'COST_LIMIT_EXCEEDED',
      `Cost per lead $${round6(perLead)} exceeds the limit of $${limits.usdPerLead}`,
      {
        cost_usd: round6(costUsd),
        cost_per_lead_usd: round6(perLead),
        limit_usd: limits.usdPerLead,
        window: 'lead',
      },
    );
  }
}
