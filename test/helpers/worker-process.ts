import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { freePort } from '../../dev/ports.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The production worker (worker.ts) as a child process on the shared test servers, so a test can
 * SIGKILL it the way an orchestrator or the OOM killer would.
 */
export async function startWorkerProcess(options: { taskQueue: string; databaseUrl?: string }) {
  // The worker also binds the SDK's metrics exporter on the next port, which may be taken: try again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnWorker(options, await freePort());
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

async function spawnWorker(options: { taskQueue: string; databaseUrl?: string }, metricsPort: number) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'worker.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl ?? inject('databaseUrl'),
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      PAYLOAD_ENCRYPTION_KEYS: inject('payloadEncryptionKeys'),
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
      WORKER_METRICS_PORT: String(metricsPort),
      HOST: '127.0.0.1',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Ready once its health endpoint answers (it starts serving after connecting to Temporal).
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`worker exited (${child.exitCode}): ${stderr}`);
    const ok = await fetch(`http://127.0.0.1:${metricsPort}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`worker did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    pid: child.pid,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
