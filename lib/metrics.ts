import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

// One registry per process. The API and the worker expose it on /metrics; names follow Prometheus
// conventions, and the request metrics keep the names the intent API reference documents.
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpRequests = new Counter({
  name: 'leadpoet_api_requests_total',
  help: 'Total number of API requests',
  labelNames: ['endpoint', 'method', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'leadpoet_api_request_duration_seconds',
  help: 'Request duration in seconds',
  labelNames: ['endpoint', 'method'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5, 3, 10],
  registers: [registry],
});

export const costPerLead = new Gauge({
  name: 'leadpoet_cost_per_lead_usd',
  help: 'Cost per lead in USD (intent queries, last query)',
  registers: [registry],
});

export const leadTransitions = new Counter({
  name: 'leadrail_lead_transitions_total',
  help: 'Leads reaching a decided status (rejected, accepted, delivered, delivery_failed, failed), by rejection kind',
  labelNames: ['status', 'rejection'] as const,
  registers: [registry],
});

export const deliveryAttempts = new Counter({
  name: 'leadrail_delivery_attempts_total',
  help: 'HTTP delivery attempts to recipients, by outcome (success, failure, error)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const deliveryDuration = new Histogram({
  name: 'leadrail_delivery_duration_seconds',
  help: 'Duration of one HTTP delivery attempt to a recipient',
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const auctionPings = new Counter({
  name: 'leadrail_auction_pings_total',
  help: 'Pings to ping/post buyers in auctions, by what came of them (bid, no_bid, timeout, error)',
  labelNames: ['status'] as const,
  registers: [registry],
});

export const auctionPingDuration = new Histogram({
  name: 'leadrail_auction_ping_duration_seconds',
  help: 'Duration of one auction ping, answer or deadline',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const webhookAttempts = new Counter({
  name: 'leadrail_webhook_attempts_total',
  help: 'Webhook delivery attempts, by outcome',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const leadSubmitDuration = new Histogram({
  name: 'leadrail_lead_submit_duration_seconds',
  help: 'Time from a lead submission to its answer, by answer kind (decided, pending)',
  labelNames: ['result'] as const,
  buckets: [0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5, 3, 10, 30],
  registers: [registry],
});

// Runs started by synchronous submissions through an in-process lead worker (LEAD_EAGER_START):
// eager="false" counts starts the server did not hand back (a run that already existed, or a server
// that declined), so a growing share of them means the fast path is not taken.
export const leadEagerStarts = new Counter({
  name: 'leadrail_lead_eager_starts_total',
  help: 'Lead runs started eagerly on the API process’s lead worker, by whether the server handed the first task back',
  labelNames: ['eager'] as const,
  registers: [registry],
});

// How an eagerly started synchronous lead got its answer: via="local" from its decided write on this
// process's worker, via="update" from the outcome update (the run started elsewhere, moved, or took
// longer than the fallback delay). A growing share of "update" means the fast path is not taken.
export const leadEagerAnswers = new Counter({
  name: 'leadrail_lead_eager_answers_total',
  help: 'Synchronous leads started eagerly, by where their answer came from: local (the decided write in this process) or update',
  labelNames: ['via'] as const,
  registers: [registry],
});

// Intent API (POST /query). Average cost per lead over any range: cost_usd_total / leads_returned_total.
export const intentQueries = new Counter({
  name: 'leadrail_intent_queries_total',
  help: 'Intent queries by outcome (ok, or the error code) and cache (hit, miss, none)',
  labelNames: ['outcome', 'cache'] as const,
  registers: [registry],
});

export const intentCacheHits = new Counter({
  name: 'leadrail_intent_cache_hits_total',
  help: 'Intent queries answered from the result cache (parsed query + filters)',
  registers: [registry],
});

export const intentLlmCalls = new Counter({
  name: 'leadrail_intent_llm_calls_total',
  help: 'Calls to the optional LLM provider made by intent queries',
  registers: [registry],
});

export const intentCostUsd = new Counter({
  name: 'leadrail_intent_cost_usd_total',
  help: 'Cost of intent queries in USD (cost model of docs/intent-engine.md)',
  registers: [registry],
});

export const intentLeadsReturned = new Counter({
  name: 'leadrail_intent_leads_returned_total',
  help: 'Leads returned by intent queries',
  registers: [registry],
});

export const intentQueryDuration = new Histogram({
  name: 'leadrail_intent_query_duration_seconds',
  help: 'End-to-end time of answered intent queries in the API (Temporal workflow included), by cache',
  labelNames: ['cache'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5, 3],
  registers: [registry],
});

// The intent service's admission and ranking ahead (decisions 20 and 21), per process. The two gauges
// are read from the process's load shedder when scraped, not set on every query.
interface AdmissionState {
  readonly limit: number;
  readonly current: number;
}
let admission: AdmissionState | null = null;

/** The load shedder whose limit and in-flight count /metrics reports (the process's intent service). */
export function reportIntentAdmission(state: AdmissionState): void {
  admission = state;
}

/** A gauge of the reported admission state, read when scraped. */
function admissionGauge(name: string, help: string, read: (state: AdmissionState) => number): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      if (admission) this.set(read(admission));
    },
  });
}

admissionGauge(
  'leadrail_intent_admission_limit',
  'Intent queries this process admits at once now (the adaptive limit; past it, 503 at once)',
  (a) => a.limit,
);

admissionGauge('leadrail_intent_in_flight', 'Intent queries in flight in this process now', (a) => a.current);

export const intentRankingsAhead = new Counter({
  name: 'leadrail_intent_rankings_ahead_total',
  help: 'Intent rankings started on arrival, by what became of them: taken by the run, unused (the run failed or ran elsewhere), or skipped (ranked by the run instead: the thread was busy or a run had just failed to start)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});
