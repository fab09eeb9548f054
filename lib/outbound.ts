import dns, { type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';

// Outbound HTTP from the worker (deliveries to buyers, webhooks, TrustedForm claims) goes to URLs that
// tenants configure. With OUTBOUND_PRIVATE_NETWORKS=deny, a destination that is not a public unicast
// address (loopback, private, link-local such as cloud metadata at 169.254.169.254, CGNAT, unique-local
// IPv6, ...) is refused. The check runs on the addresses DNS returns, at connect time, so a name that
// resolves differently later (DNS rebinding) is caught too. `allow` (the default) suits a self-hosted
// install delivering to CRMs on its own network, and the dev stack's local demo buyer.

export type PrivateNetworkPolicy = 'allow' | 'deny';

export class DestinationNotAllowed extends Error {
  constructor(address: string) {
    super(`Destination not allowed: ${address} is not a public address (OUTBOUND_PRIVATE_NETWORKS=deny)`);
    this.name = 'DestinationNotAllowed';
  }
}

/** True for anything but a public unicast address (IPv4-mapped IPv6 judged as its IPv4). */
export function isNonPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  return ipaddr.process(address).range() !== 'unicast';
}

/** Whether an error from `fetch` (or its cause) is a refused destination. */
export function isDestinationNotAllowed(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
    if (e instanceof DestinationNotAllowed || e.name === 'DestinationNotAllowed') return true;
  }
  return false;
}

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const blocked = addresses.find((a) => isNonPublicAddress(a.address));
    if (blocked) return callback(new DestinationNotAllowed(blocked.address), '');
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
}

/** `fetch` under the policy: the global fetch as is, or one that refuses non-public destinations. */
export function outboundFetch(policy: PrivateNetworkPolicy): typeof fetch {
  if (policy === 'allow') return fetch;
  const agent = new Agent({ connect: { lookup: guardedLookup as never } });
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // An address in the URL is connected to without a lookup: judge it here.
    if (ipaddr.isValid(host) && isNonPublicAddress(host)) throw new DestinationNotAllowed(host);
    return fetch(input, { ...init, dispatcher: agent } as RequestInit);
  };
}
