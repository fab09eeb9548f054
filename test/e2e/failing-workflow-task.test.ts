import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import { testPayloadKeys } from '../helpers/payload-keys.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';

// Found by the chaos tests on the production shape: after PostgreSQL came back, a resubmission (same
// Idempotency-Key) of a lead whose run was retrying its workflow task answered 500, because Temporal
// refuses updates to such a run (FAILED_PRECONDITION). The lead is durable and its run is running: the
// honest answer is 202, as for any lead not decided in time.
describe('a lead whose run is retrying a failed workflow task', () => {
  let stack: TestStack;
  let worker: Worker;
  let running: Promise<void>;
  let nativeConnection: NativeConnection;
  const taskQueue = `failing-${randomUUID()}`;

  beforeAll(async () => {
    stack = await startTestStack();
    nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
    worker = await Worker.create({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue,
      workflowsPath: fileURLToPath(new URL('../fixtures/failing-lead-workflow.ts', import.meta.url)),
      dataConverter: leadrailDataConverter(testPayloadKeys()),
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await nativeConnection?.close();
    await stack?.stop();
  });

  it('is answered 202 with its lead id, first and on a resubmission, never 500', async () => {
    const { key } = await stack.createAccount();
    const app = createApp({ pool: stack.pool, temporal: stack.client, taskQueue, logger: silentLogger });
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Failing run',
      steps: [
        { type: 'delivery', recipient: { name: 'Buyer', config: { url: 'http://127.0.0.1:9/leads' } } },
      ],
    });
    const submit = async () => {
      const res = await app.request(`/flows/${flow.json.id}/leads`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${key}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': 'k-1',
        },
        body: JSON.stringify({ lead: { email: 'failing@example.com' }, options: { timeout: 2000 } }),
      });
      return { status: res.status, json: (await res.json()) as { id?: string; error?: unknown } };
    };

    const first = await submit();
    expect(first.status, JSON.stringify(first.json)).toBe(202);
    const leadId = first.json.id!;
    // Its workflow task has failed three times: Temporal now refuses updates to the run at once.
    await expect
      .poll(
        async () => {
          const described = await stack.client.workflow.getHandle(leadId).describe();
          return described.raw.pendingWorkflowTask?.attempt ?? 0;
        },
        { timeout: 60_000, interval: 250 },
      )
      .toBeGreaterThanOrEqual(3);

    const again = await submit();
    expect(again.status, JSON.stringify(again.json)).toBe(202);
    expect(again.json.id).toBe(leadId);
  });
});
