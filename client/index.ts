// A typed TypeScript client for the Leadrail API. No runtime dependencies: it needs only `fetch`.
//
//   const client = new LeadrailClient({ apiKey: process.env.LEADRAIL_API_KEY!, baseUrl: 'http://localhost:3000' });
//   const lead = await client.submitLead('flow_...', { first_name: 'John', email: 'john@example.com' });
//   console.log('Lead submitted:', lead.id);
//
// Response types come from the zod schemas the API answers with (type-only imports: nothing of the
// server is loaded at run time). Every non-2xx answer is thrown as a LeadrailApiError.
import type { z } from 'zod';
import type { FlowWriteSchema, SettingsUpdateSchema } from '../api/flow-config.js';
import type { AnalyticsMetricsSchema, AnalyticsResultSchema, METRICS } from '../api/routes/analytics.js';
import type {
  ApiKeyInputSchema,
  ApiKeySchema,
  ApiKeyUpdateSchema,
  CreatedApiKeySchema,
} from '../api/routes/api-keys.js';
import type { FlowEventSchema, FlowEventsResultSchema } from '../api/routes/events.js';
import type { FailedDeliveriesSchema } from '../api/routes/failed-deliveries.js';
import type { FlowCapUsageSchema, FlowVersionsSchema } from '../api/routes/flow-state.js';
import type { LEAD_STATUSES, LeadSearchResultSchema, LeadSummarySchema } from '../api/routes/lead-search.js';
import type { CurrentKeySchema } from '../api/routes/me.js';
import type { RecipientSchema } from '../api/routes/recipients.js';
import type {
  BulkReplayRequestSchema,
  BulkReplaySchema,
  DryRunSchema,
  ReplayBodySchema,
  ReplayResultSchema,
} from '../api/routes/replays.js';
import type { FlowSchema, LeadDetailSchema, ParsedFieldSchema, SubmittedLeadSchema } from '../api/views.js';
import type { Scope } from '../db/accounts.js';
import type { GroupBy } from '../db/analytics.js';
import type { RecipientInputSchema } from '../domain/flow.js';
import type { AlertsSchema, IntentQueryResponseSchema, ReputationSchema } from '../intent/http/routes.js';
import type { IntentQueryRequest } from '../intent/request.js';

export type Flow = z.infer<typeof FlowSchema>;
export type FlowInput = z.input<typeof FlowWriteSchema>;
export type FlowSettingsInput = z.input<typeof SettingsUpdateSchema>['settings'];
export type FlowWithStatistics = Flow & {
  statistics: { total_leads: number; acceptance_rate: number; average_quality: number | null };
};
export interface FlowSettingsResult {
  flow_id: string;
  version: number;
  updated_at: string;
  settings: Record<string, unknown>;
}

/** 201: the lead's outcome was decided. */
export type SubmittedLead = z.infer<typeof SubmittedLeadSchema>;
/** 202: accepted for processing (async, or not decided within `timeout`); read it later with getLead. */
export interface AcceptedLead {
  id: string;
  status: string;
  flow_id: string;
  created_at: string;
  location: string;
}
export type LeadDetail = z.infer<typeof LeadDetailSchema>;
/** One field of a lead as parsed: `{normal, raw, valid, ...components}` (LeadDetail.fields, FlowEvent.fields). */
export type ParsedField = z.infer<typeof ParsedFieldSchema>;
export type LeadSummary = z.infer<typeof LeadSummarySchema>;
export type LeadSearchResult = z.infer<typeof LeadSearchResultSchema>;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export interface SubmitLeadOptions {
  /** Your id for the lead: resubmitting it returns the same lead. */
  external_id?: string;
  trusted_form_cert_url?: string;
  test_mode?: boolean;
  /** Answer at once (202) and process in the background. */
  async?: boolean;
  /** Milliseconds to wait for the outcome before the API answers 202. */
  timeout?: number;
  /** Sent as the Idempotency-Key header. */
  idempotency_key?: string;
}

export interface BatchLeadInput {
  lead: Record<string, unknown>;
  external_id?: string;
  trusted_form_cert_url?: string;
}
export interface BatchOptions {
  continue_on_error?: boolean;
  max_concurrent?: number;
  test_mode?: boolean;
  timeout?: number;
}
export interface BatchResult {
  batch_id: string;
  total_leads: number;
  successful: number;
  failed: number;
  results: Array<{
    external_id: string | null;
    status: string;
    lead_id?: string;
    lead_status?: string;
    quality_score?: number | null;
    error?: { code: string; message: string; details?: unknown };
  }>;
}

export interface LeadSearchQuery {
  flow_id?: string;
  status?: LeadStatus | LeadStatus[];
  source?: string;
  campaign?: string;
  external_id?: string;
  test_mode?: boolean;
  /** A date (YYYY-MM-DD, UTC) or an ISO datetime, or a Date. */
  created_after?: string | Date;
  created_before?: string | Date;
  limit?: number;
  offset?: number;
}

export type FlowEvent = z.infer<typeof FlowEventSchema>;
export type FlowEventsResult = z.infer<typeof FlowEventsResultSchema>;
export interface FlowEventsQuery {
  event_type?: string | string[];
  start_date?: string | Date;
  end_date?: string | Date;
  limit?: number;
  offset?: number;
}

export type AnalyticsMetric = (typeof METRICS)[number];
export type AnalyticsRow = z.infer<typeof AnalyticsMetricsSchema>;
export type AnalyticsResult = z.infer<typeof AnalyticsResultSchema>;
export interface AnalyticsQuery {
  flow_id?: string;
  metric?: AnalyticsMetric;
  group_by?: GroupBy;
  start_date?: string | Date;
  end_date?: string | Date;
  include_test_leads?: boolean;
}

/** The calling key: its account, mode and scopes (GET /me). */
export type CurrentKey = z.infer<typeof CurrentKeySchema>;
export type ReplayRequest = z.input<typeof ReplayBodySchema>;
export type ReplayResult = z.infer<typeof ReplayResultSchema>;
export type BulkReplayRequest = Omit<z.input<typeof BulkReplayRequestSchema>, 'dry_run'>;
export type BulkReplayDryRun = z.infer<typeof DryRunSchema>;
/** A flow's caps and its recipients' caps with their current usage (GET /flows/{id}/caps). */
export type FlowCapUsage = z.infer<typeof FlowCapUsageSchema>;
export type FlowVersions = z.infer<typeof FlowVersionsSchema>;
/** The replay queue (GET /failed-deliveries). */
export type FailedDeliveries = z.infer<typeof FailedDeliveriesSchema>;
/** A bulk replay's progress (GET /replays/{id}). */
export type BulkReplay = z.infer<typeof BulkReplaySchema>;

export type Recipient = z.infer<typeof RecipientSchema>;
export type RecipientInput = z.input<typeof RecipientInputSchema>;

export type ApiKey = z.infer<typeof ApiKeySchema>;
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;
export type ApiKeyInput = z.input<typeof ApiKeyInputSchema>;
export type ApiKeyUpdate = z.input<typeof ApiKeyUpdateSchema>;
export type { IntentQueryRequest, Scope };
export type IntentQueryResponse = z.infer<typeof IntentQueryResponseSchema>;
export type QueryReputation = z.infer<typeof ReputationSchema>;
export type QueryAlerts = z.infer<typeof AlertsSchema>;

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

/** A non-2xx answer, with the documented error fields. */
export class LeadrailApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | null;
  /** Seconds to wait, from Retry-After (429). */
  readonly retryAfter: number | null;
  readonly headers: Headers;
  readonly body: unknown;

  constructor(status: number, body: unknown, headers: Headers) {
    const error = errorOf(body);
    super(error?.message ?? `HTTP ${status}`);
    this.name = 'LeadrailApiError';
    this.status = status;
    this.code = error?.code ?? 'http_error';
    this.details = error?.details ?? null;
    this.requestId = error?.request_id ?? headers.get('X-Request-Id');
    const retryAfter = headers.get('Retry-After');
    this.retryAfter = retryAfter === null ? null : Number(retryAfter);
    this.headers = headers;
    this.body = body;
  }
}

function errorOf(
  body: unknown,
): { code?: string; message?: string; details?: unknown; request_id?: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as ReturnType<typeof errorOf>) : null;
}

type QueryValue = string | number | boolean | Date | string[] | undefined;

function queryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.set(
      name,
      value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(',') : String(value),
    );
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);

export class LeadrailClient {
  private readonly apiKey: string;
  private readonly baseUrl: string;
  private readonly fetchImpl: (input: string, init: RequestInit) => Promise<Response>;
  private readonly headers: Record<string, string>;
  /** The hourly rate-limit budget as of the last response (null before the first). */
  rateLimit: RateLimitState | null = null;

  constructor(options: LeadrailClientOptions) {
    if (!options.apiKey) throw new TypeError('LeadrailClient needs an apiKey');
    this.apiKey = options.apiKey;
    this.baseUrl = (options.baseUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.headers = options.headers ?? {};
  }

  /** Any request; resolves to the parsed JSON body of a 2xx answer, throws LeadrailApiError otherwise. */
  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...this.headers,
        ...headers,
        Authorization: `Bearer ${this.apiKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const limit = response.headers.get('X-RateLimit-Limit');
    if (limit !== null) {
      this.rateLimit = {
        limit: Number(limit),
        remaining: Number(response.headers.get('X-RateLimit-Remaining')),
        reset: Number(response.headers.get('X-RateLimit-Reset')),
      };
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    if (!response.ok) throw new LeadrailApiError(response.status, parsed, response.headers);
    return parsed as T;
  }

  // Leads

  /** Submits one lead; resolves to the lead (201, decided) or its acceptance (202, still processing). */
  submitLead(
    flowId: string,
    lead: Record<string, unknown>,
    options: SubmitLeadOptions = {},
  ): Promise<SubmittedLead | AcceptedLead> {
    const { external_id, trusted_form_cert_url, idempotency_key, ...processing } = options;
    const body = {
      lead,
      ...(external_id === undefined ? {} : { external_id }),
      ...(trusted_form_cert_url === undefined ? {} : { trusted_form_cert_url }),
      ...(Object.keys(processing).length > 0 ? { options: processing } : {}),
    };
    return this.request('POST', `/flows/${id(flowId)}/leads`, body, {
      ...(idempotency_key ? { 'Idempotency-Key': idempotency_key } : {}),
    });
  }

  submitBatch(flowId: string, leads: BatchLeadInput[], options?: BatchOptions): Promise<BatchResult> {
    return this.request('POST', `/flows/${id(flowId)}/leads/batch`, {
      leads,
      ...(options ? { options } : {}),
    });
  }

  getLead(leadId: string): Promise<LeadDetail> {
    return this.request('GET', `/leads/${id(leadId)}`);
  }

  searchLeads(query: LeadSearchQuery = {}): Promise<LeadSearchResult> {
    return this.request('GET', `/leads${queryString({ ...query })}`);
  }

  // Replays (leads:write; a dry run also leads:read)

  /** Replays a lead's failed deliveries; send an idempotency key to make a retry safe. */
  replayLead(leadId: string, request: ReplayRequest = {}, idempotencyKey?: string): Promise<ReplayResult> {
    return this.request('POST', `/leads/${id(leadId)}/replay`, request, {
      ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
    });
  }

  /** Leads waiting for a replay, grouped by flow, recipient and reason (leads:read). */
  listFailedDeliveries(query: { flow_id?: string } = {}): Promise<FailedDeliveries> {
    return this.request('GET', `/failed-deliveries${queryString(query)}`);
  }

  /** Lists what a bulk replay with this filter would replay, replaying nothing. */
  dryRunBulkReplay(request: BulkReplayRequest): Promise<BulkReplayDryRun> {
    return this.request('POST', '/replays', { ...request, dry_run: true });
  }

  /** Starts a bulk replay; follow it with getBulkReplay, stop it with cancelBulkReplay. */
  startBulkReplay(request: BulkReplayRequest): Promise<BulkReplay> {
    return this.request('POST', '/replays', { ...request, dry_run: false });
  }

  getBulkReplay(replayId: string): Promise<BulkReplay> {
    return this.request('GET', `/replays/${id(replayId)}`);
  }

  cancelBulkReplay(replayId: string): Promise<BulkReplay> {
    return this.request('DELETE', `/replays/${id(replayId)}`);
  }

  // The calling key

  /** What the calling key is and may do. */
  getCurrentKey(): Promise<CurrentKey> {
    return this.request('GET', '/me');
  }

  // Flows

  createFlow(flow: FlowInput): Promise<Flow> {
    return this.request('POST', '/flows', flow);
  }

  async listFlows(): Promise<FlowWithStatistics[]> {
    return (await this.request<{ flows: FlowWithStatistics[] }>('GET', '/flows')).flows;
  }

  getFlow(flowId: string): Promise<Flow> {
    return this.request('GET', `/flows/${id(flowId)}`);
  }

  /** Replaces the flow's configuration (a new version). */
  updateFlow(flowId: string, flow: FlowInput): Promise<Flow> {
    return this.request('PUT', `/flows/${id(flowId)}`, flow);
  }

  updateFlowSettings(flowId: string, settings: FlowSettingsInput): Promise<FlowSettingsResult> {
    return this.request('PUT', `/flows/${id(flowId)}/settings`, { settings });
  }

  /** The flow's caps (and its recipients') with the slots used in the current window. */
  getFlowCaps(flowId: string): Promise<FlowCapUsage> {
    return this.request('GET', `/flows/${id(flowId)}/caps`);
  }

  getFlowVersions(flowId: string): Promise<FlowVersions> {
    return this.request('GET', `/flows/${id(flowId)}/versions`);
  }

  getFlowEvents(flowId: string, query: FlowEventsQuery = {}): Promise<FlowEventsResult> {
    return this.request('GET', `/flows/${id(flowId)}/events${queryString({ ...query })}`);
  }

  getAnalytics(query: AnalyticsQuery = {}): Promise<AnalyticsResult> {
    return this.request('GET', `/analytics${queryString({ ...query })}`);
  }

  // Recipients

  createRecipient(recipient: RecipientInput): Promise<Recipient> {
    return this.request('POST', '/recipients', recipient);
  }

  async listRecipients(): Promise<Recipient[]> {
    return (await this.request<{ recipients: Recipient[] }>('GET', '/recipients')).recipients;
  }

  getRecipient(recipientId: string): Promise<Recipient> {
    return this.request('GET', `/recipients/${id(recipientId)}`);
  }

  updateRecipient(recipientId: string, recipient: RecipientInput): Promise<Recipient> {
    return this.request('PUT', `/recipients/${id(recipientId)}`, recipient);
  }

  deleteRecipient(recipientId: string): Promise<Recipient> {
    return this.request('DELETE', `/recipients/${id(recipientId)}`);
  }

  // API keys (admin scope)

  createApiKey(key: ApiKeyInput): Promise<CreatedApiKey> {
    return this.request('POST', '/api-keys', key);
  }

  async listApiKeys(): Promise<ApiKey[]> {
    return (await this.request<{ api_keys: ApiKey[] }>('GET', '/api-keys')).api_keys;
  }

  getApiKey(keyId: string): Promise<ApiKey> {
    return this.request('GET', `/api-keys/${id(keyId)}`);
  }

  /** Changes only the settings given (name, scopes, ip_allowlist, rate_limit); the secret stays. */
  updateApiKey(keyId: string, changes: ApiKeyUpdate): Promise<ApiKey> {
    return this.request('PATCH', `/api-keys/${id(keyId)}`, changes);
  }

  rotateApiKey(keyId: string, options: { grace_period_seconds?: number } = {}): Promise<CreatedApiKey> {
    return this.request('POST', `/api-keys/${id(keyId)}/rotate`, options);
  }

  revokeApiKey(keyId: string): Promise<ApiKey> {
    return this.request('DELETE', `/api-keys/${id(keyId)}`);
  }

  // Intent ranking (intent:query scope)

  /** Ranks companies by purchase intent for a free-text prompt (`POST /query`). */
  queryIntent(request: IntentQueryRequest): Promise<IntentQueryResponse> {
    return this.request('POST', '/query', request);
  }

  getQueryReputation(): Promise<QueryReputation> {
    return this.request('GET', '/query-quality/reputation');
  }

  /** The calling key's quality alerts: the active ones unless another status is asked for. */
  getQueryAlerts(status: 'active' | 'resolved' | 'all' = 'active'): Promise<QueryAlerts> {
    return this.request('GET', `/query-quality/alerts${queryString({ status })}`);
  }
}
