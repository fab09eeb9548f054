import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Pool } from '../db/pool.js';
import { type ImportRecord, type RowError, validateRow } from './schema.js';
import type { CompanyRecord, ContactRecord, SignalRecord } from './types.js';

// Import of intent data (JSONL or CSV) into Postgres, row by row with validation. Bad rows are
// reported as {line, field, message} and skipped; good rows are upserted in batches by their stable
// key, so importing the same file twice changes nothing (the second run reports them as unchanged).
// JSONL: one object per line with a "kind" field ("meta" | "company" | "contact" | "signal").
// CSV: a header row; a "kind" column, or `options.kind` for a file of one kind. Lists (technologies)
// are ";"-separated. See docs/intent-data.md. Not atomic: each batch commits on its own; re-running
// an interrupted import completes it.

export type ImportFormat = 'jsonl' | 'csv';

export interface ImportOptions {
  format: ImportFormat;
  /** Record kind for CSV files without a "kind" column. */
  kind?: 'company' | 'contact' | 'signal';
  batchSize?: number;
  /** Errors kept in the result (the count is always exact). */
  maxErrors?: number;
  /** Sent as the change notification's payload, so the process that imported can skip its own. */
  origin?: string;
  /** The notification channel; default INTENT_CORPUS_CHANNEL (tests use one per stack). */
  channel?: string;
}

/**
 * After an import that changed rows, a NOTIFY on this channel tells every API process to rebuild its
 * in-memory index (imports from the CLI or from another replica included). The payload is the origin.
 */
export const INTENT_CORPUS_CHANNEL = 'leadrail_intent_corpus';

export interface ImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  errorCount: number;
  /** Rows were inserted or updated, or the corpus date moved: the in-memory index is stale. */
  changed: boolean;
}

export type ImportInput = Readable | AsyncIterable<string | Uint8Array> | string;

interface Pending<T> {
  rows: T[];
  lines: number[];
  keys: Set<string>;
}

const pending = <T>(): Pending<T> => ({ rows: [], lines: [], keys: new Set() });

const COMPANY_COLS =
  'company_id text, name text, domain text, industry text, employee_count int, city text, region text, country text, technologies text[], description text, founded_year int, synthetic boolean, name_source text';
const CONTACT_COLS =
  'contact_id text, company_id text, name text, title text, email text, phone text, synthetic boolean';
const SIGNAL_COLS =
  'signal_id text, company_id text, type text, occurred_on date, title text, text text, source text, url text, tech text, tech_change text, amount_usd numeric, funding_round text, growth_pct numeric, department text, synthetic boolean';

function upsertSql(table: string, key: string, colDefs: string): string {
  const cols = colDefs.split(',').map((c) => c.trim().split(' ')[0]!);
  const data = cols.filter((c) => c !== key);
  return `INSERT INTO ${table} (${cols.join(', ')})
    SELECT ${cols.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${colDefs})
    ON CONFLICT (${key}) DO UPDATE SET ${data.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
    WHERE (${data.map((c) => `${table}.${c}`).join(', ')}) IS DISTINCT FROM (${data.map((c) => `EXCLUDED.${c}`).join(', ')})
    RETURNING (xmax = 0) AS inserted`;
}

const SQL = {
  company: upsertSql('intent_companies', 'company_id', COMPANY_COLS),
  contact: upsertSql('intent_contacts', 'contact_id', CONTACT_COLS),
  signal: upsertSql('intent_signals', 'signal_id', SIGNAL_COLS),
};

export async function importIntentData(
  pool: Pool,
  input: ImportInput,
  options: ImportOptions,
): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 1000;
  const maxErrors = options.maxErrors ?? 1000;
  const result: ImportResult = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    errorCount: 0,
    changed: false,
  };
  const addError = (e: RowError) => {
    result.errorCount++;
    if (result.errors.length < maxErrors) result.errors.push(e);
  };
  const companies = pending<CompanyRecord>();
  const contacts = pending<ContactRecord>();
  const signals = pending<SignalRecord>();

  const upsert = async <T>(kind: keyof typeof SQL, p: Pending<T>) => {
    if (p.rows.length === 0) return;
    const { rows } = await pool.query<{ inserted: boolean }>(SQL[kind], [JSON.stringify(p.rows)]);
    let ins = 0;
    for (const r of rows) if (r.inserted) ins++;
    result.inserted += ins;
    result.updated += rows.length - ins;
    result.unchanged += p.rows.length - rows.length;
    if (rows.length > 0) result.changed = true;
    p.rows = [];
    p.lines = [];
    p.keys.clear();
  };

  /** Drops rows whose company does not exist (reported), then upserts the rest. */
  const upsertChildren = async <T extends { company_id: string }>(
    kind: 'contact' | 'signal',
    p: Pending<T>,
  ) => {
    if (p.rows.length === 0) return;
    const ids = [...new Set(p.rows.map((r) => r.company_id))];
    const { rows } = await pool.query<{ company_id: string }>(
      'SELECT company_id FROM intent_companies WHERE company_id = ANY($1::text[])',
      [ids],
    );
    const known = new Set(rows.map((r) => r.company_id));
    const keep = pending<T>();
    p.rows.forEach((row, i) => {
      if (known.has(row.company_id)) keep.rows.push(row);
      else
        addError({ line: p.lines[i]!, field: 'company_id', message: `unknown company '${row.company_id}'` });
    });
    p.rows = [];
    p.lines = [];
    p.keys.clear();
    await upsert(kind, keep);
  };

  const flush = async () => {
    await upsert('company', companies);
    await upsertChildren('contact', contacts);
    await upsertChildren('signal', signals);
  };

  const add = async (record: ImportRecord, line: number) => {
    if (record.kind === 'meta') {
      await flush();
      const meta = await pool.query(
        `INSERT INTO intent_meta (key, value) VALUES ('as_of', $1::jsonb)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
         WHERE intent_meta.value IS DISTINCT FROM EXCLUDED.value`,
        [JSON.stringify(record.value.as_of)],
      );
      if (meta.rowCount) result.changed = true;
      return;
    }
    const [p, key] =
      record.kind === 'company'
        ? [companies as Pending<unknown>, record.value.company_id]
        : record.kind === 'contact'
          ? [contacts as Pending<unknown>, record.value.contact_id]
          : [signals as Pending<unknown>, record.value.signal_id];
    // A key repeated inside one batch is applied in order: flush first, then upsert again.
    if (p.keys.has(key)) await flush();
    p.rows.push(record.value);
    p.lines.push(line);
    p.keys.add(key);
    if (p.rows.length >= batchSize) await flush();
  };

  const consume = async () => {
    for await (const item of readRecords(input, options)) {
      if ('error' in item) {
        addError(item.error);
        continue;
      }
      const v = validateRow(item.raw, item.line, options.kind);
      if (!v.ok) {
        for (const e of v.errors) addError(e);
        continue;
      }
      await add(v.record, item.line);
    }
  };
  try {
    await consume();
    await flush();
  } finally {
    // Batches commit one by one, so even a failed import may have changed the corpus.
    if (result.changed)
      await pool
        .query('SELECT pg_notify($1, $2)', [options.channel ?? INTENT_CORPUS_CHANNEL, options.origin ?? ''])
        .catch(() => {});
  }
  return result;
}

type RawItem = { line: number; raw: Record<string, unknown> } | { line: number; error: RowError };

function toReadable(input: ImportInput): AsyncIterable<string | Uint8Array> {
  if (typeof input === 'string') return Readable.from([input]);
  return input;
}

/** Yields raw rows with their (first) line number. */
export async function* readRecords(
  input: ImportInput,
  options: Pick<ImportOptions, 'format'>,
): AsyncGenerator<RawItem> {
  if (options.format === 'jsonl') {
    let line = 0;
    for await (const text of lines(toReadable(input))) {
      line++;
      if (text.trim() === '') continue;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        yield { line, error: { line, field: '(row)', message: 'invalid JSON' } };
        continue;
      }
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        yield { line, error: { line, field: '(row)', message: 'must be a JSON object' } };
        continue;
      }
      yield { line, raw: raw as Record<string, unknown> };
    }
    return;
  }
  let header: string[] | null = null;
  for await (const item of csvRecords(toReadable(input))) {
    if ('error' in item) {
      yield { line: item.line, error: { line: item.line, field: '(row)', message: item.error } };
      continue;
    }
    const { line, fields } = item;
    if (!header) {
      header = fields.map((h) => h.trim());
      continue;
    }
    if (fields.length === 1 && fields[0]!.trim() === '') continue;
    if (fields.length !== header.length) {
      yield {
        line,
        error: { line, field: '(row)', message: `expected ${header.length} columns, found ${fields.length}` },
      };
      continue;
    }
    const raw: Record<string, unknown> = {};
    header.forEach((h, i) => {
      raw[h] = fields[i];
    });
    yield { line, raw };
  }
}

async function* lines(input: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buf = '';
  for await (const chunk of input) {
    buf += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      yield buf.slice(0, nl).replace(/\r$/, '');
      buf = buf.slice(nl + 1);
      nl = buf.indexOf('\n');
    }
  }
  buf += decoder.decode();
  if (buf !== '') yield buf.replace(/\r$/, '');
}

/**
 * RFC 4180 CSV records by csv-parse (quoted fields may hold commas, quotes and newlines), each with the
 * line it starts on. Malformed CSV (e.g. text after a closing quote) ends the file with an error at its
 * line: past it, where records begin cannot be known, so nothing is guessed.
 */
export async function* csvRecords(
  input: AsyncIterable<string | Uint8Array>,
): AsyncGenerator<{ line: number; fields: string[] } | { line: number; error: string }> {
  const parser = Readable.from(input).pipe(parse({ bom: true, info: true, relax_column_count: true }));
  // Every line is a record (empty ones too), so a record starts on the line after the previous one ended.
  let endedOn = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { line: endedOn + 1, fields: record };
      endedOn = info.lines;
    }
  } catch (err) {
    const line = Number((err as { lines?: unknown }).lines ?? endedOn + 1);
    const reason = err instanceof Error ? err.message.replace(/^Invalid [^:]*: /, '') : String(err);
    yield { line, error: `malformed CSV, import stopped here: ${reason}` };
  }
}
