import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../db/migrate.js';
import { freePort } from '../dev/ports.js';
import { startEmbeddedPostgres } from '../dev/postgres.js';
import { startDevServer } from '../dev/temporal-server.js';
import { bundleIntentWorkflows, bundleWorkflows } from '../temporal/bundle.js';
import { generatePayloadKey } from '../temporal/payload-codec.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    /** The dev server's Prometheus metrics (what it does against its database, per operation). */
    temporalMetricsUrl: string;
    workflowBundlePath: string;
    intentWorkflowBundlePath: string;
    /** PAYLOAD_ENCRYPTION_KEYS for every client and worker of the run: one fresh key. */
    payloadEncryptionKeys: string;
  }
}

// ONE real Temporal dev server (in-memory, random port) and ONE real Postgres for the whole run, and
// the workflow bundle built once. Test files isolate themselves by account and task queue.
/**
 * Embedded Postgres on a free port; one more try on another port and directory if the first start
 * fails (a port taken between probing and binding, or a previous server still releasing resources).
 */
async function startPostgres(workDir: string) {
  try {
    return await startEmbeddedPostgres({
      dataDir: join(workDir, 'postgres'),
      port: await freePort(),
      persistent: false,
    });
  } catch (first) {
    console.warn(
      `[global-setup] ${first instanceof Error ? first.message.split('\n')[0] : first}; retrying once`,
    );
    return startEmbeddedPostgres({
      dataDir: join(workDir, 'postgres-2'),
      port: await freePort(),
      persistent: false,
    });
  }
}

export default async function setup(project: TestProject) {
  const workDir = mkdtempSync(join(tmpdir(), 'leadrail-test-'));
  chmodSync(workDir, 0o755); // embedded Postgres runs as the "postgres" user when we are root
  const [temporalPort, temporalMetricsPort] = [await freePort(), await freePort()];
  const externalDb = process.env.TEST_DATABASE_URL;
  // Started together; if one fails, the ones that started are stopped (a failed run leaves nothing).
  const settled = await Promise.allSettled([
    externalDb ? Promise.resolve({ url: externalDb, stop: async () => {} }) : startPostgres(workDir),
    startDevServer({
      port: temporalPort,
      metricsPort: temporalMetricsPort,
      logFile: join(workDir, 'temporal.log'),
    }),
    bundleWorkflows(),
    bundleIntentWorkflows(),
  ]);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) {
    for (const r of settled.slice(0, 2))
      if (r.status === 'fulfilled') await (r.value as { stop(): Promise<void> }).stop().catch(() => {});
    rmSync(workDir, { recursive: true, force: true });
    throw failed.reason;
  }
  const [db, temporal, bundle, intentBundle] = settled.map(
    (r) => (r as PromiseFulfilledResult<unknown>).value,
  ) as [{ url: string; stop(): Promise<void> }, Awaited<ReturnType<typeof startDevServer>>, string, string];
  await migrate(db.url);
  const bundlePath = join(workDir, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle);
  const intentBundlePath = join(workDir, 'intent-workflow-bundle.js');
  writeFileSync(intentBundlePath, intentBundle);

  project.provide('databaseUrl', db.url);
  project.provide('temporalAddress', temporal.address);
  project.provide('temporalMetricsUrl', `http://127.0.0.1:${temporalMetricsPort}/metrics`);
  project.provide('workflowBundlePath', bundlePath);
  project.provide('intentWorkflowBundlePath', intentBundlePath);
  project.provide('payloadEncryptionKeys', generatePayloadKey('test'));

  return async () => {
    await temporal.stop();
    await db.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
}
