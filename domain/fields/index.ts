// Lead field types: parse one value, or normalise a whole lead against a flow's field definitions.
// Pure and deterministic (no I/O, no clock: time-relative values take `now`), so it can run in
// Temporal local activities and the workflow sandbox alike.

import type { FieldError } from '../lead.js';
import { isBlank, missingRequiredFields } from '../lead.js';
import { inferFieldType } from './catalogue.js';
import { parseDate, parseDob, parseTime } from './date.js';
import { parseEmail } from './email.js';
import { parseBoolean, parseNumber, parseRange } from './number.js';
import { parseGender, parseStreet, parseString } from './person.js';
import { parsePhone } from './phone.js';
import { parsePostalCode } from './postal-code.js';
import { maskParsedValue, maskRawValue, parseCredential, parseSsn, SENSITIVE_TYPES } from './sensitive.js';
import { parseState } from './state.js';
import { isParsedValue, toText } from './text.js';
import type { FieldDefinition, FieldType, ParsedValue, ParsedValueByType, ParseOptions } from './types.js';
import { FIELD_TYPES } from './types.js';
import { parseIp, parseTrustedFormUrl, parseUrl } from './url.js';

export type { StandardField } from './catalogue.js';
export { inferFieldType, STANDARD_FIELDS, standardField } from './catalogue.js';
export { ageOn, decimalAgeOn, MAX_AGE, parseDate, parseDob, parseTime } from './date.js';
export { isDisposableDomain, parseEmail, ROLE_LOCAL_PARTS } from './email.js';
export { parseBoolean, parseNumber, parseRange, readNumber } from './number.js';
export { parseGender, parseStreet, parseString } from './person.js';
export { parsePhone, TOLL_FREE_AREA_CODES } from './phone.js';
export { parsePostalCode } from './postal-code.js';
export { maskParsedValue, maskRawValue, parseCredential, parseSsn, SENSITIVE_TYPES } from './sensitive.js';
export type { StateInfo } from './state.js';
export { lookupState, parseState } from './state.js';
export * from './types.js';
export { parseIp, parseTrustedFormUrl, parseUrl } from './url.js';

type Parser<T extends FieldType> = (raw: unknown, options: ParseOptions) => ParsedValueByType[T];

const PARSERS: { [T in FieldType]: Parser<T> } = {
  string: parseString,
  first_name: parseString,
  last_name: parseString,
  city: parseString,
  street: parseStreet,
  gender: parseGender,
  time: parseTime,
  ssn: parseSsn,
  credential: parseCredential,
  email: parseEmail,
  phone: parsePhone,
  postal_code: parsePostalCode,
  state: parseState,
  boolean: parseBoolean,
  number: parseNumber,
  range: parseRange,
  date: parseDate,
  dob: parseDob,
  url: parseUrl,
  ip: parseIp,
  trustedform_url: parseTrustedFormUrl,
};

export function isFieldType(value: unknown): value is FieldType {
  return typeof value === 'string' && (FIELD_TYPES as readonly string[]).includes(value);
}

/**
 * Parses one raw value as `type`. Never throws. Parsing an already-parsed value starts again from
 * its original `raw`, so the original input is kept.
 */
export function parseField<T extends FieldType>(
  type: T,
  raw: unknown,
  options: ParseOptions,
): ParsedValueByType[T] {
  const input = isParsedValue(raw) ? raw.raw : raw;
  const parser = PARSERS[type] as Parser<T>;
  try {
    return parser(input, options);
  } catch {
    // Defence in depth: every parser is written not to throw. If one ever does, the value is
    // reported invalid with the type's components all null.
    return { ...parser(null, options), raw: input, normal: toText(input).text };
  }
}

export interface NormalizedLead {
  /** Parsed values of the fields that are present (blank values are left out). */
  values: Record<string, ParsedValue>;
  /** `missing_required` and `invalid_format` errors, in field order, at most one per field. */
  errors: FieldError[];
  /**
   * The definitions actually applied: the declared ones, then one per undeclared lead field
   * (typed by the standard field catalogue: `email`, `phone_1`, `zip`, ... get their type, anything
   * else is `string`).
   */
  definitions: FieldDefinition[];
}

/**
 * Normalises a lead against a flow's field definitions.
 * - Declared fields are parsed with their type.
 *   Undeclared fields are typed by the standard field catalogue (`inferFieldType`), so a standard
 *   field such as `phone` is normalised the same way whether or not a flow declares it.
 * - Blank values (see `isBlank`) are left out of `values`.
 * - Errors: `missing_required` for a required field that is absent or blank (same message as
 *   `missingRequiredFields`), `invalid_format` ("Email format is invalid") for a present value of a
 *   `require_valid` field whose format check fails.
 */
export function normalizeLead(
  fields: readonly FieldDefinition[],
  lead: Record<string, unknown>,
  now: Date,
): NormalizedLead {
  const declared = new Map<string, FieldDefinition>();
  for (const field of fields) if (!declared.has(field.name)) declared.set(field.name, field);

  const definitions: FieldDefinition[] = [...declared.values()];
  for (const name of Object.keys(lead)) {
    if (!declared.has(name)) definitions.push({ name, type: inferFieldType(name) });
  }

  const values: Record<string, ParsedValue> = {};
  const errors: FieldError[] = [];
  for (const definition of definitions) {
    const raw = Object.hasOwn(lead, definition.name) ? lead[definition.name] : undefined;
    if (isBlank(raw)) {
      if (definition.required) errors.push(...missingRequiredFields([definition.name], lead));
      continue;
    }
    const type = isFieldType(definition.type) ? definition.type : 'string';
    const value = parseField(type, raw, { now });
    values[definition.name] = value;
    if (definition.require_valid && !value.valid) {
      errors.push({
        field: definition.name,
        code: 'invalid_format',
        message: `${humanize(definition.name)} format is invalid`,
      });
    }
  }
  return { values, errors, definitions };
}

/** `date_of_birth` → `Date of birth`, as in the API's error messages. */
export function humanize(field: string): string {
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The type each field of `lead` is parsed as: declared definitions first, then the catalogue. */
export function fieldTypes(
  fields: readonly FieldDefinition[],
  names: Iterable<string>,
): Map<string, FieldType> {
  const types = new Map<string, FieldType>();
  for (const field of fields) {
    if (!types.has(field.name)) types.set(field.name, isFieldType(field.type) ? field.type : 'string');
  }
  for (const name of names) if (!types.has(name)) types.set(name, inferFieldType(name));
  return types;
}

/**
 * Parsed values as they may be stored and answered: sensitive types (ssn, credential) masked.
 * `definitions` are the ones `normalizeLead` applied.
 */
export function storableValues(
  definitions: readonly FieldDefinition[],
  values: Readonly<Record<string, ParsedValue>>,
): Record<string, ParsedValue> {
  const types = fieldTypes(definitions, Object.keys(values));
  const out: Record<string, ParsedValue> = {};
  for (const [name, value] of Object.entries(values))
    out[name] = maskParsedValue(types.get(name) ?? 'string', value);
  return out;
}

/** A lead's raw input with the values of sensitive fields masked, for storage. */
export function maskSensitiveInput(
  fields: readonly FieldDefinition[],
  lead: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const types = fieldTypes(fields, Object.keys(lead));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(lead)) {
    const type = types.get(name) ?? 'string';
    out[name] = SENSITIVE_TYPES.has(type)
      ? maskRawValue(type, isParsedValue(value) ? value.raw : value)
      : value;
  }
  return out;
}
