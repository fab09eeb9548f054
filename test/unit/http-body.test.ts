import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBodyLimited } from '../../lib/http-body.js';

describe('reading a response body with a limit', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/short') return res.end('{"outcome":"success"}');
      // Streams without end: a reader without a limit would never return.
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const chunk = 'x'.repeat(16 * 1024);
      const timer = setInterval(() => res.write(chunk), 1);
      res.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('reads a short body whole', async () => {
    expect(await readBodyLimited(await fetch(`${url}/short`), 1024)).toBe('{"outcome":"success"}');
  });

  it('stops at the limit on an endless body and lets the connection go', async () => {
    const text = await readBodyLimited(await fetch(`${url}/endless`), 100_000);
    expect(text).toHaveLength(100_000);
    expect(text).toMatch(/^x+$/);
  });
});
