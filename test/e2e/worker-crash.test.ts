import { randomUUID } from 'node:crypto';
import { Client, Connection, ServiceError, type WorkflowClientInterceptor } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import { testPayloadKeys } from '../helpers/payload-keys.js';
import { startRecipient } from '../helpers/recipient.js';
import { rescueWorkers } from '../helpers/rescue-workers.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';
import { startWorkerProcess } from '../helpers/worker-process.js';

// The production worker, SIGKILLed at the two worst moments: holding a lead's first workflow task
// (the update the submitter waits on can be lost), and in the middle of a delivery.
// Each case waits out a workflow-task or heartbeat timeout after a kill: give them room on a busy machine.
describe('a worker killed mid-run', { timeout: 180_000 }, () => {
  let stack: TestStack;
  let key: string;
  const rescuers = rescueWorkers(() => stack);

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key } = await stack.createAccount());
  });
  afterAll(async () => {
    await rescuers.stopAll();
    await stack?.stop();
  });

  async function flowTo(url: string) {
    const flow = await stack.call('POST', '/flows', key, {
      name: `Crash ${randomUUID().slice(0, 6)}`,
      delivery_retry: { initial_interval_ms: 200, maximum_interval_ms: 1000, maximum_attempts: 5 },
      steps: [{ type: 'delivery', recipient: { name: 'Buyer', config: { url, timeout_ms: 60_000 } } }],
    });
    expect(flow.status).toBe(201);
    return flow.json.id as string;
  }

  it('killed holding the first workflow task: the submitter gets the lead’s real outcome, not 500', async () => {
    const buyer = await startRecipient();
    const taskQueue = `crash-${randomUUID()}`;
    const db = new URL(inject('databaseUrl'));
    const proxy = await startTcpProxy({ host: db.hostname, port: Number(db.port) });
    db.host = proxy.address;
    const doomed = await startWorkerProcess({ taskQueue, databaseUrl: db.toString() });
    try {
      const flowId = await flowTo(buyer.url);
      const app = createApp({ pool: stack.pool, temporal: stack.client, taskQueue, logger: silentLogger });
      // Its Postgres stops answering: the worker takes the lead's first task and hangs in its first
      // local activity (recording the lead), holding the task.
      proxy.pause();
      const answer = app.request(`/flows/${flowId}/leads`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ lead: { email: 'first-task@example.com' }, options: { timeout: 90_000 } }),
      });
      await expect.poll(() => proxy.heldBytes, { timeout: 30_000 }).toBeGreaterThan(0);
      await doomed.kill('SIGKILL');
      await proxy.cut();
      await rescuers.start(taskQueue);

      const res = await answer;
      const body = (await res.json()) as { id: string; status: string };
      expect(res.status, JSON.stringify(body)).toBe(201);
      expect(body.status).toBe('delivered');
      // One lead, delivered once.
      const leads = await stack.pool.query('SELECT id, status FROM leads WHERE flow_id = $1', [flowId]);
      expect(leads.rows).toEqual([{ id: body.id, status: 'delivered' }]);
      expect(buyer.requests).toHaveLength(1);
    } finally {
      await doomed.kill();
      await proxy.close();
      await buyer.close();
    }
  });

  it('an update-with-start whose update is lost: the run finished without it, the submitter still gets its outcome', async () => {
    // What a worker dying with the lead's first task does at worst (seen in a chaos run): the retried
    // task does not carry the update, the run completes without it, and the SDK's resend of
    // update-with-start meets a closed run. Staged with a client interceptor around the real call.
    const buyer = await startRecipient();
    try {
      const flowId = await flowTo(buyer.url);
      const connection = await Connection.connect({ address: inject('temporalAddress') });
      const losing: WorkflowClientInterceptor = {
        async startUpdateWithStart(input, next) {
          const output = await next(input);
          await client.workflow.getHandle(output.workflowExecution.workflowId!).result();
          throw new ServiceError('Workflow was not started: StartDeduped');
        },
      };
      const client = new Client({
        connection,
        namespace: 'default',
        interceptors: { workflow: [losing] },
        dataConverter: leadrailDataConverter(testPayloadKeys()),
      });
      try {
        const app = createApp({
          pool: stack.pool,
          temporal: client,
          taskQueue: stack.taskQueue,
          logger: silentLogger,
        });
        const res = await app.request(`/flows/${flowId}/leads`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ lead: { email: 'lost-update@example.com' } }),
        });
        const body = (await res.json()) as { id: string; status: string };
        expect(res.status, JSON.stringify(body)).toBe(201);
        expect(body).toMatchObject({ id: expect.stringMatching(/^lead_/), status: 'delivered' });
        expect(buyer.requests).toHaveLength(1);
      } finally {
        await connection.close();
      }
    } finally {
      await buyer.close();
    }
  });

  it('killed mid-delivery: another worker retries the delivery within seconds, same idempotency key', async () => {
    // The first request hangs (the buyer is slow); later ones answer at once.
    const buyer = await startRecipient((_req, attempt) =>
      attempt === 1 ? { status: 200, delayMs: 120_000 } : { status: 200, body: { outcome: 'success' } },
    );
    const taskQueue = `crash-${randomUUID()}`;
    const doomed = await startWorkerProcess({ taskQueue });
    try {
      const flowId = await flowTo(buyer.url);
      const app = createApp({ pool: stack.pool, temporal: stack.client, taskQueue, logger: silentLogger });
      const accepted = await app.request(`/flows/${flowId}/leads`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ lead: { email: 'mid-delivery@example.com' }, options: { async: true } }),
      });
      const { id } = (await accepted.json()) as { id: string };
      await expect.poll(() => buyer.requests.length, { timeout: 30_000 }).toBe(1);
      await doomed.kill('SIGKILL');
      const killedAt = Date.now();
      await rescuers.start(taskQueue);

      await expect.poll(() => buyer.requests.length, { timeout: 60_000, interval: 200 }).toBe(2);
      // Within the heartbeat timeout (5 s) and a retry, not the 90 s start-to-close timeout.
      expect(Date.now() - killedAt).toBeLessThan(30_000);
      const keys = buyer.requests.map((r) => r.headers['idempotency-key']);
      expect(keys[1]).toBe(keys[0]);
      const final = await stack.client.workflow.getHandle(id).result();
      expect(final.status).toBe('delivered');
    } finally {
      await doomed.kill();
      await buyer.close();
    }
  });
});
