// Child processes of the launchers (`npm start`, `npm run start:prod`), the benchmark and the chaos
// tests: each in its own process group (a Ctrl-C reaches only the launcher, which stops them in order),
// output appended to a log file, stopped with SIGTERM then SIGKILL.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stopChild } from './temporal-server.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Service {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves with the exit code or signal when the process ends. */
  exited: Promise<string>;
  /** SIGTERM to the group, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** A signal to the whole process group (SIGKILL: a crash, nothing runs its shutdown). */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function spawnService(options: {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  logFile: string;
  cwd?: string;
}): Service {
  const fd = openSync(options.logFile, 'a');
  const child = spawn(options.command, options.args, {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(String(signal ?? code)));
  });
  return {
    name: options.name,
    child,
    logFile: options.logFile,
    exited,
    stop: (graceMs = 15_000) => stopChild(child, graceMs),
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        child.kill(signal);
      }
      await exited;
    },
  };
}

/** `node --import tsx <script>` (the API, the worker) as a service. */
export function spawnNodeService(options: {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  nodeArgs?: string[];
}): Service {
  return spawnService({
    name: options.name,
    command: process.execPath,
    args: [...(options.nodeArgs ?? []), '--import', 'tsx', options.script],
    env: options.env,
    logFile: options.logFile,
  });
}

export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** The last `bytes` of a file ('(no log)' if there is none). */
export function tail(file: string, bytes = 3000): string {
  try {
    return readFileSync(file, 'utf8').slice(-bytes);
  } catch {
    return '(no log)';
  }
}

/** Resolves once `needle` appears in the file after byte `from` (earlier runs' lines do not count). */
export async function waitForLog(file: string, needle: string, timeoutMs = 180_000, from = 0): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (readFileSync(file, 'utf8').slice(from).includes(needle)) return;
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${file} did not show ${needle} within ${timeoutMs / 1000} s`);
}
