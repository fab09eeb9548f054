// Suppression lists (do-not-contact, existing customers, blocked domains): how a value is normalised
// for its list type, how it is hashed, which hashes a lead offers to each list, and what a list_check
// step reads. Pure: the lookup itself is an activity (activities/suppression.ts), the step's decision
// domain/list-check.ts.
//
// A list holds only SHA-256 of the normalised value, so it stores no raw personal data. The hash is
// plain (unkeyed) SHA-256 of the UTF-8 normal form, so an operator can also upload lists already
// hashed that way by another system (a 64-hex-digit value is taken as such a hash).

import { hash } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { getDomain, parse as parseHost } from 'tldts';
import { parseEmail } from './fields/email.js';
import { parsePhone } from './fields/phone.js';
import type { FieldType } from './fields/types.js';

export const LIST_TYPES = ['phone', 'email', 'domain'] as const;
export type ListType = (typeof LIST_TYPES)[number];

const HEX_HASH = /^[0-9a-f]{64}$/i;

export type NormalisedValue = { ok: true; normal: string } | { ok: false; reason: string };

/**
 * The form a value is compared in: phone as E.164 without extension (`(555) 123-4567` →
 * `+15551234567`, US by default), email lowercased without spaces or `mailto:`, domain as a
 * lowercase host name without scheme, path, port, `www.` or trailing dot (`https://WWW.Example.com/x`
 * → `example.com`; `jane@example.com` → `example.com`).
 */
export function normaliseListValue(type: ListType, raw: string): NormalisedValue {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  switch (type) {
    case 'phone':
      return normalisePhone(text);
    case 'email': {
      const email = parseEmail(text);
      if (!email.valid) return { ok: false, reason: 'invalid_email' };
      // The domain in its punycode form, as for domain lists: jo@bücher.de is jo@xn--bcher-kva.de.
      const normal = String(email.normal);
      const at = normal.lastIndexOf('@');
      const domain = domainToASCII(normal.slice(at + 1));
      return { ok: true, normal: domain === '' ? normal : `${normal.slice(0, at)}@${domain}` };
    }
    case 'domain':
      return normaliseDomain(text);
  }
}

// A million-row upload parses a million phones: plain NANP numbers (the common case) skip
// libphonenumber. The result is the same as parsePhone's normal form for them.
const NANP_PUNCTUATION = /[\s().+-]/g;
function normalisePhone(text: string): NormalisedValue {
  const digits = text.replace(NANP_PUNCTUATION, '');
  // A leading + is an international number: only +1 is NANP.
  const international = text.startsWith('+');
  if (!international && /^[2-9]\d{9}$/.test(digits)) return { ok: true, normal: `+1${digits}` };
  if (/^1[2-9]\d{9}$/.test(digits)) return { ok: true, normal: `+${digits}` };
  const phone = parsePhone(text);
  if (!phone.is_possible || typeof phone.normal !== 'string') return { ok: false, reason: 'invalid_phone' };
  return { ok: true, normal: phone.normal.replace(/x.*$/, '') };
}

function normaliseDomain(text: string): NormalisedValue {
  let candidate = text.toLowerCase();
  const at = candidate.lastIndexOf('@');
  if (at >= 0) candidate = candidate.slice(at + 1);
  const host = parseHost(candidate.includes('://') ? candidate : `http://${candidate}`).hostname;
  if (!host?.includes('.') || /[^a-z0-9.\-\u00a1-\uffff]/.test(host)) {
    return { ok: false, reason: 'invalid_domain' };
  }
  // One spelling for an internationalised name: `bücher.de` and `xn--bcher-kva.de` are one domain.
  const ascii = domainToASCII(host.replace(/\.$/, ''));
  if (ascii === '') return { ok: false, reason: 'invalid_domain' };
  return { ok: true, normal: ascii.replace(/^www\./, '') };
}

/** SHA-256 of the normal form, hex. (One-shot `crypto.hash`: about 3 times faster than createHash for short values.) */
export function hashListValue(normal: string): string {
  return hash('sha256', normal, 'hex');
}

/** The hash stored for one input value: a 64-hex-digit value is already a hash; anything else is normalised. */
export function listItemHash(
  type: ListType,
  raw: string,
): { ok: true; hash: string } | { ok: false; reason: string } {
  const text = raw.trim();
  if (HEX_HASH.test(text)) return { ok: true, hash: text.toLowerCase() };
  const normal = normaliseListValue(type, text);
  return normal.ok ? { ok: true, hash: hashListValue(normal.normal) } : normal;
}

/**
 * The hashes of a lead a list of `type` is checked against, each with the field it came from, from the
 * lead's normal values and the type each field is parsed as. Phone lists: every phone-typed field.
 * Email lists: every email field. Domain lists: each email's domain and URL field's host, and their
 * registrable domain (`mail.example.co.uk` also offers `example.co.uk`). `fields` limits the fields
 * read (default: all of the type; a named field is read as the list's type whatever its own type).
 */
export function leadListProbes(
  type: ListType,
  values: Readonly<Record<string, unknown>>,
  types: ReadonlyMap<string, FieldType>,
  fields: readonly string[] | null = null,
): Array<{ field: string; hash: string }> {
  const probes: Array<{ field: string; normal: string }> = [];
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string' || value === '') continue;
    const fieldType = types.get(name);
    if (fields ? !fields.includes(name) : !readByDefault(type, fieldType)) continue;
    const normal = normaliseListValue(type, value);
    if (!normal.ok) continue;
    probes.push({ field: name, normal: normal.normal });
    if (type === 'domain') {
      const registrable = getDomain(normal.normal);
      if (registrable && registrable !== normal.normal) probes.push({ field: name, normal: registrable });
    }
  }
  return probes.map((p) => ({ field: p.field, hash: hashListValue(p.normal) }));
}

function readByDefault(type: ListType, fieldType: FieldType | undefined): boolean {
  if (type === 'domain') return fieldType === 'email' || fieldType === 'url';
  return fieldType === type;
}
