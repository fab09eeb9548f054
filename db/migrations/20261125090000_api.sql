-- Up Migration

-- Per-key IP allow-list (CIDRs, validated and normalised by the API; NULL = any address), per-key rate
-- limits (NULL = the documented defaults, 1,000/hour and 100/minute) and key rotation. Rotation keeps
-- the key's id and replaces its secret; with a grace period the previous secret's hash keeps working
-- until previous_key_expires_at.
ALTER TABLE api_keys
  ADD COLUMN ip_allowlist text[],
  ADD COLUMN rate_limit_per_hour integer CHECK (rate_limit_per_hour > 0),
  ADD COLUMN rate_limit_per_minute integer CHECK (rate_limit_per_minute > 0),
  ADD COLUMN previous_key_hash bytea,
  ADD COLUMN previous_key_expires_at timestamptz,
  ADD COLUMN rotated_at timestamptz;
CREATE UNIQUE INDEX api_keys_previous_hash ON api_keys (previous_key_hash) WHERE previous_key_hash IS NOT NULL;

-- Fixed-window request counters, shared by every API process: one row per key and window, bumped with
-- one INSERT ... ON CONFLICT DO UPDATE per request. UNLOGGED: counters are worth less than the WAL
-- they would cost, and a crash only resets the current windows. Ended windows of a key are deleted by
-- that key's next request, so the table holds a couple of rows per recently active key.
CREATE UNLOGGED TABLE rate_limit_counters (
  key_id          text NOT NULL,
  window_seconds  integer NOT NULL,
  window_start    timestamptz NOT NULL,
  count           integer NOT NULL,
  PRIMARY KEY (key_id, window_seconds, window_start)
);

-- GET /leads filters (always within one account, newest first).
CREATE INDEX leads_account_status_created ON leads (account_id, status, created_at DESC);
CREATE INDEX leads_account_source_created ON leads (account_id, source, created_at DESC) WHERE source IS NOT NULL;
CREATE INDEX leads_account_campaign_created ON leads (account_id, campaign, created_at DESC) WHERE campaign IS NOT NULL;
CREATE INDEX leads_account_external_id ON leads (account_id, external_id) WHERE external_id IS NOT NULL;

-- GET /flows/{id}/events?event_type=...
CREATE INDEX lead_events_flow_type ON lead_events (flow_id, type, started_at DESC);
-- Analytics: conversions and returns of the leads in a period.
CREATE INDEX lead_events_feedback ON lead_events (lead_id) WHERE type IN ('converted', 'returned');

-- Down Migration
DROP INDEX lead_events_feedback;
DROP INDEX lead_events_flow_type;
DROP INDEX leads_account_external_id;
DROP INDEX leads_account_campaign_created;
DROP INDEX leads_account_source_created;
DROP INDEX leads_account_status_created;
DROP TABLE rate_limit_counters;
DROP INDEX api_keys_previous_hash;
ALTER TABLE api_keys
  DROP COLUMN rotated_at,
  DROP COLUMN previous_key_expires_at,
  DROP COLUMN previous_key_hash,
  DROP COLUMN rate_limit_per_minute,
  DROP COLUMN rate_limit_per_hour,
  DROP COLUMN ip_allowlist;
