// Worker process: runs lead workflows and their activities. Configured only by environment
// (see config.ts); `npm start` runs it as a child, docker-compose and production run it directly.
import { createServer } from 'node:http';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from './activities/index.js';
import { loadConfig, requireDatabaseUrl, requirePayloadKeys } from './config.js';
import { migrate } from './db/migrate.js';
import { createPool } from './db/pool.js';
import { createLogger } from './lib/logger.js';
import { registry } from './lib/metrics.js';
import { outboundFetch } from './lib/outbound.js';
import { leadrailDataConverter } from './temporal/data-converter.js';
import { createLeadWorker } from './temporal/lead-worker.js';
import { ensureMaintenanceSchedule } from './temporal/maintenance-schedule.js';
import { installTemporalRuntime } from './temporal/runtime.js';
import { ensureSearchAttributes } from './temporal/search-attributes.js';

const config = loadConfig();
const log = createLogger({ level: config.logLevel, name: 'leadrail-worker' });
const sdkMetricsAddress = `127.0.0.1:${config.workerMetricsPort + 1}`;

// The SDK's own logs go through pino (its entries carry workflowId = the lead id, never payloads), and
// its metrics (task latencies, slots, polls) are exported for our /metrics to include.
installTemporalRuntime(log, config.logLevel, {
  telemetryOptions: { metrics: { prometheus: { bindAddress: sdkMetricsAddress } } },
});

/** GET /metrics: our prom-client registry followed by the Temporal SDK's metrics; GET /healthz: alive. */
function startMetricsServer() {
  const server = createServer(async (req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    const ours = await registry.metrics();
    const sdk = await fetch(`http://${sdkMetricsAddress}/metrics`)
      .then((r) => r.text())
      .catch(() => '# Temporal SDK metrics unavailable\n');
    res.writeHead(200, { 'Content-Type': registry.contentType }).end(`${ours}\n${sdk}`);
  });
  server.listen(config.workerMetricsPort, config.host);
  return server;
}

async function main(): Promise<void> {
  const databaseUrl = requireDatabaseUrl(config);
  const payloadKeys = requirePayloadKeys(config);
  if (config.migrateOnStart) await migrate(databaseUrl);
  const pool = createPool(databaseUrl, config.databasePoolSize);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const metricsServer = startMetricsServer();
  try {
    const added = await ensureSearchAttributes(connection, config.temporal.namespace);
    if (added.length > 0) log.info({ added }, 'registered search attributes');
    const client = new Client({
      connection,
      namespace: config.temporal.namespace,
      dataConverter: leadrailDataConverter(payloadKeys),
    });
    const worker = await createLeadWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      payloadKeys,
      activities: createActivities({
        pool,
        temporal: { client, taskQueue: config.temporal.taskQueue },
        fetchImpl: outboundFetch(config.outboundPrivateNetworks),
        payloadKeys,
      }),
      workflowBundlePath: config.workflowBundlePath,
    });
    const schedule = await ensureMaintenanceSchedule(client, {
      taskQueue: config.temporal.taskQueue,
      every: config.maintenance.every,
      policy: {
        intentQueryLogDays: config.maintenance.intentQueryLogDays,
        leadRetentionDays: config.maintenance.leadRetentionDays,
        pingRetentionDays: config.maintenance.pingRetentionDays,
      },
    });
    log.info({ schedule, every: config.maintenance.every }, 'maintenance schedule');
    log.info(
      { taskQueue: config.temporal.taskQueue, namespace: config.temporal.namespace },
      'worker started',
    );
    // The SDK traps SIGINT/SIGTERM: run() resolves once in-flight tasks drained (shutdownGraceTime).
    await worker.run();
    log.info('worker stopped');
  } finally {
    metricsServer.close();
    await connection.close();
    await pool.end();
  }
}

main().catch((err) => {
  log.error({ err }, 'worker failed');
  process.exit(1);
});
