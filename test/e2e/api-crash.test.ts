import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../dev/ports.js';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// With LEAD_EAGER_START (decision 22) the API process runs the synchronous leads it starts: their
// first workflow task, their later ones (sticky) and their deliveries. SIGKILLed with deliveries in
// flight, it loses no lead and delivers none twice: the runs time out of its queues and this test
// stack's worker (same task queue) finishes them, with the same idempotency key per delivery.
describe('an API process with its lead worker killed mid-delivery', { timeout: 180_000 }, () => {
  let stack: TestStack;
  let key: string;
  let api: { url: string; child: ChildProcess; exited: Promise<unknown>; stderr: () => string };

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key } = await stack.createAccount());
    api = await startApiProcess(stack.taskQueue);
  });
  afterAll(async () => {
    if (api && api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
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
        fetch(`${api.url}/flows/${flowId}/leads`, {
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
      api.child.kill('SIGKILL');
      await api.exited;
      // The submitters never got an answer: their connections died with the process.
      expect(await Promise.all(submissions)).toEqual(['cut', 'cut', 'cut']);

      const { rows } = await stack.pool.query<{ id: string }>('SELECT id FROM leads WHERE flow_id = $1', [
        flowId,
      ]);
      expect(rows).toHaveLength(3);
      for (const { id } of rows) {
        const handle = stack.client.workflow.getHandle(id);
        const history = await handle.fetchHistory();
        // The run was started eagerly: it was the API process's, not the worker's, until the kill.
        expect(history.events![0]!.workflowExecutionStartedEventAttributes!.eagerExecutionAccepted).toBe(
          true,
        );
        expect((await handle.result()).status).toBe('delivered');
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
});

/** api/main.ts as a child process on the shared test servers, with its own lead worker on `taskQueue`. */
async function startApiProcess(taskQueue: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: inject('databaseUrl'),
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      PAYLOAD_ENCRYPTION_KEYS: inject('payloadEncryptionKeys'),
      TEMPORAL_TASK_QUEUE: taskQueue,
      INTENT_TASK_QUEUE: `intent-${randomUUID()}`,
      WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
      INTENT_WORKFLOW_BUNDLE_PATH: inject('intentWorkflowBundlePath'),
      LEAD_EAGER_START: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`api exited (${child.exitCode}): ${stderr}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`api did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, exited, stderr: () => stderr };
}
