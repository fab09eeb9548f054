// Lead field types: parse one value, or normalise a whole lead against a flow's field definitions.
// Pure and deterministic (no I/O, no clock: time-relative values take `now`), so it can run in
// Temporal local activities and the workflow sandbox alike.

import type { FieldError } from '../lead.js';
import { isBlank, missingRequiredFields } from '../lead.js';
import { parseDate, parseDob } from './date.js';
import { parseEmail } from './email.js';
import { parseBoolean, parseNumber, parseRange } from './number.js';
import { parsePhone } from './phone.js';
import { parsePostalCode } from './postal-code.js';
import { parseState } from './state.js';
import { isParsedValue, toText } from './text.js';
import type { FieldDefinition, FieldType, ParsedValue, ParsedValueByType, ParseOptions } from './types.js';
import { FIELD_TYPES } from './types.js';
import { parseIp, parseTrustedFormUrl, parseUrl } from './url.js';

export { ageOn, MAX_AGE, parseDate, parseDob } from './date.js';
export { isDisposableDomain, parseEmail, ROLE_LOCAL_PARTS } from './email.js';
export { parseBoolean, parseNumber, parseRange, readNumber } from './number.js';
export { parsePhone, TOLL_FREE_AREA_CODES } from './phone.js';
export { parsePostalCode } from './postal-code.js';
export type { StateInfo } from './state.js';
export { lookupState, parseState } from './state.js';
export * from './types.js';
export { parseIp, parseTrustedFormUrl, parseUrl } from './url.js';

export function parseString(raw: unknown): ParsedValueByType['string'] {
  const { text, scalar } = toText(raw);
  return { raw, normal: text, valid: scalar };
}

type Parser<T extends FieldType> = (raw: unknown, options: ParseOptions) => ParsedValueByType[T];

const PARSERS: { [T in FieldType]: Parser<T> } = {
  string: parseString,
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

// Well-known field names and the type they get when a flow declares no fields.
const INFERRED_BY_NAME: Readonly<Record<string, FieldType>> = {
  email: 'email',
  email_address: 'email',
  phone: 'phone',
  phone_number: 'phone',
  mobile_phone: 'phone',
  cell_phone: 'phone',
  home_phone: 'phone',
  work_phone: 'phone',
  postal_code: 'postal_code',
  zip: 'postal_code',
  zip_code: 'postal_code',
  zipcode: 'postal_code',
  postcode: 'postal_code',
  state: 'state',
  province: 'state',
  dob: 'dob',
  date_of_birth: 'dob',
  birth_date: 'dob',
  birthdate: 'dob',
  age: 'number',
  income: 'number',
  annual_income: 'number',
  household_income: 'number',
  monthly_income: 'number',
  loan_amount: 'number',
  trustedform_cert_url: 'trustedform_url',
  trusted_form_cert_url: 'trustedform_url',
  xxtrustedformcerturl: 'trustedform_url',
  ip_address: 'ip',
  ip: 'ip',
  url: 'url',
  website: 'url',
  website_url: 'url',
  landing_page_url: 'url',
  is_test: 'boolean',
  opt_in: 'boolean',
  tcpa_consent: 'boolean',
};

/** The type a field gets from its name alone: `email`, `phone_1`, `zip`, `dob`, `income`... else `string`. */
export function inferFieldType(name: string): FieldType {
  const key = name.trim().toLowerCase();
  const known = INFERRED_BY_NAME[key];
  if (known) return known;
  if (/^phone_?\d+$/.test(key) || /_phone(?:_\d+)?$/.test(key)) return 'phone';
  if (/^email_?\d+$/.test(key) || /_email$/.test(key)) return 'email';
  return 'string';
}

export interface NormalizedLead {
  /** Parsed values of the fields that are present (blank values are left out). */
  values: Record<string, ParsedValue>;
  /** `missing_required` and `invalid_format` errors, in field order, at most one per field. */
  errors: FieldError[];
  /**
   * The definitions actually applied: the declared ones, then one per undeclared lead field
   * (typed by name: `email`, `phone_1`, `zip`, ... get their type, anything else is `string`).
   */
  definitions: FieldDefinition[];
}

/**
 * Normalises a lead against a flow's field definitions.
 * - Declared fields are parsed with their type.
 *   Undeclared fields are typed from their names (`inferFieldType`), so a standard field such as
 *   `phone` is normalised the same way whether or not a flow declares it.
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
