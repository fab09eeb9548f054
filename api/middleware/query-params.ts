import { z } from '@hono/zod-openapi';
import { MAX_SAFE_INTEGER, parseDate, parseDateTime, TRIMMED } from '../../lib/schema.js';

// Query-string parameters shared by the read endpoints: dates, pagination and comma-separated lists.
// Dates are UTC: a date alone (2024-01-31) means that whole day; a date-time needs a Z or an offset.

export function isDateOnly(value: string): boolean {
  return parseDate(value) !== null;
}

export const DateParam = (description: string, example = '2024-01-01') =>
  z
    .string()
    .refine((v) => parseDate(v) !== null || parseDateTime(v) !== null, {
      message: 'must be a date (YYYY-MM-DD) or an RFC 3339 date-time with Z or an offset',
    })
    .optional()
    .openapi({
      description,
      example,
      anyOf: [
        { type: 'string', format: 'date' },
        { type: 'string', format: 'date-time' },
      ],
    });

/** The instant a range starts at: a date's midnight (UTC), or the date-time itself. */
export function rangeStart(value: string): Date {
  return (parseDate(value) ?? parseDateTime(value))!;
}

/** The exclusive end of a range ending at `value`: the day after a date, or just after a date-time. */
export function rangeEnd(value: string): Date {
  const date = parseDate(value);
  if (date) {
    date.setUTCDate(date.getUTCDate() + 1);
    return date;
  }
  return new Date(parseDateTime(value)!.getTime() + 1);
}

export const MAX_PAGE_SIZE = 1000;

/** A query-string integer: decimal digits only (no "", "1e3", "0x10" or " 5", which Number() would take). */
const decimal = (value: unknown) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

export const LimitParam = z
  .preprocess(decimal, z.number().int().min(1).max(MAX_PAGE_SIZE))
  .default(100)
  .openapi({
    description: `Page size, 1 to ${MAX_PAGE_SIZE} (default 100)`,
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
  });

export const OffsetParam = z
  .preprocess(decimal, z.number().int().min(0).max(MAX_SAFE_INTEGER))
  .default(0)
  .openapi({
    description: 'Rows to skip (default 0)',
    type: 'integer',
    minimum: 0,
    maximum: MAX_SAFE_INTEGER,
  });

/** `a,b,c` where each item is one of `values`. */
export function listParam<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z
    .string()
    .refine((v) => v.split(',').every((item) => (values as readonly string[]).includes(item.trim())), {
      message: `each comma-separated value must be one of: ${values.join(', ')}`,
    })
    .optional()
    .openapi({
      description: `${description}; one or more (comma-separated) of ${values.join(', ')}`,
      pattern: `^[${TRIMMED}]*(?:${values.join('|')})[${TRIMMED}]*(?:,[${TRIMMED}]*(?:${values.join('|')})[${TRIMMED}]*)*$`,
    });
}

export function splitList<T extends string>(value: string | undefined): T[] | undefined {
  return value === undefined ? undefined : (value.split(',').map((v) => v.trim()) as T[]);
}

/** Rejects a range whose end is before its start, as a validation error on `field`. */
export function checkRange(start: Date | undefined, end: Date | undefined): boolean {
  return start === undefined || end === undefined || start.getTime() < end.getTime();
}
