import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type WorkerOptions } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from './data-converter.js';

/** The two workflow entry points: the lead pipeline's and the intent query's (separate workers). */
export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
export const INTENT_WORKFLOWS_PATH = fileURLToPath(
  new URL('../intent/temporal/workflows.ts', import.meta.url),
);

/** Where a worker gets its workflow code: pre-built bundle code or file (tests, images), else bundled at start. */
export interface WorkflowSource {
  workflowBundleCode?: string;
  workflowBundlePath?: string;
}

export function workflowSourceOptions(
  source: WorkflowSource,
  workflowsPath: string,
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  if (source.workflowBundleCode) return { workflowBundle: { code: source.workflowBundleCode } };
  if (source.workflowBundlePath) return { workflowBundle: { codePath: source.workflowBundlePath } };
  return { workflowsPath };
}

/**
 * Bundles workflow code (webpack costs seconds; do it at build time or once per test run), with the
 * failure converter that encodes failure messages (the worker passes the same path when it bundles).
 */
async function bundle(workflowsPath: string): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: quietLogger,
  });
  return code;
}

export const bundleWorkflows = (): Promise<string> => bundle(WORKFLOWS_PATH);
export const bundleIntentWorkflows = (): Promise<string> => bundle(INTENT_WORKFLOWS_PATH);

const noop = () => {};
const quietLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop };
