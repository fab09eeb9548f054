import { generateCorpus, type TruthRecord } from '../../intent/seed/generate.js';
import type { CompanyRecord, ContactRecord, IntentCorpus, SignalRecord } from '../../intent/types.js';
import { syntheticSignal } from '../../intent/types.js';

export const AS_OF = '2026-11-01';

export function company(id: string, over: Partial<CompanyRecord> = {}): CompanyRecord {
  return {
    company_id: id,
    name: `Company ${id}`,
    domain: `${id}.example`,
    industry: 'software',
    employee_count: 120,
    city: 'Austin',
    region: 'TX',
    country: 'US',
    technologies: [],
    description: null,
    founded_year: null,
    synthetic: true,
    name_source: null,
    ...over,
  };
}

export function contact(companyId: string, k: number, title: string): ContactRecord {
  return {
    contact_id: `${companyId}-c${k}`,
    company_id: companyId,
    name: `Person ${k}`,
    title,
    email: `p${k}@${companyId}.example`,
    phone: '+1-555-0100',
    synthetic: true,
  };
}

let sid = 0;
export function signal(
  companyId: string,
  type: SignalRecord['type'],
  daysAgo: number,
  over: Partial<SignalRecord> = {},
): SignalRecord {
  const d = new Date(Date.parse(`${AS_OF}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return syntheticSignal(
    { signal_id: `${companyId}-s${sid++}`, company_id: companyId, type, occurred_on: d },
    over,
  );
}

/** A small seeded corpus (the same generator as the 100k one) plus its hidden truth. */
export function seededCorpus(
  companies = 1500,
  seed = 11,
): { corpus: IntentCorpus; truth: TruthRecord[]; rows: string[] } {
  const c: IntentCorpus = { asOf: AS_OF, companies: [], contacts: [], signals: [] };
  const truth: TruthRecord[] = [];
  const rows: string[] = [];
  generateCorpus(
    { companies, seed, asOf: AS_OF },
    {
      row: (r) => {
        rows.push(JSON.stringify(r));
        const { kind, ...rest } = r;
        if (kind === 'company') c.companies.push(rest as unknown as CompanyRecord);
        else if (kind === 'contact') c.contacts.push(rest as unknown as ContactRecord);
        else if (kind === 'signal') c.signals.push(rest as unknown as SignalRecord);
      },
      truth: (t) => truth.push(t),
    },
  );
  return { corpus: c, truth, rows };
}
