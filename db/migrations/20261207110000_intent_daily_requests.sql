-- Up Migration
-- The intent API's requests-per-day count moves into the key's usage row, next to its token bucket and
-- spend of the day, so that admitting a query is one statement on one row (it was a second statement
-- on rate_limit_counters, key `intent:<key id>`). Today's counts are carried over.
ALTER TABLE intent_key_usage
  ADD COLUMN requests_day date,
  ADD COLUMN requests_today integer NOT NULL DEFAULT 0;

UPDATE intent_key_usage AS u
   SET requests_day = (c.window_start AT TIME ZONE 'UTC')::date, requests_today = c.count
  FROM rate_limit_counters AS c
 WHERE c.key_id = 'intent:' || u.key_id
   AND c.window_seconds = 86400
   AND c.window_start + interval '1 day' > now();

DELETE FROM rate_limit_counters WHERE key_id LIKE 'intent:%';

-- Down Migration
ALTER TABLE intent_key_usage DROP COLUMN requests_today, DROP COLUMN requests_day;
