import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { type AvailabilityMonitor, monitorAvailability } from '../../api/availability.js';
import { createPool, type Pool } from '../../db/pool.js';
import { connectClient } from '../../temporal/connect.js';
import { testPayloadKeys } from '../helpers/payload-keys.js';
import { startRecipient } from '../helpers/recipient.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

// Outages answer 503 service_unavailable with Retry-After, naming the component, within seconds: the
// API's Postgres and Temporal connections run through TCP proxies the test cuts (a host gone from the
// network), while the worker keeps its own connections.
describe('outages: 503 with Retry-After naming the component', () => {
  let stack: TestStack;
  let key: string;
  let flowId: string;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;
  let dbProxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let temporalProxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let pool: Pool;
  let monitor: AvailabilityMonitor;
  let closeTemporal: () => Promise<void>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    stack = await startTestStack();
    buyer = await startRecipient();
    ({ key } = await stack.createAccount());
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Outages',
      steps: [{ type: 'delivery', recipient: { name: 'Buyer', config: { url: buyer.url } } }],
    });
    flowId = flow.json.id;

    const db = new URL(inject('databaseUrl'));
    dbProxy = await startTcpProxy({ host: db.hostname, port: Number(db.port) });
    const [tHost, tPort] = inject('temporalAddress').split(':');
    temporalProxy = await startTcpProxy({ host: tHost!, port: Number(tPort) });
    db.host = dbProxy.address;
    pool = createPool(db.toString(), 5);
    const { client, connection } = await connectClient(temporalProxy.address, 'default', testPayloadKeys());
    closeTemporal = () => connection.close();
    monitor = monitorAvailability({ databaseUrl: db.toString(), temporal: client }, { intervalMs: 250 });
    app = createApp({
      pool,
      temporal: client,
      taskQueue: stack.taskQueue,
      logger: silentLogger,
      availability: monitor,
    });
  });
  afterAll(async () => {
    monitor?.stop();
    await dbProxy?.close();
    await temporalProxy?.close();
    await pool?.end().catch(() => {});
    await closeTemporal?.();
    await buyer?.close();
    await stack?.stop();
  });

  const submit = (options: Record<string, unknown> = {}) =>
    app.request(`/flows/${flowId}/leads`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ lead: { email: `${randomUUID()}@example.com` }, options }),
    });

  async function expectUnavailable(res: Response, component: 'database' | 'temporal') {
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toMatch(/^\d+$/);
    // biome-ignore lint/suspicious/noExplicitAny: error bodies are inspected field by field
    const body = (await res.json()) as any;
    expect(body.error).toMatchObject({ code: 'service_unavailable', request_id: expect.any(String) });
    expect(body.error.details).toEqual([expect.objectContaining({ code: 'service_unavailable', component })]);
    return body;
  }

  it('serves normally through the proxies', async () => {
    expect((await submit()).status).toBe(201);
  });

  it('Temporal down: submissions answer 503 naming temporal within seconds, then recover', async () => {
    await temporalProxy.cut();
    try {
      const started = Date.now();
      await expectUnavailable(await submit(), 'temporal');
      // Far below the ~20 s the Temporal client would spend retrying an unreachable frontend.
      expect(Date.now() - started).toBeLessThan(10_000);
      // Once the monitor knows, at once, async submissions included.
      await expectUnavailable(await submit({ async: true }), 'temporal');
      const ready = await app.request('/readyz');
      expect(ready.status).toBe(503);
      // Reads that need only Postgres still answer.
      expect((await app.request('/flows', { headers: { Authorization: `Bearer ${key}` } })).status).toBe(200);
    } finally {
      await temporalProxy.restore();
    }
    await expect.poll(async () => (await submit()).status, { timeout: 20_000, interval: 500 }).toBe(201);
  });

  it('Temporal lost while a submission waits: 503 naming temporal and the lead it started', async () => {
    const slowBuyer = await startRecipient(() => ({ status: 200, delayMs: 4000 }));
    try {
      const flow = await stack.call('POST', '/flows', key, {
        name: 'Slow',
        steps: [
          {
            type: 'delivery',
            recipient: { name: 'Slow', config: { url: slowBuyer.url, timeout_ms: 10_000 } },
          },
        ],
      });
      const pending = app.request(`/flows/${flow.json.id}/leads`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ lead: { email: 'wait@example.com' } }),
      });
      await expect.poll(() => slowBuyer.requests.length, { timeout: 10_000 }).toBe(1);
      await temporalProxy.cut();
      const cutAt = Date.now();
      const res = await pending;
      const body = await expectUnavailable(res, 'temporal');
      expect(Date.now() - cutAt).toBeLessThan(10_000);
      // The lead was started (and goes on in the worker): the answer names it.
      expect(body.error.lead_id).toMatch(/^lead_/);
      expect(res.headers.get('X-Lead-Id')).toBe(body.error.lead_id);
      await temporalProxy.restore();
      const final = await stack.client.workflow.getHandle(body.error.lead_id).result();
      expect(final.status).toBe('delivered');
    } finally {
      await temporalProxy.restore();
      await slowBuyer.close();
    }
  });

  it('Postgres down: every authenticated route answers 503 naming the database, then recovers', async () => {
    await expect.poll(async () => (await submit()).status, { timeout: 20_000, interval: 500 }).toBe(201);
    await dbProxy.cut();
    try {
      const started = Date.now();
      await expectUnavailable(await submit(), 'database');
      await expectUnavailable(
        await app.request('/flows', { headers: { Authorization: `Bearer ${key}` } }),
        'database',
      );
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await app.request('/readyz')).status).toBe(503);
    } finally {
      await dbProxy.restore();
    }
    await expect.poll(async () => (await submit()).status, { timeout: 20_000, interval: 500 }).toBe(201);
  });

  it('without a monitor, an outage error still answers 503, not 500', async () => {
    const bare = createApp({
      pool,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      logger: silentLogger,
    });
    await dbProxy.cut();
    try {
      await expectUnavailable(
        await bare.request('/flows', { headers: { Authorization: `Bearer ${key}` } }),
        'database',
      );
    } finally {
      await dbProxy.restore();
    }
  });
});
