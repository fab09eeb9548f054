// Worker process: runs lead workflows and their activities. Configured only by environment
// (see config.ts); `npm start` runs it as a child, docker-compose and production run it directly.
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from './activities/index.js';
import { loadConfig, requireDatabaseUrl } from './config.js';
import { migrate } from './db/migrate.js';
import { createPool } from './db/pool.js';
import { createLogger } from './lib/logger.js';
import { createLeadWorker } from './temporal/lead-worker.js';
import { ensureSearchAttributes } from './temporal/search-attributes.js';

const config = loadConfig();
const log = createLogger({ level: config.logLevel, name: 'leadrail-worker' });

async function main(): Promise<void> {
  const databaseUrl = requireDatabaseUrl(config);
  if (config.migrateOnStart) await migrate(databaseUrl);
  const pool = createPool(databaseUrl, config.databasePoolSize);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  try {
    const added = await ensureSearchAttributes(connection, config.temporal.namespace);
    if (added.length > 0) log.info({ added }, 'registered search attributes');
    const worker = await createLeadWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      activities: createActivities({
        pool,
        temporal: {
          client: new Client({ connection, namespace: config.temporal.namespace }),
          taskQueue: config.temporal.taskQueue,
        },
      }),
      workflowBundlePath: config.workflowBundlePath,
    });
    log.info(
      { taskQueue: config.temporal.taskQueue, namespace: config.temporal.namespace },
      'worker started',
    );
    // The SDK traps SIGINT/SIGTERM; run() resolves once in-flight tasks drained (shutdownGraceTime).
    await worker.run();
    log.info('worker stopped');
  } finally {
    await connection.close();
    await pool.end();
  }
}

main().catch((err) => {
  log.error({ err }, 'worker failed');
  process.exit(1);
});
