// Sensitive types: a US Social Security number and credentials (passwords, tokens a source passes
// on). Their parsed values carry the real value in memory, for rules and deliveries, and are masked
// (`maskParsedValue`) before anything is stored or answered: every character becomes `*`, in the
// normal form, the raw input and each component, and `masked` becomes true. `valid` is kept.

import { toText } from './text.js';
import type { CredentialValue, FieldType, ParsedValue, SsnValue } from './types.js';

/** Types whose values are masked before storage and in every API answer. */
export const SENSITIVE_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['ssn', 'credential']);

/**
 * Nine digits, written with or without `-`, `.` or spaces (`123-45-6789`, `123 45 6789`). Numbers
 * the SSA never issues are invalid: area 000, 666 or 900-999, group 00, serial 0000. A value
 * already masked (`***-**-****`, `*****6789`) is valid and `masked`: it was masked by us or the source.
 */
export function parseSsn(raw: unknown): SsnValue {
  const { text, scalar } = toText(raw);
  const invalid: SsnValue = {
    raw,
    normal: text,
    valid: false,
    masked: false,
    first_three: null,
    middle_two: null,
    last_four: null,
  };
  if (!scalar || (typeof raw !== 'string' && typeof raw !== 'number') || text.length > 30) return invalid;
  const compact = text.replace(/[\s.-]/g, '');
  if (!/^[\d*]{9}$/.test(compact)) return invalid;
  const masked = compact.includes('*');
  const parts = {
    first_three: compact.slice(0, 3),
    middle_two: compact.slice(3, 5),
    last_four: compact.slice(5),
  };
  const issued =
    masked ||
    (!/^(?:000|666|9\d\d)$/.test(parts.first_three) &&
      parts.middle_two !== '00' &&
      parts.last_four !== '0000');
  return { raw, normal: compact, valid: issued, masked, ...parts };
}

/** Any text; always valid. Sensitive: masked before storage. */
export function parseCredential(raw: unknown): CredentialValue {
  const { text, scalar } = toText(raw);
  return { raw, normal: text, valid: scalar, masked: /^\*+$/.test(text) };
}

function stars(value: unknown): string {
  return '*'.repeat(Math.min(toText(value).text.length, 64));
}

/**
 * The parsed value as it may be stored or shown: for a sensitive type, every character of the
 * normal form, the raw input and each component replaced with `*` (lengths kept), `valid` kept,
 * `masked: true`. Other types are returned as they are.
 */
export function maskParsedValue<T extends ParsedValue>(type: FieldType, value: T): T {
  if (!SENSITIVE_TYPES.has(type)) return value;
  const masked: Record<string, unknown> = {};
  for (const [key, component] of Object.entries(value)) {
    if (key === 'valid') masked[key] = component;
    else if (key === 'masked') masked[key] = true;
    else if (key === 'raw') masked[key] = maskRawValue(type, component);
    else masked[key] = component === null || component === undefined ? component : stars(component);
  }
  return masked as T;
}

/**
 * A raw input value of a sensitive type, masked for storage: an SSN keeps its separators
 * (`123-45-6789` → `***-**-****`, which still parses as a masked SSN), anything else is all `*`.
 */
export function maskRawValue(type: FieldType, value: unknown): unknown {
  if (value === null || value === undefined || !SENSITIVE_TYPES.has(type)) return value;
  const text = toText(value).text.slice(0, 64);
  return type === 'ssn' ? text.replace(/[^\s.-]/g, '*') : '*'.repeat(text.length);
}
