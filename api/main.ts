// API process: the Hono app on Node's HTTP server. Configured only by environment (config.ts).
import { serve } from '@hono/node-server';
import { Client } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { loadConfig, requireDatabaseUrl, requirePayloadKeys } from '../config.js';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import { startIntentService } from '../intent/service/index.js';
import { createLogger } from '../lib/logger.js';
import { outboundFetch } from '../lib/outbound.js';
import { connectClient } from '../temporal/connect.js';
import { leadrailDataConverter } from '../temporal/data-converter.js';
import { createLeadWorker } from '../temporal/lead-worker.js';
import { EncryptionCodec } from '../temporal/payload-codec.js';
import { installTemporalRuntime } from '../temporal/runtime.js';
import { createApp } from './app.js';
import { monitorAvailability } from './availability.js';
import { DecidedLeads } from './decided-leads.js';
import type { EagerLeadStart } from './lead-submission.js';
import { clientIpResolver } from './middleware/client-ip.js';

const config = loadConfig();
const log = createLogger({ level: config.logLevel, name: 'leadrail-api' });

// The intent worker runs in this process (docs/decisions/0004-intent-queries-on-temporal.md), and with
// LEAD_EAGER_START=true a lead worker too (decision 22): their SDK logs go through pino, and shutdown
// is ours (HTTP first, then the workers), not the SDK's signal traps.
installTemporalRuntime(log, config.logLevel, { shutdownSignals: [] });

async function main(): Promise<void> {
  const databaseUrl = requireDatabaseUrl(config);
  const payloadKeys = requirePayloadKeys(config);
  if (config.migrateOnStart) await migrate(databaseUrl);
  const pool = createPool(databaseUrl, config.databasePoolSize);
  const { client, connection } = await connectClient(
    config.temporal.address,
    config.temporal.namespace,
    payloadKeys,
  );
  // The workers' connection: a client built on it can start runs eagerly on them.
  const workerConnection = await NativeConnection.connect({ address: config.temporal.address });
  const lead = config.leadEagerStart
    ? await startLeadWorker(workerConnection, client, databaseUrl, payloadKeys)
    : null;
  const intent = await startIntentService({
    pool,
    databaseUrl,
    logger: log,
    connection: workerConnection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.intentTaskQueue,
    payloadKeys,
    workflowBundlePath: config.intent.workflowBundlePath,
    cacheEntries: config.intent.cacheEntries,
    eagerStart: config.intent.eagerStart,
    maxConcurrent: config.intent.maxConcurrent,
    maxInFlight: config.intent.maxInFlight,
    targetLatencyMs: config.intent.targetLatencyMs,
    runsInFlight: config.intent.runsInFlight,
    rankOnArrival: config.intent.rankOnArrival,
    llm: config.intent.llm,
  });
  intent.index.ready().then(
    (info) => log.info({ ...info, ms: info.read_ms + info.build_ms }, 'intent engine ready'),
    () => {},
  );
  const availability = monitorAvailability({ databaseUrl, temporal: client });
  const { token, allowLoopback, corsOrigins } = config.codecEndpoint;
  const codec =
    token || allowLoopback
      ? {
          codec: new EncryptionCodec(payloadKeys),
          token,
          allowLoopback,
          corsOrigins,
          secureCookie: config.publicUrl.startsWith('https:'),
        }
      : undefined;
  if (!codec) log.info('codec endpoint off: set CODEC_AUTH_TOKEN for the Temporal UI to decode lead data');
  const app = createApp({
    availability,
    codec,
    pool,
    temporal: client,
    taskQueue: config.temporal.taskQueue,
    ...(lead ? { eagerLeadStart: lead.eagerStart } : {}),
    logger: log,
    clientIp: clientIpResolver({ trustedHops: config.trustedProxyHops }),
    keyRateLimitCeiling: config.keyRateLimitCeiling,
    payloadKeys,
    webhookSecretOverlapSeconds: config.webhookSecretOverlapSeconds,
    intentImportAccounts: config.intentImportAccounts,
    console: { temporalUiUrl: config.temporal.uiUrl, temporalNamespace: config.temporal.namespace },
    intent,
    llmStatus: () => intent.llmStatus(),
  });
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
    availability.stop();
    await intent.stop();
    await lead?.stop();
    await workerConnection.close().catch((err) => log.warn({ err }, 'closing the workers’ connection'));
    await connection.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * The API's own lead worker, on the lead task queue beside the worker processes, and a client on its
 * connection: a synchronous submission's run starts eagerly here (its first workflow task runs in this
 * process without a trip through the server's task queue). Its later tasks follow it here (the sticky
 * queue), and its activities too while this worker has free slots (eager activity dispatch).
 */
async function startLeadWorker(
  connection: NativeConnection,
  client: Client,
  databaseUrl: string,
  payloadKeys: ReturnType<typeof requirePayloadKeys>,
): Promise<{ eagerStart: EagerLeadStart; stop(): Promise<void> }> {
  const { taskQueue, namespace } = config.temporal;
  // A pool of its own, as worker.ts has: the runs' writes do not queue behind the API's requests.
  const pool = createPool(databaseUrl, config.databasePoolSize);
  const decided = new DecidedLeads();
  const worker: Worker = await createLeadWorker({
    connection,
    namespace,
    taskQueue,
    payloadKeys,
    activities: createActivities({
      pool,
      temporal: { client, taskQueue },
      fetchImpl: outboundFetch(config.outboundPrivateNetworks),
      payloadKeys,
      onLeadDecided: decided.notify,
    }),
    workflowBundlePath: config.workflowBundlePath,
  });
  const running = worker.run().catch((err) => {
    // Runs keep going on the worker processes; eager starts are no longer granted to this process.
    log.error({ err }, 'the API’s lead worker stopped');
  });
  log.info({ taskQueue }, 'lead worker started in the API (eager starts)');
  return {
    eagerStart: {
      client: new Client({ connection, namespace, dataConverter: leadrailDataConverter(payloadKeys) }),
      decided,
    },
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await pool.end();
    },
  };
}

main().catch((err) => {
  log.error({ err }, 'api failed to start');
  process.exit(1);
});
