import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import type { RetentionPolicy } from '../activities/maintenance.js';
import type { maintenanceWorkflow } from '../workflows/maintenance.js';

export const MAINTENANCE_SCHEDULE_ID = 'leadrail-maintenance';

export interface MaintenanceScheduleOptions {
  taskQueue: string;
  /** How often housekeeping runs, as a Temporal duration ('1h', '15m'). */
  every: string;
  policy: RetentionPolicy;
  /** Tests use their own id so parallel stacks do not share one schedule. */
  scheduleId?: string;
}

/**
 * Creates the housekeeping schedule, or brings an existing one to these settings: every worker calls
 * this at start, so the schedule follows the configuration of the newest deployment. A Temporal
 * Schedule rather than a timer in a process: it runs once per interval however many workers there are,
 * survives restarts, and shows its runs in the Web UI (Schedules).
 */
export async function ensureMaintenanceSchedule(
  client: Client,
  options: MaintenanceScheduleOptions,
): Promise<'created' | 'updated'> {
  const scheduleId = options.scheduleId ?? MAINTENANCE_SCHEDULE_ID;
  const spec = { intervals: [{ every: options.every }] };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: 'maintenanceWorkflow',
    taskQueue: options.taskQueue,
    args: [options.policy] as Parameters<typeof maintenanceWorkflow>,
    workflowId: `${scheduleId}-run`,
  };
  try {
    await client.schedule.create({
      scheduleId,
      spec,
      action,
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1h' },
      state: { note: 'Leadrail housekeeping: prunes expired query-log rows and rate-limit windows' },
    });
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action }));
    return 'updated';
  }
}
