// A whole Leadrail in one process, for scripts that drive real lead runs and then read their histories
// (npm run histories:record, npm run bench:history): an embedded Postgres and a Temporal dev server of
// its own in a temporary directory (deleted on stop), a worker with the real activities, the Hono app
// called with `app.request`, and one account with an API key. The benchmark stack (scripts/bench/stack.ts)
// runs the API and worker as child processes instead, as `npm start` does.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type pg from 'pg';
import { createActivities } from '../activities/index.js';
import { createApp } from '../api/app.js';
import { insertAccount, issueApiKey } from '../db/accounts.js';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import { freePort } from '../dev/ports.js';
import { startEmbeddedPostgres } from '../dev/postgres.js';
import { startDevServer } from '../dev/temporal-server.js';
import { createLogger } from '../lib/logger.js';
import { bundleWorkflows } from '../temporal/bundle.js';
import { connectClient } from '../temporal/connect.js';
import { createLeadWorker } from '../temporal/lead-worker.js';
import type { PayloadKeyring } from '../temporal/payload-codec.js';

export interface InProcessStack {
  pool: pg.Pool;
  client: Client;
  app: ReturnType<typeof createApp>;
  taskQueue: string;
  accountId: string;
  /** An API key of the account, with rate limits no script reaches. */
  key: string;
  /** Runs `fn` when the stack stops, before the parts it may depend on stop. */
  onStop(fn: () => Promise<unknown> | unknown): void;
  /** Stops everything, latest first; a failing step is reported and the rest still run. */
  stop(): Promise<void>;
}

export async function startInProcessStack(options: {
  /** Names the temporary directory, the task queue and the account. */
  name: string;
  payloadKeys: PayloadKeyring;
  accountName?: string;
  say?: (message: string) => void;
}): Promise<InProcessStack> {
  const workDir = mkdtempSync(join(tmpdir(), `leadrail-${options.name}-`));
  chmodSync(workDir, 0o755); // embedded Postgres runs as the "postgres" user when we are root
  const cleanups: Array<() => Promise<unknown> | unknown> = [
    () => rmSync(workDir, { recursive: true, force: true }),
  ];
  const stop = async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch (err) {
        process.stderr.write(`stop: ${String(err)}\n`);
      }
    }
  };
  try {
    const [pgPort, temporalPort] = await Promise.all([freePort(), freePort()]);
    options.say?.('starting Postgres, the Temporal dev server and bundling the workflows');
    const [db, temporal, bundle] = await Promise.all([
      startEmbeddedPostgres({ dataDir: join(workDir, 'postgres'), port: pgPort, persistent: false }),
      startDevServer({ port: temporalPort, logFile: join(workDir, 'temporal.log') }),
      bundleWorkflows(),
    ]);
    cleanups.push(
      () => db.stop(),
      () => temporal.stop(),
    );
    await migrate(db.url);
    const pool = createPool(db.url, 10);
    cleanups.push(() => pool.end());
    const { payloadKeys } = options;
    const { client, connection } = await connectClient(temporal.address, 'default', payloadKeys);
    cleanups.push(() => connection.close());
    const native = await NativeConnection.connect({ address: temporal.address });
    cleanups.push(() => native.close());
    const taskQueue = `leadrail-${options.name}`;
    const worker = await createLeadWorker({
      connection: native,
      namespace: 'default',
      taskQueue,
      payloadKeys,
      activities: createActivities({ pool, temporal: { client, taskQueue } }),
      workflowBundleCode: bundle,
    });
    const running = worker.run();
    cleanups.push(async () => {
      worker.shutdown();
      await running;
    });
    const app = createApp({ pool, temporal: client, taskQueue, logger: createLogger({ level: 'silent' }) });
    const account = await insertAccount(pool, options.accountName ?? options.name);
    const { key } = await issueApiKey(pool, account.id, {
      rateLimit: { perHour: 100_000, perMinute: 10_000 },
    });
    return {
      pool,
      client,
      app,
      taskQueue,
      accountId: account.id,
      key,
      onStop: (fn) => cleanups.push(fn),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
