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
    host: url.host,
    port: url.port === '' ? null : Number(url.port),
    path: url.pathname,
    query: url.search === '' ? null : url.search.slice(1),
    hash: url.hash === '' ? null : url.hash,
  };
}

/**
 * IP addresses as lead sources send them: a bare IPv4 (dotted quad) or IPv6 address, in brackets,
 * with a CIDR suffix or a path (`198.51.90.161/32`), as a URL with a scheme and port
 * (`http://198.51.90.161:8080`, `http://[2001:db8::1]:32`), or with stray whitespace. The normal form
 * is the address alone (IPv6 compressed, RFC 5952). `ipv6_format` gives every address an IPv6 form
 * (IPv4 as the IPv4-mapped `::ffff:a.b.c.d`, written in hex), `ipv4_format` the IPv4 one where there
 * is one. IPv4 must be four decimal parts, each 0-255 without leading zeros (`127.1`, hex and octal
 * forms are refused).
 */
export function parseIp(raw: unknown): IpValue {
  const { text, scalar } = toText(raw);
  const invalid: IpValue = {
    raw,
    normal: text,
    valid: false,
    is_ipv4: false,
    is_ipv6: false,
    ipv6_format: null,
    ipv4_format: null,
    range: null,
    is_public: false,
  };
  if (!scalar || typeof raw !== 'string' || text.length > 200) return invalid;
  const address = readIp(text.replace(/\s+/g, ''));
  if (!address) return invalid;
  const range = address.range();
  if (address.kind() === 'ipv4') {
    const v4 = address as ipaddr.IPv4;
    return {
      raw,
      normal: v4.toString(),
      valid: true,
      is_ipv4: true,
      is_ipv6: false,
      ipv6_format: v4.toIPv4MappedAddress().toRFC5952String(),
      ipv4_format: v4.toString(),
      range,
      is_public: range === 'unicast',
    };
  }
  const v6 = address as ipaddr.IPv6;
  const mapped = v6.isIPv4MappedAddress() ? v6.toIPv4Address() : null;
  return {
    raw,
    normal: v6.toRFC5952String(),
    valid: true,
    is_ipv4: false,
    is_ipv6: true,
    ipv6_format: v6.toRFC5952String(),
    ipv4_format: mapped ? mapped.toString() : null,
    // An IPv4-mapped address is as public as the IPv4 address inside it.
    range: mapped ? mapped.range() : range,
    is_public: (mapped ? mapped.range() : range) === 'unicast',
  };
}

const IPV4_AT_START = /^(\d{1,3}(?:\.\d{1,3}){3})(?=$|[:/?#])/;

function readIp(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  // Any scheme (`http://`, `https://`) goes; what follows must still be an address.
  const rest = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  try {
    const v4 = IPV4_AT_START.exec(rest)?.[1];
    if (v4 !== undefined) return ipaddr.IPv4.isValidFourPartDecimal(v4) ? ipaddr.IPv4.parse(v4) : null;
    const bracketed = /^\[([^\]]+)\]/.exec(rest)?.[1];
    const candidate = bracketed ?? rest.replace(/[/?#].*$/, '');
    if (ipaddr.IPv6.isValid(candidate) && !candidate.includes('%')) return ipaddr.IPv6.parse(candidate);
    // Unbracketed IPv6 followed by a port: eight groups and one more.
    const withoutPort = bracketed === undefined ? /^(.*):\d{1,5}$/.exec(candidate)?.[1] : undefined;
    if (withoutPort && withoutPort.split(':').length === 8 && ipaddr.IPv6.isValid(withoutPort)) {
      return ipaddr.IPv6.parse(withoutPort);
    }
  } catch {
    // fall through: not an address
  }
  return null;
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
