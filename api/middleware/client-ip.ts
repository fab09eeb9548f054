import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';

/** Where a request came from; undefined when it cannot be told (then an IP allow-list denies). */
export type ClientIpResolver = (c: Context) => string | undefined;

/** A plain address in canonical form (IPv4-mapped IPv6 becomes IPv4; a trailing port is dropped). */
export function normalizeIp(value: string): string | undefined {
  let candidate = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(candidate);
  if (bracketed) candidate = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(candidate))
    candidate = candidate.slice(0, candidate.lastIndexOf(':'));
  if (!ipaddr.isValid(candidate)) return undefined;
  return ipaddr.process(candidate).toString();
}

/** `10.0.0.0/8`, `2001:db8::/32`, or a single address (as /32 or /128), normalised to its network. */
export function normalizeCidr(value: string): string | undefined {
  const text = value.trim();
  const withBits = text.includes('/') ? text : `${text}/${text.includes(':') ? 128 : 32}`;
  if (!ipaddr.isValidCIDR(withBits)) return undefined;
  const [address, bits] = ipaddr.parseCIDR(withBits);
  const network =
    address.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(withBits)
      : ipaddr.IPv6.networkAddressFromCIDR(withBits);
  return `${network.toString()}/${bits}`;
}

export function ipAllowed(ip: string, cidrs: readonly string[]): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const address = ipaddr.process(ip);
  return cidrs.some((cidr) => {
    if (!ipaddr.isValidCIDR(cidr)) return false;
    const range = ipaddr.parseCIDR(cidr);
    return range[0].kind() === address.kind() && address.match(range);
  });
}

/**
 * The client address from the Node server's socket. Behind `trustedHops` reverse proxies, each hop
 * appends the address it saw to `X-Forwarded-For`, so the client is the entry `trustedHops` places
 * from the socket's end: entries further left were written by the client and can be forged. The hop
 * count comes from configuration (TRUST_PROXY); by default no header is trusted.
 */
export function clientIpResolver(options: { trustedHops?: number } = {}): ClientIpResolver {
  const hops = options.trustedHops ?? 0;
  return (c) => {
    let socket: string | undefined;
    try {
      socket = getConnInfo(c).remote.address;
    } catch {
      socket = undefined; // not served by @hono/node-server (e.g. app.request in tests)
    }
    if (hops === 0) return socket ? normalizeIp(socket) : undefined;
    const forwarded = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const chain = [...forwarded, ...(socket ? [socket] : [])];
    const entry = chain[Math.max(0, chain.length - 1 - hops)];
    return entry ? normalizeIp(entry) : undefined;
  };
}
