// The intent query's Temporal-only twin (bench only): the same shape as `intentQueryWorkflow` (one
// workflow task running one local activity whose result is a query summary) with no ranking. The
// batch variant is the shape of coalescing: one short-lived run answers several queries.
import { proxyLocalActivities } from '@temporalio/workflow';
import type { TwinInput, TwinQueryActivities, TwinSummary } from './twin-shape.js';

const { twinRank, twinRankBatch } = proxyLocalActivities<TwinQueryActivities>({
  startToCloseTimeout: '30s',
  retry: { maximumAttempts: 1 },
});

export async function intentTwinWorkflow(input: TwinInput): Promise<TwinSummary> {
  return twinRank(input);
}

export async function intentTwinBatchWorkflow(inputs: TwinInput[]): Promise<TwinSummary[]> {
  return twinRankBatch(inputs);
}
