-- Up Migration
-- Publisher sources (issue 13): who sends leads into a flow, with their field mappings, acceptance
-- criteria, caps, purchase pricing and ping limits (config, validated by domain/sources.ts).
CREATE TABLE sources (
  id            text PRIMARY KEY,
  account_id    text NOT NULL REFERENCES accounts(id),
  flow_id       text NOT NULL REFERENCES flows(id),
  name          text NOT NULL,
  enabled       boolean NOT NULL DEFAULT true,
  config        jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  deleted_at    timestamptz
);
CREATE INDEX sources_flow ON sources (flow_id, created_at);

-- A source-scoped key submits (and pings) to its source's flow only.
ALTER TABLE api_keys ADD COLUMN source_id text REFERENCES sources(id);

-- The source a lead came from (the plain `source` string stays for leads without one).
ALTER TABLE leads ADD COLUMN source_id text;
CREATE INDEX leads_source ON leads (source_id, created_at) WHERE source_id IS NOT NULL;

-- Inbound pings: the bid offered, until when, and which lead (post) took it. The pinged fields are
-- kept as SHA-256 of their normal values (field -> hash), enough to check a post agrees.
CREATE TABLE pings (
  id            text PRIMARY KEY,
  account_id    text NOT NULL REFERENCES accounts(id),
  flow_id       text NOT NULL REFERENCES flows(id),
  source_id     text REFERENCES sources(id),
  outcome       text NOT NULL CHECK (outcome IN ('bid', 'no_bid')),
  bid           numeric(12, 4),
  reason        text,
  field_hashes  jsonb NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz,
  lead_id       text,
  posted_at     timestamptz
);
CREATE INDEX pings_flow ON pings (flow_id, created_at);
CREATE UNIQUE INDEX pings_lead ON pings (lead_id) WHERE lead_id IS NOT NULL;

-- Ping limits per source and window: one atomic conditional upsert per limit, as cap counters.
CREATE TABLE ping_counters (
  source_id     text NOT NULL,
  period        text NOT NULL,
  window_start  timestamptz NOT NULL,
  count         integer NOT NULL,
  PRIMARY KEY (source_id, period, window_start)
);

-- Down Migration
DROP TABLE ping_counters;
DROP TABLE pings;
DROP INDEX leads_source;
ALTER TABLE leads DROP COLUMN source_id;
ALTER TABLE api_keys DROP COLUMN source_id;
DROP TABLE sources;
