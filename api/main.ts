// API process: the Hono app on Node's HTTP server. Configured only by environment (config.ts).
import { serve } from '@hono/node-server';
import { loadConfig, requireDatabaseUrl } from '../config.js';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import { createLogger } from '../lib/logger.js';
import { connectClient } from '../temporal/connect.js';
import { createApp } from './app.js';

const config = loadConfig();
const log = createLogger({ level: config.logLevel, name: 'leadrail-api' });

async function main(): Promise<void> {
  const databaseUrl = requireDatabaseUrl(config);
  if (config.migrateOnStart) await migrate(databaseUrl);
  const pool = createPool(databaseUrl, config.databasePoolSize);
  const { client, connection } = await connectClient(config.temporal.address, config.temporal.namespace);
  const app = createApp({ pool, temporal: client, taskQueue: config.temporal.taskQueue, logger: log });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info({ port: info.port }, 'api listening');
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'api shutting down');
    // Stop accepting connections, let in-flight requests finish (idle keep-alive sockets are closed
    // now rather than at their timeout), then close what the requests used.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    await closed;
    await connection.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  log.error({ err }, 'api failed to start');
  process.exit(1);
});
