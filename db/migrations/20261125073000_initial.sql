-- Up Migration

-- Tenancy root: every other row belongs to exactly one account.
CREATE TABLE accounts (
  id            text PRIMARY KEY,
  name          text NOT NULL,
  -- Signs outgoing webhooks (HMAC-SHA256). It must be readable to sign, so it is not hashed.
  webhook_secret text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- API keys are stored as SHA-256 of the full key: keys are 32 random bytes, so a fast hash is
-- enough (there is nothing to brute-force), and lookups stay a single index probe.
CREATE TABLE api_keys (
  id            text PRIMARY KEY,
  account_id    text NOT NULL REFERENCES accounts(id),
  name          text NOT NULL DEFAULT 'default',
  prefix        text NOT NULL,
  key_hash      bytea NOT NULL UNIQUE,
  mode          text NOT NULL CHECK (mode IN ('live', 'test')),
  scopes        text[] NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_keys_account ON api_keys (account_id);

CREATE TABLE flows (
  id            text PRIMARY KEY,
  account_id    text NOT NULL REFERENCES accounts(id),
  name          text NOT NULL,
  description   text,
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'archived')),
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX flows_account ON flows (account_id, created_at);

-- Every change to a flow writes a new immutable version; a lead records the version it ran under.
CREATE TABLE flow_versions (
  flow_id       text NOT NULL REFERENCES flows(id),
  version       integer NOT NULL,
  config        jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (flow_id, version)
);

CREATE TABLE recipients (
  id            text PRIMARY KEY,
  account_id    text NOT NULL REFERENCES accounts(id),
  name          text NOT NULL,
  type          text NOT NULL DEFAULT 'http',
  config        jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  deleted_at    timestamptz
);
CREATE INDEX recipients_account ON recipients (account_id, created_at);

CREATE TABLE leads (
  id            text PRIMARY KEY,
  account_id    text NOT NULL REFERENCES accounts(id),
  flow_id       text NOT NULL REFERENCES flows(id),
  flow_version  integer NOT NULL,
  status        text NOT NULL,
  reason        text,
  source        text,
  campaign      text,
  external_id   text,
  test_mode     boolean NOT NULL DEFAULT false,
  lead_data     jsonb NOT NULL,
  normalized    jsonb,
  enhancements  jsonb,
  quality_metrics jsonb,
  quality_score numeric(5, 4),
  cost          numeric(12, 4) NOT NULL DEFAULT 0,
  revenue       numeric(12, 4) NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  decided_at    timestamptz
);
CREATE INDEX leads_account_created ON leads (account_id, created_at DESC);
CREATE INDEX leads_flow_created ON leads (flow_id, created_at DESC);

-- One row per pipeline step. Ids are chosen inside the workflow, so a retried activity inserts
-- the same id again and ON CONFLICT keeps exactly one row.
CREATE TABLE lead_events (
  id            text PRIMARY KEY,
  lead_id       text NOT NULL REFERENCES leads(id),
  account_id    text NOT NULL,
  flow_id       text NOT NULL,
  type          text NOT NULL,
  outcome       text NOT NULL,
  reason        text,
  recipient_id  text,
  response_code integer,
  duration_ms   integer,
  details       jsonb,
  started_at    timestamptz NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lead_events_lead ON lead_events (lead_id, started_at);
CREATE INDEX lead_events_flow ON lead_events (flow_id, started_at);

-- Down Migration
DROP TABLE lead_events;
DROP TABLE leads;
DROP TABLE recipients;
DROP TABLE flow_versions;
DROP TABLE flows;
DROP TABLE api_keys;
DROP TABLE accounts;
