// The intent data model (see docs/intent-data.md). Plain types shared by import, storage, loading,
// the index and the seed generator.

export const SIGNAL_TYPES = [
  'job_post',
  'website_text',
  'news',
  'technology_change',
  'funding',
  'hiring',
] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

export const SIZE_BUCKETS = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const;
export type SizeBucket = (typeof SIZE_BUCKETS)[number];

export interface CompanyRecord {
  company_id: string;
  name: string;
  domain: string;
  industry: string; // industry id from intent/industries.ts
  employee_count: number;
  city: string | null;
  region: string | null; // state / province code
  country: string; // ISO 3166-1 alpha-2
  technologies: string[]; // current stack, display names
  description: string | null;
  founded_year: number | null;
  synthetic: boolean;
  name_source: string | null;
}

export interface ContactRecord {
  contact_id: string;
  company_id: string;
  name: string;
  title: string;
  email: string | null;
  phone: string | null;
  synthetic: boolean;
}

export interface SignalRecord {
  signal_id: string;
  company_id: string;
  type: SignalType;
  occurred_on: string; // YYYY-MM-DD
  title: string | null;
  text: string;
  source: string | null;
  url: string | null;
  tech: string | null; // technology_change: the technology
  tech_change: 'added' | 'removed' | null;
  amount_usd: number | null; // funding
  funding_round: string | null;
  growth_pct: number | null; // hiring: headcount growth over the period, percent
  department: string | null; // hiring / job_post: department
  synthetic: boolean;
}

/** A synthetic signal with every optional field empty, then `fields` laid over it (seed and test data). */
export function syntheticSignal(
  required: Pick<SignalRecord, 'signal_id' | 'company_id' | 'type' | 'occurred_on'>,
  fields: Partial<SignalRecord> = {},
): SignalRecord {
  return {
    ...required,
    title: null,
    text: '',
    source: null,
    url: null,
    tech: null,
    tech_change: null,
    amount_usd: null,
    funding_round: null,
    growth_pct: null,
    department: null,
    synthetic: true,
    ...fields,
  };
}

/** Everything the ranker needs, as loaded from Postgres or a JSONL file. */
export interface IntentCorpus {
  /** The corpus's "now": recency ("12 days ago") is measured from here. YYYY-MM-DD. */
  asOf: string;
  companies: CompanyRecord[];
  contacts: ContactRecord[];
  signals: SignalRecord[];
}

export function sizeBucket(employees: number): SizeBucket {
  if (employees <= 10) return '1-10';
  if (employees <= 50) return '11-50';
  if (employees <= 200) return '51-200';
  if (employees <= 1000) return '201-1000';
  return '1000+';
}

export const SIZE_BUCKET_RANGES: Record<SizeBucket, [number, number]> = {
  '1-10': [1, 10],
  '11-50': [11, 50],
  '51-200': [51, 200],
  '201-1000': [201, 1000],
  '1000+': [1001, Number.MAX_SAFE_INTEGER],
};

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD (or ISO timestamp) string; NaN when invalid. */
export function dayNumber(date: string): number {
  const t = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  return Number.isNaN(t) ? Number.NaN : Math.floor(t / MS_PER_DAY);
}

export function dayToDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
