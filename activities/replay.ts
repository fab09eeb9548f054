import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import { findReplayCandidates, type ReplayFilter } from '../db/replays.js';
import { replayLead } from '../temporal/replay.js';
import type { ReplayRequest, ReplayResult } from '../workflows/shared.js';

export interface ReplayDeps {
  pool: Pool;
  /** A client on the worker's own connection, to reach lead runs (updates) and start redelivery runs. */
  temporal?: { client: Client; taskQueue: string };
}

export function createReplayActivities({ pool, temporal }: ReplayDeps) {
  return {
    async findReplayCandidates(filter: ReplayFilter, after: string | null, limit: number) {
      return findReplayCandidates(pool, filter, { after, limit });
    },

    /**
     * One lead of a bulk replay; waits for its new outcome. It heartbeats while it waits, so a cancelled
     * bulk replay or a worker shutting down cancels it, and the wait is aborted with it.
     */
    async replayOneLead(accountId: string, leadId: string, request: ReplayRequest): Promise<ReplayResult> {
      if (!temporal) throw new Error('replayOneLead needs a Temporal client in the activity dependencies');
      const context = Context.current();
      const heartbeat = setInterval(() => context.heartbeat(), 2000);
      try {
        return await temporal.client.withAbortSignal(context.cancellationSignal, () =>
          // One replay per bulk replay and lead, whatever this activity's retries.
          replayLead(
            temporal.client,
            temporal.taskQueue,
            accountId,
            leadId,
            request,
            `${context.info.workflowExecution?.workflowId ?? context.info.activityId}-${leadId}`,
          ),
        );
      } finally {
        clearInterval(heartbeat);
      }
    },
  };
}
