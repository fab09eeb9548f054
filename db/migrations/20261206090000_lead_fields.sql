-- Up Migration
-- Each field of a lead as parsed ({normal, raw, valid, ...components}), sensitive fields masked:
-- what GET /leads/{id} and the flow's events answer under `fields` (issue 12). Null for leads
-- recorded before, or not evaluated yet.
ALTER TABLE leads ADD COLUMN fields jsonb;

-- Down Migration
ALTER TABLE leads DROP COLUMN fields;
