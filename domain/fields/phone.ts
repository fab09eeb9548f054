// Phone numbers, parsed with libphonenumber-js (the `max` metadata, which carries the per-type
// number patterns needed to tell a line type). Default region US: a number without a `+` prefix is
// read as a US (NANP) number.
//
// `valid` is libphonenumber's full validity check (the number falls in an assigned range for its
// region), not just a length check, so "555-123-4567" (no such area code) is invalid while
// "212-555-0123" is valid; `is_possible` carries the length-only check. For US numbers the metadata
// usually cannot tell mobile from landline and answers FIXED_LINE_OR_MOBILE: that is reported as
// `fixed_line_or_mobile`, never guessed.

import type { PhoneNumberType } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { toText } from './text.js';
import type { PhoneLineType, PhoneValue } from './types.js';

const HINTS: Record<string, PhoneLineType> = { h: 'home', w: 'work', m: 'mobile', c: 'mobile' };

const METADATA_TYPES: Record<PhoneNumberType, PhoneLineType> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed_line',
  FIXED_LINE_OR_MOBILE: 'fixed_line_or_mobile',
  TOLL_FREE: 'toll_free',
  PREMIUM_RATE: 'premium_rate',
  SHARED_COST: 'shared_cost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal_number',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

/** NANP toll-free area codes. */
export const TOLL_FREE_AREA_CODES: ReadonlySet<string> = new Set([
  '800',
  '833',
  '844',
  '855',
  '866',
  '877',
  '888',
]);

function invalid(raw: unknown, normal: string): PhoneValue {
  return {
    raw,
    normal,
    valid: false,
    is_possible: false,
    area: null,
    exchange: null,
    line: null,
    number: null,
    extension: null,
    country_code: null,
    country_calling_code: null,
    is_tollfree: false,
    type: null,
    type_source: null,
    masked: null,
  };
}

export function parsePhone(raw: unknown): PhoneValue {
  const { text, scalar } = toText(raw);
  if (!scalar || text === '') return invalid(raw, text);

  // A single trailing h/w/m/c after the last digit is the source telling us the line type.
  let digits = text;
  let hint: PhoneLineType | null = null;
  const hinted = /^(.*\d)\s*([hwmc])$/i.exec(text);
  if (hinted?.[1] && hinted[2]) {
    digits = hinted[1];
    hint = HINTS[hinted[2].toLowerCase()] ?? null;
  }
  // Letters other than an extension marker mean this is not a phone number (libphonenumber would
  // otherwise read vanity letters or pick digits out of prose).
  if (/[a-z]/i.test(digits.replace(/(?:ext\.?|extension|x)\s*\d+\s*$/i, ''))) return invalid(raw, text);

  let phone: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    phone = parsePhoneNumberFromString(digits, 'US');
  } catch {
    phone = undefined;
  }
  // Too short or too long for its region: not a phone number at all, so no components.
  if (!phone || !safe(() => phone.isPossible(), false)) return invalid(raw, text);

  const national = phone.nationalNumber;
  const callingCode = phone.countryCallingCode;
  const nanp = callingCode === '1' && /^\d{10}$/.test(national);
  const area = nanp ? national.slice(0, 3) : null;
  const exchange = nanp ? national.slice(3, 6) : null;
  const line = nanp ? national.slice(6) : null;
  const valid = safe(() => phone.isValid(), false);
  const metadataType = valid ? safe(() => phone.getType(), undefined) : undefined;
  const type = hint ?? (metadataType ? METADATA_TYPES[metadataType] : null);
  const normal = phone.number;

  return {
    raw,
    normal,
    valid,
    is_possible: true,
    area,
    exchange,
    line,
    number: nanp ? `${exchange}${line}` : national,
    extension: phone.ext ?? null,
    country_code: phone.country ?? null,
    country_calling_code: callingCode,
    is_tollfree: metadataType === 'TOLL_FREE' || (area !== null && TOLL_FREE_AREA_CODES.has(area)),
    type,
    type_source: hint ? 'hint' : type ? 'metadata' : null,
    masked: mask(normal),
  };
}

function mask(normal: string): string {
  const digitCount = normal.replace(/\D/g, '').length;
  let seen = 0;
  return normal.replace(/\d/g, (digit) => {
    seen += 1;
    return seen > digitCount - 4 ? digit : '*';
  });
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
