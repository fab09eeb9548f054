-- Up Migration

-- Volume caps. One counter row per cap and calendar window; a lead's reservation is recorded so a
-- retried activity does not count twice and a lead delivered nowhere can give its slot back.
CREATE TABLE cap_counters (
  cap_key       text NOT NULL,
  window_start  timestamptz NOT NULL,
  count         integer NOT NULL,
  PRIMARY KEY (cap_key, window_start)
);

CREATE TABLE cap_reservations (
  lead_id       text NOT NULL,
  cap_key       text NOT NULL,
  window_start  timestamptz NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lead_id, cap_key)
);
CREATE INDEX cap_reservations_window ON cap_reservations (cap_key, window_start);

-- Duplicate detection: the first lead to claim a normalised email/phone in a flow owns it for the
-- lookback period. Values are stored as SHA-256, never in clear.
CREATE TABLE lead_fingerprints (
  flow_id       text NOT NULL,
  kind          text NOT NULL,
  value_hash    bytea NOT NULL,
  lead_id       text NOT NULL,
  seen_at       timestamptz NOT NULL,
  PRIMARY KEY (flow_id, kind, value_hash)
);
CREATE INDEX lead_fingerprints_lead ON lead_fingerprints (lead_id);

-- Outgoing webhooks, one row per (lead, event, endpoint), updated as attempts happen.
CREATE TABLE webhook_deliveries (
  id            text PRIMARY KEY,
  account_id    text NOT NULL,
  lead_id       text,
  event_type    text NOT NULL,
  url           text NOT NULL,
  status        text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,
  response_code integer,
  last_error    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_lead ON webhook_deliveries (lead_id);

ALTER TABLE leads ADD COLUMN rejection_kind text;

-- Idempotent submission: an external_id or Idempotency-Key maps to exactly one lead per flow, even
-- when two submissions race (the primary key decides the winner).
CREATE TABLE lead_submissions (
  account_id      text NOT NULL,
  flow_id         text NOT NULL,
  idempotency_key text NOT NULL,
  lead_id         text NOT NULL,
  request_hash    bytea NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, flow_id, idempotency_key)
);
CREATE INDEX leads_external_id ON leads (account_id, external_id) WHERE external_id IS NOT NULL;

-- Down Migration
DROP INDEX leads_external_id;
DROP TABLE lead_submissions;
ALTER TABLE leads DROP COLUMN rejection_kind;
DROP TABLE webhook_deliveries;
DROP TABLE lead_fingerprints;
DROP TABLE cap_reservations;
DROP TABLE cap_counters;
