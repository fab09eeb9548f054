import { z } from 'zod';
import { COUNTRIES } from './geo.js';
import { INDUSTRY_BY_ID, resolveIndustry } from './industries.js';
import { normalizeDomain, stableHash } from './text.js';
import type { CompanyRecord, ContactRecord, SignalRecord } from './types.js';
import { dayNumber, SIGNAL_TYPES } from './types.js';

// Validation of import rows (JSONL objects or CSV records). CSV values arrive as strings, so every
// field accepts its string form too: numbers, booleans ("true"/"false"/"1"/"0") and lists
// (";"-separated). Empty strings mean "absent". Keys that are absent get stable derived values so a
// re-import of the same file updates the same rows.

const COUNTRY_CODES = new Set(COUNTRIES.map((c) => c.code));
const COUNTRY_BY_NAME = new Map(COUNTRIES.map((c) => [c.name.toLowerCase(), c.code]));

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const optText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max).optional()).transform((v) => v ?? null);
const reqText = (max: number) => z.string().trim().min(1, 'is required').max(max);
const optNumber = z
  .preprocess(blankToUndefined, z.coerce.number().finite().optional())
  .transform((v) => v ?? null);
const bool = z.preprocess((v) => {
  if (v === '' || v === null || v === undefined) return false;
  if (typeof v === 'string') return ['true', '1', 'yes', 't'].includes(v.trim().toLowerCase());
  return v;
}, z.boolean());
const list = z.preprocess(
  (v) => {
    if (v === '' || v === null || v === undefined) return [];
    if (typeof v === 'string')
      return v
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
    return v;
  },
  z.array(z.string().trim().min(1).max(120)).max(200),
);
const date = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(dayNumber(v)), 'must be a date (YYYY-MM-DD)')
  .transform((v) => v.slice(0, 10));

const domain = z
  .string()
  .trim()
  .transform((v) => normalizeDomain(v))
  .refine(
    (v) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(v),
    'must be a domain',
  );

export const companySchema = z
  .object({
    company_id: optText(200),
    name: reqText(300),
    domain,
    industry: z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (INDUSTRY_BY_ID.has(v)) return v;
        const ids = resolveIndustry(v);
        if (ids.length === 1 && ids[0]) return ids[0];
        ctx.addIssue({ code: 'custom', message: `unknown industry '${v}' (see docs/intent-data.md)` });
        return z.NEVER;
      }),
    employee_count: z.coerce.number().int('must be an integer').positive('must be positive').max(5_000_000),
    city: optText(120),
    region: optText(10),
    country: z
      .string()
      .trim()
      .transform((v, ctx) => {
        const code = COUNTRY_CODES.has(v.toUpperCase())
          ? v.toUpperCase()
          : COUNTRY_BY_NAME.get(v.toLowerCase());
        if (code) return code;
        ctx.addIssue({ code: 'custom', message: `unknown country '${v}' (ISO 3166-1 alpha-2 expected)` });
        return z.NEVER;
      }),
    technologies: list,
    description: optText(4000),
    founded_year: z
      .preprocess(blankToUndefined, z.coerce.number().int().min(1600).max(2100).optional())
      .transform((v) => v ?? null),
    synthetic: bool,
    name_source: optText(100),
  })
  .transform((c): CompanyRecord => ({ ...c, company_id: c.company_id ?? c.domain }));

export const contactSchema = z
  .object({
    contact_id: optText(200),
    company_id: reqText(200),
    name: reqText(200),
    title: reqText(200),
    email: z
      .preprocess(blankToUndefined, z.email('must be an email').max(320).optional())
      .transform((v) => v ?? null),
    phone: optText(40),
    synthetic: bool,
  })
  .transform(
    (c): ContactRecord => ({
      ...c,
      contact_id: c.contact_id ?? `ct_${stableHash(`${c.company_id}|${c.email ?? `${c.name}|${c.title}`}`)}`,
    }),
  );

export const signalSchema = z
  .object({
    signal_id: optText(200),
    company_id: reqText(200),
    type: z.enum(SIGNAL_TYPES, { message: `must be one of ${SIGNAL_TYPES.join(', ')}` }),
    occurred_on: date,
    title: optText(500),
    text: z.preprocess((v) => (v === null || v === undefined ? '' : v), z.string().max(20_000)),
    source: optText(200),
    url: optText(2000),
    tech: optText(120),
    tech_change: z
      .preprocess(blankToUndefined, z.enum(['added', 'removed']).optional())
      .transform((v) => v ?? null),
    amount_usd: optNumber,
    funding_round: optText(60),
    growth_pct: optNumber,
    department: optText(80),
    synthetic: bool,
  })
  .superRefine((s, ctx) => {
    if (s.type === 'technology_change') {
      if (!s.tech)
        ctx.addIssue({ code: 'custom', path: ['tech'], message: 'is required for technology_change' });
      if (!s.tech_change)
        ctx.addIssue({ code: 'custom', path: ['tech_change'], message: 'is required for technology_change' });
    }
    if (s.text.trim() === '' && !s.title)
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'text or title is required' });
  })
  .transform(
    (s): SignalRecord => ({
      ...s,
      signal_id:
        s.signal_id ??
        `sg_${stableHash(`${s.company_id}|${s.type}|${s.occurred_on}|${s.title ?? ''}|${s.text}`)}`,
    }),
  );

export const metaSchema = z.object({ as_of: date });

export type ImportRecord =
  | { kind: 'company'; value: CompanyRecord }
  | { kind: 'contact'; value: ContactRecord }
  | { kind: 'signal'; value: SignalRecord }
  | { kind: 'meta'; value: { as_of: string } };

export interface RowError {
  line: number;
  field: string;
  message: string;
}

const KINDS = ['company', 'contact', 'signal', 'meta'] as const;

/** Validates one raw row. `kind` comes from the row's "kind" field or from the caller (CSV without it). */
export function validateRow(
  raw: Record<string, unknown>,
  line: number,
  defaultKind?: ImportRecord['kind'],
): { ok: true; record: ImportRecord } | { ok: false; errors: RowError[] } {
  const kind = (raw.kind ?? defaultKind) as ImportRecord['kind'] | undefined;
  if (!kind || !KINDS.includes(kind)) {
    return { ok: false, errors: [{ line, field: 'kind', message: `must be one of ${KINDS.join(', ')}` }] };
  }
  const schema =
    kind === 'company'
      ? companySchema
      : kind === 'contact'
        ? contactSchema
        : kind === 'signal'
          ? signalSchema
          : metaSchema;
  const result = schema.safeParse(raw);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((i) => ({
        line,
        field: i.path.length > 0 ? i.path.join('.') : '(row)',
        message: i.message,
      })),
    };
  }
  return { ok: true, record: { kind, value: result.data } as ImportRecord };
}
