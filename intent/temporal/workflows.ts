import { proxyLocalActivities } from '@temporalio/workflow';
import type { IntentActivities, IntentQueryInput, IntentQuerySummary } from './activities.js';

// One intent query = one short-lived workflow on the intent task queue. Its single step is a LOCAL
// activity (no extra task round trip through the server): the ranking runs in the worker that holds the
// index in memory, keeps the full result in that process and returns a compact summary, which is all
// the history records (docs/decisions/0004-intent-queries-on-temporal.md).

const { rankIntentQuery } = proxyLocalActivities<IntentActivities>({
  startToCloseTimeout: '30s',
  // Ranking is deterministic: a failure would fail again. The API answers INTERNAL_ERROR at once.
  retry: { maximumAttempts: 1 },
});

export async function intentQueryWorkflow(input: IntentQueryInput): Promise<IntentQuerySummary> {
  return rankIntentQuery(input);
}
