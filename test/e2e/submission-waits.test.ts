import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import { testPayloadKeys } from '../helpers/payload-keys.js';
import { startRecipient } from '../helpers/recipient.js';
import { countServiceCalls } from '../helpers/service-calls.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';

// A submission that answers 202 (its wait ran out) leaves nothing running behind it: the update poll
// it started is cancelled with the request (a batch could otherwise leave a thousand long-polls).
describe('a submission’s wait ends with its answer', () => {
  let stack: TestStack;
  let key: string;

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key } = await stack.createAccount());
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('no update poll outlives a 202', async () => {
    const slow = await startRecipient(() => ({ status: 200, delayMs: 3000 }));
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    // Count the calls that wait on the update (the start-and-wait, then its polls) in flight here.
    const calls = countServiceCalls(connection, ['executeMultiOperation', 'pollWorkflowExecutionUpdate']);
    try {
      const client = new Client({
        connection,
        namespace: 'default',
        dataConverter: leadrailDataConverter(testPayloadKeys()),
      });
      const app = createApp({
        pool: stack.pool,
        temporal: client,
        taskQueue: stack.taskQueue,
        logger: silentLogger,
      });
      const flow = await stack.call('POST', '/flows', key, {
        name: 'Slow buyer',
        steps: [{ type: 'delivery', recipient: { name: 'Slow', config: { url: slow.url } } }],
      });
      const res = await app.request(`/flows/${flow.json.id}/leads`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ lead: { email: 'waits@example.com' }, options: { timeout: 500 } }),
      });
      expect(res.status).toBe(202);
      const { id } = (await res.json()) as { id: string };
      expect(calls.made()).toBeGreaterThan(0);
      // Cancelled with the answer (a long-poll left running would last until the lead is decided).
      await expect.poll(() => calls.inFlight(), { timeout: 2000, interval: 50 }).toBe(0);
      expect((await stack.client.workflow.getHandle(id).result()).status).toBe('delivered');
    } finally {
      await connection.close();
      await slow.close();
    }
  });
});
