// Starts the twin's worker (scripts/bench/twin/worker.ts) as a child process against a running Temporal
// server (the dev server or the production shape's), with a bundle and payload key of its own, and a
// client for the load generator with the same key.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { spawnNodeService, tail, waitForLog } from '../../../dev/processes.js';
import { FAILURE_CONVERTER_PATH, leadrailDataConverter } from '../../../temporal/data-converter.js';
import { generatePayloadKey, parsePayloadKeys } from '../../../temporal/payload-codec.js';
import { ROOT } from '../stack.js';
import { RECORDED_LEAD, shapeOfHistory, type TwinShape } from './shape.js';

export const TWIN_TASK_QUEUE = 'leadrail-bench-twin';

export interface Twin {
  client: Client;
  taskQueue: string;
  shape: TwinShape;
  pid: number | undefined;
  /** Rejects when the twin worker exits on its own. */
  crashed: Promise<never>;
  stop(): Promise<void>;
}

export async function startTwin(options: {
  temporalAddress: string;
  workDir: string;
  logDir: string;
  cpuProfDir: string | null;
}): Promise<Twin> {
  const noop = () => {};
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(ROOT, 'scripts', 'bench', 'twin', 'workflows.ts'),
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop },
  });
  const bundlePath = join(options.workDir, 'twin-bundle.js');
  writeFileSync(bundlePath, code);
  const payloadKeys = generatePayloadKey('twin');
  const logFile = join(options.logDir, 'twin.log');
  const service = spawnNodeService({
    name: 'twin',
    script: join('scripts', 'bench', 'twin', 'worker.ts'),
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: options.temporalAddress,
      PAYLOAD_ENCRYPTION_KEYS: payloadKeys,
      TWIN_TASK_QUEUE,
      TWIN_BUNDLE_PATH: bundlePath,
    },
    logFile,
    nodeArgs: options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${join(options.cpuProfDir, 'twin')}`] : [],
  });
  let stopping = false;
  const crashed = new Promise<never>((_, reject) => {
    service.exited.then((exit) => {
      if (!stopping) reject(new Error(`twin worker exited (${exit}):\n${tail(logFile)}`));
    });
  });
  crashed.catch(() => {});
  await Promise.race([waitForLog(logFile, '"msg":"twin worker started"'), crashed]);
  const connection = await Connection.connect({ address: options.temporalAddress });
  return {
    client: new Client({
      connection,
      namespace: 'default',
      dataConverter: leadrailDataConverter(parsePayloadKeys(payloadKeys)),
    }),
    taskQueue: TWIN_TASK_QUEUE,
    shape: shapeOfHistory(RECORDED_LEAD(ROOT)),
    pid: service.child.pid,
    crashed,
    async stop() {
      stopping = true;
      await connection.close().catch(() => {});
      await service.stop(15_000);
    },
  };
}
