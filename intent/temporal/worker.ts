import { type NativeConnection, Worker } from '@temporalio/worker';
import { INTENT_WORKFLOWS_PATH, type WorkflowSource, workflowSourceOptions } from '../../temporal/bundle.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import type { PayloadKeyring } from '../../temporal/payload-codec.js';
import type { IntentActivities } from './activities.js';

export interface IntentWorkerOptions extends WorkflowSource {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: IntentActivities;
  /** Payload encryption keys (PAYLOAD_ENCRYPTION_KEYS). */
  payloadKeys: PayloadKeyring;
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
  const slots = options.maxConcurrent ?? 64;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    dataConverter: leadrailDataConverter(options.payloadKeys),
    ...workflowSourceOptions(options, INTENT_WORKFLOWS_PATH),
    maxConcurrentWorkflowTaskExecutions: slots,
    maxConcurrentLocalActivityExecutions: slots,
    // No regular activities on this queue.
    maxConcurrentActivityTaskExecutions: 1,
    // A query completes in its first workflow task; nothing needs to stay cached for long.
    maxCachedWorkflows: slots * 2,
    shutdownGraceTime: '5s',
  });
}
