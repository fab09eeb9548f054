import type { Pool } from '../db/pool.js';
import type { PayloadKeyring } from '../temporal/payload-codec.js';
import { createAuctionActivities } from './auction.js';
import { createDeliveryActivities } from './delivery.js';
import { createEvaluationActivities } from './evaluation.js';
import { createLeadRecordActivities, type OnLeadDecided } from './lead-records.js';
import { createMaintenanceActivities } from './maintenance.js';
import { createReplayActivities, type ReplayDeps } from './replay.js';
import { createSuppressionActivities } from './suppression.js';
import { createTrustedFormActivities } from './trustedform.js';
import { createWebhookActivities } from './webhooks.js';

export interface ActivityDeps {
  pool: Pool;
  fetchImpl?: typeof fetch;
  temporal?: ReplayDeps['temporal'];
  /** The payload encryption keys, which also seal webhook signing secrets at rest. */
  payloadKeys?: PayloadKeyring;
  /** A lead worker in the API's process tells its waiting submitters of outcomes (eager start). */
  onLeadDecided?: OnLeadDecided;
}

/** All activities, built from their dependencies (the samples-typescript factory pattern). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createLeadRecordActivities(deps),
    ...createEvaluationActivities(deps),
    ...createDeliveryActivities(deps),
    ...createAuctionActivities(deps),
    ...createWebhookActivities(deps),
    ...createReplayActivities(deps),
    ...createTrustedFormActivities(deps),
    ...createMaintenanceActivities(deps),
    ...createSuppressionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
