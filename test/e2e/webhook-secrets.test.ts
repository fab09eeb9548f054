import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../client/webhooks.js';
import { type ReceivedRequest, startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

type Recipient = Awaited<ReturnType<typeof startRecipient>>;

/** The v1 signatures of a header, checked here by hand (HMAC-SHA256 of `<t>.<body>`), not by our code. */
function v1Signatures(header: string): string[] {
  return header
    .split(',')
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3));
}
function signs(secret: string, hook: ReceivedRequest): boolean {
  const header = hook.headers['x-leadrail-signature'] as string;
  const t = /^t=(\d+),/.exec(header)?.[1];
  const expected = createHmac('sha256', secret).update(`${t}.${hook.body}`).digest('hex');
  return v1Signatures(header).includes(expected);
}

describe('webhook signing secrets: read, rotate with an overlap, tenant-isolated, sealed at rest', () => {
  let stack: TestStack;
  let admin: { key: string; accountId: string };
  let hooks: Recipient;
  let flowId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await stack.createAccount();
    hooks = await startRecipient(() => ({ status: 200, body: {} }));
    const flow = await stack.call('POST', '/flows', admin.key, {
      name: 'Webhooks',
      settings: { notifications: { webhook_url: hooks.url, events: ['lead.received'] } },
    });
    expect(flow.status, JSON.stringify(flow.json)).toBe(201);
    flowId = flow.json.id;
  });
  afterAll(async () => {
    await hooks?.close();
    await stack?.stop();
  });

  /** Submits a lead and returns the lead.received webhook it fired. */
  async function webhookOfNewLead(): Promise<ReceivedRequest> {
    const res = await stack.call('POST', `/flows/${flowId}/leads`, admin.key, {
      lead: { first_name: 'Ana', email: `ana.${Date.now()}@example.com` },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const leadId = res.json.id as string;
    await stack.client.workflow.getHandle(leadId).result();
    for (let i = 0; i < 200; i++) {
      const hook = hooks.requests.find(
        (r) => r.json() && (r.json() as { lead_id: string }).lead_id === leadId,
      );
      if (hook) return hook;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no webhook for ${leadId}`);
  }

  it('gives an admin key its secret, stores it sealed, and signs webhooks with it', async () => {
    const res = await stack.call('GET', '/webhooks/secret', admin.key);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.json).toMatchObject({
      secret: expect.stringMatching(/^whsec_[0-9a-f]{48}$/),
      rotated_at: null,
      previous: null,
      signature_header: 'X-Leadrail-Signature',
    });
    // At rest: sealed, the secret nowhere in the row.
    const { rows } = await stack.pool.query('SELECT * FROM accounts WHERE id = $1', [admin.accountId]);
    expect(rows[0].webhook_secret).toMatch(/^sealed:/);
    expect(JSON.stringify(rows[0])).not.toContain(res.json.secret);
    // Served by /api/v1 too, as every route.
    expect((await stack.call('GET', '/api/v1/webhooks/secret', admin.key)).json.secret).toBe(res.json.secret);

    const hook = await webhookOfNewLead();
    expect(v1Signatures(hook.headers['x-leadrail-signature'] as string)).toHaveLength(1);
    expect(signs(res.json.secret, hook)).toBe(true);
  });

  it('needs the admin scope and a live key; each tenant sees only its own secret', async () => {
    const reader = await stack.createAccount({ scopes: ['leads:read', 'leads:write'] });
    const denied = await stack.call('GET', '/webhooks/secret', reader.key);
    expect(denied.status).toBe(403);
    expect(denied.json.error.details[0].required_scope).toBe('admin');
    const rotateDenied = await stack.call('POST', '/webhooks/secret/rotate', reader.key, {});
    expect(rotateDenied.status).toBe(403);

    const testKey = await stack.createAccount({ mode: 'test' });
    expect((await stack.call('GET', '/webhooks/secret', testKey.key)).status).toBe(403);

    const other = await stack.createAccount();
    const mine = (await stack.call('GET', '/webhooks/secret', admin.key)).json.secret;
    const theirs = (await stack.call('GET', '/webhooks/secret', other.key)).json.secret;
    expect(theirs).not.toBe(mine);
    // Rotating another tenant's secret leaves ours alone.
    expect((await stack.call('POST', '/webhooks/secret/rotate', other.key, {})).status).toBe(200);
    expect((await stack.call('GET', '/webhooks/secret', admin.key)).json.secret).toBe(mine);
  });

  it('rotates: both secrets sign during the overlap (two v1=), then only the new one', async () => {
    const before = (await stack.call('GET', '/webhooks/secret', admin.key)).json.secret as string;
    const rotated = await stack.call('POST', '/webhooks/secret/rotate', admin.key);
    expect(rotated.status).toBe(200);
    const after = rotated.json.secret as string;
    expect(after).toMatch(/^whsec_[0-9a-f]{48}$/);
    expect(after).not.toBe(before);
    expect(rotated.json.previous.secret).toBe(before);
    // The documented default overlap: 24 hours from the rotation.
    expect(Date.parse(rotated.json.previous.expires_at) - Date.parse(rotated.json.rotated_at)).toBe(
      86_400_000,
    );
    expect((await stack.call('GET', '/webhooks/secret', admin.key)).json).toEqual(rotated.json);

    const during = await webhookOfNewLead();
    const header = during.headers['x-leadrail-signature'] as string;
    expect(v1Signatures(header)).toHaveLength(2);
    expect(signs(after, during)).toBe(true);
    expect(signs(before, during)).toBe(true);
    // A receiver holding either secret verifies with the SDK's verifier too.
    for (const secret of [before, after])
      expect(await verifyWebhook({ secret, rawBody: during.body, signature: header })).toBe(true);
    expect(await verifyWebhook({ secret: 'whsec_wrong', rawBody: during.body, signature: header })).toBe(
      false,
    );

    // Rotating with no overlap: the replaced secret stops signing at once.
    const cut = await stack.call('POST', '/webhooks/secret/rotate', admin.key, { overlap_seconds: 0 });
    expect(cut.status).toBe(200);
    expect(cut.json.previous).toBeNull();
    const later = await webhookOfNewLead();
    expect(v1Signatures(later.headers['x-leadrail-signature'] as string)).toHaveLength(1);
    expect(signs(cut.json.secret, later)).toBe(true);
    expect(signs(after, later)).toBe(false);
    expect(signs(before, later)).toBe(false);
  });

  it('refuses an overlap beyond 7 days in the documented error shape', async () => {
    const res = await stack.call('POST', '/webhooks/secret/rotate', admin.key, {
      overlap_seconds: 8 * 86_400,
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'overlap_seconds' }],
    });
  });

  it('reads and rotates from the CLI (npm run ops) over HTTP', async () => {
    const server = serve({ fetch: stack.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const env = {
      ...process.env,
      LEADRAIL_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      LEADRAIL_API_KEY: admin.key,
    };
    const ops = async (...args: string[]) =>
      JSON.parse(
        (await promisify(execFile)('node', ['--import', 'tsx', 'scripts/ops.ts', ...args], { env })).stdout,
      );
    try {
      const current = await ops('webhook-secret');
      expect(current.secret).toBe((await stack.call('GET', '/webhooks/secret', admin.key)).json.secret);
      const rotated = await ops('webhook-secret-rotate', '--overlap', '60');
      expect(rotated.previous.secret).toBe(current.secret);
      expect(Date.parse(rotated.previous.expires_at) - Date.parse(rotated.rotated_at)).toBe(60_000);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
