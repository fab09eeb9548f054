import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { IntentActivities } from '../activities/intent.js';

export const INTENT_WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/intent-index.ts', import.meta.url));

export interface IntentWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: IntentActivities;
  /** Pre-built bundle of workflows/intent-index.ts (tests, images); without it the worker bundles at start. */
  workflowBundleCode?: string;
  workflowBundlePath?: string;
  /** Concurrent queries (workflow tasks and their local activities); default 64. */
  maxConcurrent?: number;
}

/**
 * The intent worker: runs `intentQueryWorkflow` and its local ranking activity. It runs inside the API
 * process, so the API's client (built on this worker's NativeConnection) can start queries EAGERLY: the
 * server hands the first workflow task straight back in the start response, and the whole query
 * completes in one workflow task.
 */
export async function createIntentWorker(options: IntentWorkerOptions): Promise<Worker> {
  const workflowSource: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = options.workflowBundleCode
    ? { workflowBundle: { code: options.workflowBundleCode } }
    : options.workflowBundlePath
      ? { workflowBundle: { codePath: options.workflowBundlePath } }
      : { workflowsPath: INTENT_WORKFLOWS_PATH };
  const slots = options.maxConcurrent ?? 64;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    ...workflowSource,
    maxConcurrentWorkflowTaskExecutions: slots,
    maxConcurrentLocalActivityExecutions: slots,
    // No regular activities on this queue.
    maxConcurrentActivityTaskExecutions: 1,
    // A query completes in its first workflow task; nothing needs to stay cached for long.
    maxCachedWorkflows: slots * 2,
    shutdownGraceTime: '5s',
  });
}

/** Bundles workflows/intent-index.ts (webpack; seconds): at start, or once per test run. */
export async function bundleIntentWorkflows(): Promise<string> {
  const noop = () => {};
  const { code } = await bundleWorkflowCode({
    workflowsPath: INTENT_WORKFLOWS_PATH,
    logger: { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop },
  });
  return code;
}
