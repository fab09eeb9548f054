import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from '../../dev/processes.js';
import type { ProductionShape } from '../../dev/production-shape.js';
import { type ShapeDescription, startShapeForExperiments } from './experiments.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The chaos harness's control server (test/chaos/harness.ts talks to it). */
    chaosControl: string;
  }
}

// The production shape ONCE for the chaos project (dev/production-shape.ts: embedded Postgres, the
// Temporal server on it, two APIs, two workers, the Web UI), on free ports in a temporary directory. It
// starts in the background while the main suite runs (this project's files run after it, one at a
// time: vitest.config.ts). Test files run in other processes, so they reach it through a small HTTP
// control server: describe it, kill a component, start it again.

export default async function setup(project: TestProject) {
  const workDir = mkdtempSync(join(tmpdir(), 'leadrail-chaos-'));
  chmodSync(workDir, 0o755); // embedded Postgres runs as the "postgres" user when we are root
  const logDir = join(workDir, 'logs');
  const crashes: ShapeDescription['crashes'] = [];
  let stopEarly: (() => Promise<void>) | null = null;
  const starting: Promise<ProductionShape> = startShapeForExperiments({
    workDir,
    onCrash: (name, exit) => {
      crashes.push({ name, at: new Date().toISOString(), message: `${name} exited (${exit})` });
    },
    onStopper: (stop) => {
      stopEarly = stop;
    },
  });
  starting.catch(() => {});

  const control = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    try {
      const shape = await starting;
      const url = new URL(req.url ?? '/', 'http://control');
      const [, action, name] = url.pathname.split('/');
      if (req.method === 'GET' && action === 'shape') {
        const description: ShapeDescription = {
          databaseUrl: shape.databaseUrl,
          payloadKeys: shape.payloadKeys,
          temporalAddress: shape.temporalAddress,
          apiUrls: shape.apiUrls,
          uiUrl: shape.uiUrl,
          logDir,
          names: shape.names(),
          pids: shape.pids(),
          crashes,
        };
        return send(200, description);
      }
      if (req.method === 'POST' && action === 'kill' && name) {
        await shape.kill(name, (url.searchParams.get('signal') ?? 'SIGKILL') as NodeJS.Signals);
        return send(200, { killed: name });
      }
      if (req.method === 'POST' && action === 'start' && name) {
        await shape.start(name);
        return send(200, { started: name });
      }
      return send(404, { error: `unknown ${req.method} ${url.pathname}` });
    } catch (err) {
      return send(500, { error: err instanceof Error ? err.message : String(err) });
    }
  }
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  project.provide('chaosControl', `http://127.0.0.1:${(control.address() as AddressInfo).port}`);

  return async () => {
    control.close();
    const shape = await starting.catch(() => null);
    if (shape) await shape.stop();
    else await (stopEarly as (() => Promise<void>) | null)?.();
    // The components' logs outlive the run (.data/chaos-logs/, replaced by the next run) to explain a failure.
    const kept = join(PROJECT_ROOT, '.data', 'chaos-logs');
    rmSync(kept, { recursive: true, force: true });
    mkdirSync(dirname(kept), { recursive: true });
    cpSync(logDir, kept, { recursive: true });
    if (process.env.CHAOS_KEEP) console.log(`[chaos] kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  };
}
