// Calendar dates, dates of birth and points in time.
//
// Dates: the normal form is an ISO date, YYYY-MM-DD. The formats LeadConduit's type library reads
// are tried in its order, month-first (US) readings before day-first (European) ones, and the first
// reading that is a real calendar date wins:
//   US:        Mon Jun 02 2014 · Jun 02 2014 · June 2, 2014 · 6/2/2014 · 6/2/14 · 2014-06-02 ·
//              06-02-2014 · 06022014 (MMDDYYYY) · 20140602 (YYYYMMDD)
//   European:  Fri 18 July 2014 · 18 July 2014 · 18/7/2014 · 18/7/14 · 2014-18-07 (YYYY-DD-MM) ·
//              18-07-2014 · 18072014 (DDMMYYYY) · 20141807 (YYYYDDMM)
// So an ambiguous 02/03/1990 is always 3 February, and a day-first reading is only taken when the
// month-first one is impossible (18/7/14). Separators `/`, `-` and `.` are interchangeable; a time
// after the date (`06/14/2015 6:27 PM`, `2015-06-14T18:27:33Z`) is ignored: the date is taken as
// written, not moved to another zone. Two-digit years follow the usual pivot (00-68 → 2000s,
// 69-99 → 1900s); a date of birth that would land in the future is moved back a century.
//
// Written here rather than with a date library: the list of formats and its order are the point,
// and the candidates (date-fns, dayjs) either read a local time zone, accept partial input, or pick
// two-digit centuries by distance from today, which makes the same input mean different dates
// over time. Times (`parseTime`) use chrono-node, as LeadConduit does.

import * as chrono from 'chrono-node';
import { toText } from './text.js';
import type { DateValue, DobValue, ParseOptions, TimeValue } from './types.js';

interface Ymd {
  year: number;
  month: number;
  day: number;
}

interface Reading extends Ymd {
  /** The year was written with two digits (`6/2/14`). */
  shortYear: boolean;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';
// A trailing time of day (or an ISO `T...` time) is allowed and ignored.
const TIME_TAIL =
  '(?:(?:[T\\s]+|,\\s*)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:[ap]\\.?m\\.?)?\\s*(?:z|utc|gmt)?\\s*(?:[+-]\\d{2}:?\\d{2})?(?:\\s*\\([a-z ]+\\))?)?';

const NAMED_MONTH_FIRST = new RegExp(
  `^${WEEKDAY}${MONTH_NAME}\\s+${ORDINAL},?\\s+(\\d{4})${TIME_TAIL}$`,
  'i',
);
const NAMED_DAY_FIRST = new RegExp(`^${WEEKDAY}${ORDINAL}\\s+${MONTH_NAME},?\\s+(\\d{4})${TIME_TAIL}$`, 'i');
const NUMERIC_YEAR_LAST = new RegExp(`^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})${TIME_TAIL}$`, 'i');
const NUMERIC_YEAR_FIRST = new RegExp(`^(\\d{4})([/.-])(\\d{1,2})\\2(\\d{1,2})${TIME_TAIL}$`, 'i');
const COMPACT = /^(\d{8})$/;

function isCalendarDate({ year, month, day }: Ymd): boolean {
  if (!Number.isInteger(year) || year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** Two-digit years as moment and most spreadsheets read them: 00-68 → 2000s, 69-99 → 1900s. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  return year + (year > 68 ? 1900 : 2000);
}

/** The first of the candidate readings that is a real date. */
function firstReal(...candidates: Ymd[]): Ymd | null {
  return candidates.find(isCalendarDate) ?? null;
}

function readDateText(text: string): Reading | null {
  const ymd = readYmd(text);
  if (!ymd) return null;
  const m = NUMERIC_YEAR_LAST.exec(text);
  return { ...ymd, shortYear: m?.[4]?.length === 2 };
}

function readYmd(text: string): Ymd | null {
  let m = NAMED_MONTH_FIRST.exec(text);
  if (m?.[1] && m[2] && m[3]) {
    return firstReal({
      year: Number(m[3]),
      month: MONTHS[m[1].toLowerCase().slice(0, 3)] ?? 0,
      day: Number(m[2]),
    });
  }
  m = NAMED_DAY_FIRST.exec(text);
  if (m?.[1] && m[2] && m[3]) {
    return firstReal({
      year: Number(m[3]),
      month: MONTHS[m[2].toLowerCase().slice(0, 3)] ?? 0,
      day: Number(m[1]),
    });
  }
  m = NUMERIC_YEAR_LAST.exec(text);
  if (m?.[1] && m[3] && m[4]) {
    const [first, second, year] = [Number(m[1]), Number(m[3]), fullYear(m[4])];
    return firstReal({ year, month: first, day: second }, { year, month: second, day: first });
  }
  m = NUMERIC_YEAR_FIRST.exec(text);
  if (m?.[1] && m[3] && m[4]) {
    const [year, second, third] = [Number(m[1]), Number(m[3]), Number(m[4])];
    return firstReal({ year, month: second, day: third }, { year, month: third, day: second });
  }
  m = COMPACT.exec(text);
  if (m?.[1]) {
    const d = m[1];
    const n = (from: number, to: number) => Number(d.slice(from, to));
    return firstReal(
      { month: n(0, 2), day: n(2, 4), year: n(4, 8) }, // MMDDYYYY
      { year: n(0, 4), month: n(4, 6), day: n(6, 8) }, // YYYYMMDD
      { day: n(0, 2), month: n(2, 4), year: n(4, 8) }, // DDMMYYYY
      { year: n(0, 4), day: n(4, 6), month: n(6, 8) }, // YYYYDDMM
    );
  }
  return null;
}

function readDate(raw: unknown): Reading | null {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null;
    return {
      year: raw.getUTCFullYear(),
      month: raw.getUTCMonth() + 1,
      day: raw.getUTCDate(),
      shortYear: false,
    };
  }
  // Numbers are read as their digits (a spreadsheet's 6022014 lost its leading zero: 06022014).
  if (typeof raw === 'number' && Number.isInteger(raw) && raw > 0) {
    const digits = String(raw);
    return readDateText(digits.length === 7 ? `0${digits}` : digits);
  }
  if (typeof raw !== 'string' || raw.length > 100) return null;
  return readDateText(raw.trim().replace(/\s+/g, ' '));
}

function iso({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function invalidDate(raw: unknown): DateValue {
  return { raw, normal: toText(raw).text, valid: false, year: null, month: null, day: null };
}

export function parseDate(raw: unknown): DateValue {
  const reading = readDate(raw);
  if (!reading) return invalidDate(raw);
  const { year, month, day } = reading;
  return { raw, normal: iso(reading), valid: true, year, month, day };
}

/** Whole years from `birth` to `now`, on the UTC calendar. A 29 February birthday comes on 1 March. */
export function ageOn(birth: Ymd, now: Date): number {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  const day = now.getUTCDate();
  const hadBirthday = month > birth.month || (month === birth.month && day >= birth.day);
  return year - birth.year - (hadBirthday ? 0 : 1);
}

const DAY_MS = 86_400_000;

/** The UTC midnight of a birthday in `year` (29 February falls on 1 March in other years). */
function birthdayIn(year: number, birth: Ymd): number {
  return isCalendarDate({ year, month: birth.month, day: birth.day })
    ? Date.UTC(year, birth.month - 1, birth.day)
    : Date.UTC(year, 2, 1);
}

/**
 * Years from `birth` to `now` with one decimal, floored, as LeadConduit gives them: whole years,
 * plus the tenths of the year since the last birthday (days since it over the days between it and
 * the next), at most .9. The day before a 30th birthday is 29.9; 37 days after a birthday is x.1.
 */
export function decimalAgeOn(birth: Ymd, now: Date): number {
  const whole = ageOn(birth, now);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const last = birthdayIn(birth.year + whole, birth);
  const next = birthdayIn(birth.year + whole + 1, birth);
  const tenths = Math.min(9, Math.floor((((today - last) / DAY_MS) * 10) / ((next - last) / DAY_MS)));
  return Math.round((whole + tenths / 10) * 10) / 10;
}

/** The oldest age accepted as a real date of birth. */
export const MAX_AGE = 130;

/**
 * A date of birth: a date plus `age` (one decimal, floored) and `year` at `options.now`. Valid only
 * for a real date that is not in the future and gives an age of at most 130. A two-digit year that
 * would put the birth in the future is read a century earlier (`6/2/50` is 1950).
 */
export function parseDob(raw: unknown, options: ParseOptions): DobValue {
  const reading = readDate(raw);
  if (!reading || Number.isNaN(options.now.getTime())) return { ...invalidDate(raw), age: null };
  const today = options.now.toISOString().slice(0, 10);
  let birth: Ymd = { year: reading.year, month: reading.month, day: reading.day };
  if (reading.shortYear && iso(birth) > today) {
    const earlier = { ...birth, year: birth.year - 100 };
    if (isCalendarDate(earlier)) birth = earlier;
  }
  const normal = iso(birth);
  if (normal > today) return { raw, normal, valid: false, ...birth, age: null };
  const age = decimalAgeOn(birth, options.now);
  return { raw, normal, valid: age <= MAX_AGE, ...birth, age };
}

/**
 * A point in time, read by chrono-node (natural language as well: `06/14/2015 6:27:33 PM`,
 * `Sat Jun 14 2014 13:27:33 GMT-0500`, ISO 8601). Times without a zone are UTC; relative ones
 * (`tomorrow 3pm`) count from `options.now`. Normal form: ISO 8601 in UTC with milliseconds.
 */
export function parseTime(raw: unknown, options: ParseOptions): TimeValue {
  const { text, scalar } = toText(raw);
  const invalid: TimeValue = { raw, normal: text, valid: false, epoch_ms: null };
  if (raw instanceof Date) {
    const time = raw.getTime();
    return Number.isNaN(time) ? invalid : { raw, normal: raw.toISOString(), valid: true, epoch_ms: time };
  }
  if (!scalar || typeof raw !== 'string' || text === '' || text.length > 200) return invalid;
  if (Number.isNaN(options.now.getTime())) return invalid;
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(text, { instant: options.now, timezone: 'UTC' });
  } catch {
    return invalid;
  }
  const found = results[0]?.start.date();
  if (!found || Number.isNaN(found.getTime())) return invalid;
  // chrono keeps fractions of a second only when they are milliseconds; more digits read as none.
  return { raw, normal: found.toISOString(), valid: true, epoch_ms: found.getTime() };
}
