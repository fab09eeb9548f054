import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../dev/ports.js';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { type ServiceProcess, startServiceProcess } from '../helpers/worker-process.js';

// With LEAD_EAGER_START (decision 22) the API process runs the synchronous leads it starts: their
// first workflow task, their later ones (sticky) and their deliveries. SIGKILLed with deliveries in
// flight, it loses no lead and delivers none twice: the runs time out of its queues and this test
// stack's worker (same task queue) finishes them, with the same idempotency key per delivery.
describe('an API process with its lead worker killed mid-delivery', { timeout: 180_000 }, () => {
  let stack: TestStack;
  let key: string;
  let api: ServiceProcess;
  let apiUrl: string;

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key } = await stack.createAccount());
    // api/main.ts with its own lead worker on this stack's task queue (the stack's worker polls it too).
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    api = await startServiceProcess('api/main.ts', port, {
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      INTENT_TASK_QUEUE: `intent-${randomUUID()}`,
      LEAD_EAGER_START: 'true',
      PORT: String(port),
    });
  });
  afterAll(async () => {
    await api?.kill();
    await stack?.stop();
  });

  it('every lead it started is delivered once, by another worker, and none is lost', async () => {
    // Each lead's first delivery hangs (the buyer is slow); a retry of the same key answers at once.
    const seen = new Set<string>();
    const buyer = await startRecipient((req) => {
      const idempotencyKey = String(req.headers['idempotency-key']);
      if (seen.has(idempotencyKey)) return { status: 200, body: { outcome: 'success' } };
      seen.add(idempotencyKey);
      return { status: 200, delayMs: 120_000 };
    });
    try {
      const flow = await stack.call('POST', '/flows', key, {
        name: `API crash ${randomUUID().slice(0, 6)}`,
        steps: [
          { type: 'delivery', recipient: { name: 'Buyer', config: { url: buyer.url, timeout_ms: 60_000 } } },
        ],
      });
      expect(flow.status, flow.text).toBe(201);
      const flowId = flow.json.id as string;

      const submissions = [0, 1, 2].map((i) =>
        fetch(`${apiUrl}/flows/${flowId}/leads`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            lead: { email: `crash-${i}-${randomUUID()}@example.com` },
            options: { timeout: 60_000 },
          }),
        }).then(
          (res) => res.status,
          () => 'cut' as const,
        ),
      );
      // All three deliveries are in flight in the API process.
      await expect.poll(() => buyer.requests.length, { timeout: 30_000 }).toBe(3);
      const killedAt = Date.now();
      await api.kill('SIGKILL');
      // The submitters never got an answer: their connections died with the process.
      expect(await Promise.all(submissions)).toEqual(['cut', 'cut', 'cut']);

      const { rows } = await stack.pool.query<{ id: string }>('SELECT id FROM leads WHERE flow_id = $1', [
        flowId,
      ]);
      expect(rows).toHaveLength(3);
      for (const { id } of rows) {
        const handle = stack.client.workflow.getHandle(id);
        expect((await handle.result()).status).toBe('delivered');
        const history = await handle.fetchHistory();
        // The run was started eagerly: it was the API process's, not the worker's, until the kill.
        expect(history.events![0]!.workflowExecutionStartedEventAttributes!.eagerExecutionAccepted).toBe(
          true,
        );
        // Its delivery's first attempt died with the API process: the second started within seconds
        // (the heartbeat timeout), not after the hung request's own timeout (60 s) in a live worker.
        const delivery = history.events!.find((e) => e.activityTaskStartedEventAttributes)!;
        expect(delivery.activityTaskStartedEventAttributes!.attempt).toBe(2);
        const startedAt = Number(delivery.eventTime!.seconds) * 1000 + (delivery.eventTime!.nanos ?? 0) / 1e6;
        expect(startedAt - killedAt).toBeLessThan(30_000);
        const delivered = await stack.pool.query(
          "SELECT count(*)::int AS n FROM lead_events WHERE lead_id = $1 AND type = 'delivered'",
          [id],
        );
        expect(delivered.rows[0].n).toBe(1);
      }
      // Each lead's delivery was sent twice with one key: the hung one and the retry.
      expect(buyer.requests).toHaveLength(6);
      expect(seen.size).toBe(3);
    } finally {
      await buyer.close();
    }
  });

  it('on SIGTERM it stops its lead worker and exits cleanly', async () => {
    const port = await freePort();
    const orderly = await startServiceProcess('api/main.ts', port, {
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      INTENT_TASK_QUEUE: `intent-${randomUUID()}`,
      LEAD_EAGER_START: 'true',
      PORT: String(port),
    });
    // HTTP closed, then the intent and lead workers, their connection and both Postgres pools: exit 0.
    await orderly.kill('SIGTERM');
    expect(await orderly.exited).toBe(0);
  });
});
