-- Up Migration
-- Pings are deleted by the maintenance schedule some days after they expire (db/retention.ts); what
-- analytics counts of them is kept here first, per account, flow, source and UTC hour, so ping counts
-- and rates of any period stay as they were.
CREATE TABLE ping_counts (
  account_id    text NOT NULL,
  flow_id       text NOT NULL,
  source_id     text,
  hour          timestamptz NOT NULL,
  pings         integer NOT NULL,
  bids          integer NOT NULL,
  posted        integer NOT NULL
);
CREATE UNIQUE INDEX ping_counts_key ON ping_counts (account_id, flow_id, hour, source_id) NULLS NOT DISTINCT;

-- The pruning scan: pings by when they stop being needed (no_bid pings have no expiry).
CREATE INDEX pings_expiry ON pings ((coalesce(expires_at, created_at)));

-- Down Migration
DROP INDEX pings_expiry;
DROP TABLE ping_counts;
