import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../db/migrate.js';
import { freePort } from '../dev/ports.js';
import { startEmbeddedPostgres } from '../dev/postgres.js';
import { startDevServer } from '../dev/temporal-server.js';
import { bundleIntentWorkflows, bundleWorkflows } from '../temporal/bundle.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    workflowBundlePath: string;
    intentWorkflowBundlePath: string;
  }
}

// ONE real Temporal dev server (in-memory, random port) and ONE real Postgres for the whole run, and
// the workflow bundle built once. Test files isolate themselves by account and task queue.
export default async function setup(project: TestProject) {
  const workDir = mkdtempSync(join(tmpdir(), 'leadrail-test-'));
  chmodSync(workDir, 0o755); // embedded Postgres runs as the "postgres" user when we are root
  const [pgPort, temporalPort] = await Promise.all([freePort(), freePort()]);
  const externalDb = process.env.TEST_DATABASE_URL;
  const [db, temporal, bundle, intentBundle] = await Promise.all([
    externalDb
      ? { url: externalDb, stop: async () => {} }
      : startEmbeddedPostgres({ dataDir: join(workDir, 'postgres'), port: pgPort, persistent: false }),
    startDevServer({ port: temporalPort, logFile: join(workDir, 'temporal.log') }),
    bundleWorkflows(),
    bundleIntentWorkflows(),
  ]);
  await migrate(db.url);
  const bundlePath = join(workDir, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle);
  const intentBundlePath = join(workDir, 'intent-workflow-bundle.js');
  writeFileSync(intentBundlePath, intentBundle);

  project.provide('databaseUrl', db.url);
  project.provide('temporalAddress', temporal.address);
  project.provide('workflowBundlePath', bundlePath);
  project.provide('intentWorkflowBundlePath', intentBundlePath);

  return async () => {
    await temporal.stop();
    await db.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
}
