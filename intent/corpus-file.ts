import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type RowError, validateRow } from './schema.js';
import type { CompanyRecord, ContactRecord, IntentCorpus, SignalRecord } from './types.js';

// Reads an import-format JSONL file straight into an IntentCorpus (no database): used by the
// evaluation and the benchmark, and handy for a database-less deployment. Rows are validated with the
// same schemas as the import; invalid rows are reported and skipped, later duplicates win.

export async function readCorpusJsonl(
  path: string,
  opts: { validate?: boolean } = {},
): Promise<{ corpus: IntentCorpus; errors: RowError[] }> {
  const validate = opts.validate ?? true;
  const companies = new Map<string, CompanyRecord>();
  const contacts = new Map<string, ContactRecord>();
  const signals = new Map<string, SignalRecord>();
  const errors: RowError[] = [];
  let asOf: string | null = null;
  let line = 0;
  const rl = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const text of rl) {
    line++;
    if (text.trim() === '') continue;
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch {
      errors.push({ line, field: '(row)', message: 'invalid JSON' });
      continue;
    }
    if (!validate) {
      const kind = raw.kind;
      if (kind === 'company') companies.set(raw.company_id as string, raw as unknown as CompanyRecord);
      else if (kind === 'contact') contacts.set(raw.contact_id as string, raw as unknown as ContactRecord);
      else if (kind === 'signal') signals.set(raw.signal_id as string, raw as unknown as SignalRecord);
      else if (kind === 'meta') asOf = raw.as_of as string;
      continue;
    }
    const v = validateRow(raw, line);
    if (!v.ok) {
      errors.push(...v.errors);
      continue;
    }
    const r = v.record;
    if (r.kind === 'company') companies.set(r.value.company_id, r.value);
    else if (r.kind === 'contact') contacts.set(r.value.contact_id, r.value);
    else if (r.kind === 'signal') signals.set(r.value.signal_id, r.value);
    else asOf = r.value.as_of;
  }
  const sigs = [...signals.values()];
  return {
    corpus: {
      asOf: asOf ?? latestDate(sigs),
      companies: [...companies.values()],
      contacts: [...contacts.values()],
      signals: sigs,
    },
    errors,
  };
}

/** Default "now" of a corpus without an as_of: the latest signal date (today if there are none). */
export function latestDate(signals: readonly SignalRecord[]): string {
  let max = '';
  for (const s of signals) if (s.occurred_on > max) max = s.occurred_on;
  return max || new Date().toISOString().slice(0, 10);
}
