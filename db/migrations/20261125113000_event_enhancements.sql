-- Up Migration
-- The "enhanced" event lists the enhancements that ran (the reference's shape); kept so a lead read
-- back from Postgres answers the same events as the submission did.
ALTER TABLE lead_events ADD COLUMN enhancements jsonb;
-- Events written in one millisecond (enhanced, then accepted) keep the order the workflow made them in.
ALTER TABLE lead_events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;

-- Down Migration
ALTER TABLE lead_events DROP COLUMN seq;
ALTER TABLE lead_events DROP COLUMN enhancements;
