import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../dev/processes.js';

// npm runs a script as `sh -c '<script>'` and forwards SIGINT/SIGTERM to that sh only. A shell
// waiting on `a && b` does not pass the signal on, so `kill -INT <npm start's pid>` (or a process
// manager's SIGTERM) used to leave the whole stack running; Ctrl-C worked only because a terminal
// signals the whole process group. The scripts exec their supervisor so the signal reaches it.
// Checked with the real script text and the real shell, `node` replaced by a stub on PATH.

const scripts = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>;

const STUB_NODE = `#!/bin/sh
case "$*" in *bootstrap.mjs*) exit 0 ;; esac
trap 'echo "$*" > "$MARKER"; exit 0' INT TERM
echo up > "$READY"
while :; do sleep 0.05; done
`;

const started: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  // The shell leads its own process group: a stub the signal never reached goes with it.
  for (const child of started.splice(0)) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group has ended
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('npm start scripts', () => {
  for (const [name, supervisor] of [
    ['start', 'dev/start.ts'],
    ['start:prod', 'dev/start-prod.ts'],
  ] as const) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      it(`${name}: a ${signal} sent to the script's shell (as npm forwards it) reaches ${supervisor}`, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'leadrail-start-script-'));
        dirs.push(dir);
        writeFileSync(join(dir, 'node'), STUB_NODE);
        chmodSync(join(dir, 'node'), 0o755);
        const marker = join(dir, 'signalled');
        const ready = join(dir, 'ready');
        const shell = spawn('sh', ['-c', scripts[name] as string], {
          cwd: PROJECT_ROOT,
          env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, MARKER: marker, READY: ready },
          stdio: 'ignore',
          detached: true,
        });
        started.push(shell);
        await until(() => existsSync(ready), `${supervisor} to start`);

        shell.kill(signal);

        await until(() => existsSync(marker), `${supervisor} to receive ${signal}`);
        expect(readFileSync(marker, 'utf8')).toContain(supervisor);
        await until(() => shell.exitCode !== null || shell.signalCode !== null, 'the script to end');
      });
    }
  }
});
