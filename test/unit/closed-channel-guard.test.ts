import { setTimeout as sleep } from 'node:timers/promises';
import { Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../dev/ports.js';
import { clientInterceptors } from '../../temporal/connect.js';

// Calls to a port nobody listens on fail UNAVAILABLE and wait in the client's retry backoff; closing
// the connection then must not leave a timer that throws "Channel has been shut down" uncaught.
async function closeWhileRetrying(interceptors: ReturnType<typeof clientInterceptors>) {
  const uncaught: unknown[] = [];
  const onUncaught = (err: unknown) => uncaught.push(err);
  process.prependListener('uncaughtException', onUncaught);
  try {
    const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, interceptors });
    const calls: Array<Promise<unknown>> = [];
    // Staggered, so that whenever the close comes some calls are between two attempts.
    for (let i = 0; i < 20; i++) {
      calls.push(connection.workflowService.getSystemInfo({}).catch((err: unknown) => err));
      await sleep(10);
    }
    await connection.close();
    await sleep(1500);
    return { uncaught, outcomes: await Promise.race([Promise.all(calls), sleep(5000).then(() => null)]) };
  } finally {
    process.off('uncaughtException', onUncaught);
  }
}

describe('the Temporal client closed while a call waits to retry', () => {
  it('ends those calls with an error instead of an uncaught exception', async () => {
    const { uncaught, outcomes } = await closeWhileRetrying(clientInterceptors());
    expect(uncaught).toEqual([]);
    expect(outcomes).not.toBeNull();
    for (const outcome of outcomes ?? []) expect(outcome).toBeInstanceOf(Error);
  });

  it('(the SDK alone throws from its retry timer: what the guard is for)', async () => {
    const { uncaught } = await closeWhileRetrying([makeGrpcRetryInterceptor(defaultGrpcRetryOptions())]);
    expect(uncaught.map((e) => (e as Error).message)).toContain('Channel has been shut down');
  });
});
