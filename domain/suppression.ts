// Suppression lists (do-not-contact, existing customers, blocked domains): how a value is normalised
// for its list type, how it is hashed, which hashes a lead offers to each list, and what a list_check
// step decides from the hits. Pure: the lookup itself is an activity (activities/suppression.ts).
//
// A list holds only SHA-256 of the normalised value, so it stores no raw personal data. The hash is
// plain (unkeyed) SHA-256 of the UTF-8 normal form, so an operator can also upload lists already
// hashed that way by another system (a 64-hex-digit value is taken as such a hash).

import { createHash } from 'node:crypto';
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
      return email.valid
        ? { ok: true, normal: String(email.normal) }
        : { ok: false, reason: 'invalid_email' };
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
  return { ok: true, normal: host.replace(/\.$/, '').replace(/^www\./, '') };
}

/** SHA-256 of the normal form, hex. */
export function hashListValue(normal: string): string {
  return createHash('sha256').update(normal, 'utf8').digest('hex');
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
 * The hashes of a lead a list of `type` is checked against, from its normal values and the type each
 * field is parsed as. Phone lists: every phone-typed field. Email lists: every email field. Domain
 * lists: each email's domain and URL field's host, and their registrable domain (`mail.example.co.uk`
 * also offers `example.co.uk`). `fields` limits the fields read (default: all of the type).
 */
export function leadListHashes(
  type: ListType,
  values: Readonly<Record<string, unknown>>,
  types: ReadonlyMap<string, FieldType>,
  fields: readonly string[] | null = null,
): string[] {
  const normals = new Set<string>();
  for (const [name, value] of Object.entries(values)) {
    if (fields && !fields.includes(name)) continue;
    if (typeof value !== 'string' || value === '') continue;
    const fieldType = types.get(name);
    if (type === 'phone' && fieldType === 'phone') {
      const normal = normaliseListValue('phone', value);
      if (normal.ok) normals.add(normal.normal);
    } else if (type === 'email' && fieldType === 'email') {
      const normal = normaliseListValue('email', value);
      if (normal.ok) normals.add(normal.normal);
    } else if (type === 'domain' && (fieldType === 'email' || fieldType === 'url')) {
      const normal = normaliseListValue('domain', value);
      if (!normal.ok) continue;
      normals.add(normal.normal);
      const registrable = getDomain(normal.normal);
      if (registrable) normals.add(registrable);
    }
  }
  return [...normals].map(hashListValue);
}

export interface ListCheckStepRule {
  id: string;
  list_ids: string[];
  action: 'reject' | 'flag';
  reason: string;
}

export interface ListCheckResult {
  /** Every list checked, hit or not, for the lead's event. */
  lists: Array<{ list_id: string; name: string; type: ListType; hit: boolean }>;
  /** Lists named by the step that no longer exist (deleted): checked as misses and reported. */
  missing: string[];
}

/** What a list_check step does with the lookup: reject (stop the lead), flag (go on, marked), or pass. */
export function listCheckDecision(
  step: ListCheckStepRule,
  result: ListCheckResult,
): { outcome: 'pass' | 'reject' | 'flag'; hits: string[]; reason: string | null } {
  const hits = result.lists.filter((l) => l.hit).map((l) => l.list_id);
  if (hits.length === 0) return { outcome: 'pass', hits, reason: null };
  return { outcome: step.action, hits, reason: step.reason };
}
