-- Up Migration
-- LEAD_RETENTION_DAYS: the maintenance schedule finds old closed leads by age and deletes their rows.
CREATE INDEX leads_created ON leads (created_at);
CREATE INDEX lead_submissions_lead ON lead_submissions (lead_id);

-- Down Migration
DROP INDEX lead_submissions_lead;
DROP INDEX leads_created;
