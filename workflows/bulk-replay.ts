import {
  ActivityFailure,
  continueAsNew,
  isCancellation,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { type BulkReplayInput, type BulkReplayProgress, bulkReplayProgressQuery } from './shared.js';

const { findReplayCandidates } = proxyActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { maximumAttempts: 10 },
});
const { replayOneLead } = proxyActivities<Activities>({
  startToCloseTimeout: '10m',
  heartbeatTimeout: '10s',
  summary: 'replay one lead',
  retry: { maximumAttempts: 3 },
});

const PAGE = 100;

/**
 * Replays many failed leads (by flow, recipient, time range, failure reason) at the operator's rate.
 * Each lead goes through the same path as a single replay, so recipient caps and the no-double-delivery
 * rule hold. Reports progress by query; cancelling it stops after the lead in progress.
 */
export async function bulkReplayWorkflow(input: BulkReplayInput): Promise<BulkReplayProgress> {
  const progress: BulkReplayProgress = input.progress ?? {
    status: 'running',
    processed: 0,
    delivered: 0,
    still_failed: 0,
    skipped: 0,
    errors: 0,
    cursor: null,
    started_at: new Date().toISOString(),
    finished_at: null,
  };
  setHandler(bulkReplayProgressQuery, () => progress);
  const spacingMs = 1000 / input.ratePerSecond;
  const request = {
    requestedBy: input.requestedBy,
    recipientId: input.filter.recipientId,
    force: input.force,
  };

  try {
    for (;;) {
      const page = await findReplayCandidates(
        { accountId: input.accountId, ...input.filter },
        progress.cursor,
        PAGE,
      );
      if (page.length === 0) break;
      for (const candidate of page) {
        const started = Date.now();
        try {
          const result = await replayOneLead(input.accountId, candidate.leadId, request);
          if (result.attempts.length === 0 || result.attempts.every((a) => a.outcome === 'skip'))
            progress.skipped++;
          else if (result.status === 'delivered') progress.delivered++;
          else progress.still_failed++;
        } catch (err) {
          if (isCancellation(err)) throw err;
          if (!(err instanceof ActivityFailure)) throw err;
          progress.errors++;
        }
        progress.processed++;
        progress.cursor = candidate.leadId;
        const wait = spacingMs - (Date.now() - started);
        if (wait > 0) await sleep(wait);
      }
      // Keep each run's history small: thousands of leads continue in a fresh run.
      if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > 4000) {
        await continueAsNew<typeof bulkReplayWorkflow>({ ...input, progress });
      }
    }
    progress.status = 'completed';
  } catch (err) {
    if (!isCancellation(err)) throw err;
    progress.status = 'cancelled';
  }
  progress.finished_at = new Date().toISOString();
  return progress;
}
