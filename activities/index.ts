import type { Pool } from '../db/pool.js';
import { createDeliveryActivities } from './delivery.js';
import { createEvaluationActivities } from './evaluation.js';
import { createLeadRecordActivities } from './lead-records.js';
import { createWebhookActivities } from './webhooks.js';

export interface ActivityDeps {
  pool: Pool;
  fetchImpl?: typeof fetch;
}

/** All activities, built from their dependencies (the samples-typescript factory pattern). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createLeadRecordActivities(deps),
    ...createEvaluationActivities(deps),
    ...createDeliveryActivities(deps),
    ...createWebhookActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
