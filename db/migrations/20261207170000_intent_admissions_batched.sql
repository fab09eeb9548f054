-- Up Migration
-- One admission statement now admits several requests of a key at once (those that arrived together):
-- it records how many of them took a token, so each request's answer can be told from the one row.
-- `allowed` (whether the first did) stays for processes still running the one-request statement.
ALTER TABLE intent_key_usage ADD COLUMN admitted integer NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE intent_key_usage DROP COLUMN admitted;
