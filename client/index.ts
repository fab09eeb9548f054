// @leadrail/client: the TypeScript SDK for the Leadrail API.
//
//   const client = new LeadrailClient({ apiKey: process.env.LEADRAIL_API_KEY!, baseUrl: 'http://localhost:3000' });
//   const lead = await client.submitLead('flow_...', { first_name: 'John', email: 'john@example.com' });
//   console.log('Lead submitted:', lead.id);
//
// Nothing here is hand-typed against the API: the types are generated from the API's OpenAPI document
// (generated/schema.ts, openapi-typescript, `npm run sdk:generate`) and every request goes through
// openapi-fetch typed by them, so a route, parameter or body that the spec no longer has fails to
// compile. This file is the idiomatic layer: method names, camelCase options sent as the API's
// snake_case, paging, and a LeadrailApiError for every non-2xx answer.
import createFetchClient, { type Client } from 'openapi-fetch';
import { type Idiomatic, snakeKeys } from './case.js';
import { LeadrailApiError } from './errors.js';
import type { components, paths } from './generated/schema.js';

export type { CamelCase, Idiomatic } from './case.js';
export { LeadrailApiError } from './errors.js';
export type { components, paths } from './generated/schema.js';
export { type VerifyWebhookOptions, verifyWebhook } from './webhooks.js';

type Schemas = components['schemas'];
type JsonBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
type QueryOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Query };
}
  ? NonNullable<Query>
  : never;
/**
 * The member of a body union that has property K: a body with a cross-field rule (`anyOf` in the spec,
 * e.g. force needs recipient_id) is generated as a union of the full object and the rule's branches.
 */
type MemberWith<U, K extends PropertyKey> = U extends unknown
  ? string extends keyof U
    ? never
    : K extends keyof U
      ? U
      : never
  : never;
/** A query value as the SDK takes it: booleans for 'true'/'false', Dates and lists where the API takes text. */
type Loose<V> = V extends 'true' | 'false'
  ? boolean | V
  : V extends string
    ? V | Date | readonly string[]
    : V;
/** The API's query parameters for an operation, in camelCase or the API's names, with looser values. */
type QueryOptions<P extends keyof paths, M extends keyof paths[P]> = Idiomatic<{
  [K in keyof QueryOf<P, M>]: Loose<NonNullable<QueryOf<P, M>[K]>>;
}>;

// Resources as the API answers them (the generated schema's; field names are the API's snake_case).
export type Flow = Schemas['Flow'];
export type FlowInput = Schemas['FlowInput'];
export type FlowSettingsInput = Schemas['FlowSettingsUpdate']['settings'];
export type FlowSettingsResult = JsonResponse<'/flows/{flow_id}/settings', 'put'>;
export type FlowWithStatistics = JsonResponse<'/flows', 'get'>['flows'][number];
/** 201: the lead's outcome was decided. */
export type SubmittedLead = Schemas['SubmittedLead'];
/** 202: accepted for processing (async, or not decided within `timeout`); read it later with getLead. */
export type AcceptedLead = Schemas['AcceptedLead'];
export type LeadDetail = Schemas['Lead'];
/** One field of a lead as parsed: `{normal, raw, valid, ...components}` (LeadDetail.fields, FlowEvent.fields). */
export type ParsedField = Schemas['ParsedField'];
export type LeadSummary = Schemas['LeadSummary'];
export type LeadSearchResult = Schemas['LeadSearchResult'];
export type LeadStatus = LeadSummary['status'];
export type BatchResult = Schemas['LeadBatchResult'];
export type FlowEvent = Schemas['FlowEvent'];
export type FlowEventsResult = Schemas['FlowEvents'];
export type AnalyticsRow = Schemas['AnalyticsMetrics'];
export type AnalyticsResult = Schemas['Analytics'];
export type AnalyticsMetric = NonNullable<QueryOf<'/analytics', 'get'>['metric']>;
/** The calling key: its account, mode and scopes (GET /me). */
export type CurrentKey = Schemas['CurrentKey'];
export type Scope = CurrentKey['scopes'][number];
export type ReplayResult = Schemas['ReplayResult'];
export type BulkReplayDryRun = Schemas['BulkReplayDryRun'];
/** A bulk replay's progress (GET /replays/{id}). */
export type BulkReplay = Schemas['BulkReplay'];
/** A flow's caps and its recipients' caps with their current usage (GET /flows/{id}/caps). */
export type FlowCapUsage = Schemas['FlowCapUsage'];
export type FlowVersions = Schemas['FlowVersions'];
/** The replay queue (GET /failed-deliveries). */
export type FailedDeliveries = Schemas['FailedDeliveries'];
export type Recipient = Schemas['Recipient'];
export type RecipientInput = Schemas['RecipientInput'];
export type ApiKey = Schemas['ApiKey'];
export type CreatedApiKey = Schemas['CreatedApiKey'];
export type ApiKeyInput = Schemas['ApiKeyInput'];
export type ApiKeyUpdate = Schemas['ApiKeyUpdate'];
export type IntentQueryResponse = Schemas['IntentQueryResponse'];
export type QueryReputation = Schemas['QueryQualityReputation'];
export type QueryAlerts = Schemas['QueryQualityAlerts'];
export type WebhookSecret = Schemas['WebhookSecret'];
export type FeedbackResult = Schemas['FeedbackResult'];

// Options and queries: camelCase (idiomatic) or the API's snake_case names.
type SubmitBody = JsonBody<'/flows/{flow_id}/leads', 'post'>;
type SubmitFields = Omit<Exclude<SubmitBody, string>, 'lead' | 'options'> &
  NonNullable<Exclude<SubmitBody, string>['options']>;
export type SubmitLeadOptions = Idiomatic<SubmitFields & { idempotency_key: string }>;
/**
 * Which submit options go in the body's `options` (the rest, e.g. external_id, source_id, ping_id, at its
 * top level): every key of the generated options type, checked by the compiler both ways.
 */
const PROCESSING_OPTIONS = { async: true, timeout: true, test_mode: true } satisfies Record<
  keyof NonNullable<Exclude<SubmitBody, string>['options']>,
  true
>;
type BatchBody = Schemas['LeadBatch'];
export type BatchLeadInput = { lead: Record<string, unknown> } & Idiomatic<
  Omit<BatchBody['leads'][number], 'lead'>
>;
export type BatchOptions = Idiomatic<NonNullable<BatchBody['options']>>;
export type LeadSearchQuery = QueryOptions<'/leads', 'get'>;
export type FlowEventsQuery = QueryOptions<'/flows/{flow_id}/events', 'get'>;
export type AnalyticsQuery = QueryOptions<'/analytics', 'get'>;
export type FailedDeliveriesQuery = QueryOptions<'/failed-deliveries', 'get'>;
type ReplayBody = MemberWith<Schemas['ReplayRequest'], 'url'>;
type BulkReplayBody = MemberWith<Schemas['BulkReplayRequest'], 'flow_id'>;
export type ReplayRequest = Idiomatic<ReplayBody>;
export type BulkReplayRequest = Idiomatic<Omit<BulkReplayBody, 'dry_run' | 'flow_id'>> &
  ({ flowId: string } | { flow_id: string });
type IntentRequestBody = Schemas['IntentQueryRequest'];
/** POST /query: the prompt in `query`; `filters` (companySize, jobTitles, …) in camelCase or as the API names them. */
export type IntentQueryRequest = Idiomatic<Omit<IntentRequestBody, 'filters'>> & {
  query: string;
  filters?: Idiomatic<NonNullable<IntentRequestBody['filters']>>;
};
export type WebhookSecretRotation = Idiomatic<Schemas['WebhookSecretRotation']>;
export type FeedbackInput = Idiomatic<Schemas['Feedback']>;

type JsonResponse<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Unix seconds. */
  reset: number;
}

export interface LeadrailClientOptions {
  apiKey: string;
  /** Default http://localhost:3000. May include a path prefix. */
  baseUrl?: string;
  /** Default: the global fetch. Tests pass one that calls `app.request`. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Extra headers on every request (e.g. User-Agent). */
  headers?: Record<string, string>;
}

/** Query values as the API reads them: lists comma-joined, Dates as ISO 8601, booleans as true/false. */
function queryText(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.set(
      name,
      value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(',') : String(value),
    );
  }
  return params.toString();
}

/** An idiomatic options object as the API's query (typed as the operation's, which it is after snakeKeys). */
function query<T>(options: object | undefined): T {
  return snakeKeys(options ?? {}) as T;
}

export class LeadrailClient {
  /**
   * The generated, fully typed transport (openapi-fetch over paths from the spec): any operation the
   * idiomatic methods do not cover, e.g. `client.api.GET('/flows/{flow_id}', { params: { path: { flow_id } } })`.
   */
  readonly api: Client<paths>;
  /** The hourly rate-limit budget as of the last response (null before the first). */
  rateLimit: RateLimitState | null = null;

  constructor(options: LeadrailClientOptions) {
    if (!options.apiKey) throw new TypeError('LeadrailClient needs an apiKey');
    const given = options.fetch;
    this.api = createFetchClient<paths>({
      baseUrl: (options.baseUrl ?? 'http://localhost:3000').replace(/\/+$/, ''),
      headers: { Accept: 'application/json', ...options.headers },
      querySerializer: (params) => queryText(params as Record<string, unknown>),
      fetch: async (request) => {
        if (!given) return fetch(request);
        const body = request.body === null ? undefined : await request.text();
        return given(request.url, {
          method: request.method,
          headers: request.headers,
          body,
          signal: request.signal,
        });
      },
    });
    const apiKey = options.apiKey;
    this.api.use({
      onRequest: ({ request }) => {
        request.headers.set('Authorization', `Bearer ${apiKey}`);
        return request;
      },
      onResponse: ({ response }) => {
        const limit = response.headers.get('X-RateLimit-Limit');
        if (limit !== null) {
          this.rateLimit = {
            limit: Number(limit),
            remaining: Number(response.headers.get('X-RateLimit-Remaining')),
            reset: Number(response.headers.get('X-RateLimit-Reset')),
          };
        }
      },
    });
  }

  /** The parsed body of a 2xx answer; a LeadrailApiError with the API's error fields otherwise. */
  private async ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
    const { data, error, response } = await call;
    if (!response.ok) throw new LeadrailApiError(response.status, error ?? null, response.headers);
    return data as T;
  }

  /**
   * Any request by method and path, untyped (the typed way is `client.api`): resolves to the parsed
   * JSON body of a 2xx answer, throws LeadrailApiError otherwise.
   */
  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const untyped = this.api.request as unknown as (
      method: string,
      path: string,
      init: { body?: unknown; headers: Record<string, string> },
    ) => Promise<{ data?: T; error?: unknown; response: Response }>;
    return this.ok(
      untyped.call(this.api, method.toLowerCase(), path, {
        ...(body === undefined ? {} : { body }),
        headers,
      }),
    );
  }

  // Leads

  /** Submits one lead; resolves to the lead (201, decided) or its acceptance (202, still processing). */
  async submitLead(
    flowId: string,
    lead: Record<string, unknown>,
    options: SubmitLeadOptions = {},
  ): Promise<SubmittedLead | AcceptedLead> {
    const { idempotency_key, ...given } = snakeKeys(options) as SubmitFields & { idempotency_key?: string };
    const body: Record<string, unknown> = { lead };
    const processing: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(given)) {
      if (name in PROCESSING_OPTIONS) processing[name] = value;
      else body[name] = value;
    }
    if (Object.keys(processing).length > 0) body.options = processing;
    return this.ok(
      this.api.POST('/flows/{flow_id}/leads', {
        params: {
          path: { flow_id: flowId },
          header: idempotency_key ? { 'idempotency-key': idempotency_key } : undefined,
        },
        body: body as Exclude<SubmitBody, string>,
      }),
    );
  }

  /** Submits up to 1,000 leads at once; 207 with one result per lead, in order. */
  async submitBatch(flowId: string, leads: BatchLeadInput[], options?: BatchOptions): Promise<BatchResult> {
    return this.ok(
      this.api.POST('/flows/{flow_id}/leads/batch', {
        params: { path: { flow_id: flowId } },
        body: {
          leads: leads.map(({ lead, ...rest }) => ({ lead, ...snakeKeys(rest) })),
          ...(options ? { options: snakeKeys(options) } : {}),
        },
      }),
    );
  }

  getLead(leadId: string): Promise<LeadDetail> {
    return this.ok(this.api.GET('/leads/{lead_id}', { params: { path: { lead_id: leadId } } }));
  }

  /** One page of leads matching the filters (`limit`, `offset`; `total_count` says how many in all). */
  async searchLeads(options: LeadSearchQuery = {}): Promise<LeadSearchResult> {
    return this.ok(this.api.GET('/leads', { params: { query: query<QueryOf<'/leads', 'get'>>(options) } }));
  }

  /**
   * Every lead matching the filters, page after page (`pageSize` per request, default 100):
   * `for await (const lead of client.iterateLeads({ flowId })) …`. Starts at `offset` if given.
   */
  async *iterateLeads(
    options: Omit<LeadSearchQuery, 'limit'> & { pageSize?: number } = {},
  ): AsyncGenerator<LeadSummary, void, undefined> {
    const { pageSize = 100, ...filters } = options;
    let offset = Number(snakeKeys(filters).offset ?? 0);
    for (;;) {
      const page = await this.searchLeads({ ...filters, offset, limit: pageSize });
      yield* page.leads;
      offset += page.leads.length;
      if (page.leads.length === 0 || offset >= page.total_count) return;
    }
  }

  /** Reports what happened to a lead after delivery (converted, returned, …). */
  async submitFeedback(leadId: string, feedback: FeedbackInput): Promise<FeedbackResult> {
    return this.ok(
      this.api.POST('/leads/{lead_id}/feedback', {
        params: { path: { lead_id: leadId } },
        body: snakeKeys(feedback) as Schemas['Feedback'],
      }),
    );
  }

  // Replays (leads:write; a dry run also leads:read)

  /** Replays a lead's failed deliveries; send an idempotency key to make a retry safe. */
  async replayLead(
    leadId: string,
    request: ReplayRequest = {},
    idempotencyKey?: string,
  ): Promise<ReplayResult> {
    return this.ok(
      this.api.POST('/leads/{lead_id}/replay', {
        params: {
          path: { lead_id: leadId },
          header: idempotencyKey ? { 'idempotency-key': idempotencyKey } : undefined,
        },
        body: snakeKeys(request) as ReplayBody,
      }),
    );
  }

  /** Leads waiting for a replay, grouped by flow, recipient and reason (leads:read). */
  async listFailedDeliveries(options: FailedDeliveriesQuery = {}): Promise<FailedDeliveries> {
    return this.ok(
      this.api.GET('/failed-deliveries', {
        params: { query: query<QueryOf<'/failed-deliveries', 'get'>>(options) },
      }),
    );
  }

  /** Lists what a bulk replay with this filter would replay, replaying nothing. */
  async dryRunBulkReplay(request: BulkReplayRequest): Promise<BulkReplayDryRun> {
    return this.ok(
      this.api.POST('/replays', {
        body: { ...(snakeKeys(request) as BulkReplayBody), dry_run: true },
      }),
    ) as Promise<BulkReplayDryRun>;
  }

  /** Starts a bulk replay; follow it with getBulkReplay, stop it with cancelBulkReplay. */
  async startBulkReplay(request: BulkReplayRequest): Promise<BulkReplay> {
    return this.ok(
      this.api.POST('/replays', {
        body: { ...(snakeKeys(request) as BulkReplayBody), dry_run: false },
      }),
    ) as Promise<BulkReplay>;
  }

  getBulkReplay(replayId: string): Promise<BulkReplay> {
    return this.ok(this.api.GET('/replays/{replay_id}', { params: { path: { replay_id: replayId } } }));
  }

  cancelBulkReplay(replayId: string): Promise<BulkReplay> {
    return this.ok(this.api.DELETE('/replays/{replay_id}', { params: { path: { replay_id: replayId } } }));
  }

  // The calling key

  /** What the calling key is and may do. */
  getCurrentKey(): Promise<CurrentKey> {
    return this.ok(this.api.GET('/me'));
  }

  // Flows

  createFlow(flow: FlowInput): Promise<Flow> {
    return this.ok(this.api.POST('/flows', { body: flow }));
  }

  async listFlows(): Promise<FlowWithStatistics[]> {
    return (await this.ok(this.api.GET('/flows'))).flows;
  }

  getFlow(flowId: string): Promise<Flow> {
    return this.ok(this.api.GET('/flows/{flow_id}', { params: { path: { flow_id: flowId } } }));
  }

  /** Replaces the flow's configuration (a new version). */
  updateFlow(flowId: string, flow: FlowInput): Promise<Flow> {
    return this.ok(this.api.PUT('/flows/{flow_id}', { params: { path: { flow_id: flowId } }, body: flow }));
  }

  updateFlowSettings(flowId: string, settings: FlowSettingsInput): Promise<FlowSettingsResult> {
    return this.ok(
      this.api.PUT('/flows/{flow_id}/settings', {
        params: { path: { flow_id: flowId } },
        body: { settings },
      }),
    );
  }

  /** The flow's caps (and its recipients') with the slots used in the current window. */
  getFlowCaps(flowId: string): Promise<FlowCapUsage> {
    return this.ok(this.api.GET('/flows/{flow_id}/caps', { params: { path: { flow_id: flowId } } }));
  }

  getFlowVersions(flowId: string): Promise<FlowVersions> {
    return this.ok(this.api.GET('/flows/{flow_id}/versions', { params: { path: { flow_id: flowId } } }));
  }

  async getFlowEvents(flowId: string, options: FlowEventsQuery = {}): Promise<FlowEventsResult> {
    return this.ok(
      this.api.GET('/flows/{flow_id}/events', {
        params: {
          path: { flow_id: flowId },
          query: query<QueryOf<'/flows/{flow_id}/events', 'get'>>(options),
        },
      }),
    );
  }

  async getAnalytics(options: AnalyticsQuery = {}): Promise<AnalyticsResult> {
    return this.ok(
      this.api.GET('/analytics', { params: { query: query<QueryOf<'/analytics', 'get'>>(options) } }),
    );
  }

  // Recipients

  createRecipient(recipient: RecipientInput): Promise<Recipient> {
    return this.ok(this.api.POST('/recipients', { body: recipient }));
  }

  async listRecipients(): Promise<Recipient[]> {
    return (await this.ok(this.api.GET('/recipients'))).recipients;
  }

  getRecipient(recipientId: string): Promise<Recipient> {
    return this.ok(
      this.api.GET('/recipients/{recipient_id}', { params: { path: { recipient_id: recipientId } } }),
    );
  }

  updateRecipient(recipientId: string, recipient: RecipientInput): Promise<Recipient> {
    return this.ok(
      this.api.PUT('/recipients/{recipient_id}', {
        params: { path: { recipient_id: recipientId } },
        body: recipient,
      }),
    );
  }

  deleteRecipient(recipientId: string): Promise<Recipient> {
    return this.ok(
      this.api.DELETE('/recipients/{recipient_id}', { params: { path: { recipient_id: recipientId } } }),
    );
  }

  // API keys (admin scope)

  createApiKey(key: ApiKeyInput): Promise<CreatedApiKey> {
    return this.ok(this.api.POST('/api-keys', { body: key }));
  }

  async listApiKeys(): Promise<ApiKey[]> {
    return (await this.ok(this.api.GET('/api-keys'))).api_keys;
  }

  getApiKey(keyId: string): Promise<ApiKey> {
    return this.ok(this.api.GET('/api-keys/{key_id}', { params: { path: { key_id: keyId } } }));
  }

  /** Changes only the settings given (name, scopes, ip_allowlist, rate_limit); the secret stays. */
  updateApiKey(keyId: string, changes: ApiKeyUpdate): Promise<ApiKey> {
    return this.ok(
      this.api.PATCH('/api-keys/{key_id}', { params: { path: { key_id: keyId } }, body: changes }),
    );
  }

  async rotateApiKey(
    keyId: string,
    options: Idiomatic<Schemas['ApiKeyRotation']> = {},
  ): Promise<CreatedApiKey> {
    return this.ok(
      this.api.POST('/api-keys/{key_id}/rotate', {
        params: { path: { key_id: keyId } },
        body: snakeKeys(options) as Schemas['ApiKeyRotation'],
      }),
    );
  }

  revokeApiKey(keyId: string): Promise<ApiKey> {
    return this.ok(this.api.DELETE('/api-keys/{key_id}', { params: { path: { key_id: keyId } } }));
  }

  // Webhook signing secret (admin scope, live key); verify deliveries with verifyWebhook

  /** The secret that signs the account's webhooks and, during a rotation's overlap, the previous one. */
  getWebhookSecret(): Promise<WebhookSecret> {
    return this.ok(this.api.GET('/webhooks/secret'));
  }

  /** A new signing secret; the replaced one keeps signing for `overlapSeconds` (two v1= signatures). */
  async rotateWebhookSecret(options: WebhookSecretRotation = {}): Promise<WebhookSecret> {
    return this.ok(
      this.api.POST('/webhooks/secret/rotate', {
        body: snakeKeys(options) as Schemas['WebhookSecretRotation'],
      }),
    );
  }

  // Intent ranking (intent:query scope)

  /** Ranks companies by purchase intent for a free-text prompt (`POST /query`). */
  async queryIntent(request: IntentQueryRequest): Promise<IntentQueryResponse> {
    const { filters, ...rest } = request;
    const body = {
      ...snakeKeys(rest),
      ...(filters === undefined ? {} : { filters: snakeKeys(filters) }),
    } as IntentRequestBody;
    return this.ok(this.api.POST('/query', { body }));
  }

  getQueryReputation(): Promise<QueryReputation> {
    return this.ok(this.api.GET('/query-quality/reputation'));
  }

  /** The calling key's quality alerts: the active ones unless another status is asked for. */
  getQueryAlerts(status: 'active' | 'resolved' | 'all' = 'active'): Promise<QueryAlerts> {
    return this.ok(this.api.GET('/query-quality/alerts', { params: { query: { status } } }));
  }
}
