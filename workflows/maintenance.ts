import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { PruneResult, RetentionPolicy } from '../activities/maintenance.js';

const { pruneExpiredRecords } = proxyActivities<Activities>({
  startToCloseTimeout: '10m',
  summary: 'prune expired records',
  retry: { initialInterval: '10s', backoffCoefficient: 2, maximumInterval: '5m', maximumAttempts: 5 },
});

/** Housekeeping, started by the `leadrail-maintenance` schedule (temporal/maintenance-schedule.ts). */
export async function maintenanceWorkflow(policy: RetentionPolicy): Promise<PruneResult> {
  return pruneExpiredRecords(policy);
}
