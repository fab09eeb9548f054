// URLs, IP addresses and TrustedForm certificate URLs.
//
// URLs use the WHATWG `URL` class (a language global in Node, browsers and Temporal's workflow
// sandbox, not a Node module). IP addresses use `ipaddr.js` (MIT, pure JS, no dependencies), which
// also classifies the address range (private, loopback...).

import ipaddr from 'ipaddr.js';
import { toText } from './text.js';
import type { IpValue, TrustedFormUrlValue, UrlValue } from './types.js';

// A scheme, as in `https://` or `mailto:`; `example.com:8080` is a host and port, not a scheme.
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;

function readUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Adds `http://` when the scheme is missing. Valid: http(s) with a dotted host name, `localhost` or an IP. */
export function parseUrl(raw: unknown): UrlValue {
  const { text, scalar } = toText(raw);
  const invalid: UrlValue = {
    raw,
    normal: text,
    valid: false,
    protocol: null,
    host: null,
    port: null,
    path: null,
    query: null,
    hash: null,
  };
  if (!scalar || text === '' || /\s/.test(text)) return invalid;
  const url = readUrl(SCHEME.test(text) ? text : `http://${text}`);
  if (!url) return invalid;
  const protocol = url.protocol.replace(/:$/, '');
  const host = url.hostname;
  const hostOk =
    host === 'localhost' ||
    host.startsWith('[') ||
    // WHATWG URL rewrites numeric hosts (`42` -> `0.0.0.42`): an IPv4 host must be written out as such.
    (ipaddr.IPv4.isValidFourPartDecimal(host) && text.includes(host)) ||
    /^(?:[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]*[a-z0-9\u00a1-\uffff])?\.)+(?:[a-z\u00a1-\uffff]{2,63}|xn--[a-z0-9-]+)$/i.test(
      host,
    );
  return {
    raw,
    normal: url.href,
    valid: (protocol === 'http' || protocol === 'https') && hostOk,
    protocol,
    host,
    port: url.port === '' ? null : Number(url.port),
    path: url.pathname,
    query: url.search === '' ? null : url.search.slice(1),
    hash: url.hash === '' ? null : url.hash.slice(1),
  };
}

/** IPv4 in dotted-quad form only (not `127.1` or hex forms), IPv6 in any standard form, with or without brackets. */
export function parseIp(raw: unknown): IpValue {
  const { text, scalar } = toText(raw);
  const invalid: IpValue = {
    raw,
    normal: text,
    valid: false,
    is_ipv4: false,
    is_ipv6: false,
    range: null,
    is_public: false,
  };
  if (!scalar || typeof raw !== 'string') return invalid;
  const candidate = text.replace(/^\[(.*)\]$/, '$1');
  try {
    if (ipaddr.IPv4.isValidFourPartDecimal(candidate)) {
      const address = ipaddr.IPv4.parse(candidate);
      const range = address.range();
      return {
        raw,
        normal: address.toString(),
        valid: true,
        is_ipv4: true,
        is_ipv6: false,
        range,
        is_public: range === 'unicast',
      };
    }
    if (ipaddr.IPv6.isValid(candidate)) {
      const address = ipaddr.IPv6.parse(candidate);
      const range = address.range();
      return {
        raw,
        normal: address.toString(),
        valid: true,
        is_ipv4: false,
        is_ipv6: true,
        range,
        is_public: range === 'unicast',
      };
    }
  } catch {
    // fall through
  }
  return invalid;
}

const TRUSTEDFORM_HOSTS = new Set(['cert.trustedform.com', 'ping.trustedform.com']);

/**
 * A TrustedForm certificate URL: https, host cert.trustedform.com or ping.trustedform.com, and a
 * 40-hex web certificate id as the path. Valid on format only: whether the certificate exists and
 * how old it is can only be learned by claiming it online, so `age_in_days` is null. Mobile and
 * Facebook certificate ids (not hex) are not recognised and come out invalid.
 */
export function parseTrustedFormUrl(raw: unknown): TrustedFormUrlValue {
  const { text, scalar } = toText(raw);
  const base: TrustedFormUrlValue = {
    raw,
    normal: text,
    valid: false,
    cert_id: null,
    type: null,
    host: null,
    age_in_days: null,
  };
  if (!scalar || typeof raw !== 'string') return base;
  const url = readUrl(text);
  if (!url) return base;
  const host = url.hostname.toLowerCase();
  const id = /^\/([^/]+)\/?$/.exec(url.pathname)?.[1] ?? null;
  if (!TRUSTEDFORM_HOSTS.has(host)) return base;
  const webId = id !== null && /^[0-9a-f]{40}$/i.test(id);
  if (url.protocol !== 'https:' || !webId) return { ...base, host, cert_id: id };
  const certId = id.toLowerCase();
  return { ...base, normal: `https://${host}/${certId}`, valid: true, cert_id: certId, type: 'web', host };
}
