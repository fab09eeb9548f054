// The Temporal server itself (not the dev server): the pinned `go.temporal.io/server` build with
// PostgreSQL persistence and SQL visibility, configured exactly as the temporalio/server image in
// docker-compose.yml is: the server's embedded config template rendered from the same environment
// variables, the same dynamic config file, the same schema and namespace scripts (deploy/).
// test/unit/compose-drift.test.ts keeps the two in step.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../workflows/shared.js';
import { freeLowPorts } from './ports.js';
import { PROJECT_ROOT, type Service, spawnService, tail } from './processes.js';
import { isExecutable, resolveTemporalCli } from './temporal-server.js';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  config: { temporalServerVersion: string; temporalUiVersion: string };
};

/** The pinned versions (package.json `config`; docker-compose.yml's image tags must match). */
export const TEMPORAL_SERVER_VERSION = pkg.config.temporalServerVersion;
export const TEMPORAL_UI_VERSION = pkg.config.temporalUiVersion;

/**
 * History shards: fixed for the life of a cluster's database. 64 lets history spread over many hosts
 * later and costs about 2% of a core idle here (4: 1.5%, 512: 7% plus Postgres). Change it only
 * before the first start (TEMPORAL_NUM_HISTORY_SHARDS; compose: the same variable).
 */
export const DEFAULT_HISTORY_SHARDS = 64;
export const DYNAMIC_CONFIG_FILE = join(PROJECT_ROOT, 'deploy', 'temporal-dynamicconfig.yaml');
export const SCHEMA_SCRIPT = join(PROJECT_ROOT, 'deploy', 'temporal-schema.sh');
export const NAMESPACE_SCRIPT = join(PROJECT_ROOT, 'deploy', 'temporal-namespace.sh');

const TOOLS_DIR = join(PROJECT_ROOT, '.tools');

/**
 * The server and its SQL tool: `$TEMPORAL_SERVER_PATH` (its `sql` tool beside it, or
 * `$TEMPORAL_SQL_TOOL_PATH`), else `.tools/temporal-server/v<pinned>/` as `node dev/bootstrap.mjs
 * --temporal-server` builds it.
 */
export function resolveTemporalServer(env: NodeJS.ProcessEnv = process.env): {
  server: string;
  sqlTool: string;
} {
  const server =
    env.TEMPORAL_SERVER_PATH ?? join(TOOLS_DIR, 'temporal-server', `v${TEMPORAL_SERVER_VERSION}`, 'server');
  const sqlTool = env.TEMPORAL_SQL_TOOL_PATH ?? join(dirname(server), 'sql');
  for (const [what, path] of [
    ['Temporal server', server],
    ['Temporal SQL tool', sqlTool],
  ] as const) {
    if (!isExecutable(path)) {
      throw new Error(
        `${what} not found at ${path}. Run \`node dev/bootstrap.mjs --temporal-server\` (builds v${TEMPORAL_SERVER_VERSION} ` +
          'with Go into .tools/) or set TEMPORAL_SERVER_PATH (and TEMPORAL_SQL_TOOL_PATH).',
      );
    }
  }
  return { server, sqlTool };
}

/** The Web UI server (`github.com/temporalio/ui-server`), or null when it is not built. */
export function resolveTemporalUiServer(env: NodeJS.ProcessEnv = process.env): string | null {
  const path =
    env.TEMPORAL_UI_SERVER_PATH ?? join(TOOLS_DIR, 'temporal-ui', `v${TEMPORAL_UI_VERSION}`, 'server');
  return isExecutable(path) ? path : null;
}

export interface PostgresTarget {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** Temporal's databases live on the same PostgreSQL server as Leadrail's, with the same role. */
export function postgresTargetFromUrl(databaseUrl: string): PostgresTarget {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

export interface TemporalPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  /** Ringpop membership, one per service; must be below 32768 (see dev/ports.ts). */
  frontendMembership: number;
  historyMembership: number;
  matchingMembership: number;
  workerMembership: number;
  /** Prometheus metrics of the server. */
  metrics: number;
}

/** The image's defaults (7233 frontend, 6933.. membership), with metrics on 8000. */
export const DEFAULT_TEMPORAL_PORTS: TemporalPorts = {
  frontend: 7233,
  frontendHttp: 7243,
  history: 7234,
  matching: 7235,
  worker: 7239,
  frontendMembership: 6933,
  historyMembership: 6934,
  matchingMembership: 6935,
  workerMembership: 6939,
  metrics: 8000,
};

/** Every port on free ones (membership ports below 32768: dev/ports.ts), for tests and benchmarks. */
export async function freeTemporalPorts(): Promise<TemporalPorts> {
  const [frontend, frontendHttp, history, matching, worker, fm, hm, mm, wm, metrics] = await freeLowPorts(10);
  return {
    frontend: frontend!,
    frontendHttp: frontendHttp!,
    history: history!,
    matching: matching!,
    worker: worker!,
    frontendMembership: fm!,
    historyMembership: hm!,
    matchingMembership: mm!,
    workerMembership: wm!,
    metrics: metrics!,
  };
}

/**
 * The server's environment: the variables its embedded config template reads, as docker-compose.yml
 * sets them for the temporalio/server image, plus the ports (compose keeps the defaults).
 */
export function temporalServerEnvironment(options: {
  postgres: PostgresTarget;
  ports: TemporalPorts;
  numHistoryShards: number;
  logLevel?: string;
}): Record<string, string> {
  const { postgres, ports } = options;
  return {
    DB: 'postgres12',
    DB_PORT: String(postgres.port),
    POSTGRES_SEEDS: postgres.host,
    POSTGRES_USER: postgres.user,
    POSTGRES_PWD: postgres.password,
    NUM_HISTORY_SHARDS: String(options.numHistoryShards),
    DYNAMIC_CONFIG_FILE_PATH: DYNAMIC_CONFIG_FILE,
    TEMPORAL_ALLOW_NO_AUTH: 'true',
    BIND_ON_IP: '127.0.0.1',
    LOG_LEVEL: options.logLevel ?? 'warn',
    FRONTEND_GRPC_PORT: String(ports.frontend),
    FRONTEND_HTTP_PORT: String(ports.frontendHttp),
    FRONTEND_MEMBERSHIP_PORT: String(ports.frontendMembership),
    HISTORY_GRPC_PORT: String(ports.history),
    HISTORY_MEMBERSHIP_PORT: String(ports.historyMembership),
    MATCHING_GRPC_PORT: String(ports.matching),
    MATCHING_MEMBERSHIP_PORT: String(ports.matchingMembership),
    WORKER_GRPC_PORT: String(ports.worker),
    WORKER_MEMBERSHIP_PORT: String(ports.workerMembership),
    PROMETHEUS_ENDPOINT: `127.0.0.1:${ports.metrics}`,
  };
}

/** Runs one of the deploy/ scripts with `sh`, its output appended to the log; fails with its tail. */
async function runScript(script: string, env: Record<string, string>, logFile: string): Promise<void> {
  try {
    const { stdout, stderr } = await run('sh', [script], {
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    writeFileSync(logFile, stdout + stderr, { flag: 'a' });
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    writeFileSync(logFile, stdout + stderr, { flag: 'a' });
    throw new Error(`${script} failed:\n${(stdout + stderr).slice(-3000)}`);
  }
}

/** Creates and migrates the `temporal` and `temporal_visibility` databases (deploy/temporal-schema.sh). */
export async function setupTemporalSchema(options: {
  sqlTool: string;
  postgres: PostgresTarget;
  logFile: string;
}): Promise<void> {
  const { postgres } = options;
  await runScript(
    SCHEMA_SCRIPT,
    {
      TEMPORAL_SQL_TOOL: options.sqlTool,
      POSTGRES_SEEDS: postgres.host,
      DB_PORT: String(postgres.port),
      POSTGRES_USER: postgres.user,
      SQL_PASSWORD: postgres.password,
    },
    options.logFile,
  );
}

/** Registers the namespace and our search attributes with the Temporal CLI (deploy/temporal-namespace.sh). */
export async function registerNamespace(options: {
  address: string;
  namespace: string;
  logFile: string;
}): Promise<void> {
  await runScript(
    NAMESPACE_SCRIPT,
    {
      TEMPORAL_CLI: resolveTemporalCli(),
      TEMPORAL_ADDRESS: options.address,
      TEMPORAL_NAMESPACE: options.namespace,
    },
    options.logFile,
  );
}

export interface TemporalServerProcess extends Service {
  address: string;
}

/** Starts the server and resolves once its frontend answers health checks. */
export async function startTemporalServer(options: {
  server: string;
  environment: Record<string, string>;
  logFile: string;
  timeoutMs?: number;
}): Promise<TemporalServerProcess> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const address = `127.0.0.1:${options.environment.FRONTEND_GRPC_PORT}`;
  const from = existsSync(options.logFile) ? readFileSync(options.logFile).length : 0;
  const service = spawnService({
    name: 'temporal',
    command: options.server,
    args: ['start'],
    env: { ...process.env, ...options.environment },
    logFile: options.logFile,
  });
  let exit: string | null = null;
  void service.exited.then((code) => {
    exit = code;
  });
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (exit !== null) {
      throw new Error(
        `Temporal server exited (${exit}):\n${readFileSync(options.logFile, 'utf8').slice(from).slice(-4000)}`,
      );
    }
    try {
      if (await frontendServing(address)) return { ...service, address };
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await service.stop(5_000);
  throw new Error(
    `Temporal server at ${address} not serving after ${(options.timeoutMs ?? 120_000) / 1000} s: ${String(lastError)}\n${tail(options.logFile)}`,
  );
}

/** The frontend's gRPC health check answers SERVING. */
async function frontendServing(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    const answer = await connection.healthService.check({
      service: 'temporal.api.workflowservice.v1.WorkflowService',
    });
    return answer.status === 1; // SERVING
  } finally {
    await connection.close();
  }
}

/** Resolves once the namespace is served and knows every search attribute in workflows/shared.ts. */
export async function waitForNamespace(
  address: string,
  namespace: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        const listed = await connection.operatorService.listSearchAttributes({ namespace });
        const known = new Set(Object.keys(listed.customAttributes ?? {}));
        const missing = SEARCH_ATTRIBUTES.filter((key) => !known.has(key.name)).map((key) => key.name);
        if (missing.length === 0) return;
        lastError = new Error(`search attributes missing: ${missing.join(', ')}`);
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `namespace ${namespace} at ${address} not ready after ${timeoutMs / 1000} s: ${String(lastError)}`,
  );
}

/**
 * The Web UI server against the cluster, configured through the same settings the temporalio/ui image
 * takes from its environment (address, port, CORS origins, codec endpoint).
 */
export function startTemporalUi(options: {
  binary: string;
  dir: string;
  temporalAddress: string;
  port: number;
  corsOrigins: string[];
  codecEndpoint?: string;
  logFile: string;
}): Service {
  const configDir = join(options.dir, 'config');
  mkdirSync(configDir, { recursive: true });
  const config = {
    temporalGrpcAddress: options.temporalAddress,
    host: '127.0.0.1',
    port: options.port,
    enableUi: true,
    defaultNamespace: 'default',
    cors: { allowOrigins: options.corsOrigins, cookieInsecure: true },
    codec: { endpoint: options.codecEndpoint ?? '' },
  };
  // JSON is YAML; the UI server reads <root>/config/<env>.yaml.
  writeFileSync(join(configDir, 'leadrail.yaml'), `${JSON.stringify(config, null, 2)}\n`);
  return spawnService({
    name: 'ui',
    command: options.binary,
    args: ['--root', options.dir, '--config', 'config', '--env', 'leadrail', 'start'],
    logFile: options.logFile,
  });
}
