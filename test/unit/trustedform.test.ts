import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrustedFormActivities } from '../../activities/trustedform.js';

describe('TrustedForm claim answers', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(301, { Location: 'https://claims.example.com/claim' });
        return res.end();
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ outcome: 'success', age_in_seconds: 3 * 86_400 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const claim = (path: string) =>
    createTrustedFormActivities({}).claimTrustedForm({
      claimUrl: `${base}${path}`,
      certUrl: 'https://cert.trustedform.com/abc',
      leadId: 'lead_x',
      email: null,
      phone: null,
    });

  it('claims on a success answer and reads the certificate age', async () => {
    expect(await claim('/claim')).toMatchObject({ status: 'claimed', ageInDays: 3 });
  });

  it('does not count a redirect as a claim (redirects are not followed)', async () => {
    expect(await claim('/moved')).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('redirected (HTTP 301)'),
    });
  });
});
