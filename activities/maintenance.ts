import type { Pool } from '../db/pool.js';
import { type PruneResult, pruneExpiredRecords, type RetentionPolicy } from '../db/retention.js';

export type { PruneResult, RetentionPolicy };

export function createMaintenanceActivities(deps: { pool: Pool }) {
  return {
    /** Deletes what is past its retention; safe to retry (a second run finds less to delete). */
    async pruneExpiredRecords(policy: RetentionPolicy): Promise<PruneResult> {
      return pruneExpiredRecords(deps.pool, policy);
    },
  };
}
