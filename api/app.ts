import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import { requestId } from 'hono/request-id';
import { METHOD_NAME_ALL, type Router } from 'hono/router';
import type { RouterRoute } from 'hono/types';
import { getPath } from 'hono/utils/url';
import type { Pool } from '../db/pool.js';
import type { IntentLimiterOptions } from '../intent/http/limits.js';
import { intentApi } from '../intent/http/routes.js';
import type { IntentService } from '../intent/service/index.js';
import { newId } from '../lib/ids.js';
import type { Logger } from '../lib/logger.js';
import type { PayloadKeyring } from '../temporal/payload-codec.js';
import { type AuthEnv, authenticate } from './auth.js';
import { type Availability, assumeAvailable } from './availability.js';
import { ApiError, createErrorHandler, validationError } from './errors.js';
import type { EagerLeadStart } from './lead-submission.js';
import { MAX_BATCH_BODY_BYTES, requestBody } from './middleware/body.js';
import type { ClientIpResolver } from './middleware/client-ip.js';
import {
  compressResponses,
  type DecodeErrors,
  decodeRequestBody,
  REQUEST_ENCODINGS,
} from './middleware/compression.js';
import { observe } from './middleware/observability.js';
import { errorResponse } from './middleware/responses.js';
import { analyticsRouter } from './routes/analytics.js';
import { apiKeysRouter } from './routes/api-keys.js';
import { type CodecEndpointOptions, codecRouter } from './routes/codec.js';
import { type ConsoleOptions, consoleRouter } from './routes/console.js';
import { docsRouter } from './routes/docs.js';
import { eventsRouter } from './routes/events.js';
import { failedDeliveriesRouter } from './routes/failed-deliveries.js';
import { feedbackRouter } from './routes/feedback.js';
import { flowStateRouter } from './routes/flow-state.js';
import { flowsRouter } from './routes/flows.js';
import { healthRouter } from './routes/health.js';
import { leadBatchesRouter } from './routes/lead-batches.js';
import { leadSearchRouter } from './routes/lead-search.js';
import { leadSubmissionsRouter } from './routes/lead-submissions.js';
import { leadsRouter } from './routes/leads.js';
import { listsRouter } from './routes/lists.js';
import { meRouter } from './routes/me.js';
import { pingRouter } from './routes/ping.js';
import { recipientsRouter } from './routes/recipients.js';
import { replaysRouter } from './routes/replays.js';
import { sourcesRouter } from './routes/sources.js';
import { webhooksRouter } from './routes/webhooks.js';

export interface AppDeps {
  /** The codec endpoint for the Temporal UI (api/routes/codec.ts); absent: not served. */
  codec?: CodecEndpointOptions;
  pool: Pool;
  temporal: Client;
  taskQueue: string;
  /**
   * A lead worker in this process, polling `taskQueue`: synchronous submissions start their run eagerly
   * on it and take their answer from it (LEAD_EAGER_START; decisions 22 and 24).
   */
  eagerLeadStart?: EagerLeadStart;
  logger: Logger;
  /** Client address for per-key IP allow-lists (default: the socket only; api/main.ts applies TRUST_PROXY). */
  clientIp?: ClientIpResolver;
  /** Reachability of the optional LLM provider, for /healthz; absent means none is configured. */
  llmStatus?: () => Promise<'available' | 'unavailable' | 'disabled'>;
  /** The intent service (engine + intent worker) behind POST /query; absent: its routes answer 503. */
  intent?: IntentService;
  /**
   * The highest rate limits a tenant may give its own keys over the API (default: the documented
   * 1000/hour, 100/minute, so tenants can only lower them); operators set more with `npm run keys`.
   */
  keyRateLimitCeiling?: { perHour: number; perMinute: number };
  /**
   * Which dependencies are up (api/main.ts runs a monitor): requests during an outage answer 503 at
   * once. Absent (most tests): everything is assumed up, and outage errors still answer 503.
   */
  availability?: Availability;
  /** How long a batch request waits for outcomes in all (default BATCH_WAIT_BUDGET_MS; tests shorten it). */
  batchWaitBudgetMs?: number;
  /**
   * The payload encryption keys; they also seal webhook signing secrets at rest (lib/webhook-secrets.ts).
   * Absent (some tests): secrets created over the API are stored as they are.
   */
  payloadKeys?: PayloadKeyring;
  /** How long a replaced webhook secret keeps signing (default DEFAULT_WEBHOOK_SECRET_OVERLAP_SECONDS). */
  webhookSecretOverlapSeconds?: number;
  /** Accounts whose admin keys may import the shared intent corpus over the API ('*': any; [] none). */
  intentImportAccounts?: '*' | readonly string[];
  /** The intent API's per-key limits and alert buckets (default: the documented ones; tests shorten them). */
  intentLimits?: { limiter?: IntentLimiterOptions; alertBucketSeconds?: number };
  /** The operator console at /console: where its Temporal UI links go (default: no links). */
  console?: Partial<ConsoleOptions>;
}

const PUBLIC_PATHS = new Set(['/openapi.json', '/docs', '/healthz', '/livez', '/readyz', '/metrics']);
// Pages and their static files: no key (the console signs in in the browser) and no database.
const PUBLIC_PREFIXES = ['/docs/', '/console/'];
function isPublicPath(path: string): boolean {
  return (
    PUBLIC_PATHS.has(path) || path === '/console' || PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix))
  );
}

/**
 * The reference's clients use the base URL `<host>/api/v1`; the same routes answer there and at the
 * root. The prefix is dropped before routing, so middleware, scopes and rate limits see one path.
 */
export const VERSION_PREFIX = '/api/v1';
function withoutVersionPrefix(request: Request): string {
  const path = getPath(request);
  if (path === VERSION_PREFIX) return '/';
  return path.startsWith(`${VERSION_PREFIX}/`) ? path.slice(VERSION_PREFIX.length) : path;
}

/**
 * The methods served on a path, for 405 answers and OPTIONS: the methods for which Hono's own router
 * matches a route (not only middleware) on the path, so the answer follows exactly the patterns it
 * routes by; HEAD with GET (Hono answers HEAD for every GET route), and OPTIONS, answered here.
 */
function allowedMethods(router: Router<[unknown, RouterRoute]>) {
  const served = (method: string, path: string) =>
    router.match(method, path)[0].some(([[, route]]) => route.method !== METHOD_NAME_ALL);
  return (path: string): string[] => {
    const methods = new Set(ROUTED_METHODS.filter((method) => served(method, path)));
    if (methods.size === 0) return [];
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    return ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].filter((m) => methods.has(m));
  };
}
const ROUTED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Builds the HTTP API from its dependencies; tests build it the same way and call `app.request`. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AuthEnv>({
    getPath: withoutVersionPrefix,
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target === 'param' ? 'path' : 'body');
    },
  });

  app.use(
    requestId({
      headerName: 'X-Request-Id',
      // Accept a caller's id only if it is short and plain, so it is safe to log and echo.
      generator: () => newId('req'),
      limitLength: 64,
    }),
  );
  app.use(observe(deps.logger));
  app.use(compressResponses());
  app.onError(createErrorHandler(deps.logger));
  const allowed = allowedMethods(app.router);
  app.notFound((c) => {
    const path = withoutVersionPrefix(c.req.raw);
    const methods = allowed(path);
    // OPTIONS on a known path says what it serves (RFC 9110 §9.3.7).
    if (methods.length > 0 && c.req.method === 'OPTIONS') {
      return c.body(null, 204, { Allow: methods.join(', ') });
    }
    if (methods.length > 0) {
      const message = `${c.req.method} is not allowed on ${path}; allowed: ${methods.join(', ')}`;
      const headers = { Allow: methods.join(', ') };
      throw new ApiError(405, 'method_not_allowed', message, { allowed: methods }, headers);
    }
    throw new ApiError(404, 'not_found', `No route for ${c.req.method} ${path}`);
  });

  // The Temporal UI's codec endpoint: operators only (its own authentication), and it needs neither
  // Postgres nor an API key, so it comes before those checks.
  if (deps.codec) {
    app.route('/codec', codecRouter(deps.codec));
    app.get('/codec/', (c) => c.redirect('/codec', 301));
  }

  const availability = deps.availability ?? assumeAvailable;
  // Every route but the probes needs Postgres (keys, rate limits): during an outage, say so at once.
  app.use('*', async (c, next) => {
    if (!isPublicPath(c.req.path)) availability.assertUp('database');
    return next();
  });
  // The intent API is a sub-app with its own contract (error format, authentication wording, limits):
  // mounted before the lead API's auth and body middleware, it answers its paths itself.
  app.route(
    '/',
    intentApi({
      pool: deps.pool,
      logger: deps.logger,
      service: deps.intent,
      clientIp: deps.clientIp,
      importAccounts: deps.intentImportAccounts,
      ...deps.intentLimits,
    }),
  );
  const auth = authenticate(deps.pool, { clientIp: deps.clientIp });
  app.use('*', async (c, next) => (isPublicPath(c.req.path) ? next() : auth(c, next)));
  app.use(
    '*',
    decodeRequestBody({
      // The largest body limit, plus room for a coding's overhead on incompressible data.
      maxCompressedBytes: MAX_BATCH_BODY_BYTES + 64 * 1024,
      errors: () => leadDecodeErrors,
    }),
  );
  app.use('*', requestBody());

  app.route('/', healthRouter(deps));
  app.route('/flows', flowsRouter(deps));
  app.route('/', flowStateRouter(deps));
  app.route('/flows', sourcesRouter(deps));
  app.route('/flows', pingRouter(deps));
  app.route('/', leadSubmissionsRouter(deps));
  app.route('/', leadBatchesRouter(deps));
  app.route('/', leadsRouter(deps));
  app.route('/', feedbackRouter(deps));
  app.route('/', leadSearchRouter(deps));
  app.route('/', eventsRouter(deps));
  app.route('/analytics', analyticsRouter(deps));
  app.route('/recipients', recipientsRouter(deps));
  app.route('/lists', listsRouter(deps));
  app.route('/api-keys', apiKeysRouter(deps));
  app.route('/', replaysRouter(deps));
  app.route('/webhooks', webhooksRouter(deps));
  app.route('/', failedDeliveriesRouter(deps));
  app.route('/', meRouter(deps));
  app.route('/', docsRouter());
  app.route(
    '/',
    consoleRouter({
      temporalUiUrl: deps.console?.temporalUiUrl ?? null,
      temporalNamespace: deps.console?.temporalNamespace ?? 'default',
      ...(deps.console?.distDir ? { distDir: deps.console.distDir } : {}),
    }),
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key: lr_live_... or lr_test_...',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Leadrail API',
      version: '0.1.0',
      description:
        'Lead processing on Temporal durable execution.\n\n' +
        'Every schema states what the server enforces. Text anywhere in a request (path, query, JSON or ' +
        'form body, keys included) must be valid Unicode without NUL: U+0000 and unpaired surrogates are ' +
        'refused with 400 `validation_failed` naming the field. Lengths count characters (code points), ' +
        'as JSON Schema does. Formats JSON Schema cannot spell out are named and described: ' +
        '`cel-expression`, `iana-time-zone`, `re2-regex`, `ip-or-cidr`. A 400 means the request breaks ' +
        'this document; a well-formed request the current state refuses answers 404, 409 or 422.',
    },
    security: [{ bearerAuth: [] }],
    servers: [
      { url: '/', description: 'This server' },
      { url: VERSION_PREFIX, description: 'The same routes under the reference base path' },
    ],
  });
  // The document lists every route the app serves, the pages and their files included.
  for (const [path, summary, type, tag] of [
    ['/openapi.json', 'This OpenAPI 3.1 document', 'application/json', 'Operations'],
    [
      '/docs',
      'Interactive API documentation (Swagger UI, served from this server)',
      'text/html',
      'Operations',
    ],
    ['/docs/init.js', 'The script that starts the documentation page', 'text/javascript', 'Operations'],
    ['/docs/assets/{file}', 'Swagger UI’s files (swagger-ui-dist)', 'application/octet-stream', 'Operations'],
    ['/console', 'The operator console (a browser app; sign in with an API key)', 'text/html', 'Console'],
    ['/console/{page}', 'A page of the operator console (the same app)', 'text/html', 'Console'],
    ['/console/assets/{file}', 'The console’s built files', 'application/octet-stream', 'Console'],
  ] as const) {
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    app.openAPIRegistry.registerPath({
      method: 'get',
      path,
      summary,
      tags: [tag],
      security: [],
      ...(params.length > 0
        ? { request: { params: z.object(Object.fromEntries(params.map((name) => [name, z.string()]))) } }
        : {}),
      responses: {
        // The document itself is a JSON object; pages, scripts and files are text or bytes.
        200: {
          description: summary,
          content: { [type]: { schema: { type: type === 'application/json' ? 'object' : 'string' } } },
        },
        // A file that is not there: 404 in the documented error shape.
        ...(params.includes('file') ? { 404: errorResponse('No such file') } : {}),
      },
    });
  }
  return app;
}

export type App = ReturnType<typeof createApp>;

const ACCEPTED_ENCODINGS = { 'Accept-Encoding': REQUEST_ENCODINGS.join(', ') };
const leadDecodeErrors: DecodeErrors = {
  unsupported: (encoding) =>
    new ApiError(
      415,
      'unsupported_content_encoding',
      `Content-Encoding ${encoding} is not supported; use ${REQUEST_ENCODINGS.join(' or ')}`,
      { allowed: [...REQUEST_ENCODINGS] },
      ACCEPTED_ENCODINGS,
    ),
  corrupt: (encoding) =>
    new ApiError(400, 'invalid_content_encoding', `Request body is not valid ${encoding} data`),
  tooLarge: (max) =>
    new ApiError(413, 'payload_too_large', `Compressed request body exceeds ${max} bytes`, {
      max_bytes: max,
    }),
};
