-- Up Migration

-- The intent API's query log (docs/intent-api.md): one row per authenticated POST /query, answered or
-- refused. Reputation, alerts and recommendations are computed from it in SQL. The prompt itself is
-- not stored, only its SHA-256 (hex) and length; the workflow id is the query's id in Temporal.
CREATE TABLE intent_queries (
  id               text PRIMARY KEY,               -- q_<ulid> (= the Temporal workflow id when it ran)
  key_id           text NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
  account_id       text NOT NULL,
  received_at      timestamptz NOT NULL,
  completed_at     timestamptz NOT NULL DEFAULT now(),
  query_sha256     text,                           -- NULL when the body had no query string
  query_length     integer,
  limit_requested  integer,
  filter_count     integer NOT NULL DEFAULT 0,
  specific         boolean,                        -- the prompt named a product category
  result_count     integer NOT NULL DEFAULT 0,
  total_leads      integer,
  latency_ms       double precision NOT NULL,      -- end to end in the API
  cost_usd         double precision NOT NULL DEFAULT 0,
  llm_calls        integer NOT NULL DEFAULT 0,
  cache_hit        boolean,
  error_code       text                            -- NULL = answered 200
);
CREATE INDEX intent_queries_key_time ON intent_queries (key_id, received_at DESC);

-- Per-key overrides of the documented intent limits and alert thresholds; NULL = the default.
CREATE TABLE intent_key_limits (
  key_id                text PRIMARY KEY REFERENCES api_keys (id) ON DELETE CASCADE,
  rate_per_minute       double precision CHECK (rate_per_minute > 0),
  burst                 integer CHECK (burst > 0),
  per_day               integer CHECK (per_day > 0),
  usd_per_lead          double precision CHECK (usd_per_lead >= 0),
  usd_per_query         double precision CHECK (usd_per_query >= 0),
  usd_per_day           double precision CHECK (usd_per_day >= 0),
  min_reputation        double precision CHECK (min_reputation BETWEEN 0 AND 1),
  throttled_per_minute  integer CHECK (throttled_per_minute >= 0),
  alert_latency_ms      double precision CHECK (alert_latency_ms >= 0),
  alert_empty_ratio     double precision CHECK (alert_empty_ratio BETWEEN 0 AND 1),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

-- Per-key usage shared by every API process: the token bucket of the request rate (capacity = burst,
-- refilled at rate_per_minute) and the spend of the current UTC day. One row per key, updated in place.
CREATE TABLE intent_key_usage (
  key_id      text PRIMARY KEY REFERENCES api_keys (id) ON DELETE CASCADE,
  tokens      double precision NOT NULL,
  allowed     boolean NOT NULL,
  refilled_at timestamptz NOT NULL,
  spend_day   date,
  spend_usd   double precision NOT NULL DEFAULT 0
);

-- Down Migration
DROP TABLE intent_key_usage;
DROP TABLE intent_key_limits;
DROP TABLE intent_queries;
