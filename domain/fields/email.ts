// Email addresses.
//
// Libraries (all pure data or pure JS, no install scripts, no network at run time):
// - `email-addresses` (MIT, ~4M weekly downloads): an RFC 5322 parser, used for the syntax check.
//   On top of it we accept only a bare addr-spec (no display name, comments or quoted local part,
//   which never belong in a lead form) and a dotted DNS domain with a real-looking TLD.
// - `email-providers` (ISC, by derhuerst, regenerated monthly from goware/emailproviders): ~8.7k
//   free/webmail/ISP mail domains (gmail.com, yahoo.com, comcast.net...). Imported as its documented
//   `all.json`. Its list also contains many disposable domains, so a disposable address is usually
//   `is_free` too. Chosen over `free-email-domains`, whose postinstall script downloads its list
//   from the internet at install time (fails offline and is not reproducible).
// - `disposable-email-domains-js` (CC0, published weekly): the community
//   disposable-email-domains/disposable-email-domains blocklist (~8.9k domains), which is curated
//   for a low false-positive rate. Chosen over `mailchecker` (far larger list with more false
//   positives) and `disposable-email-domains` (last published 2024).
// - `tldts` (MIT, ~120M weekly downloads, the Public Suffix List compiled in): splits the domain into
//   host and public suffix, so `example.co.uk` has tld `co.uk` and host `example`.
// Role accounts use a short list kept here: broad third-party lists (e.g. 1000+ prefixes) flag
// short personal local parts such as initials.

import { disposableEmailBlocklistSet } from 'disposable-email-domains-js';
import emailAddresses from 'email-addresses';
import freeDomainList from 'email-providers/all.json' with { type: 'json' };
import { getPublicSuffix } from 'tldts';
import { toText } from './text.js';
import type { EmailValue } from './types.js';

const FREE_DOMAINS: ReadonlySet<string> = new Set(freeDomainList);
const DISPOSABLE_DOMAINS: ReadonlySet<string> = disposableEmailBlocklistSet();

/** Local parts that name a function or a mailbox robot rather than a person. */
export const ROLE_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'abuse',
  'accounting',
  'accounts',
  'admin',
  'administrator',
  'billing',
  'careers',
  'contact',
  'contactus',
  'customerservice',
  'donotreply',
  'do-not-reply',
  'enquiries',
  'feedback',
  'hello',
  'help',
  'helpdesk',
  'hostmaster',
  'hr',
  'info',
  'inquiries',
  'jobs',
  'legal',
  'mail',
  'mailer-daemon',
  'marketing',
  'media',
  'news',
  'newsletter',
  'noc',
  'no-reply',
  'noreply',
  'office',
  'orders',
  'postmaster',
  'press',
  'privacy',
  'root',
  'sales',
  'security',
  'service',
  'support',
  'team',
  'webmaster',
]);

const LABEL = /^(?!-)[a-z0-9\u00a1-\uffff-]{1,63}(?<!-)$/;
const TLD = /^(?:[a-z\u00a1-\uffff]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function parseEmail(raw: unknown): EmailValue {
  const { text, scalar } = toText(raw);
  // Lowercased, with all whitespace removed (sources often paste addresses with stray spaces).
  const normal = scalar
    ? text
        .replace(/\s+/g, '')
        .replace(/^mailto:/i, '')
        .toLowerCase()
    : text;
  const at = normal.lastIndexOf('@');
  const user = at > 0 ? normal.slice(0, at) : '';
  const domain = at > 0 ? normal.slice(at + 1) : '';
  const valid =
    scalar && typeof raw === 'string' && user !== '' && domain !== '' && isValidAddress(normal, user, domain);
  // Components describe a real address only: an invalid value has none.
  if (!valid) {
    return {
      raw,
      normal,
      valid: false,
      user: null,
      domain: null,
      host: null,
      tld: null,
      is_free: false,
      is_disposable: false,
      is_role: false,
    };
  }
  const suffix = publicSuffix(domain);
  return {
    raw,
    normal,
    valid: true,
    user,
    domain,
    host: domain.slice(0, domain.length - suffix.length - 1) || domain,
    tld: suffix,
    is_free: FREE_DOMAINS.has(domain),
    is_disposable: isDisposableDomain(domain),
    is_role: isRoleLocalPart(user),
  };
}

/** The public suffix (`com`, `co.uk`), or the last label when the list does not know the domain's. */
function publicSuffix(domain: string): string {
  let suffix: string | null = null;
  try {
    suffix = getPublicSuffix(domain, { allowPrivateDomains: false });
  } catch {
    suffix = null;
  }
  const last = domain.slice(domain.lastIndexOf('.') + 1);
  return suffix && suffix !== domain && domain.endsWith(`.${suffix}`) ? suffix : last;
}

/** True when the domain or one of its parent domains is on the disposable blocklist. */
export function isDisposableDomain(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    if (DISPOSABLE_DOMAINS.has(labels.slice(i).join('.'))) return true;
  }
  return false;
}

function isRoleLocalPart(user: string): boolean {
  // Sub-addressing (sales+leads@) does not make a personal address out of a role one.
  const base = user.split('+')[0] ?? user;
  return ROLE_LOCAL_PARTS.has(base);
}

function isValidAddress(address: string, user: string, domain: string): boolean {
  if (address.length > 254 || user.length > 64) return false;
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || !TLD.test(tld)) return false;
  let parsed: ReturnType<typeof emailAddresses.parseOneAddress>;
  try {
    parsed = emailAddresses.parseOneAddress({ input: address, rfc6532: true, rejectTLD: true });
  } catch {
    return false;
  }
  // Must be a bare addr-spec: the parser also accepts `Name <a@b.c>` and comments, which change
  // `address`, and unquotes quoted local parts, which changes `local`.
  return (
    parsed !== null &&
    parsed.type === 'mailbox' &&
    parsed.name === null &&
    parsed.address === address &&
    parsed.local === user
  );
}
