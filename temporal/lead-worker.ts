import { type NativeConnection, Worker } from '@temporalio/worker';
import type { Activities } from '../activities/index.js';
import { sanitizeDatabaseFailures } from './activity-errors.js';
import { WORKFLOWS_PATH, type WorkflowSource, workflowSourceOptions } from './bundle.js';
import { leadrailDataConverter } from './data-converter.js';
import type { PayloadKeyring } from './payload-codec.js';

export interface LeadWorkerOptions extends WorkflowSource {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** Payload encryption keys (PAYLOAD_ENCRYPTION_KEYS). */
  payloadKeys: PayloadKeyring;
}

// Sized for a small machine: the database pool, not Temporal, is the scarce resource.
export async function createLeadWorker(options: LeadWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    dataConverter: leadrailDataConverter(options.payloadKeys),
    ...workflowSourceOptions(options, WORKFLOWS_PATH),
    interceptors: { activity: [sanitizeDatabaseFailures] },
    maxConcurrentActivityTaskExecutions: 50,
    maxConcurrentLocalActivityExecutions: 50,
    maxCachedWorkflows: 2000,
    shutdownGraceTime: '10s',
  });
}
