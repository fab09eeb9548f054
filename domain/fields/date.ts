// Calendar dates and dates of birth. The normal form is an ISO date, YYYY-MM-DD.
//
// Accepted, in this order:
// 1. US month/day/year with a 4-digit year: 12/31/1990, 2-3-1990, 12.31.1990;
// 2. the same shape read day/month/year, only when the US reading is impossible (31/12/1990),
//    as LeadConduit does; an ambiguous 02/03/1990 is always 3 February;
// 3. ISO year-month-day (1990-12-31, 1990/12/31), optionally followed by a time, which is
//    ignored (the date is taken as written, not converted to another zone);
// 4. a JavaScript Date, read in UTC.
// The date must exist on the calendar: 2/30/1990 is invalid. Two-digit years are refused.

import { toText } from './text.js';
import type { DateValue, DobValue, ParseOptions } from './types.js';

const DAY_FIRST_OR_MONTH_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function isCalendarDate({ year, month, day }: Ymd): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

function readDate(raw: unknown): Ymd | null {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null;
    return { year: raw.getUTCFullYear(), month: raw.getUTCMonth() + 1, day: raw.getUTCDate() };
  }
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  const mdy = DAY_FIRST_OR_MONTH_FIRST.exec(text);
  if (mdy) {
    const [first, second, year] = [Number(mdy[1]), Number(mdy[2]), Number(mdy[3])];
    const us = { year, month: first, day: second };
    if (isCalendarDate(us)) return us;
    const european = { year, month: second, day: first };
    return first > 12 && isCalendarDate(european) ? european : null;
  }
  const iso = ISO.exec(text);
  if (iso) {
    const ymd = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
    return isCalendarDate(ymd) ? ymd : null;
  }
  return null;
}

function iso({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseDate(raw: unknown): DateValue {
  const ymd = readDate(raw);
  if (!ymd) return { raw, normal: toText(raw).text, valid: false, year: null, month: null, day: null };
  return { raw, normal: iso(ymd), valid: true, ...ymd };
}

/** Whole years from `birth` to `now`, on the UTC calendar. A 29 February birthday comes on 1 March. */
export function ageOn(birth: { year: number; month: number; day: number }, now: Date): number {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  const day = now.getUTCDate();
  const hadBirthday = month > birth.month || (month === birth.month && day >= birth.day);
  return year - birth.year - (hadBirthday ? 0 : 1);
}

/** The oldest age accepted as a real date of birth. */
export const MAX_AGE = 130;

/**
 * A date of birth: a date plus `age` in whole years at `options.now`. Valid only for a real date
 * that is not in the future and gives an age of at most 130.
 */
export function parseDob(raw: unknown, options: ParseOptions): DobValue {
  const date = parseDate(raw);
  if (!date.valid || date.year === null || date.month === null || date.day === null) {
    return { ...date, age: null };
  }
  const nowTime = options.now.getTime();
  if (Number.isNaN(nowTime)) return { ...date, valid: false, age: null };
  const age = ageOn({ year: date.year, month: date.month, day: date.day }, options.now);
  const future = date.normal > options.now.toISOString().slice(0, 10);
  return { ...date, valid: !future && age <= MAX_AGE, age: future ? null : age };
}
