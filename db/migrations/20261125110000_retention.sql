-- Up Migration
-- The maintenance schedule deletes query-log rows past their retention by age alone.
CREATE INDEX intent_queries_received ON intent_queries (received_at);

-- Down Migration
DROP INDEX intent_queries_received;
