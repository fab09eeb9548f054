import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOWS_PATH } from './lead-worker.js';

/** Bundles the workflow code once (webpack costs seconds; do it at build time or once per test run). */
export async function bundleWorkflows(): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger });
  return code;
}

const noop = () => {};
const quietLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop };
