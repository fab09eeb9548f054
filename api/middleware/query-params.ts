import { z } from '@hono/zod-openapi';

// Query-string parameters shared by the read endpoints: dates, pagination and comma-separated lists.
// Dates are UTC: a date alone (2024-01-31) means that whole day; a datetime needs a Z or an offset.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function isDateOrDateTime(value: string): boolean {
  if (DATE.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
  }
  return DATETIME.test(value) && !Number.isNaN(Date.parse(value));
}

export function isDateOnly(value: string): boolean {
  return DATE.test(value);
}

export const DateParam = (description: string) =>
  z
    .string()
    .refine(isDateOrDateTime, {
      message: 'must be a date (YYYY-MM-DD) or an ISO 8601 datetime with Z or an offset',
    })
    .optional()
    .openapi({ description, example: '2024-01-01' });

/** The instant a range starts at: a date's midnight (UTC), or the datetime itself. */
export function rangeStart(value: string): Date {
  return DATE.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
}

/** The exclusive end of a range ending at `value`: the day after a date, or just after a datetime. */
export function rangeEnd(value: string): Date {
  if (DATE.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d;
  }
  return new Date(new Date(value).getTime() + 1);
}

export const MAX_PAGE_SIZE = 1000;

export const LimitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_PAGE_SIZE)
  .default(100)
  .openapi({ description: `Page size, at most ${MAX_PAGE_SIZE} (default 100)`, type: 'integer' });

export const OffsetParam = z.coerce
  .number()
  .int()
  .min(0)
  .default(0)
  .openapi({ description: 'Rows to skip (default 0)', type: 'integer' });

/** `a,b,c` where each item is one of `values`. */
export function listParam<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z
    .string()
    .refine((v) => v.split(',').every((item) => (values as readonly string[]).includes(item.trim())), {
      message: `each comma-separated value must be one of: ${values.join(', ')}`,
    })
    .optional()
    .openapi({ description: `${description}; one or more (comma-separated) of ${values.join(', ')}` });
}

export function splitList<T extends string>(value: string | undefined): T[] | undefined {
  return value === undefined ? undefined : (value.split(',').map((v) => v.trim()) as T[]);
}

/** Rejects a range whose end is before its start, as a validation error on `field`. */
export function checkRange(start: Date | undefined, end: Date | undefined): boolean {
  return start === undefined || end === undefined || start.getTime() < end.getTime();
}
