import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { clientIpResolver } from '../../api/middleware/client-ip.js';
import { admitIntentRequests } from '../../intent/query-log.js';
import { CliError, runKeysCli } from '../../scripts/keys.js';
import { startRecipient } from '../helpers/recipient.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';

describe('API keys: create, list, rotate, revoke; IP allow-lists; test keys', () => {
  let stack: TestStack;
  let admin: string;
  let accountId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key: admin, accountId } = await stack.createAccount());
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('creates a key shown once, lists prefixes only, and the new key works with its scopes', async () => {
    const created = await stack.call('POST', '/api-keys', admin, {
      name: 'Reporting',
      mode: 'live',
      scopes: ['leads:read', 'analytics:read'],
      rate_limit: { per_hour: 500 },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Reporting',
      mode: 'live',
      scopes: ['leads:read', 'analytics:read'],
      ip_allowlist: [],
      rate_limit: { per_hour: 500, per_minute: 100 },
      status: 'active',
      revoked_at: null,
    });
    expect(created.json.id).toMatch(/^key_/);
    expect(created.json.key).toMatch(/^lr_live_[A-Za-z0-9]{43}$/);
    expect(created.json.key.startsWith(created.json.prefix)).toBe(true);

    const list = await stack.call('GET', '/api-keys', admin);
    expect(list.status).toBe(200);
    const listed = list.json.api_keys.find((k: { id: string }) => k.id === created.json.id);
    expect(listed).toMatchObject({ prefix: created.json.prefix, name: 'Reporting' });
    expect(listed.key).toBeUndefined();
    // Neither the key nor anything like its hash appears anywhere in the listing.
    expect(list.text).not.toContain(created.json.key);
    expect(list.text).not.toMatch(/hash/i);
    const single = await stack.call('GET', `/api-keys/${created.json.id}`, admin);
    expect(single.json).toEqual(listed);

    // The new key reads leads but may not write flows (and was just used: last_used_at is set).
    expect((await stack.call('GET', '/leads', created.json.key)).status).toBe(200);
    const denied = await stack.call('POST', '/flows', created.json.key, { name: 'x' });
    expect(denied.status).toBe(403);
    expect(denied.json.error).toMatchObject({
      code: 'forbidden',
      details: [{ required_scope: 'flows:write' }],
    });
    const after = await stack.call('GET', `/api-keys/${created.json.id}`, admin);
    expect(after.json.last_used_at).not.toBeNull();
  });

  it('validates the body: scopes, mode and CIDRs', async () => {
    const bad = await stack.call('POST', '/api-keys', admin, {
      name: 'x',
      mode: 'staging',
      scopes: ['leads:delete'],
      ip_allowlist: ['10.0.0.0/33'],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('validation_failed');
    const fields = bad.json.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['mode', 'scopes.0', 'ip_allowlist.0']));
    const noScopes = await stack.call('POST', '/api-keys', admin, { name: 'x', scopes: [] });
    expect(noScopes.status).toBe(400);
  });

  it('rotates: a new secret, same id and settings; the old secret is rejected at once', async () => {
    const created = await stack.call('POST', '/api-keys', admin, {
      name: 'Rotating',
      scopes: ['flows:read'],
    });
    const rotated = await stack.call('POST', `/api-keys/${created.json.id}/rotate`, admin);
    expect(rotated.status).toBe(200);
    expect(rotated.json).toMatchObject({ id: created.json.id, name: 'Rotating', scopes: ['flows:read'] });
    expect(rotated.json.key).not.toBe(created.json.key);
    expect(rotated.json.rotated_at).not.toBeNull();
    expect(rotated.json.previous_key_expires_at).toBeNull();
    expect((await stack.call('GET', '/flows', created.json.key)).status).toBe(401);
    expect((await stack.call('GET', '/flows', rotated.json.key)).status).toBe(200);
  });

  it('rotates with a grace period during which both secrets work, until revoked', async () => {
    const created = await stack.call('POST', '/api-keys', admin, {
      name: 'Graceful',
      scopes: ['flows:read'],
    });
    const rotated = await stack.call('POST', `/api-keys/${created.json.id}/rotate`, admin, {
      grace_period_seconds: 3600,
    });
    expect(rotated.status).toBe(200);
    expect(Date.parse(rotated.json.previous_key_expires_at)).toBeGreaterThan(Date.now() + 3500_000);
    expect((await stack.call('GET', '/flows', created.json.key)).status).toBe(200);
    expect((await stack.call('GET', '/flows', rotated.json.key)).status).toBe(200);

    // Once the grace period has passed, the old secret is rejected.
    await stack.pool.query(
      `UPDATE api_keys SET previous_key_expires_at = now() - interval '1 second' WHERE id = $1`,
      [created.json.id],
    );
    expect((await stack.call('GET', '/flows', created.json.key)).status).toBe(401);
    expect((await stack.call('GET', '/flows', rotated.json.key)).status).toBe(200);

    const tooLong = await stack.call('POST', `/api-keys/${created.json.id}/rotate`, admin, {
      grace_period_seconds: 10_000_000,
    });
    expect(tooLong.status).toBe(400);
  });

  it('revokes: the key stops working at once, the listing shows it revoked, and it cannot be rotated', async () => {
    const created = await stack.call('POST', '/api-keys', admin, { name: 'Doomed', scopes: ['flows:read'] });
    expect((await stack.call('GET', '/flows', created.json.key)).status).toBe(200);
    const revoked = await stack.call('DELETE', `/api-keys/${created.json.id}`, admin);
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({ id: created.json.id, status: 'revoked' });
    expect(revoked.json.revoked_at).not.toBeNull();
    const res = await stack.call('GET', '/flows', created.json.key);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthorized');
    // Idempotent, and a revoked key cannot be brought back by rotating it.
    expect((await stack.call('DELETE', `/api-keys/${created.json.id}`, admin)).status).toBe(200);
    const rotate = await stack.call('POST', `/api-keys/${created.json.id}/rotate`, admin);
    expect(rotate.status).toBe(409);
    expect(rotate.json.error.code).toBe('conflict');
  });

  it('changes a key in place (PATCH): scopes, allow-list, limits and name take effect at once', async () => {
    const created = await stack.call('POST', '/api-keys', admin, { name: 'Reader', scopes: ['flows:read'] });
    const id = created.json.id;
    const reader = created.json.key;
    expect((await stack.call('POST', '/flows', reader, { name: 'x' })).status).toBe(403);

    const changed = await stack.call('PATCH', `/api-keys/${id}`, admin, {
      name: 'Reader and writer',
      scopes: ['flows:read', 'flows:write'],
      rate_limit: { per_minute: 7 },
    });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({
      id,
      name: 'Reader and writer',
      prefix: created.json.prefix,
      mode: 'live',
      scopes: ['flows:read', 'flows:write'],
      rate_limit: { per_hour: 1000, per_minute: 7 },
    });
    expect(changed.json.key).toBeUndefined();
    // Same secret, new powers: the write scope works now, and the new limit is in the headers.
    const write = await stack.call('POST', '/flows', reader, { name: 'x' });
    expect(write.status).toBe(201);
    expect(write.json.name).toBe('x');
    const list = await stack.call('GET', '/flows', reader);
    expect(list.status).toBe(200);
    expect(list.headers.get('X-RateLimit-Burst-Limit')).toBe('7');

    // null sets a limit back to its default; an allow-list elsewhere locks the key out of here.
    const reset = await stack.call('PATCH', `/api-keys/${id}`, admin, {
      rate_limit: { per_minute: null },
      ip_allowlist: ['198.51.100.0/24'],
    });
    expect(reset.json).toMatchObject({ rate_limit: { per_minute: 100 }, ip_allowlist: ['198.51.100.0/24'] });
    expect((await stack.call('GET', '/flows', reader)).status).toBe(403);
    const cleared = await stack.call('PATCH', `/api-keys/${id}`, admin, { ip_allowlist: null });
    expect(cleared.json.ip_allowlist).toEqual([]);
    expect((await stack.call('GET', '/flows', reader)).status).toBe(200);
    // The name and scopes given earlier stayed: only what the body names changes.
    expect(cleared.json).toMatchObject({ name: 'Reader and writer', scopes: ['flows:read', 'flows:write'] });
  });

  it('rejects a PATCH that is empty, changes the mode, is malformed, or would lock the caller out', async () => {
    const created = await stack.call('POST', '/api-keys', admin, { name: 'Target', scopes: ['flows:read'] });
    const id = created.json.id;
    const empty = await stack.call('PATCH', `/api-keys/${id}`, admin, {});
    expect(empty.status).toBe(400);
    expect(empty.json.error.code).toBe('validation_failed');
    const mode = await stack.call('PATCH', `/api-keys/${id}`, admin, { mode: 'test' });
    expect(mode.status).toBe(400);
    const badCidr = await stack.call('PATCH', `/api-keys/${id}`, admin, { ip_allowlist: ['300.1.1.1'] });
    expect(badCidr.status).toBe(400);
    const badScope = await stack.call('PATCH', `/api-keys/${id}`, admin, { scopes: ['root'] });
    expect(badScope.status).toBe(400);
    expect((await stack.call('PATCH', '/api-keys/key_nope', admin, { name: 'x' })).status).toBe(404);

    // The calling admin key cannot drop its own admin scope, nor fence itself out.
    const self = await stack.call('GET', '/api-keys', admin);
    const selfId = self.json.api_keys.find((k: { prefix: string }) => admin.startsWith(k.prefix)).id;
    const demote = await stack.call('PATCH', `/api-keys/${selfId}`, admin, { scopes: ['flows:read'] });
    expect(demote.status).toBe(409);
    expect(demote.json.error).toMatchObject({ code: 'conflict', details: [{ field: 'scopes' }] });
    const fence = await stack.call('PATCH', `/api-keys/${selfId}`, admin, { ip_allowlist: ['192.0.2.1'] });
    expect(fence.status).toBe(409);
    expect(fence.json.error.details[0].field).toBe('ip_allowlist');
    expect((await stack.call('GET', '/api-keys', admin)).status).toBe(200);

    // A revoked key stays revoked.
    await stack.call('DELETE', `/api-keys/${id}`, admin);
    const revoked = await stack.call('PATCH', `/api-keys/${id}`, admin, { name: 'again' });
    expect(revoked.status).toBe(409);
  });

  it('lets tenants lower their keys’ rate limits but not raise them above the operator’s ceiling', async () => {
    const high = await stack.call('POST', '/api-keys', admin, {
      name: 'Greedy',
      scopes: ['flows:read'],
      rate_limit: { per_hour: 5000, per_minute: 100 },
    });
    expect(high.status).toBe(400);
    expect(high.json.error.details).toEqual([
      { field: 'rate_limit.per_hour', code: 'too_big', message: expect.stringContaining('At most 1000') },
    ]);
    const low = await stack.call('POST', '/api-keys', admin, {
      name: 'Modest',
      scopes: ['flows:read'],
      rate_limit: { per_hour: 200 },
    });
    expect(low.status).toBe(201);
    const raise = await stack.call('PATCH', `/api-keys/${low.json.id}`, admin, {
      rate_limit: { per_minute: 1000 },
    });
    expect(raise.status).toBe(400);
    expect(raise.json.error.details[0].field).toBe('rate_limit.per_minute');
    // The operator can go higher (CLI straight on the database), and a deployment can raise the ceiling.
    const operator = JSON.parse(
      await runKeysCli(
        ['update', '--account', accountId, '--id', low.json.id, '--per-hour', '5000', '--json'],
        stack.pool,
      ),
    );
    expect(operator.rate_limit.per_hour).toBe(5000);
    const generous = createApp({
      pool: stack.pool,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      logger: silentLogger,
      keyRateLimitCeiling: { perHour: 10_000, perMinute: 1000 },
    });
    const allowed = await generous.request('/api-keys', {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Big', scopes: ['flows:read'], rate_limit: { per_hour: 5000 } }),
    });
    expect(allowed.status).toBe(201);
    // Each deployment's document states its own ceiling, which is what it enforces.
    const documented = async (app: { request: (path: string) => Response | Promise<Response> }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the document is read field by field
      const doc: any = await (await app.request('/openapi.json')).json();
      return doc.components.schemas.ApiKeyInput.properties.rate_limit.properties;
    };
    expect(await documented(generous)).toMatchObject({
      per_hour: { maximum: 10_000 },
      per_minute: { maximum: 1000 },
    });
    expect(await documented(stack.app)).toMatchObject({
      per_hour: { maximum: 1000 },
      per_minute: { maximum: 100 },
    });
  });

  it('requires the admin scope for every key endpoint', async () => {
    const { json: created } = await stack.call('POST', '/api-keys', admin, {
      name: 'x',
      scopes: ['flows:read'],
    });
    const { key: noAdmin } = await stack.createAccount({
      scopes: ['leads:read', 'leads:write', 'flows:read', 'flows:write', 'analytics:read'],
    });
    const calls: Array<[string, string, unknown?]> = [
      ['POST', '/api-keys', { name: 'x', scopes: ['flows:read'] }],
      ['GET', '/api-keys'],
      ['GET', `/api-keys/${created.id}`],
      ['POST', `/api-keys/${created.id}/rotate`],
      ['DELETE', `/api-keys/${created.id}`],
    ];
    for (const [method, path, body] of calls) {
      const res = await stack.call(method, path, noAdmin, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.json.error).toMatchObject({ code: 'forbidden', details: [{ required_scope: 'admin' }] });
    }
  });

  it('hides other accounts’ keys: 404, never their data, and they stay usable', async () => {
    const { json: mine } = await stack.call('POST', '/api-keys', admin, {
      name: 'Mine',
      scopes: ['flows:read'],
    });
    const other = await stack.createAccount();
    for (const [method, path] of [
      ['GET', `/api-keys/${mine.id}`],
      ['POST', `/api-keys/${mine.id}/rotate`],
      ['DELETE', `/api-keys/${mine.id}`],
    ] as const) {
      const res = await stack.call(method, path, other.key);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.text).not.toContain(mine.prefix);
    }
    const list = await stack.call('GET', '/api-keys', other.key);
    expect(list.json.api_keys.map((k: { id: string }) => k.id)).not.toContain(mine.id);
    expect((await stack.call('GET', '/flows', mine.key)).status).toBe(200);
  });

  it('answers 401 for a missing, malformed or unknown key', async () => {
    for (const header of [undefined, 'Basic abc', 'Bearer', `Bearer lr_live_${'x'.repeat(43)}`]) {
      const res = await stack.app.request('/api-keys', { headers: header ? { Authorization: header } : {} });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: unknown };
      expect(body.error).toMatchObject({ code: 'unauthorized', request_id: res.headers.get('X-Request-Id') });
    }
  });

  it('lets a test key create only test keys, and manage only test keys', async () => {
    const { key: testAdmin } = await stack.createAccount({ mode: 'test' });
    const live = await stack.call('POST', '/api-keys', testAdmin, {
      name: 'x',
      mode: 'live',
      scopes: ['admin'],
    });
    expect(live.status).toBe(403);
    const test = await stack.call('POST', '/api-keys', testAdmin, {
      name: 'x',
      mode: 'test',
      scopes: ['leads:read'],
    });
    expect(test.status).toBe(201);
    expect(test.json.key).toMatch(/^lr_test_/);
    expect((await stack.call('POST', `/api-keys/${test.json.id}/rotate`, testAdmin)).status).toBe(200);
  });

  it('forces test mode for lr_test_ keys: the lead runs the pipeline but is not sent to the buyer', async () => {
    const buyer = await startRecipient();
    try {
      const { key: testKey } = await stack.createAccount({ mode: 'test' });
      const flow = await stack.call('POST', '/flows', testKey, {
        name: 'Sandbox',
        steps: [{ type: 'delivery', recipient: { name: 'Buyer', config: { url: buyer.url } } }],
      });
      expect(flow.status).toBe(201);
      const res = await stack.call('POST', `/flows/${flow.json.id}/leads`, testKey, {
        lead: { email: 'sandbox@example.com', phone: '5551234567' },
        options: { test_mode: false },
      });
      expect(res.status).toBe(201);
      // Honest about it: accepted, not delivered, with each recipient skipped as test mode.
      expect(res.json.status).toBe('accepted');
      const read = await stack.call('GET', `/leads/${res.json.id}`, testKey);
      expect(read.json.test_mode).toBe(true);
      expect(read.json.status).toBe('accepted');
      expect(read.json.events.some((e: { type: string }) => e.type === 'delivered')).toBe(false);
      const skipped = read.json.events.find((e: { type: string }) => e.type === 'skipped');
      expect(skipped.reason).toMatch(/test mode/i);
      expect(buyer.requests).toHaveLength(0);
    } finally {
      await buyer.close();
    }
  });

  describe('IP allow-list', () => {
    it('admits addresses inside the allow-list and answers 403 ip_not_allowed outside it', async () => {
      const app = createApp({
        pool: stack.pool,
        temporal: stack.client,
        taskQueue: stack.taskQueue,
        logger: silentLogger,
        clientIp: (c) => c.req.header('X-Test-Client-Ip'),
      });
      const created = await stack.call('POST', '/api-keys', admin, {
        name: 'Office only',
        scopes: ['flows:read'],
        ip_allowlist: ['203.0.113.0/24', '2001:db8::1'],
      });
      expect(created.status).toBe(201);
      expect(created.json.ip_allowlist).toEqual(['203.0.113.0/24', '2001:db8::1/128']);
      const from = (ip?: string) =>
        app.request('/flows', {
          headers: { Authorization: `Bearer ${created.json.key}`, ...(ip ? { 'X-Test-Client-Ip': ip } : {}) },
        });
      expect((await from('203.0.113.77')).status).toBe(200);
      expect((await from('2001:db8::1')).status).toBe(200);
      expect((await from('::ffff:203.0.113.5')).status).toBe(200);
      const outside = await from('198.51.100.1');
      expect(outside.status).toBe(403);
      expect(((await outside.json()) as { error: unknown }).error).toMatchObject({
        code: 'ip_not_allowed',
        details: [{ client_ip: '198.51.100.1' }],
      });
      // No address at all (e.g. no socket): denied, not waved through.
      expect((await from()).status).toBe(403);
      // Keys without an allow-list do not care.
      const open = await app.request('/flows', { headers: { Authorization: `Bearer ${admin}` } });
      expect(open.status).toBe(200);
    });

    it('reads the socket address on a real Node server, and X-Forwarded-For only behind a trusted proxy', async () => {
      const loopbackOnly = await stack.call('POST', '/api-keys', admin, {
        name: 'Loopback',
        scopes: ['flows:read'],
        ip_allowlist: ['127.0.0.0/8', '::1'],
      });
      const proxiedOnly = await stack.call('POST', '/api-keys', admin, {
        name: 'Proxied',
        scopes: ['flows:read'],
        ip_allowlist: ['198.51.100.0/24'],
      });
      const listen = async (trustedHops: number) => {
        const app = createApp({
          pool: stack.pool,
          temporal: stack.client,
          taskQueue: stack.taskQueue,
          logger: silentLogger,
          clientIp: clientIpResolver({ trustedHops }),
        });
        const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
        await new Promise<void>((resolve) => server.once('listening', () => resolve()));
        const { port } = server.address() as AddressInfo;
        return {
          get: (key: string, headers: Record<string, string> = {}) =>
            fetch(`http://127.0.0.1:${port}/flows`, {
              headers: { Authorization: `Bearer ${key}`, ...headers },
            }),
          close: () => new Promise<void>((resolve) => server.close(() => resolve())),
        };
      };

      const direct = await listen(0);
      try {
        expect((await direct.get(loopbackOnly.json.key)).status).toBe(200);
        // Without a trusted proxy a forged X-Forwarded-For changes nothing.
        expect((await direct.get(proxiedOnly.json.key, { 'X-Forwarded-For': '198.51.100.9' })).status).toBe(
          403,
        );
      } finally {
        await direct.close();
      }

      const behindProxy = await listen(1);
      try {
        expect(
          (await behindProxy.get(proxiedOnly.json.key, { 'X-Forwarded-For': '198.51.100.9' })).status,
        ).toBe(200);
        // The proxy appends the address it saw: a client-written entry further left is ignored.
        const spoofed = await behindProxy.get(proxiedOnly.json.key, {
          'X-Forwarded-For': '198.51.100.9, 192.0.2.1',
        });
        expect(spoofed.status).toBe(403);
        expect(
          ((await spoofed.json()) as { error: { details: [{ client_ip: string }] } }).error.details[0]
            .client_ip,
        ).toBe('192.0.2.1');
      } finally {
        await behindProxy.close();
      }
    });
  });

  describe('CLI (npm run keys)', () => {
    it('creates, lists, rotates and revokes keys of an account', async () => {
      const { id: account } = JSON.parse(
        await runKeysCli(['create-account', '--name', 'Ops', '--json'], stack.pool),
      );
      expect(account).toMatch(/^acct_/);

      const created = JSON.parse(
        await runKeysCli(
          [
            'create',
            '--account',
            account,
            '--name',
            'ci',
            '--scopes',
            'flows:read,leads:read',
            '--ip-allowlist',
            '10.1.2.3/8',
            '--per-minute',
            '20',
            '--json',
          ],
          stack.pool,
        ),
      );
      expect(created).toMatchObject({
        name: 'ci',
        mode: 'live',
        scopes: ['flows:read', 'leads:read'],
        ip_allowlist: ['10.0.0.0/8'],
        rate_limit: { per_hour: 1000, per_minute: 20 },
      });
      expect(created.key).toMatch(/^lr_live_/);

      const human = await runKeysCli(
        ['create', '--account', account, '--name', 'all', '--mode', 'test'],
        stack.pool,
      );
      expect(human).toMatch(/API key \(shown once, store it now\): lr_test_\w{43}/);

      const listed = await runKeysCli(['list', '--account', account], stack.pool);
      expect(listed).toContain(created.id);
      expect(listed).toContain(created.prefix);
      expect(listed).not.toContain(created.key);

      const rotated = JSON.parse(
        await runKeysCli(['rotate', '--account', account, '--id', created.id, '--json'], stack.pool),
      );
      expect(rotated.id).toBe(created.id);
      expect(rotated.key).not.toBe(created.key);

      const revoked = JSON.parse(
        await runKeysCli(['revoke', '--account', account, '--id', created.id, '--json'], stack.pool),
      );
      expect(revoked.status).toBe('revoked');
      expect((await stack.call('GET', '/flows', rotated.key)).status).toBe(401);
    });

    it('updates a key and sets its intent limits, which admission then uses', async () => {
      const { id: account } = JSON.parse(
        await runKeysCli(['create-account', '--name', 'Ops 2', '--json'], stack.pool),
      );
      const created = JSON.parse(
        await runKeysCli(['create', '--account', account, '--name', 'q', '--json'], stack.pool),
      );
      const updated = JSON.parse(
        await runKeysCli(
          [
            'update',
            '--account',
            account,
            '--id',
            created.id,
            '--scopes',
            'intent:query',
            '--ip-allowlist',
            '203.0.113.9',
            '--per-hour',
            '50',
            '--json',
          ],
          stack.pool,
        ),
      );
      expect(updated).toMatchObject({
        id: created.id,
        name: 'q',
        scopes: ['intent:query'],
        ip_allowlist: ['203.0.113.9/32'],
        rate_limit: { per_hour: 50 },
      });
      const back = JSON.parse(
        await runKeysCli(
          [
            'update',
            '--account',
            account,
            '--id',
            created.id,
            '--ip-allowlist',
            'none',
            '--per-hour',
            'default',
            '--json',
          ],
          stack.pool,
        ),
      );
      expect(back).toMatchObject({
        ip_allowlist: [],
        rate_limit: { per_hour: 1000 },
        scopes: ['intent:query'],
      });

      const shown = JSON.parse(
        await runKeysCli(
          [
            'intent-limits',
            '--account',
            account,
            '--id',
            created.id,
            '--burst',
            '3',
            '--usd-per-day',
            '0.5',
            '--json',
          ],
          stack.pool,
        ),
      );
      expect(shown.overrides).toEqual({ burst: 3, usdPerDay: 0.5 });
      expect(shown.limits).toMatchObject({ burst: 3, usdPerDay: 0.5, perDay: 10_000, ratePerMinute: 100 });
      // The limiter reads them: a bucket of 3 admits three requests and refuses the fourth.
      const admitted = [];
      for (let i = 0; i < 4; i++)
        admitted.push((await admitIntentRequests(stack.pool, created.id, 1))[0]!.allowed);
      expect(admitted).toEqual([true, true, true, false]);

      const human = await runKeysCli(
        ['intent-limits', '--account', account, '--id', created.id, '--burst', 'default'],
        stack.pool,
      );
      expect(human).toMatch(/burst\s+1000\s+\(default\)/);
      expect(human).toMatch(/usd-per-day\s+0\.5\s+\(set for this key\)/);
      const reset = JSON.parse(
        await runKeysCli(
          ['intent-limits', '--account', account, '--id', created.id, '--reset', '--json'],
          stack.pool,
        ),
      );
      expect(reset.overrides).toEqual({});

      await expect(
        runKeysCli(['intent-limits', '--account', account, '--id', created.id, '--burst', '2.5'], stack.pool),
      ).rejects.toThrow(/--burst must be a positive whole number/);
      await expect(
        runKeysCli(
          ['intent-limits', '--account', account, '--id', created.id, '--min-reputation', '3'],
          stack.pool,
        ),
      ).rejects.toThrow(/--min-reputation must be a score from 0 to 1/);
      await expect(
        runKeysCli(['update', '--account', account, '--id', created.id, '--scopes', 'root'], stack.pool),
      ).rejects.toBeInstanceOf(CliError);
      await expect(
        runKeysCli(['update', '--account', account, '--id', created.id], stack.pool),
      ).rejects.toThrow(/at least one setting/);
    });

    it('runs as `npm run keys` against DATABASE_URL, with exit code 2 for mistakes', async () => {
      const run = (args: string[]) =>
        new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
          execFile(
            process.execPath,
            ['--import', 'tsx', 'scripts/keys.ts', ...args],
            { env: { ...process.env, DATABASE_URL: inject('databaseUrl') }, timeout: 60_000 },
            (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
          );
        });
      const created = await run([
        'create',
        '--account',
        accountId,
        '--name',
        'from-shell',
        '--scopes',
        'leads:read',
      ]);
      expect(created.code).toBe(0);
      const key = /API key \(shown once, store it now\): (lr_live_\w{43})/.exec(created.stdout)?.[1];
      expect(key).toBeDefined();
      expect((await stack.call('GET', '/leads', key!)).status).toBe(200);
      const listed = await run(['list', '--account', accountId, '--json']);
      expect(JSON.parse(listed.stdout).map((k: { name: string }) => k.name)).toContain('from-shell');
      const wrong = await run(['create', '--account', accountId]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('--name is required');
    });

    it('reports usage and input mistakes without touching other accounts', async () => {
      await expect(runKeysCli(['list'], stack.pool)).rejects.toBeInstanceOf(CliError);
      await expect(runKeysCli(['frobnicate', '--account', accountId], stack.pool)).rejects.toThrow(/usage/);
      await expect(runKeysCli(['list', '--account', 'acct_missing'], stack.pool)).rejects.toThrow(
        /No account/,
      );
      await expect(
        runKeysCli(['create', '--account', accountId, '--name', 'x', '--scopes', 'root'], stack.pool),
      ).rejects.toThrow(/scopes/);
      const { json: mine } = await stack.call('POST', '/api-keys', admin, {
        name: 'x',
        scopes: ['flows:read'],
      });
      const other = JSON.parse(await runKeysCli(['create-account', '--name', 'Other', '--json'], stack.pool));
      await expect(
        runKeysCli(['revoke', '--account', other.id, '--id', mine.id], stack.pool),
      ).rejects.toThrow(/No key/);
      expect((await stack.call('GET', '/flows', mine.key)).status).toBe(200);
    });
  });
});
