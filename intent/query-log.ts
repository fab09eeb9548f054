import { preparedStatement, type Queryable } from '../db/pool.js';

// SQL of the intent API: the query log, per-key limit overrides, the shared token bucket and daily
// spend, and the aggregates that reputation and alerts are computed from (docs/intent-api.md).

/** The documented intent limits and alert thresholds; `intent_key_limits` overrides them per key. */
export interface IntentLimits {
  /** Token-bucket refill rate (standard rate). */
  ratePerMinute: number;
  /** Token-bucket capacity (burst). */
  burst: number;
  perDay: number;
  usdPerLead: number;
  usdPerQuery: number;
  usdPerDay: number;
  /** Under this reputation score the key is throttled. */
  minReputation: number;
  /** Queries per minute a throttled key may still make. */
  throttledPerMinute: number;
  alertLatencyMs: number;
  alertEmptyRatio: number;
}

export const DEFAULT_INTENT_LIMITS: IntentLimits = {
  ratePerMinute: 100,
  burst: 1000,
  perDay: 10_000,
  usdPerLead: 0.002,
  usdPerQuery: 4,
  usdPerDay: 100,
  minReputation: 0.5,
  throttledPerMinute: 6,
  alertLatencyMs: 400,
  alertEmptyRatio: 0.5,
};

const LIMIT_COLUMNS: Record<keyof IntentLimits, string> = {
  ratePerMinute: 'rate_per_minute',
  burst: 'burst',
  perDay: 'per_day',
  usdPerLead: 'usd_per_lead',
  usdPerQuery: 'usd_per_query',
  usdPerDay: 'usd_per_day',
  minReputation: 'min_reputation',
  throttledPerMinute: 'throttled_per_minute',
  alertLatencyMs: 'alert_latency_ms',
  alertEmptyRatio: 'alert_empty_ratio',
};
const LIMIT_KEYS = Object.keys(LIMIT_COLUMNS) as (keyof IntentLimits)[];

/** Sets (or with `null`, clears) a key's overrides; absent fields are left as they are. */
export async function setIntentKeyLimits(
  db: Queryable,
  keyId: string,
  limits: Partial<Record<keyof IntentLimits, number | null>>,
): Promise<void> {
  const keys = LIMIT_KEYS.filter((k) => limits[k] !== undefined);
  if (keys.length === 0) return;
  const cols = keys.map((k) => LIMIT_COLUMNS[k]);
  await db.query(
    `INSERT INTO intent_key_limits (key_id, ${cols.join(', ')}) VALUES ($1, ${cols.map((_, i) => `$${i + 2}`).join(', ')})
     ON CONFLICT (key_id) DO UPDATE SET ${cols.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()`,
    [keyId, ...keys.map((k) => limits[k])],
  );
}

/** A key's overrides only (what `setIntentKeyLimits` set); absent fields use the defaults. */
export async function getIntentKeyLimits(db: Queryable, keyId: string): Promise<Partial<IntentLimits>> {
  const { rows } = await db.query<Record<string, number | null>>(
    `SELECT ${LIMIT_KEYS.map((k) => `${LIMIT_COLUMNS[k]}::float8 AS "${k}"`).join(', ')}
       FROM intent_key_limits WHERE key_id = $1`,
    [keyId],
  );
  const row = rows[0] ?? {};
  return Object.fromEntries(
    LIMIT_KEYS.filter((k) => row[k] !== null && row[k] !== undefined).map((k) => [k, Number(row[k])]),
  );
}

// A copy: the admission statement's parameters follow LIMIT_KEYS's order, which nobody may change.
export const INTENT_LIMIT_NAMES: readonly (keyof IntentLimits)[] = Object.freeze([...LIMIT_KEYS]);

export interface IntentAdmission {
  limits: IntentLimits;
  /** Whether the token bucket had a token for this request (then one was taken). */
  allowed: boolean;
  /** Tokens left after this request. */
  tokens: number;
  /** Requests of the key in the current UTC day, this one included. */
  requestsToday: number;
  /** Spend of the key in the current UTC day, before this request. */
  spendTodayUsd: number;
  /** Database clock, Unix seconds (so every API process computes the same reset times). */
  now: number;
}

/** The tokens a key's bucket holds now: what it had, refilled by the time since, up to the burst. */
const AVAILABLE_TOKENS = `LEAST((SELECT "burst" FROM lim),
  b.tokens + extract(epoch FROM now() - b.refilled_at)::float8 * (SELECT "ratePerMinute" FROM lim) / 60)`;
const TODAY = `(now() AT TIME ZONE 'UTC')::date`;

/**
 * ONE statement for `count` requests of one key, in order, as if each were admitted alone at the same
 * instant: reads the key's limits (overrides over `defaults`), refills its token bucket by the time
 * since the last request (capacity `burst`, `ratePerMinute` per minute), takes a token for each request
 * while there is a whole one, counts the requests in the key's UTC day, and returns each request's
 * admission: whether it got a token, the tokens left after it, today's requests up to it and today's
 * spend.
 */
export async function admitIntentRequests(
  db: Queryable,
  keyId: string,
  count: number,
  defaults: IntentLimits = DEFAULT_INTENT_LIMITS,
): Promise<IntentAdmission[]> {
  const { rows } = await db.query<Record<string, number | null>>(
    admitStatement([keyId, ...LIMIT_KEYS.map((k) => defaults[k]), count]),
  );
  const row = rows[0]!;
  const limits = Object.fromEntries(LIMIT_KEYS.map((k) => [k, Number(row[k])])) as unknown as IntentLimits;
  const admitted = Number(row.admitted);
  const available = Number(row.tokens) + admitted;
  const requestsBefore = Number(row.requests_today) - count;
  const spendTodayUsd = Number(row.spend_today ?? 0);
  const now = Number(row.now);
  // Request i took a token if one was left for it; the ones after the last token got none.
  return Array.from({ length: count }, (_, i) => ({
    limits,
    allowed: i < admitted,
    tokens: available - Math.min(i + 1, admitted),
    requestsToday: requestsBefore + i + 1,
    spendTodayUsd,
    now,
  }));
}

const ADMIT_COUNT = `$${LIMIT_KEYS.length + 2}::int`;
const admitStatement = preparedStatement(
  'intent_admit',
  `WITH lim AS (
       SELECT ${LIMIT_KEYS.map((k, i) => `coalesce(l.${LIMIT_COLUMNS[k]}, $${i + 2})::float8 AS "${k}"`).join(', ')}
         FROM (VALUES (1)) AS one (x) LEFT JOIN intent_key_limits l ON l.key_id = $1
     ), u AS (
       INSERT INTO intent_key_usage AS b (key_id, tokens, allowed, admitted, refilled_at, requests_day, requests_today)
       SELECT $1, lim."burst" - LEAST(${ADMIT_COUNT}, GREATEST(0, floor(lim."burst"))), lim."burst" >= 1,
              LEAST(${ADMIT_COUNT}, GREATEST(0, floor(lim."burst"))), now(), ${TODAY}, ${ADMIT_COUNT} FROM lim
       ON CONFLICT (key_id) DO UPDATE SET
         requests_today = CASE WHEN b.requests_day = ${TODAY} THEN b.requests_today + ${ADMIT_COUNT} ELSE ${ADMIT_COUNT} END,
         requests_day = ${TODAY},
         tokens = ${AVAILABLE_TOKENS} - LEAST(${ADMIT_COUNT}, GREATEST(0, floor(${AVAILABLE_TOKENS}))),
         allowed = ${AVAILABLE_TOKENS} >= 1,
         admitted = LEAST(${ADMIT_COUNT}, GREATEST(0, floor(${AVAILABLE_TOKENS}))),
         refilled_at = now()
       RETURNING tokens, admitted, requests_today,
         CASE WHEN spend_day = ${TODAY} THEN spend_usd ELSE 0 END AS spend_today
     )
     SELECT lim.*, u.tokens, u.admitted, u.requests_today, u.spend_today, extract(epoch FROM now())::float8 AS now
       FROM lim, u`,
);

export interface IntentQueryLogRow {
  id: string;
  keyId: string;
  accountId: string;
  receivedAt: Date;
  querySha256: string | null;
  queryLength: number | null;
  limitRequested: number | null;
  filterCount: number;
  specific: boolean | null;
  resultCount: number;
  totalLeads: number | null;
  latencyMs: number;
  costUsd: number;
  llmCalls: number;
  cacheHit: boolean | null;
  errorCode: string | null;
}

/**
 * Logs queries and adds their cost to each key's spend of the day, in one statement however many rows
 * (the API batches the rows of queries that finish together: intent/http/routes.ts).
 */
export async function insertIntentQueries(db: Queryable, rows: readonly IntentQueryLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof IntentQueryLogRow>(k: K) => rows.map((r) => r[k]);
  await db.query(
    logStatement([
      column('id'),
      column('keyId'),
      column('accountId'),
      column('receivedAt'),
      column('querySha256'),
      column('queryLength'),
      column('limitRequested'),
      column('filterCount'),
      column('specific'),
      column('resultCount'),
      column('totalLeads'),
      column('latencyMs'),
      column('costUsd'),
      column('llmCalls'),
      column('cacheHit'),
      column('errorCode'),
    ]),
  );
}

const logStatement = preparedStatement(
  'intent_log_queries',
  `WITH q AS (
       INSERT INTO intent_queries (id, key_id, account_id, received_at, query_sha256, query_length,
         limit_requested, filter_count, specific, result_count, total_leads, latency_ms, cost_usd, llm_calls,
         cache_hit, error_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::int[],
         $7::int[], $8::int[], $9::bool[], $10::int[], $11::int[], $12::float8[], $13::float8[], $14::int[],
         $15::bool[], $16::text[])
     ), spent AS (
       SELECT key_id, sum(cost) AS usd FROM unnest($2::text[], $13::float8[]) AS s (key_id, cost)
        WHERE cost > 0 GROUP BY key_id
     )
     UPDATE intent_key_usage AS b
        SET spend_usd = CASE WHEN b.spend_day = (now() AT TIME ZONE 'UTC')::date
                             THEN b.spend_usd + spent.usd ELSE spent.usd END,
            spend_day = (now() AT TIME ZONE 'UTC')::date
       FROM spent WHERE b.key_id = spent.key_id`,
);

/** Error codes that say something about the quality of the key's queries (the others are ours or limits). */
export const QUALITY_ERROR_CODES = ['INVALID_QUERY', 'COST_LIMIT_EXCEEDED'] as const;

export interface IntentQueryStats {
  total: number;
  successful: number;
  failed: number;
  avgLatencyMs: number | null;
  /** Queries the score is computed from: answered, invalid or over the cost limit (newest `scoreSample`). */
  considered: number;
  ok: number;
  invalid: number;
  overCost: number;
  empty: number;
  vague: number;
  largeLimit: number;
  noFilters: number;
  cacheHits: number;
  costUsd: number;
  leads: number;
  avgTotalLeads: number | null;
}

/**
 * Aggregates of a key's query log over the last `windowHours`: counts and average latency over every
 * logged query; the inputs of the reputation score over the newest `scoreSample` considered queries.
 */
export async function intentQueryStats(
  db: Queryable,
  keyId: string,
  windowHours: number,
  scoreSample: number,
): Promise<IntentQueryStats> {
  const { rows } = await db.query<Record<string, number | null>>(
    `WITH w AS (
       SELECT * FROM intent_queries WHERE key_id = $1 AND received_at > now() - make_interval(hours => $2)
     ), s AS (
       SELECT * FROM w WHERE error_code IS NULL OR error_code = ANY($4::text[])
        ORDER BY received_at DESC LIMIT $3
     )
     SELECT
       (SELECT count(*) FROM w)::int AS total,
       (SELECT count(*) FROM w WHERE error_code IS NULL)::int AS successful,
       (SELECT avg(latency_ms) FROM w WHERE error_code IS NULL)::float8 AS avg_latency_ms,
       count(*)::int AS considered,
       count(*) FILTER (WHERE error_code IS NULL)::int AS ok,
       count(*) FILTER (WHERE error_code = 'INVALID_QUERY')::int AS invalid,
       count(*) FILTER (WHERE error_code = 'COST_LIMIT_EXCEEDED')::int AS over_cost,
       count(*) FILTER (WHERE error_code IS NULL AND result_count = 0)::int AS empty,
       count(*) FILTER (WHERE error_code IS NULL AND specific IS FALSE)::int AS vague,
       count(*) FILTER (WHERE error_code IS NULL AND limit_requested >= 1000)::int AS large_limit,
       count(*) FILTER (WHERE error_code IS NULL AND filter_count = 0)::int AS no_filters,
       count(*) FILTER (WHERE error_code IS NULL AND cache_hit)::int AS cache_hits,
       coalesce(sum(cost_usd) FILTER (WHERE error_code IS NULL OR error_code = 'COST_LIMIT_EXCEEDED'), 0)::float8 AS cost_usd,
       coalesce(sum(result_count) FILTER (WHERE error_code IS NULL OR error_code = 'COST_LIMIT_EXCEEDED'), 0)::int AS leads,
       avg(total_leads) FILTER (WHERE error_code IS NULL)::float8 AS avg_total_leads
     FROM s`,
    [keyId, windowHours, scoreSample, [...QUALITY_ERROR_CODES]],
  );
  const r = rows[0]!;
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    total: n('total'),
    successful: n('successful'),
    failed: n('total') - n('successful'),
    avgLatencyMs: r.avg_latency_ms == null ? null : Number(r.avg_latency_ms),
    considered: n('considered'),
    ok: n('ok'),
    invalid: n('invalid'),
    overCost: n('over_cost'),
    empty: n('empty'),
    vague: n('vague'),
    largeLimit: n('large_limit'),
    noFilters: n('no_filters'),
    cacheHits: n('cache_hits'),
    costUsd: n('cost_usd'),
    leads: n('leads'),
    avgTotalLeads: r.avg_total_leads == null ? null : Number(r.avg_total_leads),
  };
}

/** One of a key's "considered" queries (answered, invalid or refused for cost), as reputation reads it. */
export interface ConsideredQuery {
  id: string;
  receivedAt: Date;
  errorCode: string | null;
  resultCount: number;
  specific: boolean | null;
  costUsd: number;
}

export const isConsidered = (errorCode: string | null): boolean =>
  errorCode === null || (QUALITY_ERROR_CODES as readonly string[]).includes(errorCode);

/** The key's newest `sample` considered queries of the last `windowHours`, oldest first. */
export async function recentConsideredQueries(
  db: Queryable,
  keyId: string,
  windowHours: number,
  sample: number,
): Promise<ConsideredQuery[]> {
  const { rows } = await db.query<{
    id: string;
    received_at: Date;
    error_code: string | null;
    result_count: number;
    specific: boolean | null;
    cost_usd: number;
  }>(
    `SELECT id, received_at, error_code, result_count, specific, cost_usd FROM intent_queries
      WHERE key_id = $1 AND received_at > now() - make_interval(hours => $2)
        AND (error_code IS NULL OR error_code = ANY($4::text[]))
      ORDER BY received_at DESC LIMIT $3`,
    [keyId, windowHours, sample, [...QUALITY_ERROR_CODES]],
  );
  return rows.reverse().map((r) => ({
    id: r.id,
    receivedAt: r.received_at,
    errorCode: r.error_code,
    resultCount: r.result_count,
    specific: r.specific,
    costUsd: r.cost_usd,
  }));
}

export interface IntentAlertBucket {
  /** Bucket start, Unix seconds. */
  start: number;
  /** Time of the bucket's first and last query. */
  firstAt: Date;
  lastAt: Date;
  /** Queries with a cost (answered, or refused after running for exceeding the cost limit). */
  costQueries: number;
  costPerLead: number | null;
  /** Answered queries. */
  answered: number;
  p95LatencyMs: number | null;
  emptyRatio: number | null;
}

/** Per-bucket aggregates of a key's log over the last `windowHours`, oldest first. */
export async function intentAlertBuckets(
  db: Queryable,
  keyId: string,
  bucketSeconds: number,
  windowHours: number,
): Promise<IntentAlertBucket[]> {
  const { rows } = await db.query<{
    start: number;
    first_at: Date;
    last_at: Date;
    cost_queries: number;
    cost_per_lead: number | null;
    answered: number;
    p95: number | null;
    empty_ratio: number | null;
  }>(
    `SELECT floor(extract(epoch FROM received_at) / $2)::bigint * $2 AS start,
            min(received_at) AS first_at, max(received_at) AS last_at,
            count(*) FILTER (WHERE error_code IS NULL OR error_code = 'COST_LIMIT_EXCEEDED')::int AS cost_queries,
            (sum(cost_usd) FILTER (WHERE error_code IS NULL OR error_code = 'COST_LIMIT_EXCEEDED')
              / nullif(sum(greatest(result_count, 1)) FILTER (WHERE error_code IS NULL OR error_code = 'COST_LIMIT_EXCEEDED'), 0))::float8
              AS cost_per_lead,
            count(*) FILTER (WHERE error_code IS NULL)::int AS answered,
            (percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE error_code IS NULL))::float8 AS p95,
            (avg((result_count = 0)::int) FILTER (WHERE error_code IS NULL))::float8 AS empty_ratio
       FROM intent_queries
      WHERE key_id = $1 AND received_at > now() - make_interval(hours => $3)
      GROUP BY 1 ORDER BY 1`,
    [keyId, bucketSeconds, windowHours],
  );
  return rows.map((r) => ({
    start: Number(r.start),
    firstAt: r.first_at,
    lastAt: r.last_at,
    costQueries: r.cost_queries,
    costPerLead: r.cost_per_lead,
    answered: r.answered,
    p95LatencyMs: r.p95,
    emptyRatio: r.empty_ratio,
  }));
}

/** The key's display prefix (never the secret). */
export async function apiKeyPrefix(db: Queryable, keyId: string): Promise<string | null> {
  const { rows } = await db.query<{ prefix: string }>('SELECT prefix FROM api_keys WHERE id = $1', [keyId]);
  return rows[0]?.prefix ?? null;
}

/** The key's effective limits (its overrides over `defaults`), without counting a request. */
export async function readIntentKeyLimits(
  db: Queryable,
  keyId: string,
  defaults: IntentLimits = DEFAULT_INTENT_LIMITS,
): Promise<IntentLimits> {
  const { rows } = await db.query<Record<string, number>>(
    `SELECT ${LIMIT_KEYS.map((k, i) => `coalesce(l.${LIMIT_COLUMNS[k]}, $${i + 2})::float8 AS "${k}"`).join(', ')}
       FROM (VALUES (1)) AS one (x) LEFT JOIN intent_key_limits l ON l.key_id = $1`,
    [keyId, ...LIMIT_KEYS.map((k) => defaults[k])],
  );
  const row = rows[0]!;
  return Object.fromEntries(LIMIT_KEYS.map((k) => [k, Number(row[k])])) as unknown as IntentLimits;
}

/** Whether any intent company has been imported. */
export async function hasIntentData(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM intent_companies) AS any');
  return rows[0]?.any === true;
}
