-- Up Migration
-- A lead's duplicate check claims all its values (email, phone, ...) in one round trip instead of a
-- transaction of one statement per value. All or nothing, as before: the claims run in a
-- subtransaction that is rolled back when a value is held by another lead within the lookback, and
-- that lead is returned. A value held by an uncommitted claim waits for it (row lock), as before.
CREATE FUNCTION claim_lead_fingerprints(
  p_flow_id text,
  p_lead_id text,
  p_kinds text[],
  p_hashes bytea[],
  p_at timestamptz,
  p_lookback_days integer,
  OUT duplicate_of text,
  OUT duplicate_kind text
) LANGUAGE plpgsql AS $$
BEGIN
  BEGIN
    FOR i IN 1 .. coalesce(array_length(p_kinds, 1), 0) LOOP
      INSERT INTO lead_fingerprints AS held (flow_id, kind, value_hash, lead_id, seen_at)
      VALUES (p_flow_id, p_kinds[i], p_hashes[i], p_lead_id, p_at)
      ON CONFLICT (flow_id, kind, value_hash) DO UPDATE SET lead_id = EXCLUDED.lead_id, seen_at = EXCLUDED.seen_at
        WHERE held.lead_id = EXCLUDED.lead_id
           OR held.seen_at < EXCLUDED.seen_at - make_interval(days => p_lookback_days);
      IF NOT FOUND THEN
        SELECT held.lead_id INTO duplicate_of
          FROM lead_fingerprints held
         WHERE held.flow_id = p_flow_id AND held.kind = p_kinds[i] AND held.value_hash = p_hashes[i];
        duplicate_of := coalesce(duplicate_of, 'unknown');
        duplicate_kind := p_kinds[i];
        -- Undo the values claimed so far: a duplicate claims nothing.
        RAISE EXCEPTION 'duplicate';
      END IF;
    END LOOP;
  EXCEPTION WHEN raise_exception THEN
    -- OUT values set before the exception are kept; only the claims are rolled back.
    NULL;
  END;
END
$$;

-- Down Migration
DROP FUNCTION claim_lead_fingerprints(text, text, text[], bytea[], timestamptz, integer);
