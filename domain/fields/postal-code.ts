// Postal codes: US ZIP and ZIP+4, Canadian (A1A 1A1) and UK postcodes, tried in that order, as in
// LeadConduit. Format checks only: a well-formed code that is not assigned is still valid.

import { toText } from './text.js';
import type { PostalCodeValue } from './types.js';

// A trailing dash (`78704-`, a ZIP+4 form left half filled) is ignored.
const US = /^(\d{5})(?:\s*-?\s*(\d{4}))?\s*-?$/;
// Canada: letter digit letter, digit letter digit (the letters Canada Post leaves out are not
// checked: a format check, like LeadConduit's).
const CA = /^([A-Z]\d[A-Z])\s*-?\s*(\d[A-Z]\d)$/;
// UK: an outcode of one or two letters, one or two digits and an optional letter or digit, then the
// incode, digit letter letter. The outcode is required (a bare `1AA` is not a postcode).
const GB = /^([A-Z]{1,2}\d{1,2}[A-Z\d]?|GIR)\s*(\d[A-Z]{2})$/;

function result(
  raw: unknown,
  normal: string,
  valid: boolean,
  parts: Partial<PostalCodeValue>,
): PostalCodeValue {
  return {
    raw,
    normal,
    valid,
    country_code: null,
    zip: null,
    four: null,
    fsa: null,
    ldu: null,
    district: null,
    outcode: null,
    incode: null,
    ...parts,
  };
}

export function parsePostalCode(raw: unknown): PostalCodeValue {
  const { text, scalar } = toText(raw);
  if (!scalar) return result(raw, text, false, {});
  let code = text.toUpperCase().replace(/\s+/g, ' ');
  // Spreadsheets turn ZIP 02134 into the number 2134: restore the leading zeros of numeric input.
  if (typeof raw === 'number' && Number.isInteger(raw) && raw > 0) {
    if (code.length >= 3 && code.length <= 4) code = code.padStart(5, '0');
    else if (code.length === 8) code = code.padStart(9, '0');
  }

  const us = US.exec(code);
  if (us?.[1]) {
    const zip = us[1];
    const four = us[2] ?? null;
    return result(raw, four ? `${zip}-${four}` : zip, true, { country_code: 'US', zip, four });
  }
  const ca = CA.exec(code);
  if (ca?.[1] && ca[2]) {
    const [fsa, ldu] = [ca[1], ca[2]];
    return result(raw, `${fsa} ${ldu}`, true, { country_code: 'CA', fsa, ldu, district: fsa.charAt(0) });
  }
  const gb = GB.exec(code);
  if (gb?.[1] && gb[2]) {
    const [outcode, incode] = [gb[1], gb[2]];
    // GIR 0AA is the only outcode without a digit.
    if (outcode !== 'GIR' || incode === '0AA') {
      return result(raw, `${outcode} ${incode}`, true, { country_code: 'GB', outcode, incode });
    }
  }
  return result(raw, text, false, {});
}
