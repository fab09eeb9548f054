// The benchmark's own stack, the way `npm start` (dev/start.ts) runs it: embedded PostgreSQL in a
// temporary directory, a headless Temporal dev server (SQLite file or in memory), and the worker and
// API as child processes (`node --import tsx worker.ts` / `api/main.ts`) configured only by
// environment; or the production shape (`--shape prod`: dev/production-shape.ts, the Temporal server on
// PostgreSQL, several APIs and workers). Every port is a free one, so it runs next to `npm start` and
// the test suite.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../db/migrate.js';
import { freePort, freePortPair } from '../../dev/ports.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../dev/postgres.js';
import { spawnNodeService, tail, waitForHttp, waitForLog } from '../../dev/processes.js';
import { startProductionShape } from '../../dev/production-shape.js';
import { DEFAULT_HISTORY_SHARDS, freeTemporalPorts } from '../../dev/temporal-cluster.js';
import { type DevServer, startDevServer, stopChild } from '../../dev/temporal-server.js';
import { bundleWorkflows } from '../../temporal/bundle.js';
import { generatePayloadKey } from '../../temporal/payload-codec.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface StackOptions {
  /** Temporary directory for Postgres, Temporal's SQLite file, the workflow bundle and logs. */
  workDir: string;
  temporalDb: 'file' | 'memory';
  /** Extra environment for the worker and API (e.g. DATABASE_POOL_SIZE, LOG_LEVEL). */
  env: Record<string, string>;
  /** Write V8 CPU profiles of the worker and API here (`--cpu-prof`). */
  cpuProfDir: string | null;
  /** Postgres also times each statement's planning (`--statement-times`; it costs a little). */
  statementTimes?: boolean;
  recipientDelayMs: number;
  say(message: string): void;
}

export interface BenchStack {
  apiUrl: string;
  /** Every API process (the load generator spreads requests over them, as a load balancer would). */
  apiUrls: string[];
  databaseUrl: string;
  temporalAddress: string;
  /** The Temporal server's Prometheus metrics (scripts/bench/temporal-metrics.ts). */
  temporalMetricsUrl: string;
  recipientUrl: string;
  logDir: string;
  /** Root pid of each component, for CPU accounting. */
  pids: Record<string, number | undefined>;
  /** Rejects when the worker or API exits on its own. */
  crashed: Promise<never>;
  stop(): Promise<void>;
}

let stopStarting: (() => Promise<void>) | null = null;

/** Stops whatever the latest startStack has started so far (for a signal during start-up). */
export function stopStartingStack(): Promise<void> {
  return stopStarting?.() ?? Promise.resolve();
}

export async function startStack(options: StackOptions): Promise<BenchStack> {
  const { workDir, say } = options;
  const logDir = join(workDir, 'logs');
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const fn of stoppers.splice(0)) await fn().catch(() => {});
  };
  stopStarting = stop;
  try {
    const [pgPort, temporalPort, apiPort, metricsPort, temporalMetricsPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePortPair(),
      freePort(),
    ]);
    say(
      `• starting embedded PostgreSQL (:${pgPort}) and Temporal dev server (:${temporalPort}, ${
        options.temporalDb === 'file' ? 'SQLite file' : 'in memory'
      }); bundling workflows`,
    );
    mkdirSync(logDir, { recursive: true });
    // Started together; if one fails, the others are stopped once they are up (nothing is left behind).
    const [dbResult, temporalResult, bundleResult] = await Promise.allSettled([
      startEmbeddedPostgres({
        dataDir: join(workDir, 'postgres'),
        port: pgPort,
        persistent: false,
        // Statements per lead, counted by Postgres itself (scripts/bench/pg-statements.ts).
        settings: [
          'shared_preload_libraries=pg_stat_statements',
          ...(options.statementTimes ? ['pg_stat_statements.track_planning=on'] : []),
        ],
      }),
      startDevServer({
        port: temporalPort,
        metricsPort: temporalMetricsPort,
        ...(options.temporalDb === 'file' ? { dbFilename: join(workDir, 'temporal.db') } : {}),
        logFile: join(logDir, 'temporal.log'),
      }),
      bundleWorkflows(),
    ]);
    if (temporalResult.status === 'fulfilled') stoppers.unshift(temporalResult.value.stop);
    if (dbResult.status === 'fulfilled') stoppers.push(dbResult.value.stop);
    for (const r of [dbResult, temporalResult, bundleResult]) if (r.status === 'rejected') throw r.reason;
    const db = (dbResult as PromiseFulfilledResult<EmbeddedDatabase>).value;
    const temporal = (temporalResult as PromiseFulfilledResult<DevServer>).value;
    const bundle = (bundleResult as PromiseFulfilledResult<string>).value;
    await migrate(db.url);
    const bundlePath = join(workDir, 'workflow-bundle.js');
    writeFileSync(bundlePath, bundle);

    const recipient = await startRecipient(options.recipientDelayMs, join(logDir, 'recipient.log'));
    stoppers.push(() => stopChild(recipient.child, 5_000));

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: temporal.address,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      MIGRATE_ON_START: 'false',
      WORKFLOW_BUNDLE_PATH: bundlePath,
      WORKER_METRICS_PORT: String(metricsPort),
      // Encrypted payloads, as in production: the measured cost includes the codec's.
      PAYLOAD_ENCRYPTION_KEYS: process.env.PAYLOAD_ENCRYPTION_KEYS ?? generatePayloadKey('bench'),
      // As `npm start` runs the API (decision 22).
      LEAD_EAGER_START: 'true',
      ...options.env,
    };
    say('• starting worker and API');
    let crash: (err: Error) => void = () => {};
    const crashed = new Promise<never>((_, reject) => {
      crash = reject;
    });
    crashed.catch(() => {});
    const children: Array<{ name: string; child: ChildProcess }> = [];
    let stopping = false;
    const startChild = (name: string, script: string) => {
      const logFile = join(logDir, `${name}.log`);
      // One directory per process: every thread (main, workflow threads, tsx's loader) writes a profile.
      const profArgs = options.cpuProfDir
        ? ['--cpu-prof', `--cpu-prof-dir=${join(options.cpuProfDir, name)}`]
        : [];
      const { child } = spawnNodeService({ name, script, env, logFile, nodeArgs: profArgs });
      child.on('exit', (code, signal) => {
        if (!stopping) crash(new Error(`${name} exited (${signal ?? code}):\n${tail(logFile)}`));
      });
      children.push({ name, child });
      return child;
    };
    const worker = startChild('worker', 'worker.ts');
    const api = startChild('api', 'api/main.ts');
    // API first (stop taking leads), then the worker (drains), as dev/start.ts does.
    stoppers.unshift(async () => {
      stopping = true;
      for (const { child } of [...children].reverse()) await stopChild(child, 15_000);
    });
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await Promise.race([
      Promise.all([
        waitForHttp(`${apiUrl}/openapi.json`),
        waitForLog(join(logDir, 'worker.log'), '"msg":"worker started"'),
      ]),
      crashed,
    ]);
    return {
      apiUrl,
      apiUrls: [apiUrl],
      databaseUrl: db.url,
      temporalAddress: temporal.address,
      temporalMetricsUrl: `http://127.0.0.1:${temporalMetricsPort}/metrics`,
      recipientUrl: recipient.url,
      logDir,
      pids: {
        worker: worker.pid,
        api: api.pid,
        temporal: temporal.process.pid,
        recipient: recipient.child.pid,
      },
      crashed,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * The production shape (dev/production-shape.ts) on free ports in `workDir`: embedded PostgreSQL, the
 * Temporal server on it, `apis` API processes and `workers` workers (no Web UI), and the stand-in buyer.
 */
export async function startProdStack(
  options: Omit<StackOptions, 'temporalDb' | 'cpuProfDir' | 'statementTimes'> & {
    apis: number;
    workers: number;
  },
): Promise<BenchStack> {
  const { workDir, say } = options;
  const logDir = join(workDir, 'logs');
  let stopShape: (() => Promise<void>) | null = null;
  let stopRecipient: (() => Promise<void>) | null = null;
  const stop = async () => {
    await stopShape?.().catch(() => {});
    await stopRecipient?.().catch(() => {});
  };
  stopStarting = stop;
  let crash: (err: Error) => void = () => {};
  const crashed = new Promise<never>((_, reject) => {
    crash = reject;
  });
  crashed.catch(() => {});
  try {
    const apiPorts = await Promise.all(Array.from({ length: options.apis }, () => freePort()));
    const workerPorts: number[] = [];
    for (let i = 0; i < options.workers; i++) workerPorts.push(await freePortPair());
    say(
      `• starting the production shape: PostgreSQL, Temporal server, ${options.apis} APIs, ${options.workers} workers`,
    );
    const temporalPorts = await freeTemporalPorts();
    const shape = await startProductionShape({
      dataDir: join(workDir, 'data'),
      logDir,
      postgresPort: await freePort(),
      temporalPorts,
      numHistoryShards: DEFAULT_HISTORY_SHARDS,
      apiPorts,
      workerMetricsPorts: workerPorts,
      uiPort: null,
      env: options.env,
      onStopper: (fn) => {
        stopShape = fn;
      },
      onCrash: (name, exit) =>
        crash(new Error(`${name} exited (${exit}):\n${tail(join(logDir, `${name}.log`))}`)),
    });
    const recipient = await startRecipient(options.recipientDelayMs, join(logDir, 'recipient.log'));
    stopRecipient = () => stopChild(recipient.child, 5_000);
    const pids = shape.pids();
    delete pids.postgres; // a child of this process: counted as the rest (see proc-cpu.ts)
    return {
      apiUrl: shape.apiUrls[0]!,
      apiUrls: shape.apiUrls,
      databaseUrl: shape.databaseUrl,
      temporalAddress: shape.temporalAddress,
      temporalMetricsUrl: `http://127.0.0.1:${temporalPorts.metrics}/metrics`,
      recipientUrl: recipient.url,
      logDir,
      pids: { ...pids, recipient: recipient.child.pid },
      crashed,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The stand-in buyer (scripts/bench/recipient.ts) in its own process. */
export async function startRecipient(
  delayMs: number,
  logFile: string | null,
): Promise<{ url: string; child: ChildProcess }> {
  const script = join(ROOT, 'scripts', 'bench', 'recipient.ts');
  const fd = logFile ? openSync(logFile, 'a') : 'ignore';
  const child = spawn(process.execPath, ['--import', 'tsx', script, '0', String(delayMs)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', fd],
    detached: true,
  });
  if (typeof fd === 'number') closeSync(fd);
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('recipient did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`recipient exited (${code})`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  lines.close();
  child.stdout!.resume();
  return { url: `http://127.0.0.1:${port}/leads`, child };
}
