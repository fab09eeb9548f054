import { NativeConnection, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { createLeadWorker } from '../../temporal/lead-worker.js';
import { testPayloadKeys } from './payload-keys.js';
import type { TestStack } from './stack.js';

/**
 * Lead workers started in the test's own process to take over a task queue after the worker process
 * serving it was killed (test/e2e/worker-crash.test.ts, the auction's crash case). `stopAll` shuts them
 * down and closes their connections.
 */
export function rescueWorkers(stack: () => TestStack) {
  const started: Array<{ worker: Worker; running: Promise<void>; connection: NativeConnection }> = [];
  return {
    async start(taskQueue: string): Promise<void> {
      const { pool, client } = stack();
      const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
      const worker = await createLeadWorker({
        connection,
        namespace: 'default',
        taskQueue,
        payloadKeys: testPayloadKeys(),
        activities: createActivities({ pool, temporal: { client, taskQueue } }),
        workflowBundlePath: inject('workflowBundlePath'),
      });
      started.push({ worker, running: worker.run(), connection });
    },
    async stopAll(): Promise<void> {
      for (const r of started.splice(0)) {
        r.worker.shutdown();
        await r.running;
        await r.connection.close();
      }
    },
  };
}
