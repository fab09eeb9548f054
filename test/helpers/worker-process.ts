import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { freePort } from '../../dev/ports.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A process of ours as a child on the shared test servers, SIGKILLable as an orchestrator would. */
export interface ServiceProcess {
  pid: number | undefined;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The production worker (worker.ts) as a child process on the shared test servers, so a test can
 * SIGKILL it the way an orchestrator or the OOM killer would.
 */
export async function startWorkerProcess(options: { taskQueue: string; databaseUrl?: string }) {
  // The worker also binds the SDK's metrics exporter on the next port, which may be taken: try again.
  for (let attempt = 1; ; attempt++) {
    try {
      const metricsPort = await freePort();
      return await startServiceProcess('worker.ts', metricsPort, {
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
        TEMPORAL_TASK_QUEUE: options.taskQueue,
        WORKER_METRICS_PORT: String(metricsPort),
      });
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/**
 * `script` (worker.ts, api/main.ts) as a child process on the shared test servers, ready once
 * `http://127.0.0.1:<port>/healthz` answers; `env` is laid over the shared servers' settings.
 */
export async function startServiceProcess(
  script: string,
  port: number,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: inject('databaseUrl'),
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      PAYLOAD_ENCRYPTION_KEYS: inject('payloadEncryptionKeys'),
      WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
      INTENT_WORKFLOW_BUNDLE_PATH: inject('intentWorkflowBundlePath'),
      HOST: '127.0.0.1',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'warn',
      ...env,
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
    if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}): ${stderr}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${script} did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    pid: child.pid,
    exited,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
