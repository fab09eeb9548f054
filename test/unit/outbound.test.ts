import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDestinationNotAllowed, isNonPublicAddress, outboundFetch } from '../../lib/outbound.js';

describe('outbound destinations', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('tells public unicast addresses from everything else', () => {
    for (const address of ['8.8.8.8', '93.184.216.34', '2606:4700::6810:85e5'])
      expect(isNonPublicAddress(address), address).toBe(false);
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254', // cloud metadata
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      'not-an-ip',
    ])
      expect(isNonPublicAddress(address), address).toBe(true);
  });

  it('allow: reaches a local server as the plain fetch does', async () => {
    const res = await outboundFetch('allow')(`http://127.0.0.1:${port}/`);
    expect(await res.text()).toBe('ok');
  });

  it('deny: refuses a private address in the URL and a name that resolves to one', async () => {
    const deny = outboundFetch('deny');
    const literal = await deny(`http://127.0.0.1:${port}/`).catch((err: unknown) => err);
    expect(isDestinationNotAllowed(literal)).toBe(true);
    const byName = await deny(`http://localhost:${port}/`).catch((err: unknown) => err);
    expect(isDestinationNotAllowed(byName)).toBe(true);
    const mapped = await deny(`http://[::ffff:127.0.0.1]:${port}/`).catch((err: unknown) => err);
    expect(isDestinationNotAllowed(mapped)).toBe(true);
    // A plain connection failure is not mistaken for a refused destination.
    expect(isDestinationNotAllowed(new TypeError('fetch failed'))).toBe(false);
  });
});
