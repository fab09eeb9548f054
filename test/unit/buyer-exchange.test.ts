import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeWithBuyer } from '../../activities/delivery.js';
import { outboundFetch } from '../../lib/outbound.js';

// The one HTTP path of deliveries, posts and pings to a buyer, against a real local server: what is
// sent, what is read back, and what a request that gets no answer comes to.

const config = {
  method: 'POST' as const,
  format: 'json' as const,
  headers: { 'X-Api-Key': 'k-123' },
  basic_auth: null,
};
const limits = { timeoutMs: 2000, maxBytes: 1024, heartbeat: false };
const request = { payload: { state: 'TX' }, idempotencyKey: 'idem-1', ownEndpoint: true };

describe('a request to a buyer and its answer', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ path: string; headers: IncomingHttpHeaders; body: string }> = [];
  const env = new MockActivityEnvironment();
  const exchange = (url: string, overrides: Partial<typeof limits> = {}, fetchImpl: typeof fetch = fetch) =>
    env.run(() => exchangeWithBuyer(fetchImpl, url, config, request, { ...limits, ...overrides }));

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
        if (req.url === '/moved') {
          res.writeHead(302, { Location: '/bid' });
          return res.end();
        }
        if (req.url === '/large') {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          return res.end('y'.repeat(5000));
        }
        if (req.url === '/slow') return setTimeout(() => res.end('{}'), 3000);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"bid":5}');
      });
    });
    await once(server.listen(0, '127.0.0.1'), 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await once(server.close(), 'close');
  });

  it('sends the payload with the recipient’s headers and the idempotency key, and reads the answer', async () => {
    expect(await exchange(`${base}/bid`)).toEqual({
      kind: 'answered',
      answer: { status: 200, contentType: 'application/json', body: '{"bid":5}' },
    });
    const sent = seen.at(-1)!;
    expect(JSON.parse(sent.body)).toEqual({ state: 'TX' });
    expect(sent.headers).toMatchObject({ 'x-api-key': 'k-123', 'idempotency-key': 'idem-1' });
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    const before = seen.length;
    const result = await exchange(`${base}/moved`);
    expect(result).toMatchObject({ kind: 'answered', answer: { status: 302 } });
    expect(seen.slice(before).map((r) => r.path)).toEqual(['/moved']);
  });

  it('reads the answer up to the limit', async () => {
    const result = await exchange(`${base}/large`, { maxBytes: 100 });
    expect(result).toMatchObject({ kind: 'answered', answer: { body: 'y'.repeat(100) } });
  });

  it('a late answer is a timeout, a refused connection unreachable, a private destination under deny not allowed', async () => {
    expect(await exchange(`${base}/slow`, { timeoutMs: 200 })).toEqual({ kind: 'timeout' });
    // A port nothing listens on any more.
    const closed = createServer();
    await once(closed.listen(0, '127.0.0.1'), 'listening');
    const port = (closed.address() as AddressInfo).port;
    await once(closed.close(), 'close');
    expect(await exchange(`http://127.0.0.1:${port}/bid`)).toEqual({ kind: 'unreachable' });
    const before = seen.length;
    expect(await exchange(`${base}/bid`, {}, outboundFetch('deny'))).toEqual({ kind: 'not_allowed' });
    expect(seen).toHaveLength(before);
  });
});
