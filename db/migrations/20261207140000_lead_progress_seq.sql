-- Up Migration
-- Lead status writes are ordered. Each write of a lead's progress carries the run's step number (the
-- count of the lead's events once the write's own are in); a write older than the newest one applied
-- (a retried local activity's first attempt that reached Postgres late, after a restart) leaves the
-- status alone instead of moving the lead backwards. 0: no ordered write yet.
ALTER TABLE leads ADD COLUMN progress_seq integer NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE leads DROP COLUMN progress_seq;
