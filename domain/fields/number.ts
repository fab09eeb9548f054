// Booleans, numbers and numeric ranges.

import { round, toText } from './text.js';
import type { BooleanValue, NumberValue, RangeValue } from './types.js';

const TRUE = new Set(['y', 'yes', 'true', 't', '1']);
const FALSE = new Set(['n', 'no', 'false', 'f', '0']);

export function parseBoolean(raw: unknown): BooleanValue {
  if (typeof raw === 'boolean') return { raw, normal: raw, valid: true };
  const { text, scalar } = toText(raw);
  const word = text.toLowerCase();
  if (scalar && TRUE.has(word)) return { raw, normal: true, valid: true };
  if (scalar && FALSE.has(word)) return { raw, normal: false, valid: true };
  return { raw, normal: text, valid: false };
}

/**
 * Reads "$50,000", "55000 USD", "12.5%", " -3 " as numbers. Stripped: whitespace, thousands
 * separators (commas: US formatting; "1.234,56" is not understood), underscores, currency
 * symbols, a leading or trailing USD/CAD/EUR/GBP and a trailing %. Unlike LeadConduit, which drops
 * every other character, anything else left over (e.g. "50k", "1.2.3") makes the value invalid
 * rather than silently becoming a different number.
 */
export function readNumber(text: string): number | null {
  const cleaned = text
    .replace(/[\s,_$€£¥]/g, '')
    .replace(/^(?:usd|cad|eur|gbp)|(?:usd|cad|eur|gbp)$/i, '')
    .replace(/%$/, '');
  if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

export function parseNumber(raw: unknown): NumberValue {
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? { raw, normal: raw, valid: true } : invalidNumber(raw);
  const { text, scalar } = toText(raw);
  if (!scalar || typeof raw === 'boolean') return { raw, normal: text, valid: false };
  const value = readNumber(text);
  return value === null ? { raw, normal: text, valid: false } : { raw, normal: value, valid: true };
}

function invalidNumber(raw: number): NumberValue {
  return { raw, normal: String(raw), valid: false };
}

/**
 * Ranges such as "18-24", "18 to 24", "$50,000 - $75,000", "65+" (open-ended) or a single "30".
 * Negative bounds are not supported.
 */
export function parseRange(raw: unknown): RangeValue {
  const { text, scalar } = toText(raw);
  const invalid: RangeValue = { raw, normal: text, valid: false, min: null, max: null, avg: null, mid: null };
  if (!scalar || typeof raw === 'boolean' || text === '') return invalid;

  const open = /^(.+?)\s*\+$/.exec(text);
  if (open?.[1]) {
    const min = readNumber(open[1]);
    if (min === null || min < 0) return invalid;
    return { raw, normal: `${min}+`, valid: true, min, max: null, avg: min, mid: Math.floor(min) };
  }

  const bounded = /^(.+?)\s*(?:-|–|—|\bto\b)\s*(.+)$/i.exec(text);
  const [low, high] = bounded?.[1] && bounded[2] ? [bounded[1], bounded[2]] : [text, text];
  const min = readNumber(low);
  const max = readNumber(high);
  if (min === null || max === null || min < 0 || max < min) return invalid;
  const avg = (min + max) / 2;
  return {
    raw,
    normal: min === max ? `${min}` : `${min}-${max}`,
    valid: true,
    min,
    max,
    avg: round(avg, 2),
    mid: Math.floor(avg),
  };
}
