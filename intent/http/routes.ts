import { createHash } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type AuthEnv, authenticate, requireScope } from '../../api/auth.js';
import { rejectUnstorableText } from '../../api/middleware/body.js';
import type { ClientIpResolver } from '../../api/middleware/client-ip.js';
import type { AuthenticatedKey } from '../../db/accounts.js';
import type { Pool } from '../../db/pool.js';
import type { Logger } from '../../lib/logger.js';
import {
  costPerLead,
  intentCacheHits,
  intentCostUsd,
  intentLeadsReturned,
  intentLlmCalls,
  intentQueries,
  intentQueryDuration,
  reportIntentAdmission,
} from '../../lib/metrics.js';
import { RequestBatcher } from '../../lib/request-batcher.js';
import { importIntentData } from '../import.js';
import {
  apiKeyPrefix,
  type IntentQueryLogRow,
  insertIntentQueries,
  intentAlertBuckets,
  intentQueryStats,
  readIntentKeyLimits,
} from '../query-log.js';
import { intentQueryRequestSchema, validateIntentRequest } from '../request.js';
import { type IntentService, newQueryId } from '../service/index.js';
import type { LeaveShedder } from '../service/load-shedder.js';
import { IntentApiError, intentErrorHandler, intentErrorResponses, toIntentError } from './errors.js';
import { checkQueryCost, IntentLimiter, type IntentLimiterOptions } from './limits.js';
import {
  alertsFrom,
  REPUTATION_SAMPLE,
  REPUTATION_WINDOW_HOURS,
  recommendationsFor,
  reputationOf,
} from './quality.js';

// The intent API (docs/intent-api.md) as a sub-app of its own: POST /query, GET
// /query-quality/reputation, GET /query-quality/alerts, POST /intent/import. It owns what its contract
// says differently from the lead API: the error format (errors.ts), authentication wording, body
// limits, the intent limits instead of the lead API's counters (limits.ts), and 405/OPTIONS on its
// paths. api/app.ts mounts it before its global auth and body middleware, so an intent request is
// answered here and never reaches them.

export interface IntentApiOptions {
  pool: Pool;
  logger: Logger;
  /** The intent service (engine + intent worker); absent: every route answers 503. */
  service?: IntentService | undefined;
  /** Client address for per-key IP allow-lists (api/main.ts applies TRUST_PROXY). */
  clientIp?: ClientIpResolver | undefined;
  /** Accounts whose admin keys may import the shared intent corpus over the API ('*': any; [] none). */
  importAccounts?: '*' | readonly string[] | undefined;
  /** The per-key intent limits' defaults and caches (limits.ts). */
  limiter?: IntentLimiterOptions | undefined;
  /** Width of the buckets alerts are evaluated over; default 300 s. */
  alertBucketSeconds?: number | undefined;
}

/** The methods each intent path serves, for 405 answers and OPTIONS. */
const INTENT_PATHS: Record<string, string[]> = {
  '/query': ['POST', 'OPTIONS'],
  '/query-quality/reputation': ['GET', 'HEAD', 'OPTIONS'],
  '/query-quality/alerts': ['GET', 'HEAD', 'OPTIONS'],
  '/intent/import': ['POST', 'OPTIONS'],
};

type IntentEnv = { Variables: AuthEnv['Variables'] & { intentT0: number } };

const MAX_QUERY_BODY_BYTES = 1024 * 1024;
const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

const ContactInfoSchema = z.object({
  name: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

const IntentLeadSchema = z
  .object({
    lead_id: z.string(),
    company_name: z.string(),
    domain: z.string(),
    industry: z.string(),
    company_size: z.string().describe('1-10, 11-50, 51-200, 201-1000 or 1000+'),
    location: z.string(),
    score: z.number().describe('Purchase intent x fit, 0..1'),
    confidence: z.number().describe('Amount, freshness and consistency of the evidence, 0..1'),
    contact_info: ContactInfoSchema,
    intent_signals: z.array(z.string()),
  })
  .openapi('IntentLead');

const IntentMetadataSchema = z
  .object({
    total_leads: z.number().int().describe('Eligible companies with any evidence for the query'),
    query_processed: z.string(),
    processing_time_ms: z.number().describe('End-to-end time in the API, Temporal workflow included'),
    cost_usd: z.number().describe('Cost model: measured CPU time x price + LLM tokens'),
    llm_calls: z.number().int(),
    cache_hit_rate: z.number().describe('Result-cache hits / lookups of this engine since it loaded'),
  })
  .openapi('IntentMetadata');

export const IntentQueryResponseSchema = z
  .object({ leads: z.array(IntentLeadSchema), metadata: IntentMetadataSchema })
  .openapi('IntentQueryResponse');

export const ReputationSchema = z
  .object({
    api_key: z.string().describe('The key’s display prefix, never the secret'),
    reputation_score: z.number(),
    total_queries: z.number().int(),
    successful_queries: z.number().int(),
    failed_queries: z.number().int(),
    average_response_time_ms: z
      .number()
      .nullable()
      .describe('Mean query latency over the window; null when the key made no query in it'),
    cost_efficiency: z.number(),
    throttle_status: z.enum(['active', 'inactive']),
    throttle_reason: z.string().nullable().describe('Why the key is throttled; null when it is not'),
    recommendations: z.array(z.string()),
    threshold: z.number().describe('Throttled under this score'),
    window_hours: z.number().int(),
    components: z.object({
      validity: z.number(),
      non_empty: z.number(),
      specificity: z.number(),
      cost_efficiency: z.number(),
    }),
  })
  .openapi('QueryQualityReputation');

const AlertSchema = z
  .object({
    alert_id: z.string(),
    type: z.enum(['high_cost', 'high_latency', 'empty_results']),
    severity: z.enum(['info', 'warning', 'critical']),
    message: z.string(),
    threshold: z.number(),
    current_value: z.number().describe('The metric in the latest bucket with data'),
    peak_value: z.number(),
    created_at: z.string(),
    resolved_at: z.string().nullable().describe('null while the alert is still open'),
    status: z.enum(['active', 'resolved']),
  })
  .openapi('QueryQualityAlert');

export const AlertsSchema = z
  .object({
    alerts: z.array(AlertSchema),
    summary: z.object({
      total_alerts: z.number().int(),
      active_alerts: z.number().int(),
      critical_alerts: z.number().int(),
      warning_alerts: z.number().int(),
      info_alerts: z.number().int(),
    }),
    bucket_seconds: z.number().int(),
    window_hours: z.number().int(),
  })
  .openapi('QueryQualityAlerts');

const ImportResultSchema = z
  .object({
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    error_count: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
    engine: z
      .object({
        generation: z.number().int(),
        companies: z.number().int(),
        signals: z.number().int(),
        as_of: z.string(),
        loaded_at: z.string(),
        read_ms: z.number(),
        build_ms: z.number(),
      })
      .nullable(),
    reloaded: z.boolean(),
  })
  .openapi('IntentImportResult');

const rateLimitHeaders = {
  'X-RateLimit-Limit': { description: 'Token-bucket capacity (burst)', schema: { type: 'integer' as const } },
  'X-RateLimit-Remaining': { description: 'Whole tokens left', schema: { type: 'integer' as const } },
  'X-RateLimit-Reset': {
    description: 'Unix time (s) when the bucket is full again',
    schema: { type: 'integer' as const },
  },
  'X-RateLimit-Daily-Limit': { description: 'Requests per UTC day', schema: { type: 'integer' as const } },
  'X-RateLimit-Daily-Remaining': { description: 'Requests left today', schema: { type: 'integer' as const } },
  'X-RateLimit-Daily-Reset': {
    description: 'Unix time (s) of the next UTC midnight',
    schema: { type: 'integer' as const },
  },
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A JSON body serialised by the handler (so the measured time includes serialising up to 2000 leads). */
function preSerialized<T>(c: Context, json: string): TypedResponse<T, 200, 'json'> {
  return c.body(json, 200, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<
    T,
    200,
    'json'
  >;
}

function filterCount(body: unknown): number {
  const filters = (body as { filters?: unknown } | null)?.filters;
  if (!filters || typeof filters !== 'object') return 0;
  return Object.values(filters).filter((v) => (Array.isArray(v) ? v.length > 0 : v != null && v !== ''))
    .length;
}

export function intentApi(options: IntentApiOptions) {
  const { pool, logger } = options;
  const intent = options.service;
  const limiter = new IntentLimiter(pool, options.limiter);
  // Query-log rows of queries that finish together are written by one statement (each answer still
  // waits for its own row).
  const queryLog = new RequestBatcher<IntentQueryLogRow, void>(async (rows) => {
    await insertIntentQueries(pool, rows);
    return rows.map(() => undefined);
  });
  const alertBucketSeconds = options.alertBucketSeconds ?? 300;
  const clientIp = options.clientIp ? { clientIp: options.clientIp } : {};
  const auth = authenticate(pool, { ...clientIp, rateLimit: false });
  // The reads and the import count against the key's general API limits; /query against the intent ones.
  const authCounted = authenticate(pool, clientIp);
  // The corpus is shared by every account: who may write it over the API is the operator's choice.
  const importAccounts = options.importAccounts ?? '*';
  const mayImport = async (c: Context<IntentEnv>, next: () => Promise<void>) => {
    if (importAccounts !== '*' && !importAccounts.includes(c.var.auth.accountId)) {
      throw new IntentApiError(
        403,
        'FORBIDDEN',
        'Importing into the shared intent corpus is reserved to the operator on this deployment',
        { reason: 'import_not_allowed', setting: 'INTENT_IMPORT_ACCOUNTS' },
      );
    }
    await next();
  };
  const start = async (c: Context<IntentEnv>, next: () => Promise<void>) => {
    c.set('intentT0', performance.now());
    await next();
  };
  const needService = async (_c: Context, next: () => Promise<void>) => {
    if (!intent) throw new IntentApiError(503, 'SERVICE_UNAVAILABLE', 'The intent service is not running');
    await next();
  };
  if (intent) reportIntentAdmission(intent.shedder);
  // First on POST /query: refuse at once when this process is at capacity (counted in metrics only).
  const shed = async (c: Context, next: () => Promise<void>) => {
    if (!intent) return next();
    let leave: LeaveShedder;
    try {
      leave = intent.shedder.enter();
    } catch (err) {
      intentQueries.inc({ outcome: 'SERVICE_UNAVAILABLE', cache: 'none' });
      throw err;
    }
    let answered = false;
    try {
      await next();
      answered = c.res.status === 200; // only ranked answers steer the limit
    } finally {
      leave(answered);
    }
  };
  const queryBodyLimit = bodyLimit({
    maxSize: MAX_QUERY_BODY_BYTES,
    onError: () => {
      throw new IntentApiError(
        413,
        'PAYLOAD_TOO_LARGE',
        `Request body exceeds ${MAX_QUERY_BODY_BYTES} bytes`,
        {
          max_bytes: MAX_QUERY_BODY_BYTES,
        },
      );
    },
  });

  const app = new OpenAPIHono<IntentEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new IntentApiError(400, 'INVALID_REQUEST', issue?.message ?? 'Invalid request', {
          field: issue?.path.join('.') || '(query)',
        });
      }
    },
  });
  app.onError(intentErrorHandler(logger));
  app.openAPIRegistry.register('IntentQueryRequest', intentQueryRequestSchema);

  const routes = app
    .openapi(
      createRoute({
        method: 'post',
        path: '/query',
        summary: 'Rank companies by purchase intent for a free-text prompt',
        description:
          'Runs one short-lived `intentQueryWorkflow` on the intent task queue and answers its result. Counts against the intent limits (token bucket 1,000 burst / 100 per minute, 10,000 per day, cost limits).',
        tags: ['Intent'],
        middleware: [
          start,
          shed,
          auth,
          requireScope('intent:query'),
          needService,
          queryBodyLimit,
          rejectUnstorableText,
        ] as const,
        request: {
          body: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IntentQueryRequest' } } },
          },
        },
        responses: {
          200: {
            description: 'The top leads and real measurements of the query',
            headers: rateLimitHeaders,
            content: { 'application/json': { schema: IntentQueryResponseSchema } },
          },
          ...intentErrorResponses(400, 413, 415, 429, 503),
        },
      }),
      async (c) => {
        const service = intent!;
        const t0 = c.var.intentT0;
        const key: AuthenticatedKey = c.var.auth;
        const queryId = newQueryId();
        const row: IntentQueryLogRow = {
          id: queryId,
          keyId: key.keyId,
          accountId: key.accountId,
          receivedAt: new Date(Date.now() - (performance.now() - t0)),
          querySha256: null,
          queryLength: null,
          limitRequested: null,
          filterCount: 0,
          specific: null,
          resultCount: 0,
          totalLeads: null,
          latencyMs: 0,
          costUsd: 0,
          llmCalls: 0,
          cacheHit: null,
          errorCode: null,
        };
        // Server-Timing: where the time of an answered query went (auth, limits, parse, workflow, ...).
        const phases: [string, number][] = [];
        let last = t0;
        const mark = (name: string) => {
          const now = performance.now();
          phases.push([name, now - last]);
          last = now;
        };
        const serverTiming = () =>
          [...phases, ['total', performance.now() - t0] as [string, number]]
            .map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`)
            .join(', ');
        const record = async () => {
          row.latencyMs = row.latencyMs || round2(performance.now() - t0);
          intentQueries.inc({
            outcome: row.errorCode ?? 'ok',
            cache: row.cacheHit === null ? 'none' : row.cacheHit ? 'hit' : 'miss',
          });
          try {
            await queryLog.submit(row);
            limiter.note(row);
          } catch (err) {
            logger.error({ err, queryId }, 'intent query log write failed');
          }
        };
        try {
          mark('auth');
          const { limits } = await limiter.admit(c, key);
          mark('limits');
          const type = c.req.header('Content-Type');
          if (!type || !/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(type)) {
            throw new IntentApiError(
              415,
              'UNSUPPORTED_MEDIA_TYPE',
              `Content-Type must be application/json${type ? `, not ${type}` : ''}`,
              { allowed: ['application/json'] },
            );
          }
          let body: unknown;
          try {
            body = JSON.parse(await c.req.text());
          } catch (err) {
            if (err instanceof IntentApiError) throw err;
            throw new IntentApiError(400, 'INVALID_QUERY', 'Request body is not valid JSON', {
              field: '(body)',
            });
          }
          const rawQuery = (body as { query?: unknown } | null)?.query;
          if (typeof rawQuery === 'string') {
            row.querySha256 = createHash('sha256').update(rawQuery.trim()).digest('hex');
            row.queryLength = rawQuery.trim().length;
          }
          const rawLimit = (body as { limit?: unknown } | null)?.limit;
          row.limitRequested = typeof rawLimit === 'number' && Number.isInteger(rawLimit) ? rawLimit : null;
          row.filterCount = filterCount(body);
          const v = validateIntentRequest(body);
          if (!v.ok) throw new IntentApiError(400, 'INVALID_QUERY', v.error.message, v.error.details);
          row.limitRequested = v.value.limit;

          mark('parse');
          const run = await service.queries.run(v.value, key.accountId, queryId);
          mark('workflow');
          const { result } = run;
          row.resultCount = result.leadIds.length;
          row.totalLeads = result.metadata.total_leads;
          row.costUsd = result.metadata.cost_usd;
          row.llmCalls = result.metadata.llm_calls;
          row.cacheHit = result.stats.cacheHit;
          row.specific = run.summary.specific;
          checkQueryCost(result.metadata.cost_usd, result.leadIds.length, limits);

          // Serialised by the ranking thread: written into the answer as it is.
          const { leadsJson } = result;
          // Whole milliseconds in the answer, as the reference shows them; the log keeps the fraction.
          const elapsedMs = round2(performance.now() - t0);
          const metadata = { ...result.metadata, processing_time_ms: Math.round(elapsedMs) };
          const json = `{"leads":${leadsJson},"metadata":${JSON.stringify(metadata)}}`;
          row.latencyMs = elapsedMs;
          intentCacheHits.inc(result.stats.cacheHit ? 1 : 0);
          intentLlmCalls.inc(metadata.llm_calls);
          intentCostUsd.inc(metadata.cost_usd);
          intentLeadsReturned.inc(result.leadIds.length);
          costPerLead.set(metadata.cost_usd / Math.max(1, result.leadIds.length));
          intentQueryDuration.observe({ cache: result.stats.cacheHit ? 'hit' : 'miss' }, elapsedMs / 1000);
          mark('serialize');
          await record();
          mark('log');
          c.header('X-Query-Id', queryId);
          c.header('Server-Timing', serverTiming());
          return preSerialized<z.infer<typeof IntentQueryResponseSchema>>(c, json);
        } catch (err) {
          const e = toIntentError(err);
          row.errorCode = e.code;
          await record();
          throw e;
        }
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/query-quality/reputation',
        summary: 'Query quality reputation of the calling API key',
        description:
          'Computed from the key’s query log over the last 24 hours; the formula is in docs/intent-api.md.',
        tags: ['Intent'],
        middleware: [
          start,
          authCounted,
          requireScope('intent:query'),
          needService,
          rejectUnstorableText,
        ] as const,
        responses: {
          200: {
            description: 'Reputation, throttle state and recommendations',
            content: { 'application/json': { schema: ReputationSchema } },
          },
          ...intentErrorResponses(429, 503),
        },
      }),
      async (c) => {
        const key = c.var.auth;
        const [stats, prefix, limits] = await Promise.all([
          intentQueryStats(pool, key.keyId, REPUTATION_WINDOW_HOURS, REPUTATION_SAMPLE),
          apiKeyPrefix(pool, key.keyId),
          readIntentKeyLimits(pool, key.keyId, limiter.defaults),
        ]);
        const rep = reputationOf(stats, limits);
        return c.json(
          {
            api_key: `${prefix ?? 'lr_'}...`,
            reputation_score: rep.score,
            total_queries: stats.total,
            successful_queries: stats.successful,
            failed_queries: stats.failed,
            average_response_time_ms: stats.avgLatencyMs === null ? null : Math.round(stats.avgLatencyMs),
            cost_efficiency: rep.components.cost_efficiency,
            throttle_status: rep.throttled ? ('active' as const) : ('inactive' as const),
            throttle_reason: rep.reason,
            recommendations: recommendationsFor(stats, limits),
            threshold: limits.minReputation,
            window_hours: REPUTATION_WINDOW_HOURS,
            components: rep.components,
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/query-quality/alerts',
        summary: 'Query quality alerts of the calling API key (high cost, high latency, empty results)',
        tags: ['Intent'],
        middleware: [
          start,
          authCounted,
          requireScope('intent:query'),
          needService,
          rejectUnstorableText,
        ] as const,
        request: {
          query: z.object({
            status: z.enum(['active', 'resolved', 'all']).default('active').openapi({
              description:
                'Which alerts to list: the active ones (default, as the reference), resolved, or all',
            }),
          }),
        },
        responses: {
          200: {
            description: 'Alerts of the last 24 hours and their counts',
            content: { 'application/json': { schema: AlertsSchema } },
          },
          ...intentErrorResponses(400, 429, 503),
        },
      }),
      async (c) => {
        const key = c.var.auth;
        const { status } = c.req.valid('query');
        const [buckets, limits] = await Promise.all([
          intentAlertBuckets(pool, key.keyId, alertBucketSeconds, REPUTATION_WINDOW_HOURS),
          readIntentKeyLimits(pool, key.keyId, limiter.defaults),
        ]);
        const alerts = alertsFrom(buckets, limits).filter((a) => status === 'all' || a.status === status);
        const count = (f: (a: (typeof alerts)[number]) => boolean) => alerts.filter(f).length;
        return c.json(
          {
            alerts,
            summary: {
              total_alerts: alerts.length,
              active_alerts: count((a) => a.status === 'active'),
              critical_alerts: count((a) => a.severity === 'critical'),
              warning_alerts: count((a) => a.severity === 'warning'),
              info_alerts: count((a) => a.severity === 'info'),
            },
            bucket_seconds: alertBucketSeconds,
            window_hours: REPUTATION_WINDOW_HOURS,
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/intent/import',
        summary: 'Import companies, contacts and signals (JSONL or CSV), then rebuild the index',
        description:
          'The body is the file (docs/intent-data.md): JSONL (`application/x-ndjson`) or CSV (`text/csv`), or `?format=`. Bad rows are reported and skipped; good rows are upserted (re-importing changes nothing). When anything changed, the index is rebuilt from Postgres and swapped in. Admin scope, and an account allowed by the operator (INTENT_IMPORT_ACCOUNTS).',
        tags: ['Intent'],
        middleware: [start, authCounted, requireScope('admin'), mayImport, needService] as const,
        request: {
          query: z.object({
            format: z.enum(['jsonl', 'csv']).optional().openapi({ description: 'Default from Content-Type' }),
            kind: z
              .enum(['company', 'contact', 'signal'])
              .optional()
              .openapi({ description: 'Record kind of a CSV file without a kind column' }),
          }),
          body: {
            required: true,
            content: {
              'application/x-ndjson': { schema: { type: 'string', minLength: 1 } },
              'text/csv': { schema: { type: 'string', minLength: 1 } },
            },
          },
        },
        responses: {
          200: {
            description: 'Counts, row errors (line, field, message) and the rebuilt index',
            content: { 'application/json': { schema: ImportResultSchema } },
          },
          ...intentErrorResponses(400, 403, 413, 415, 429, 503),
        },
      }),
      async (c) => {
        const service = intent!;
        const query = c.req.valid('query');
        const type = (c.req.header('Content-Type') ?? '').toLowerCase();
        const format =
          query.format ??
          (/csv/.test(type)
            ? 'csv'
            : /(ndjson|jsonl|json-lines|x-json-stream|application\/json)/.test(type)
              ? 'jsonl'
              : null);
        if (!format) {
          throw new IntentApiError(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            'Send JSONL (application/x-ndjson) or CSV (text/csv), or say ?format=jsonl|csv',
            { allowed: ['application/x-ndjson', 'text/csv'] },
          );
        }
        const body = await nonEmpty(c.req.raw.body);
        if (!body) {
          throw new IntentApiError(400, 'INVALID_REQUEST', 'The body is empty: send the file to import', {
            field: '(body)',
          });
        }
        const result = await importIntentData(pool, limitBytes(body, MAX_IMPORT_BYTES), {
          format,
          ...(query.kind ? { kind: query.kind } : {}),
          origin: service.instanceId,
          channel: service.corpusChannel,
        }).catch((err: unknown) => {
          // Batches that committed before the failure may have changed the corpus.
          service.index.reload().catch(() => {});
          throw err;
        });
        const changed = result.changed;
        const engine = changed ? await service.index.reload() : service.index.info;
        logger.info(
          {
            inserted: result.inserted,
            updated: result.updated,
            errors: result.errorCount,
            reloaded: changed,
          },
          'intent import',
        );
        return c.json(
          {
            inserted: result.inserted,
            updated: result.updated,
            unchanged: result.unchanged,
            error_count: result.errorCount,
            errors: result.errors,
            engine,
            reloaded: changed,
          },
          200,
        );
      },
    );

  // Other methods on an intent path: 405 in the intent format (OPTIONS: 204), with what it serves.
  // The trailing-slash spelling answers the same way (it is not routed, but it is the same resource).
  for (const [path, methods] of Object.entries(INTENT_PATHS)) {
    for (const spelling of [path, `${path}/`]) {
      routes.all(spelling, (c) => {
        const allow = methods.join(', ');
        if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow });
        throw new IntentApiError(
          405,
          'METHOD_NOT_ALLOWED',
          `${c.req.method} is not allowed on ${spelling}; allowed: ${allow}`,
          { allowed: methods },
          { Allow: allow },
        );
      });
    }
  }
  return routes;
}

/**
 * The body's chunks, or null when it has none (no body, or zero bytes: a request without a file is
 * refused, not imported as an empty file). Reads up to the first non-empty chunk.
 */
async function nonEmpty(
  stream: ReadableStream<Uint8Array> | null,
): Promise<AsyncIterable<Uint8Array> | null> {
  if (!stream) return null;
  const reader = stream.getReader();
  let first = await reader.read();
  while (!first.done && first.value.byteLength === 0) first = await reader.read();
  if (first.done) return null;
  const head = first.value;
  return (async function* () {
    yield head;
    for (;;) {
      const next = await reader.read();
      if (next.done) return;
      yield next.value;
    }
  })();
}

async function* limitBytes(chunks: AsyncIterable<Uint8Array>, max: number): AsyncIterable<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > max) {
      throw new IntentApiError(413, 'PAYLOAD_TOO_LARGE', `Import body exceeds ${max} bytes`, {
        max_bytes: max,
      });
    }
    yield chunk;
  }
}
