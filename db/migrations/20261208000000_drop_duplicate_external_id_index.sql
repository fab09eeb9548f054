-- Up Migration
-- leads_external_id (pipeline) and leads_account_external_id (api) index the same columns under the
-- same condition: every lead with an external id paid for both on each insert and status change.
-- The drop locks leads: fail fast (and retry at the next start) rather than queue every lead write
-- behind a long query on the table.
SET LOCAL lock_timeout = '5s';
DROP INDEX IF EXISTS leads_external_id;

-- Down Migration
CREATE INDEX leads_external_id ON leads (account_id, external_id) WHERE external_id IS NOT NULL;
