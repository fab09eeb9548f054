-- Up Migration

-- Intent data (docs/intent-data.md): companies, their contacts, and dated intent signals. Keys are
-- the importer's stable ids (or ids derived from the row), so a re-import upserts the same rows.
-- The ranking engine reads these tables into memory (intent/load.ts); no ranking runs in SQL.

CREATE TABLE intent_companies (
  company_id     text PRIMARY KEY,
  name           text NOT NULL,
  domain         text NOT NULL,
  industry       text NOT NULL,
  employee_count integer NOT NULL CHECK (employee_count > 0),
  city           text,
  region         text,
  country        text NOT NULL,
  technologies   text[] NOT NULL DEFAULT '{}',
  description    text,
  founded_year   integer,
  synthetic      boolean NOT NULL DEFAULT false,
  name_source    text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intent_companies_domain ON intent_companies (domain);

CREATE TABLE intent_contacts (
  contact_id  text PRIMARY KEY,
  company_id  text NOT NULL REFERENCES intent_companies (company_id) ON DELETE CASCADE,
  name        text NOT NULL,
  title       text NOT NULL,
  email       text,
  phone       text,
  synthetic   boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intent_contacts_company ON intent_contacts (company_id);

CREATE TABLE intent_signals (
  signal_id     text PRIMARY KEY,
  company_id    text NOT NULL REFERENCES intent_companies (company_id) ON DELETE CASCADE,
  type          text NOT NULL CHECK (type IN ('job_post', 'website_text', 'news', 'technology_change', 'funding', 'hiring')),
  occurred_on   date NOT NULL,
  title         text,
  text          text NOT NULL DEFAULT '',
  source        text,
  url           text,
  tech          text,
  tech_change   text CHECK (tech_change IN ('added', 'removed')),
  amount_usd    numeric,
  funding_round text,
  growth_pct    numeric,
  department    text,
  synthetic     boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (type <> 'technology_change' OR (tech IS NOT NULL AND tech_change IS NOT NULL))
);
CREATE INDEX intent_signals_company ON intent_signals (company_id, occurred_on DESC);

-- Corpus-level settings, e.g. key 'as_of' -> "2026-11-01" (the "now" recency is measured from).
CREATE TABLE intent_meta (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE intent_meta;
DROP TABLE intent_signals;
DROP TABLE intent_contacts;
DROP TABLE intent_companies;
