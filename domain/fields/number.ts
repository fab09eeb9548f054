// Booleans, numbers and numeric ranges, read the way LeadConduit's type library reads them: what
// lead sources send is prose around a number ("$1100 per month", "$50,000 - $75,000", "65+").

import { round, toText } from './text.js';
import type { BooleanValue, NumberValue, RangeValue } from './types.js';

const TRUE = new Set(['y', 'yes', 'true', 't', '1']);
const FALSE = new Set(['n', 'no', 'false', 'f', '0']);

/**
 * y/yes/true/t/1 and n/no/false/f/0, any case, punctuation ignored ("Yes!", "Y."). Anything else is
 * `false` and invalid: the normal value of a boolean is always a boolean, so `lead.opt_in == true`
 * never meets a string; the input stays in `raw`.
 */
export function parseBoolean(raw: unknown): BooleanValue {
  if (typeof raw === 'boolean') return { raw, normal: raw, valid: true };
  const { text, scalar } = toText(raw);
  const word = scalar && typeof raw !== 'bigint' ? text.replace(/[^a-z0-9]/gi, '').toLowerCase() : '';
  if (TRUE.has(word)) return { raw, normal: true, valid: true };
  if (FALSE.has(word)) return { raw, normal: false, valid: true };
  return { raw, normal: false, valid: false };
}

/**
 * A number out of text: thousands written `50k` are expanded, then every character but digits,
 * `-` and `.` is dropped ("$1,100 per month" → 1100, "-$5" → -5). What is left must be one number:
 * "1.2.3" or "1-2" are invalid, as is text without digits.
 */
export function readNumber(text: string): number | null {
  if (text.length > 100) return null;
  const expanded = text.replace(/(\d(?:[\d,]*\d)?(?:\.\d+)?)\s*k\b/gi, (_, digits: string) =>
    String(Number(digits.replace(/,/g, '')) * 1000),
  );
  const cleaned = expanded.replace(/[^\d.-]/g, '');
  if (!/^-?(?:\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value + 0 : null; // + 0 turns -0 into 0
}

export function parseNumber(raw: unknown): NumberValue {
  if (typeof raw === 'number')
    return Number.isFinite(raw)
      ? { raw, normal: raw + 0, valid: true }
      : { raw, normal: String(raw), valid: false };
  const { text, scalar } = toText(raw);
  if (!scalar || typeof raw !== 'string') return { raw, normal: text, valid: false };
  const value = readNumber(text);
  return value === null ? { raw, normal: text, valid: false } : { raw, normal: value, valid: true };
}

// ISO dates and times inside a range are compared as epoch milliseconds, as in LeadConduit.
const ISO_DATE_TIME = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g;
const NUMBER = /-?(?:\d+(?:\.\d+)?|\.\d+)/g;

/** An ISO date or date-time as epoch ms; without a zone it is UTC (never the machine's zone). */
function epochOf(iso: string): number | null {
  const withTime = iso.length === 10 ? `${iso}T00:00:00` : iso;
  const time = Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/.test(withTime) ? withTime : `${withTime}Z`);
  return Number.isNaN(time) ? null : time;
}

/**
 * Ranges: "18-24", "18 to 24", "1 10" (no separator), "$50,000 - $75,000", "50k-75k", "-8 - 100.5",
 * "65+" (open: no max, avg or mid), a single "30", and ISO dates ("2015-07-01 - 2015-07-25") as
 * epoch milliseconds. The first two numbers make the range; the smaller is `min`. Normal form:
 * `min-max`, `min+`, or the single number.
 */
export function parseRange(raw: unknown): RangeValue {
  const { text, scalar } = toText(raw);
  const invalid: RangeValue = { raw, normal: text, valid: false, min: null, max: null, avg: null, mid: null };
  if (!scalar || typeof raw === 'boolean' || text === '' || text.length > 200) return invalid;

  let numbers: number[];
  let open = false;
  const dates = text.match(ISO_DATE_TIME);
  if (dates) {
    numbers = dates.slice(0, 2).flatMap((d) => {
      const epoch = epochOf(d);
      return epoch === null ? [] : [epoch];
    });
  } else {
    const expanded = text.replace(/(\d(?:[\d,]*\d)?(?:\.\d+)?)\s*k\b/gi, (_, digits: string) =>
      String(Number(digits.replace(/,/g, '')) * 1000),
    );
    // Thousands separators and currency go; a dash right after a number (or "to") separates.
    const spaced = expanded
      .replace(/(\d),(?=\d)/g, '$1')
      .replace(/\bto\b/gi, ' ')
      .replace(/(\d)\s*[-–—]/g, '$1 ')
      .replace(/[^\d.+\-\s]/g, ' ');
    numbers = (spaced.match(NUMBER) ?? []).map(Number).filter(Number.isFinite);
    open = numbers.length === 1 && /^\s*-?(?:\d+(?:\.\d+)?|\.\d+)\s*\+/.test(spaced.trim());
  }
  const [first, second] = numbers;
  if (first === undefined) return invalid;
  if (open) return { raw, normal: `${first}+`, valid: true, min: first, max: null, avg: null, mid: null };
  if (second === undefined) {
    return { raw, normal: `${first}`, valid: true, min: first, max: first, avg: first, mid: first };
  }
  const [min, max] = first <= second ? [first, second] : [second, first];
  const average = (min + max) / 2;
  return {
    raw,
    normal: `${min}-${max}`,
    valid: true,
    min,
    max,
    avg: round(average, 2),
    mid: Math.trunc(average),
  };
}
