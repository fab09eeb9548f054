// Phone numbers, parsed with libphonenumber-js (the `max` metadata, which carries the per-type
// number patterns needed to tell a line type). Default region US: a number without a `+` prefix is
// read as a US (NANP) number. The normal form is E.164 (`+15127891111`), with `x` and the extension
// when there is one (`+15127891111x42`).
//
// `valid` is libphonenumber's full validity check (the number falls in an assigned range for its
// region), not just a length check, so "555-123-4567" (no such area code) is invalid while
// "212-555-0123" is valid; `is_possible` carries the length-only check. For US numbers the metadata
// usually cannot tell mobile from landline and answers FIXED_LINE_OR_MOBILE: that is reported as
// `fixed_line_or_mobile`, never guessed.
//
// What lead sources send beyond plain numbers:
// - a line-type hint after the number: `5127891111h`, `5127891111 (m)` (h home, w work, m/c mobile);
// - masked numbers, digits hidden with `*` (`1-(512) *** ****`): valid when the length is right for
//   the region, `masked: true`, and the hidden digits stay `*` in the normal form and components;
// - the `00` international prefix (`0044 20 7946 0958`), the one most of the world dials and ITU-T
//   recommends. libphonenumber reads only the default region's own prefix (011 for the US), and no
//   NANP number starts with 0, so a leading `00` can only mean `+`.

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

/** NANP toll-free area codes (833 included: in service since 2017). */
export const TOLL_FREE_AREA_CODES: ReadonlySet<string> = new Set([
  '800',
  '833',
  '844',
  '855',
  '866',
  '877',
  '888',
]);

// The hint: one of h/w/m/c, optionally in parentheses, after a digit, `*` or a space.
const HINT = /^(.*[\d*\s)])\s*\(?([hwmc])\)?$/i;
// `00` before the country code, read as `+` (see above).
const INTERNATIONAL_00 = /^00/;

function invalid(raw: unknown, normal: string, hint: PhoneLineType | null): PhoneValue {
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
    type: hint,
    type_source: hint ? 'hint' : null,
    masked: false,
  };
}

export function parsePhone(raw: unknown): PhoneValue {
  const { text, scalar } = toText(raw);
  if (!scalar || text === '' || text.length > 100) return invalid(raw, text, null);

  let digits = text;
  let hint: PhoneLineType | null = null;
  const hinted = HINT.exec(text);
  if (hinted?.[1] && hinted[2]) {
    digits = hinted[1].trim();
    hint = HINTS[hinted[2].toLowerCase()] ?? null;
  }
  // Letters other than an extension marker mean this is not a phone number (libphonenumber would
  // otherwise read vanity letters or pick digits out of prose).
  if (/[a-z]/i.test(digits.replace(/(?:ext\.?|extension|x)\s*[\d*]+\s*$/i, ''))) {
    return invalid(raw, text, hint);
  }

  // Masked digits parse as zeros; which positions were masked is counted from the end, so a
  // country code written or not does not shift them.
  const masked = digits.includes('*');
  const maskFromEnd = [...digits.replace(/[^\dx*]/gi, '')].reverse().map((c) => c === '*');

  let phone: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    phone = parsePhoneNumberFromString(digits.replace(INTERNATIONAL_00, '+').replace(/\*/g, '0'), 'US');
  } catch {
    phone = undefined;
  }
  // Too short or too long for its region: not a phone number at all, so no components.
  if (!phone || !safe(() => phone.isPossible(), false)) return invalid(raw, text, hint);

  const callingCode = Number(phone.countryCallingCode);
  const ext = phone.ext ?? null;
  // Put the `*` back where the source had them, aligned from the end of "<national>x<ext>".
  const unmask = (value: string, offsetFromEnd: number) =>
    masked
      ? [...value].map((c, i) => (maskFromEnd[value.length - 1 - i + offsetFromEnd] ? '*' : c)).join('')
      : value;
  const extLength = ext ? ext.length + 1 : 0; // the `x` counts as one position
  const national = unmask(phone.nationalNumber, extLength);
  const extension = ext ? unmask(ext, 0) : null;

  const nanp = callingCode === 1 && national.length === 10;
  const areaLength = nanp ? 3 : masked ? 0 : destinationCodeLength(phone);
  const area = areaLength > 0 ? national.slice(0, areaLength) : null;
  const subscriber = national.slice(areaLength);
  const valid = masked || safe(() => phone.isValid(), false);
  const metadataType = !masked && valid ? safe(() => phone.getType(), undefined) : undefined;
  const type = hint ?? (metadataType ? METADATA_TYPES[metadataType] : null);

  return {
    raw,
    normal: `+${callingCode}${national}${extension ? `x${extension}` : ''}`,
    valid,
    is_possible: true,
    area,
    exchange: nanp ? subscriber.slice(0, 3) : null,
    line: nanp ? subscriber.slice(3) : null,
    number: subscriber,
    extension,
    country_code: phone.country ?? null,
    country_calling_code: callingCode,
    is_tollfree: metadataType === 'TOLL_FREE' || (nanp && area !== null && TOLL_FREE_AREA_CODES.has(area)),
    type,
    type_source: hint ? 'hint' : type ? 'metadata' : null,
    masked,
  };
}

/**
 * The length of the area code (national destination code) outside NANP, the way libphonenumber's
 * own `getLengthOfNationalDestinationCode` finds it: the first group after the country code in the
 * international format, when the number is written in more than one group (`+49 30 22610` → 2).
 * Argentine mobiles carry a `9` before it, which belongs to the area code.
 */
function destinationCodeLength(phone: NonNullable<ReturnType<typeof parsePhoneNumberFromString>>): number {
  const groups = safe(() => phone.formatInternational(), '')
    .replace(/\s*ext\..*$/, '')
    .split(/\D+/)
    .filter(Boolean);
  if (groups.length < 3) return 0;
  const first = groups[1] ?? '';
  if (phone.countryCallingCode === '54' && first === '9' && groups[2]) return first.length + groups[2].length;
  return first.length;
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
