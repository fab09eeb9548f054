// The production shape on one machine: PostgreSQL (embedded, or DATABASE_URL), the Temporal server on
// it (dev/temporal-cluster.ts), several API processes and several workers as separate processes
// configured only by environment (as docker-compose.yml and an orchestrator run them), and optionally
// the Temporal Web UI. Used by `npm run start:prod`, the chaos tests (test/chaos/) and the benchmark
// (`npm run bench:leads -- --shape prod`). Every component can be killed and started again by name.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../db/migrate.js';
import { bundleIntentWorkflows, bundleWorkflows } from '../temporal/bundle.js';
import { ensureDevPayloadKey } from './dev-data.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './postgres.js';
import { type Service, spawnNodeService, tail, waitForHttp, waitForLog } from './processes.js';
import {
  type PostgresTarget,
  postgresTargetFromUrl,
  registerNamespace,
  resolveTemporalServer,
  resolveTemporalUiServer,
  setupTemporalSchema,
  startTemporalServer,
  startTemporalUi,
  type TemporalPorts,
  temporalServerEnvironment,
  waitForNamespace,
} from './temporal-cluster.js';

export interface ProductionShapeOptions {
  /** Postgres data (embedded), workflow bundles, UI config. Kept between runs by `npm run start:prod`. */
  dataDir: string;
  logDir: string;
  /** An existing PostgreSQL (Temporal's databases go on the same server, same role); else embedded. */
  databaseUrl?: string;
  postgresPort: number;
  temporalPorts: TemporalPorts;
  numHistoryShards: number;
  namespace?: string;
  /** One API process per port. */
  apiPorts: number[];
  /** One worker per port (its /metrics; the SDK's exporter takes the next port). */
  workerMetricsPorts: number[];
  /** Temporal Web UI on this port (needs `node dev/bootstrap.mjs --temporal-ui`). */
  uiPort?: number | null;
  /** Extra environment for APIs and workers. */
  env?: Record<string, string>;
  /** Start an API or worker again when it dies, as an orchestrator does (`npm run start:prod`). */
  restartCrashed?: boolean;
  say?: (message: string) => void;
  /** Runs once the database is migrated, before Temporal and the processes start (seed data). */
  prepare?: (databaseUrl: string) => Promise<void>;
  /** Receives at once the function that stops whatever has started (for a signal during start-up). */
  onStopper?: (stop: () => Promise<void>) => void;
  /** An API or worker died on its own (restarted after this with `restartCrashed`). */
  onCrash?: (name: string, exit: string) => void;
}

export interface ProductionShape {
  databaseUrl: string;
  /** PAYLOAD_ENCRYPTION_KEYS of its APIs and workers, for clients of the same runs (tests, scripts). */
  payloadKeys: string;
  temporalAddress: string;
  apiUrls: string[];
  uiUrl: string | null;
  /** Component names: postgres (when embedded), temporal, ui, api-1.., worker-1.. */
  names(): string[];
  /** Root pid of each running component. */
  pids(): Record<string, number | undefined>;
  /** A signal to a component (SIGKILL: a crash); it stays down until start(). */
  kill(name: string, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a component that is down and resolves once it serves again. */
  start(name: string): Promise<void>;
  /** Orderly stop: APIs, workers, UI, Temporal, Postgres. */
  stop(): Promise<void>;
}

interface Component {
  start(): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
  pid(): number | undefined;
}

export async function startProductionShape(options: ProductionShapeOptions): Promise<ProductionShape> {
  const say = options.say ?? (() => {});
  const namespace = options.namespace ?? 'default';
  mkdirSync(options.logDir, { recursive: true });
  mkdirSync(options.dataDir, { recursive: true });
  const components = new Map<string, Component>();
  const order: string[] = [];
  let stopping = false;

  const stop = async () => {
    stopping = true;
    // API first (stop taking leads), then workers (drain), then what they depend on.
    const rank = (name: string) =>
      name.startsWith('api')
        ? 0
        : name.startsWith('worker')
          ? 1
          : name === 'ui'
            ? 2
            : name === 'temporal'
              ? 3
              : 4;
    const byRank = [...order].sort((a, b) => rank(a) - rank(b));
    for (const r of [0, 1, 2, 3, 4]) {
      await Promise.all(
        byRank
          .filter((n) => rank(n) === r)
          .map((n) =>
            components
              .get(n)!
              .stop()
              .catch(() => {}),
          ),
      );
    }
  };
  options.onStopper?.(stop);
  const add = (name: string, component: Component) => {
    components.set(name, component);
    order.push(name);
  };

  try {
    const { server, sqlTool } = resolveTemporalServer();
    const uiBinary = options.uiPort ? resolveTemporalUiServer() : null;
    if (options.uiPort && !uiBinary) {
      throw new Error('Temporal Web UI server not built: run `node dev/bootstrap.mjs --temporal-ui`');
    }
    const bundles = Promise.all([bundleWorkflows(), bundleIntentWorkflows()]);
    bundles.catch(() => {});

    // 1. PostgreSQL
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      say(`• starting embedded PostgreSQL (:${options.postgresPort})`);
      const postgres = embeddedPostgres(join(options.dataDir, 'postgres'), options.postgresPort);
      await postgres.start();
      add('postgres', postgres);
      databaseUrl = postgres.url();
    }
    await migrate(databaseUrl);
    await options.prepare?.(databaseUrl);
    const target: PostgresTarget = postgresTargetFromUrl(databaseUrl);

    // 2. Temporal: schema (idempotent), server, namespace and search attributes.
    say(`• Temporal server ${server} on PostgreSQL (${options.numHistoryShards} history shards)`);
    await setupTemporalSchema({
      sqlTool,
      postgres: target,
      logFile: join(options.logDir, 'temporal-setup.log'),
    });
    const temporalEnv = temporalServerEnvironment({
      postgres: target,
      ports: options.temporalPorts,
      numHistoryShards: options.numHistoryShards,
    });
    let temporal: Awaited<ReturnType<typeof startTemporalServer>> | null = null;
    const temporalLog = join(options.logDir, 'temporal.log');
    const temporalComponent: Component = {
      async start() {
        temporal = await startTemporalServer({ server, environment: temporalEnv, logFile: temporalLog });
      },
      kill: async (signal) => temporal?.kill(signal),
      stop: async () => temporal?.stop(15_000),
      pid: () => temporal?.child.pid,
    };
    await temporalComponent.start();
    add('temporal', temporalComponent);
    const temporalAddress = `127.0.0.1:${options.temporalPorts.frontend}`;
    await registerNamespace({
      address: temporalAddress,
      namespace,
      logFile: join(options.logDir, 'temporal-setup.log'),
    });
    await waitForNamespace(temporalAddress, namespace);

    // 3. Workers and APIs, from workflow bundles built once.
    const [leadBundle, intentBundle] = await bundles;
    const bundlePath = join(options.dataDir, 'workflow-bundle.js');
    const intentBundlePath = join(options.dataDir, 'intent-workflow-bundle.js');
    writeFileSync(bundlePath, leadBundle);
    writeFileSync(intentBundlePath, intentBundle);
    // Lead data in Temporal is encrypted: the given keys, else a key generated once into dataDir.
    const payloadKeys =
      options.env?.PAYLOAD_ENCRYPTION_KEYS ??
      process.env.PAYLOAD_ENCRYPTION_KEYS ??
      ensureDevPayloadKey(join(options.dataDir, 'payload-encryption-keys'));
    const baseEnv: NodeJS.ProcessEnv = {
      ...process.env,
      PAYLOAD_ENCRYPTION_KEYS: payloadKeys,
      // The Web UI decodes through api-1's codec endpoint; on this one machine, without a sign-in
      // (docker-compose requires CODEC_AUTH_TOKEN instead: README, reading leads in the UI).
      CODEC_ALLOW_LOOPBACK: process.env.CODEC_ALLOW_LOOPBACK ?? 'true',
      ...(options.uiPort
        ? { CODEC_CORS_ORIGINS: `http://127.0.0.1:${options.uiPort},http://localhost:${options.uiPort}` }
        : {}),
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
      MIGRATE_ON_START: 'false',
      HOST: '127.0.0.1',
      WORKFLOW_BUNDLE_PATH: bundlePath,
      INTENT_WORKFLOW_BUNDLE_PATH: intentBundlePath,
      // The console links each lead to its run in this UI.
      ...(options.uiPort ? { TEMPORAL_UI_URL: `http://127.0.0.1:${options.uiPort}` } : {}),
      ...options.env,
    };
    const node = (
      name: string,
      script: string,
      env: NodeJS.ProcessEnv,
      ready: (from: number) => Promise<void>,
    ) =>
      nodeComponent({
        name,
        script,
        env,
        ready,
        logFile: join(options.logDir, `${name}.log`),
        options,
        isStopping: () => stopping,
      });

    say(
      `• starting ${options.workerMetricsPorts.length} workers and ${options.apiPorts.length} API processes`,
    );
    const starts: Array<Promise<void>> = [];
    options.workerMetricsPorts.forEach((port, i) => {
      const name = `worker-${i + 1}`;
      const logFile = join(options.logDir, `${name}.log`);
      const c = node(name, 'worker.ts', { ...baseEnv, WORKER_METRICS_PORT: String(port) }, (from) =>
        waitForLog(logFile, '"msg":"worker started"', 180_000, from),
      );
      add(name, c);
      starts.push(c.start());
    });
    const apiUrls = options.apiPorts.map((port, i) => {
      const name = `api-${i + 1}`;
      const url = `http://127.0.0.1:${port}`;
      const c = node(name, 'api/main.ts', { ...baseEnv, PORT: String(port) }, () =>
        waitForHttp(`${url}/readyz`, 180_000),
      );
      add(name, c);
      starts.push(c.start());
      return url;
    });
    await Promise.all(starts);

    // 4. Web UI
    let uiUrl: string | null = null;
    if (options.uiPort && uiBinary) {
      const port = options.uiPort;
      let ui: Service | null = null;
      const uiComponent: Component = {
        async start() {
          ui = startTemporalUi({
            binary: uiBinary,
            dir: join(options.dataDir, 'ui'),
            temporalAddress,
            port,
            corsOrigins: apiUrls,
            codecEndpoint:
              options.env?.TEMPORAL_CODEC_ENDPOINT ??
              process.env.TEMPORAL_CODEC_ENDPOINT ??
              (apiUrls[0] ? `${apiUrls[0]}/codec` : undefined),
            logFile: join(options.logDir, 'ui.log'),
          });
          await waitForHttp(`http://127.0.0.1:${port}/`, 60_000);
        },
        kill: async (signal) => ui?.kill(signal),
        stop: async () => ui?.stop(5_000),
        pid: () => ui?.child.pid,
      };
      await uiComponent.start();
      add('ui', uiComponent);
      uiUrl = `http://127.0.0.1:${port}`;
    }

    const get = (name: string) => {
      const c = components.get(name);
      if (!c) throw new Error(`no component ${name} (have ${order.join(', ')})`);
      return c;
    };
    return {
      databaseUrl,
      payloadKeys,
      temporalAddress,
      apiUrls,
      uiUrl,
      names: () => [...order],
      pids: () => Object.fromEntries(order.map((n) => [n, components.get(n)!.pid()])),
      kill: (name, signal = 'SIGKILL') => get(name).kill(signal),
      start: (name) => get(name).start(),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** An API or worker: started, killed on purpose, or restarted by the supervisor after a crash. */
function nodeComponent(args: {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  ready: (logOffset: number) => Promise<void>;
  options: ProductionShapeOptions;
  isStopping: () => boolean;
}): Component {
  let service: Service | null = null;
  let down = true; // killed or stopped on purpose: no restart
  let backoffMs = 1_000;
  const launch = async () => {
    const from = existsSync(args.logFile) ? readFileSync(args.logFile).length : 0;
    const current = spawnNodeService({
      name: args.name,
      script: args.script,
      env: args.env,
      logFile: args.logFile,
    });
    service = current;
    down = false;
    void current.exited.then((exit) => {
      if (down || args.isStopping() || service !== current) return;
      args.options.onCrash?.(args.name, exit);
      if (args.options.restartCrashed) {
        args.options.say?.(`✗ ${args.name} exited (${exit}); starting it again in ${backoffMs / 1000} s`);
        const wait = backoffMs;
        backoffMs = Math.min(backoffMs * 2, 30_000);
        setTimeout(() => {
          if (!down && !args.isStopping() && service === current) void launch().catch(() => {});
        }, wait);
      }
    });
    const exitedEarly = current.exited.then((exit) => {
      throw new Error(`${args.name} exited (${exit}) while starting:\n${tail(args.logFile)}`);
    });
    await Promise.race([args.ready(from), exitedEarly]);
    backoffMs = 1_000;
  };
  return {
    start: launch,
    async kill(signal) {
      down = true;
      await service?.kill(signal);
    },
    async stop() {
      down = true;
      await service?.stop(15_000);
    },
    pid: () => service?.child.pid,
  };
}

/** Embedded Postgres that can be SIGKILLed (its postmaster) and started again on the same data. */
function embeddedPostgres(dataDir: string, port: number): Component & { url(): string } {
  let db: EmbeddedDatabase | null = null;
  const postmasterPid = () => {
    try {
      return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
    } catch {
      return undefined;
    }
  };
  return {
    url: () => {
      if (!db) throw new Error('PostgreSQL is not running');
      return db.url;
    },
    async start() {
      // After a SIGKILL the old backends exit on their own within moments; until they have, the data
      // directory's shared memory is still in use and a start is refused.
      const deadline = Date.now() + 60_000;
      for (;;) {
        try {
          db = await startEmbeddedPostgres({ dataDir, port, persistent: true });
          return;
        } catch (err) {
          if (Date.now() > deadline) throw err;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    },
    async kill(signal) {
      const pid = postmasterPid();
      if (!pid) return;
      process.kill(pid, signal);
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && alive(pid)) await new Promise((r) => setTimeout(r, 100));
      db = null;
    },
    async stop() {
      await db?.stop();
      db = null;
    },
    pid: postmasterPid,
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
