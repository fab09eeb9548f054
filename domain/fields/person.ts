// Free text with a meaning: names, cities, street addresses and gender.

import { toText } from './text.js';
import type { GenderValue, StreetValue, StringValue } from './types.js';

/** string, first_name, last_name, city: the text, trimmed. Only a non-scalar input is invalid. */
export function parseString(raw: unknown): StringValue {
  const { text, scalar } = toText(raw);
  return { raw, normal: text, valid: scalar };
}

/**
 * A street address line: a house number (anything with a digit: `4203`, `12B`, `N6W23001`) and the
 * street name after it. `4203 Guadalupe St` → number `4203`, name `Guadalupe St`. A line without a
 * leading number (`Main Street`, `PO Box 12`) is invalid and kept as given.
 */
export function parseStreet(raw: unknown): StreetValue {
  const { text, scalar } = toText(raw);
  const normal = scalar ? text.replace(/\s+/g, ' ') : text;
  const match = scalar ? /^(\S*\d\S*)\s+(.*\S)$/.exec(normal) : null;
  if (!match?.[1] || !match[2]) return { raw, normal, valid: false, number: null, name: null };
  return { raw, normal, valid: true, number: match[1].replace(/,$/, ''), name: match[2] };
}

const GENDERS: Readonly<Record<string, { normal: string; abbr: 'M' | 'F' | 'O' }>> = {
  m: { normal: 'male', abbr: 'M' },
  male: { normal: 'male', abbr: 'M' },
  man: { normal: 'male', abbr: 'M' },
  f: { normal: 'female', abbr: 'F' },
  female: { normal: 'female', abbr: 'F' },
  woman: { normal: 'female', abbr: 'F' },
  o: { normal: 'other', abbr: 'O' },
  other: { normal: 'other', abbr: 'O' },
  x: { normal: 'other', abbr: 'O' },
  nonbinary: { normal: 'other', abbr: 'O' },
  'non-binary': { normal: 'other', abbr: 'O' },
};

/** male/female/other, from m/f/o, the words (any case) and a few common synonyms. */
export function parseGender(raw: unknown): GenderValue {
  const { text, scalar } = toText(raw);
  const known = scalar ? GENDERS[text.toLowerCase().replace(/\s+/g, '')] : undefined;
  if (!known) return { raw, normal: text, valid: false, abbr: null };
  return { raw, normal: known.normal, valid: true, abbr: known.abbr };
}
