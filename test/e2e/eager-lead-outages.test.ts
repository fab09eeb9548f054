import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { type AvailabilityMonitor, monitorAvailability } from '../../api/availability.js';
import { startRecipient } from '../helpers/recipient.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

// A Temporal outage with LEAD_EAGER_START on (decisions 22 and 24): the eager start goes over the lead
// worker's native connection, the run's answer comes from its worker or by update, and a submission
// still answers 503 naming temporal (with the lead, once started) within seconds, as update-with-start
// does (test/e2e/outages.test.ts).
describe('outages with eager lead starts: 503 naming temporal', () => {
  let stack: TestStack;
  let key: string;
  let temporalProxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let monitor: AvailabilityMonitor;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const [host, port] = inject('temporalAddress').split(':');
    temporalProxy = await startTcpProxy({ host: host!, port: Number(port) });
    // The whole stack (its worker, the eager client, the API's client) reaches Temporal through the proxy.
    stack = await startTestStack({
      eagerLeads: true,
      runtime: {
        databaseUrl: inject('databaseUrl'),
        temporalAddress: temporalProxy.address,
        workflowBundlePath: inject('workflowBundlePath'),
        intentWorkflowBundlePath: inject('intentWorkflowBundlePath'),
      },
    });
    ({ key } = await stack.createAccount());
    monitor = monitorAvailability(
      { databaseUrl: inject('databaseUrl'), temporal: stack.client },
      { intervalMs: 250 },
    );
    app = createApp({
      pool: stack.pool,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      eagerLeadStart: stack.eagerLeadStart!,
      logger: silentLogger,
      availability: monitor,
    });
  });
  afterAll(async () => {
    monitor?.stop();
    await temporalProxy?.restore();
    await stack?.stop();
    await temporalProxy?.close();
  });

  const submit = (flowId: string) =>
    app.request(`/flows/${flowId}/leads`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ lead: { email: `${randomUUID()}@example.com` } }),
    });
  const flowTo = async (url: string) => {
    const flow = await stack.call('POST', '/flows', key, {
      name: `Eager outage ${randomUUID().slice(0, 6)}`,
      steps: [{ type: 'delivery', recipient: { name: 'Buyer', config: { url, timeout_ms: 10_000 } } }],
    });
    expect(flow.status, flow.text).toBe(201);
    return flow.json.id as string;
  };
  async function expectTemporalUnavailable(res: Response) {
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toMatch(/^\d+$/);
    const body = (await res.json()) as { error: { lead_id?: string; details: unknown[] } };
    expect(body.error.details).toEqual([expect.objectContaining({ component: 'temporal' })]);
    return body;
  }

  it('Temporal down: a synchronous submission answers 503 within seconds, then recovers', async () => {
    const buyer = await startRecipient();
    try {
      const flowId = await flowTo(buyer.url);
      const before = await submit(flowId);
      expect(before.status).toBe(201);
      // The fast path is the one under test: that lead's run was started eagerly.
      const { id } = (await before.json()) as { id: string };
      const history = await stack.client.workflow.getHandle(id).fetchHistory();
      expect(history.events![0]!.workflowExecutionStartedEventAttributes!.eagerExecutionAccepted).toBe(true);
      await temporalProxy.cut();
      try {
        const started = Date.now();
        await expectTemporalUnavailable(await submit(flowId));
        expect(Date.now() - started).toBeLessThan(10_000);
      } finally {
        await temporalProxy.restore();
      }
      await expect
        .poll(async () => (await submit(flowId)).status, { timeout: 30_000, interval: 500 })
        .toBe(201);
    } finally {
      await buyer.close();
    }
  });

  it('Temporal lost while a submission waits: 503 naming the lead, which is delivered once Temporal is back', async () => {
    const slow = await startRecipient(() => ({ status: 200, delayMs: 3000 }));
    try {
      const flowId = await flowTo(slow.url);
      const pending = submit(flowId);
      await expect.poll(() => slow.requests.length, { timeout: 10_000 }).toBe(1);
      await temporalProxy.cut();
      const cutAt = Date.now();
      const res = await pending;
      const body = await expectTemporalUnavailable(res);
      expect(Date.now() - cutAt).toBeLessThan(10_000);
      expect(body.error.lead_id).toMatch(/^lead_/);
      await temporalProxy.restore();
      const final = await stack.client.workflow.getHandle(body.error.lead_id!).result();
      expect(final.status).toBe('delivered');
    } finally {
      await temporalProxy.restore();
      await slow.close();
    }
  });
});
