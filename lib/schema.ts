import { z } from './zod.js';

// Building blocks for request schemas whose OpenAPI rendering states exactly what they enforce.
// @asteasolutions/zod-to-openapi renders what it knows (min/max, enum, format) and drops the rest:
// zod's implicit safe-integer bounds, its email and URL rules, and every `.refine`. These helpers
// enforce a rule and state it in the document in one place, so the two cannot drift apart
// (test/contract/ fuzzes the running API against its own /openapi.json to keep it so).

/** The largest integer a JSON number carries exactly (2^53 - 1). */
export const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER;
/** The largest value of a Postgres `integer` column (counters, cap windows). */
export const MAX_INT32 = 2_147_483_647;

/** Characters as JSON Schema counts them (code points); `String#length` counts UTF-16 units. */
export function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

// What String#trim removes (ECMAScript WhiteSpace and LineTerminator), spelled out: a pattern's `\s`
// means something else in other regex dialects (Python's includes \x1c-\x1f, excludes \ufeff).
export const TRIMMED =
  '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/** A pattern matched by exactly the strings whose trimmed form has at least `min` characters. */
function trimmedMinPattern(min: number): string {
  if (min === 1) return `[^${TRIMMED}]`;
  return `^[${TRIMMED}]*[^${TRIMMED}][\\s\\S]{${min - 2},}[^${TRIMMED}][${TRIMMED}]*$`;
}

/**
 * A string of `min`..`max` characters (code points, as JSON Schema's minLength/maxLength count them).
 * With `trim`, surrounding whitespace is removed before `min` is checked (so "  " is not a name) and
 * the document says so with a pattern; `max` applies to the text as sent.
 */
export function text(options: { min?: number; max?: number; trim?: boolean } = {}) {
  const { min = 0, max, trim = false } = options;
  let schema = z.string();
  if (max !== undefined) {
    schema = schema.check((ctx) => {
      if (codePoints(ctx.value) > max) {
        ctx.issues.push({
          code: 'too_big',
          origin: 'string',
          maximum: max,
          inclusive: true,
          input: ctx.value,
          message: `Too big: expected string to have <=${max} characters`,
        });
      }
    });
  }
  if (trim) schema = schema.trim();
  if (min > 0) {
    schema = schema.check((ctx) => {
      if (codePoints(ctx.value) < min) {
        ctx.issues.push({
          code: 'too_small',
          origin: 'string',
          minimum: min,
          inclusive: true,
          input: ctx.value,
          message: `Too small: expected string to have >=${min} characters${trim ? ' (surrounding whitespace removed)' : ''}`,
        });
      }
    });
  }
  return schema.openapi({
    ...(min > 0 ? { minLength: min } : {}),
    ...(max !== undefined ? { maxLength: max } : {}),
    ...(trim && min > 0 ? { pattern: trimmedMinPattern(min) } : {}),
  });
}

/** An integer in [min, max]; `max` defaults to 2^53 - 1, which zod enforces but does not document. */
export function integer(min: number, max: number = MAX_SAFE_INTEGER) {
  return z.number().int().min(min).max(max);
}

// An email address: a dot-atom local part of at most 64 characters, a domain of LDH labels ending in a
// letters-only top-level label. Stricter than RFC 5321 (no quoted local parts or address literals),
// so every address it takes is one JSON Schema's `email` format takes too.
const EMAIL =
  /^(?=[^@]{1,64}@)[A-Za-z0-9_'+-]+(?:\.[A-Za-z0-9_'+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** An email address (see EMAIL); the document carries the same pattern. */
export function emailAddress() {
  return z
    .email({ pattern: EMAIL })
    .max(254)
    .openapi({ format: 'email', pattern: EMAIL.source, maxLength: 254 });
}

// An absolute http(s) URL that WHATWG URL parsing (fetch) and RFC 3986 both take: optional user info; a
// host of LDH labels whose last one starts with a letter (a numeric last label would be read as an IPv4
// address), a dotted IPv4 or a bracketed IPv6 address; an optional port; path, query and fragment of URI
// characters or %XX escapes.
const LABEL = '(?![Xx][Nn]--)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const LAST_LABEL = '(?![Xx][Nn]--)[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const PORT = '(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])';
const IPV4 = `${OCTET}(?:\\.${OCTET}){3}`;
const H16 = '[0-9A-Fa-f]{1,4}';
const IPV6 = [
  `(?:${H16}:){7}${H16}`,
  `(?:${H16}:){1,7}:`,
  `(?:${H16}:){1,6}:${H16}`,
  `(?:${H16}:){1,5}(?::${H16}){1,2}`,
  `(?:${H16}:){1,4}(?::${H16}){1,3}`,
  `(?:${H16}:){1,3}(?::${H16}){1,4}`,
  `(?:${H16}:){1,2}(?::${H16}){1,5}`,
  `${H16}:(?::${H16}){1,6}`,
  `:(?:(?::${H16}){1,7}|:)`,
  `(?:${H16}:){6}${IPV4}`,
  `::(?:[Ff]{4}:)?${IPV4}`,
].join('|');
const URI_CHAR = "(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})";
const USERINFO = "(?:(?:[A-Za-z0-9._~!$&'()*+,;=:-]|%[0-9A-Fa-f]{2})*@)?";
const HTTP_URL = new RegExp(
  `^[Hh][Tt][Tt][Pp][Ss]?://${USERINFO}(?:(?:${LABEL}\\.)*${LAST_LABEL}|${IPV4}|\\[(?:${IPV6})\\])(?::${PORT})?` +
    `(?:/${URI_CHAR}*)*(?:\\?(?:${URI_CHAR}|[/?])*)?(?:#(?:${URI_CHAR}|[/?])*)?$`,
);

/** An absolute http(s) URL (what `fetch` can call); see HTTP_URL. */
export function httpUrl(max = 2000) {
  return z
    .url({ protocol: /^https?$/ })
    .max(max)
    .regex(HTTP_URL, 'must be an http(s) URL: host name or IP address, optional port, path, query')
    .openapi({ format: 'uri', pattern: HTTP_URL.source, maxLength: max });
}

/** A CEL boolean expression; compiled when the flow is saved (the compile check is the flow schema's). */
export function celExpression(description: string) {
  return text({ min: 1, max: 2000, trim: true }).openapi({
    format: 'cel-expression',
    description: `${description}. A CEL (cel.dev) expression that compiles to a boolean over \`lead\`, \`parsed\`, \`source\`, \`campaign\` and \`submission\`; checked when the flow is saved (400 with line and column).`,
  });
}

/** Whether the runtime's time zone database knows `tz` (an IANA name or alias such as `UTC`). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name; JSON Schema cannot list the database, so the document names the format. */
export function ianaTimeZone() {
  return text({ min: 1, max: 100 })
    .refine(isTimeZone, { message: 'must be an IANA time zone such as America/Chicago' })
    .openapi({
      format: 'iana-time-zone',
      description: 'An IANA time zone name such as America/Chicago, Europe/Paris or UTC',
    });
}

const RFC3339_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A UTC instant from calendar fields (Date.UTC would read years 0-99 as 1900-1999). */
function utc(year: number, month: number, day: number, h = 0, m = 0, s = 0, ms = 0): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(h, m, s, ms);
  return d;
}

/**
 * The instant of an RFC 3339 date-time (T and Z in either case, any fraction, offsets up to ±23:59),
 * or null when `value` is not one. Leap seconds (:60) are not accepted.
 */
export function parseDateTime(value: string): Date | null {
  const m = RFC3339_DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const offsetHours = m[9] ? Number(m[9]) : 0;
  const offsetMinutes = m[10] ? Number(m[10]) : 0;
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const sign = m[8] === '-' ? -1 : 1;
  const local = utc(year, month, day, hour, minute, second, ms);
  return new Date(local.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
}

/** Midnight UTC of an RFC 3339 full-date (YYYY-MM-DD), or null when `value` is not one. */
export function parseDate(value: string): Date | null {
  const m = FULL_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = m.slice(1, 4).map(Number) as [number, number, number];
  return validDate(year, month, day) ? utc(year, month, day) : null;
}

/** An RFC 3339 date-time with a Z or a numeric offset (JSON Schema's `date-time`); stays a string. */
export function dateTime() {
  return z
    .string()
    .refine((v) => parseDateTime(v) !== null, {
      message: 'must be an RFC 3339 date-time with Z or an offset, e.g. 2024-01-31T09:30:00Z',
    })
    .openapi({ format: 'date-time' });
}

/** An RFC 3339 full-date (JSON Schema's `date`). */
export function fullDate() {
  return z
    .string()
    .refine((v) => parseDate(v) !== null, { message: 'must be a date, YYYY-MM-DD' })
    .openapi({ format: 'date' });
}

/** A regular expression in RE2 syntax (no lookaround or backreferences); `isValid` compiles it. */
export function re2Pattern(max: number, isValid: (pattern: string) => boolean) {
  return text({ max })
    .refine(isValid, { message: 'must be a regular expression in RE2 syntax' })
    .openapi({ format: 're2-regex' });
}
