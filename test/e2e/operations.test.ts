import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { NativeConnection } from '@temporalio/worker';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { createApp } from '../../api/app.js';
import { insertAccount, issueApiKey } from '../../db/accounts.js';
import { createPool } from '../../db/pool.js';
import { freePort } from '../../dev/ports.js';
import { connectClient } from '../../temporal/connect.js';
import { createLeadWorker } from '../../temporal/lead-worker.js';
import type { leadWorkflow } from '../../workflows/lead.js';
import { testPayloadKeys, testPayloadKeysSpec } from '../helpers/payload-keys.js';
import { startRecipient } from '../helpers/recipient.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';

// Running Leadrail in production: health probes, metrics on the API and the worker, structured logs
// without personal data, and a worker process that drains in-flight work on SIGTERM.
describe('operations', () => {
  let stack: TestStack;
  let key: string;

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key } = await stack.createAccount());
  });
  afterAll(async () => stack?.stop());

  it('tells alive from ready, and reports dependencies on /healthz', async () => {
    expect((await stack.call('GET', '/livez', null)).json).toEqual({ status: 'ok' });
    expect((await stack.call('GET', '/readyz', null)).status).toBe(200);
    const health = await stack.call('GET', '/healthz', null);
    expect(health.json).toMatchObject({
      status: 'healthy',
      database: 'connected',
      temporal: 'connected',
      llm_service: 'disabled',
    });

    // The same app with its database gone: still alive, not ready, degraded.
    const deadPool = createPool(`postgres://postgres:x@127.0.0.1:${await freePort()}/none`, 1);
    const broken = createApp({
      pool: deadPool,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      logger: silentLogger,
    });
    expect((await broken.request('/livez')).status).toBe(200);
    expect((await broken.request('/readyz')).status).toBe(503);
    const degraded = await broken.request('/healthz');
    expect(degraded.status).toBe(503);
    expect(await degraded.json()).toMatchObject({
      status: 'degraded',
      database: 'disconnected',
      temporal: 'connected',
    });
    await deadPool.end();
  });

  it('exposes request and pipeline metrics on /metrics', async () => {
    const buyer = await startRecipient();
    const flow = await stack.call('POST', '/flows', key, {
      name: 'metrics',
      steps: [{ type: 'delivery', recipient: { name: 'B', config: { url: buyer.url } } }],
    });
    await stack.call('POST', `/flows/${flow.json.id}/leads`, key, { lead: { email: 'm@example.com' } });
    await buyer.close();
    const text = (await stack.call('GET', '/metrics', null)).text;
    expect(text).toMatch(
      /leadpoet_api_requests_total\{endpoint="\/flows\/:flow_id\/leads",method="POST",status="201"\} \d+/,
    );
    expect(text).toContain(
      'leadpoet_api_request_duration_seconds_bucket{le="0.1",endpoint="/flows/:flow_id/leads",method="POST"}',
    );
    expect(text).toContain('le="0.4"');
    expect(text).toMatch(/leadrail_lead_transitions_total\{status="delivered",rejection=""\} \d+/);
    expect(text).toMatch(/leadrail_delivery_attempts_total\{outcome="success"\} \d+/);
    expect(text).toContain('leadpoet_cost_per_lead_usd');
  });

  it('logs one structured line per request with ids, and no personal data or keys', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    const app = createApp({ pool: stack.pool, temporal: stack.client, taskQueue: stack.taskQueue, logger });
    const flow = await stack.call('POST', '/flows', key, {
      name: 'logs',
      settings: { required_fields: ['email'] },
    });
    const res = await app.request(`/flows/${flow.json.id}/leads`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ lead: { email: 'secret.person@example.com', phone: '2125550147' } }),
    });
    expect(res.status).toBe(201);
    const entry = JSON.parse(lines.find((l) => l.includes('"route":"/flows/:flow_id/leads"'))!);
    expect(entry).toMatchObject({
      requestId: res.headers.get('X-Request-Id'),
      method: 'POST',
      status: 201,
      keyId: expect.stringMatching(/^key_/),
      leadId: res.headers.get('X-Lead-Id'),
    });
    const all = lines.join('');
    for (const secret of ['secret.person', '2125550147', key]) expect(all).not.toContain(secret);
  });
});

describe('worker process', () => {
  let worker: ChildProcess | undefined;
  afterAll(() => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
  });

  it('serves its own and the Temporal SDK’s metrics, and drains an in-flight delivery on SIGTERM', async () => {
    const taskQueue = `proc-${randomUUID()}`;
    const metricsPort = await freePort();
    let output = '';
    worker = spawn(process.execPath, ['--import', 'tsx', 'worker.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: inject('databaseUrl'),
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        PAYLOAD_ENCRYPTION_KEYS: testPayloadKeysSpec(),
        TEMPORAL_TASK_QUEUE: taskQueue,
        WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
        WORKER_METRICS_PORT: String(metricsPort),
        HOST: '127.0.0.1',
        MIGRATE_ON_START: 'false',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (c) => (output += c));
    worker.stderr?.on('data', (c) => (output += c));
    await expect.poll(() => output.includes('worker started'), { timeout: 60_000, interval: 200 }).toBe(true);

    // A lead whose buyer answers slowly, so the worker is mid-delivery when it is told to stop.
    const pool = createPool(inject('databaseUrl'), 2);
    const { client, connection } = await connectClient(
      inject('temporalAddress'),
      'default',
      testPayloadKeys(),
    );
    const account = await insertAccount(pool, 'worker process');
    const { key } = await issueApiKey(pool, account.id);
    const app = createApp({ pool, temporal: client, taskQueue, logger: silentLogger });
    const buyer = await startRecipient(() => ({ status: 200, delayMs: 2000 }));
    try {
      const flow = await app.request('/flows', {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name: 'drain',
          steps: [{ type: 'delivery', recipient: { name: 'Slow', config: { url: buyer.url } } }],
        }),
      });
      const flowId = ((await flow.json()) as { id: string }).id;
      const submitted = await app.request(`/flows/${flowId}/leads`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ lead: { email: 'drain@example.com' }, options: { async: true } }),
      });
      const leadId = ((await submitted.json()) as { id: string }).id;

      const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      expect(metrics).toContain('process_cpu_seconds_total'); // ours (prom-client)
      expect(metrics).toMatch(/temporal_(worker_task_slots_available|request|num_pollers)/); // the SDK's

      await expect.poll(() => buyer.requests.length, { timeout: 15_000 }).toBe(1);
      worker.kill('SIGTERM');
      const exitCode = await new Promise<number | null>((resolve) =>
        worker!.once('exit', (code) => resolve(code)),
      );
      expect(exitCode).toBe(0);
      // The delivery in flight finished before the worker exited (its result is in Temporal). A new
      // worker picks the lead up where it stopped: it is recorded delivered, and sent only once.
      const native = await NativeConnection.connect({ address: inject('temporalAddress') });
      const restarted = await createLeadWorker({
        connection: native,
        namespace: 'default',
        taskQueue,
        payloadKeys: testPayloadKeys(),
        activities: createActivities({ pool, temporal: { client, taskQueue } }),
        workflowBundlePath: inject('workflowBundlePath'),
      });
      const final = await restarted.runUntil(client.workflow.getHandle<typeof leadWorkflow>(leadId).result());
      await native.close();
      expect(final.status).toBe('delivered');
      const events = await pool.query("SELECT 1 FROM lead_events WHERE lead_id = $1 AND type = 'delivered'", [
        leadId,
      ]);
      expect(events.rowCount).toBe(1);
      expect(buyer.requests).toHaveLength(1);
      expect(output).not.toContain('drain@example.com');
    } finally {
      await buyer.close();
      await connection.close();
      await pool.end();
    }
  });
});
