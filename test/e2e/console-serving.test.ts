import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// How the API serves the console's files (the browser test, test/ui/console.test.ts, drives the app
// itself) and GET /me, which the console signs in with.
describe('console serving and GET /me', () => {
  let stack: TestStack;
  let dist: string;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    stack = await startTestStack();
    dist = mkdtempSync(join(tmpdir(), 'leadrail-console-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><html><head><title>x</title></head><body></body></html>',
    );
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = createApp({
      pool: stack.pool,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      logger: (await import('../helpers/stack.js')).silentLogger,
      console: {
        distDir: dist,
        temporalUiUrl: 'http://ui.example:8233/"><script>',
        temporalNamespace: 'prod',
      },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('answers every page path with the app, settings in escaped meta tags, under a same-origin CSP', async () => {
    // Any characters, encoded control characters included (a fuzzer's page name got 405 once).
    const pages = ['/console', '/console/leads', '/console/leads/lead_123', '/api/v1/console/flows'];
    for (const path of [...pages, '/console/a%0Ab', '/console/%C2%8C%1C%0A']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self';");
      expect(csp).toContain("connect-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
      const html = await res.text();
      expect(html).toContain(
        '<meta name="leadrail:temporal-ui-url" content="http://ui.example:8233/&quot;&gt;&lt;script&gt;">',
      );
      expect(html).toContain('<meta name="leadrail:temporal-namespace" content="prod">');
    }
  });

  it('other methods on a page path: 405 naming what the page serves', async () => {
    const res = await app.request('/console/a%0Ab', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('serves hashed assets for good and a missing one as a 404, never as the page', async () => {
    const asset = await app.request('/console/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Content-Type')).toMatch(/javascript/);
    expect(asset.headers.get('Cache-Control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log(1)');
    const missing = await app.request('/console/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await app.request('/console/assets/..%2Findex.html')).status).toBe(404);
  });

  it('says how to build the console when it is not built', async () => {
    const bare = createApp({
      pool: stack.pool,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      logger: (await import('../helpers/stack.js')).silentLogger,
      console: { distDir: join(dist, 'missing'), temporalUiUrl: null, temporalNamespace: 'default' },
    });
    const res = await bare.request('/console/leads');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:console');
  });

  it('GET /me answers the calling key and nothing of other keys or accounts; no key is a 401', async () => {
    const a = await stack.createAccount({ scopes: ['flows:read'], mode: 'test' });
    const b = await stack.createAccount();
    const me = await stack.call('GET', '/me', a.key);
    expect(me.status).toBe(200);
    expect(me.json).toEqual({
      key_id: a.keyId,
      account_id: a.accountId,
      mode: 'test',
      scopes: ['flows:read'],
    });
    const other = await stack.call('GET', '/me', b.key);
    expect(other.json.account_id).toBe(b.accountId);
    expect(other.json.key_id).toBe(b.keyId);
    const none = await stack.call('GET', '/me', null);
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe('unauthorized');
  });
});
