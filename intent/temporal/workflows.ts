import { proxyLocalActivities } from '@temporalio/workflow';
import type {
  IntentActivities,
  IntentBatchOutcome,
  IntentQueryInput,
  IntentQuerySummary,
} from './activities.js';

// Intent queries as short-lived workflows on the intent task queue. Each run's single step is a LOCAL
// activity (no extra task round trip through the server): the ranking runs in the worker that holds the
// index in memory, keeps the full results in that process and returns compact summaries, which is all
// the history records (docs/decisions/0004-intent-queries-on-temporal.md).

const { rankIntentQuery, rankIntentQueries } = proxyLocalActivities<IntentActivities>({
  startToCloseTimeout: '30s',
  // Ranking is deterministic: a failure would fail again. The API answers INTERNAL_ERROR at once.
  retry: { maximumAttempts: 1 },
});

/** One query, one run (workflow id = query id): what a query gets when it arrives alone. */
export async function intentQueryWorkflow(input: IntentQueryInput): Promise<IntentQuerySummary> {
  return rankIntentQuery(input);
}

/**
 * Several queries of one account that arrived together, answered by one run (decision 19): Temporal's
 * per-run cost is shared by the batch. Each query keeps its own id, listed in the run's `IntentQueryIds`
 * search attribute, and its own outcome: one query's failure does not fail the others.
 */
export async function intentQueryBatchWorkflow(inputs: IntentQueryInput[]): Promise<IntentBatchOutcome[]> {
  return rankIntentQueries(inputs);
}
