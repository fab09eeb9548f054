import { fileURLToPath } from 'node:url';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Activities } from '../activities/index.js';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface LeadWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** Pre-built bundle code (tests, production image); without it the worker bundles at start. */
  workflowBundleCode?: string;
  workflowBundlePath?: string;
}

// Sized for a small machine: the database pool, not Temporal, is the scarce resource.
export async function createLeadWorker(options: LeadWorkerOptions): Promise<Worker> {
  const workflowSource: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = options.workflowBundleCode
    ? { workflowBundle: { code: options.workflowBundleCode } }
    : options.workflowBundlePath
      ? { workflowBundle: { codePath: options.workflowBundlePath } }
      : { workflowsPath: WORKFLOWS_PATH };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    ...workflowSource,
    maxConcurrentActivityTaskExecutions: 50,
    maxConcurrentLocalActivityExecutions: 50,
    maxCachedWorkflows: 2000,
    shutdownGraceTime: '10s',
  });
}
