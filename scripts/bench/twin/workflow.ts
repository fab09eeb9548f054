// The lead workflow's structural twin (bench only): the same Temporal shape as a delivered lead (local
// activities per workflow task, activities between tasks) with no business logic, no Postgres and no
// HTTP. What it costs is the floor of the design; `npm run bench:leads` prints leads/s as a ratio of it.
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { TwinActivities, TwinShape } from './shape.js';

const local = proxyLocalActivities<TwinActivities>({ startToCloseTimeout: '10s' });
const remote = proxyActivities<TwinActivities>({ startToCloseTimeout: '10s' });

/** One workflow task per segment: its local activities in turn, then its activities (awaited together). */
export async function leadTwinWorkflow(shape: TwinShape): Promise<number> {
  let steps = 0;
  for (const segment of shape.segments) {
    for (let i = 0; i < segment.localActivities; i++) steps += await local.twinStep(steps);
    const pending = Array.from({ length: segment.activities }, () => remote.twinStep(steps));
    for (const done of await Promise.all(pending)) steps += done;
  }
  return steps;
}
