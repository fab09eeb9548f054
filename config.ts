import { z } from 'zod';
import { type PayloadKeyring, parsePayloadKeys } from './temporal/payload-codec.js';

// Every process (API, worker, launcher) is configured only by environment variables, so the same
// code runs under `npm start`, docker-compose and an orchestrator. The README's configuration table
// mirrors this schema.
const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('leadrail-leads'),
  INTENT_TASK_QUEUE: z.string().default('leadrail-intent'),
  TEMPORAL_UI_URL: z.string().default('http://127.0.0.1:8233'),
  // `id:base64key[,id:base64key...]`: the first encrypts Temporal payloads, all decrypt (temporal/payload-codec.ts).
  PAYLOAD_ENCRYPTION_KEYS: z.string().optional(),
  // The codec endpoint the Temporal UI decodes through (api/routes/codec.ts): an operator token, the UI
  // origins allowed to call it, and (npm start only) unauthenticated calls from this machine.
  CODEC_AUTH_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  CODEC_CORS_ORIGINS: z
    .string()
    .default('http://localhost:8233,http://127.0.0.1:8233')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'expected origins such as http://localhost:8080')),
    ),
  CODEC_ALLOW_LOOPBACK: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().optional(),
  // `true` trusts one reverse-proxy hop, a number that many, `false`/unset none (X-Forwarded-For ignored).
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+)$/, 'expected true, false or a hop count')
    .optional()
    .transform((v) => (v === 'true' ? 1 : v && v !== 'false' ? Number(v) : 0)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MIGRATE_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  WORKER_METRICS_PORT: z.coerce.number().int().nonnegative().default(9464),
  MAINTENANCE_INTERVAL: z
    .string()
    .regex(/^\d+[smhd]$/, 'expected a duration such as 15m, 1h or 1d')
    .default('1h'),
  INTENT_QUERY_LOG_RETENTION_DAYS: z.coerce.number().int().min(2).max(3650).default(90),
  LEAD_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).optional(),
  PING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  OUTBOUND_PRIVATE_NETWORKS: z.enum(['allow', 'deny']).default('allow'),
  // How long a replaced webhook signing secret keeps signing after POST /webhooks/secret/rotate.
  WEBHOOK_SECRET_OVERLAP_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .default(86_400),
  // '*' any account's admin key; a comma-separated list of account ids; empty: nobody (CLI only).
  INTENT_IMPORT_ACCOUNTS: z.string().default('*'),
  // Ceilings on what tenants may set; never below the documented defaults a key gets without a limit.
  KEY_RATE_LIMIT_MAX_PER_HOUR: z.coerce.number().int().min(1000).default(1000),
  KEY_RATE_LIMIT_MAX_PER_MINUTE: z.coerce.number().int().min(100).default(100),
  INTENT_CACHE_ENTRIES: z.coerce.number().int().nonnegative().default(1000),
  INTENT_WORKFLOW_BUNDLE_PATH: z.string().optional(),
  // The API runs a lead worker of its own and starts synchronous leads eagerly on it (decision 22):
  // on under `npm start` (the dev server), off by default.
  LEAD_EAGER_START: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  INTENT_EAGER_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  INTENT_MAX_CONCURRENT: z.coerce.number().int().positive().default(64),
  INTENT_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(256),
  INTENT_TARGET_LATENCY_MS: z.coerce.number().int().nonnegative().default(300),
  INTENT_RUNS_IN_FLIGHT: z.coerce.number().int().nonnegative().default(1),
  INTENT_RANK_ON_ARRIVAL: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  INTENT_LLM_BASE_URL: z.string().optional(),
  INTENT_LLM_MODEL: z.string().default('gpt-4o-mini'),
  INTENT_LLM_API_KEY: z.string().optional(),
  INTENT_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(500),
});

export type Config = {
  env: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    intentTaskQueue: string;
    uiUrl: string;
  };
  /** Keys of the payload codec; null when PAYLOAD_ENCRYPTION_KEYS is unset (requirePayloadKeys refuses). */
  payloadKeys: PayloadKeyring | null;
  /** The codec endpoint for the Temporal UI; served when a token is set or loopback calls are allowed. */
  codecEndpoint: { token: string | null; allowLoopback: boolean; corsOrigins: string[] };
  port: number;
  host: string;
  publicUrl: string;
  /** Reverse-proxy hops whose X-Forwarded-For entries are trusted for the client address. */
  trustedProxyHops: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  migrateOnStart: boolean;
  workflowBundlePath: string | undefined;
  /** LEAD_EAGER_START: the API's own lead worker, and eager starts of synchronous leads on it. */
  leadEagerStart: boolean;
  workerMetricsPort: number;
  /** Housekeeping schedule (temporal/maintenance-schedule.ts), kept up to date by every worker. */
  maintenance: {
    every: string;
    intentQueryLogDays: number;
    leadRetentionDays: number | null;
    pingRetentionDays: number;
  };
  /** Whether deliveries, webhooks and claims may reach non-public addresses (lib/outbound.ts). */
  outboundPrivateNetworks: 'allow' | 'deny';
  /** Default overlap of a webhook secret rotation, in seconds. */
  webhookSecretOverlapSeconds: number;
  /** Highest per-key rate limits a tenant may set over the API. */
  keyRateLimitCeiling: { perHour: number; perMinute: number };
  /** Who may import the shared intent corpus over the API. */
  intentImportAccounts: '*' | string[];
  intent: {
    cacheEntries: number;
    workflowBundlePath: string | undefined;
    /** Request eager workflow start for queries (the worker runs in the API process). */
    eagerStart: boolean;
    /** Concurrent queries in the intent worker (workflow tasks and local activities). */
    maxConcurrent: number;
    /** Ceiling of queries in flight per API process (load shedding: past the limit, 503 at once). */
    maxInFlight: number;
    /** The answers' p95 the adaptive in-flight limit steers toward; 0: a fixed limit of maxInFlight. */
    targetLatencyMs: number;
    /** Query runs under way above which arriving queries share one run (decision 19); 0: never. */
    runsInFlight: number;
    /** Start each query's ranking on arrival, before its run (decision 21). */
    rankOnArrival: boolean;
    /** Optional OpenAI-compatible prompt parser; absent = the deterministic lexicon parser only. */
    llm: { baseUrl: string; model: string; apiKey: string | undefined; timeoutMs: number } | undefined;
  };
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  let payloadKeys: PayloadKeyring | null = null;
  if (e.PAYLOAD_ENCRYPTION_KEYS !== undefined) {
    try {
      payloadKeys = parsePayloadKeys(e.PAYLOAD_ENCRYPTION_KEYS);
    } catch (err) {
      throw new Error(`Invalid configuration: ${(err as Error).message}`);
    }
  }
  return {
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      intentTaskQueue: e.INTENT_TASK_QUEUE,
      uiUrl: e.TEMPORAL_UI_URL,
    },
    payloadKeys,
    codecEndpoint: {
      token: e.CODEC_AUTH_TOKEN ?? null,
      allowLoopback: e.CODEC_ALLOW_LOOPBACK,
      corsOrigins: e.CODEC_CORS_ORIGINS,
    },
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    trustedProxyHops: e.TRUST_PROXY,
    webhookSecretOverlapSeconds: e.WEBHOOK_SECRET_OVERLAP_SECONDS,
    logLevel: e.LOG_LEVEL,
    migrateOnStart: e.MIGRATE_ON_START,
    workflowBundlePath: e.WORKFLOW_BUNDLE_PATH,
    leadEagerStart: e.LEAD_EAGER_START,
    workerMetricsPort: e.WORKER_METRICS_PORT,
    maintenance: {
      every: e.MAINTENANCE_INTERVAL,
      intentQueryLogDays: e.INTENT_QUERY_LOG_RETENTION_DAYS,
      leadRetentionDays: e.LEAD_RETENTION_DAYS ?? null,
      pingRetentionDays: e.PING_RETENTION_DAYS,
    },
    outboundPrivateNetworks: e.OUTBOUND_PRIVATE_NETWORKS,
    keyRateLimitCeiling: {
      perHour: e.KEY_RATE_LIMIT_MAX_PER_HOUR,
      perMinute: e.KEY_RATE_LIMIT_MAX_PER_MINUTE,
    },
    intentImportAccounts:
      e.INTENT_IMPORT_ACCOUNTS.trim() === '*'
        ? '*'
        : e.INTENT_IMPORT_ACCOUNTS.split(',')
            .map((id) => id.trim())
            .filter(Boolean),
    intent: {
      cacheEntries: e.INTENT_CACHE_ENTRIES,
      workflowBundlePath: e.INTENT_WORKFLOW_BUNDLE_PATH,
      eagerStart: e.INTENT_EAGER_START,
      maxConcurrent: e.INTENT_MAX_CONCURRENT,
      maxInFlight: e.INTENT_MAX_IN_FLIGHT,
      targetLatencyMs: e.INTENT_TARGET_LATENCY_MS,
      runsInFlight: e.INTENT_RUNS_IN_FLIGHT,
      rankOnArrival: e.INTENT_RANK_ON_ARRIVAL,
      llm: e.INTENT_LLM_BASE_URL
        ? {
            baseUrl: e.INTENT_LLM_BASE_URL,
            model: e.INTENT_LLM_MODEL,
            apiKey: e.INTENT_LLM_API_KEY,
            timeoutMs: e.INTENT_LLM_TIMEOUT_MS,
          }
        : undefined,
    },
  };
}

export function requireDatabaseUrl(config: Config): string {
  if (!config.databaseUrl) {
    throw new Error('DATABASE_URL is not set. Run `npm start` for the embedded stack, or set DATABASE_URL.');
  }
  return config.databaseUrl;
}

/** The payload keys; every process that talks to Temporal needs them, and none has a built-in default. */
export function requirePayloadKeys(config: Config): PayloadKeyring {
  if (!config.payloadKeys) {
    throw new Error(
      'PAYLOAD_ENCRYPTION_KEYS is not set: Temporal payloads (lead data) are encrypted with it. ' +
        'Generate a key with `npm run keys -- payload-key` and set PAYLOAD_ENCRYPTION_KEYS=<id>:<base64>; ' +
        '`npm start` keeps a development key in .data/payload-encryption-keys.',
    );
  }
  return config.payloadKeys;
}
