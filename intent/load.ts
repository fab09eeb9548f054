import type { Pool } from '../db/pool.js';
import { latestDate } from './corpus-file.js';
import { IntentEngine, type IntentEngineOptions } from './engine.js';
import type { CompanyRecord, ContactRecord, IntentCorpus, SignalRecord } from './types.js';

// Reads the intent tables into an IntentCorpus (keyset-paginated, ordered by key, so the same data
// always yields the same index). This is the only database access of the engine.

const PAGE = 20_000;

async function readAll<T>(pool: Pool, select: string, table: string, key: string): Promise<T[]> {
  const out: T[] = [];
  let after = '';
  for (;;) {
    const { rows } = await pool.query<T & Record<string, unknown>>(
      `SELECT ${select} FROM ${table} WHERE ${key} > $1 ORDER BY ${key} LIMIT ${PAGE}`,
      [after],
    );
    out.push(...rows);
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]![key] as string;
  }
  return out;
}

export async function loadIntentCorpus(pool: Pool): Promise<IntentCorpus> {
  const companies = await readAll<CompanyRecord>(
    pool,
    'company_id, name, domain, industry, employee_count, city, region, country, technologies, description, founded_year, synthetic, name_source',
    'intent_companies',
    'company_id',
  );
  const contacts = await readAll<ContactRecord>(
    pool,
    'contact_id, company_id, name, title, email, phone, synthetic',
    'intent_contacts',
    'contact_id',
  );
  const signals = await readAll<SignalRecord>(
    pool,
    `signal_id, company_id, type, occurred_on::text AS occurred_on, title, text, source, url, tech, tech_change,
     amount_usd::float8 AS amount_usd, funding_round, growth_pct::float8 AS growth_pct, department, synthetic`,
    'intent_signals',
    'signal_id',
  );
  const { rows } = await pool.query<{ value: unknown }>("SELECT value FROM intent_meta WHERE key = 'as_of'");
  const asOf = typeof rows[0]?.value === 'string' ? rows[0].value : latestDate(signals);
  return { asOf, companies, contacts, signals };
}

/** Loads the corpus from Postgres and builds an engine over it. */
export async function loadIntentEngine(pool: Pool, options: IntentEngineOptions = {}): Promise<IntentEngine> {
  return IntentEngine.fromCorpus(await loadIntentCorpus(pool), options);
}
