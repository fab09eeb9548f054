import type { Pool } from '../db/pool.js';
import { createDeliveryActivities } from './delivery.js';
import { createLeadRecordActivities } from './lead-records.js';

export interface ActivityDeps {
  pool: Pool;
  fetchImpl?: typeof fetch;
}

/** All activities, built from their dependencies (the samples-typescript factory pattern). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createLeadRecordActivities(deps),
    ...createDeliveryActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
