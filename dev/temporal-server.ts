import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, createWriteStream, mkdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
import { ensureSearchAttributes } from '../temporal/search-attributes.js';
import { SEARCH_ATTRIBUTES } from '../workflows/shared.js';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LOCAL_TEMPORAL_CLI = join(PROJECT_ROOT, '.tools', 'temporal', 'bin', 'temporal');

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `$TEMPORAL_CLI_PATH`, then `temporal` on PATH, then the project-local pip install (`.tools/`). */
export function resolveTemporalCli(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TEMPORAL_CLI_PATH) {
    if (!isExecutable(env.TEMPORAL_CLI_PATH))
      throw new Error(`TEMPORAL_CLI_PATH=${env.TEMPORAL_CLI_PATH} is not executable`);
    return env.TEMPORAL_CLI_PATH;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, 'temporal'))) return join(dir, 'temporal');
  }
  if (isExecutable(LOCAL_TEMPORAL_CLI)) return LOCAL_TEMPORAL_CLI;
  throw new Error(
    'Temporal CLI not found. Run `node dev/bootstrap.mjs` (installs it into .tools/) or set TEMPORAL_CLI_PATH.',
  );
}

export interface DevServerOptions {
  port: number;
  /** Web UI port; undefined runs headless. */
  uiPort?: number;
  /** SQLite file for persistent state; undefined keeps everything in memory. */
  dbFilename?: string;
  namespace?: string;
  logFile?: string;
  /** Where the Web UI decodes payloads (the API's /codec); without it the UI shows them encrypted. */
  codecEndpoint?: string;
  /** The server's Prometheus metrics on this port (the benchmarks read them); none without it. */
  metricsPort?: number;
}

export interface DevServer {
  address: string;
  uiUrl: string | null;
  process: ChildProcess;
  stop(): Promise<void>;
}

const SA_TYPE_NAMES: Record<string, string> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
  [SearchAttributeType.TEXT]: 'Text',
};

/** Starts `temporal server start-dev` and resolves once its frontend answers and our search attributes exist. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const cli = resolveTemporalCli();
  const namespace = options.namespace ?? 'default';
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--namespace',
    namespace,
  ];
  args.push('--log-level', 'warn', '--log-format', 'json');
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.uiPort && options.codecEndpoint) args.push('--ui-codec-endpoint', options.codecEndpoint);
  if (options.metricsPort) args.push('--metrics-port', String(options.metricsPort));
  if (options.dbFilename) {
    mkdirSync(dirname(options.dbFilename), { recursive: true });
    // WAL with synchronous=NORMAL: still safe if a process crashes (only a power loss can drop the
    // last commits), and about twice the workflow throughput of the default rollback journal here.
    args.push(
      '--db-filename',
      options.dbFilename,
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
    );
  }
  for (const key of SEARCH_ATTRIBUTES)
    args.push('--search-attribute', `${key.name}=${SA_TYPE_NAMES[key.type]}`);
  // The CLI turns this test setting on; production keeps the caches (decision 26), and so do we here, so
  // the dev stack and the tests behave as production does. The attributes above are registered before
  // the server answers, so nothing waits on a cache refresh.
  args.push('--dynamic-config-value', 'system.forceSearchAttributesCacheRefreshOnRead=false');

  const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const sink = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : null;
  const collect = (chunk: Buffer) => {
    if (output.length < 20_000) output += chunk.toString();
    sink?.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: number | null | undefined;
  child.on('exit', (code) => {
    exited = code;
  });

  const address = `127.0.0.1:${options.port}`;
  const stop = () => stopChild(child);
  try {
    await waitUntilReady(
      address,
      namespace,
      () => exited,
      () => output,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : null,
    process: child,
    stop,
  };
}

async function waitUntilReady(
  address: string,
  namespace: string,
  exitCode: () => number | null | undefined,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 90_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (exitCode() !== undefined)
      throw new Error(`Temporal dev server exited (${exitCode()}):\n${output().slice(-4000)}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        await ensureSearchAttributes(connection, namespace);
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal dev server at ${address} not ready after 90 s: ${String(lastError)}`);
}

/** SIGTERM the process group, then SIGKILL if it has not exited in time. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        child.kill(signal);
      }
    };
    const timer = setTimeout(() => kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    kill('SIGTERM');
  });
}
