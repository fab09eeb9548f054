// The twin's load: closed-loop lanes, each `execute`s one twin run from a Temporal client in the load
// generator's process and waits for its result, then starts the next (as the lead load does over HTTP).
import type { Client } from '@temporalio/client';
import type { PhaseResult } from '../load.js';
import type { TwinShape } from './shape.js';

export async function runTwinPhase(
  client: Client,
  taskQueue: string,
  runTag: string,
  count: number,
  concurrency: number,
  shape: TwinShape,
): Promise<PhaseResult> {
  const latenciesMs: number[] = [];
  const leadIds: string[] = [];
  const outcomes: Record<string, number> = {};
  const transportErrors: Record<string, number> = {};
  let errors = 0;
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const workflowId = `twin-${runTag}-${i}`;
      const started = performance.now();
      try {
        await client.workflow.execute('leadTwinWorkflow', { taskQueue, workflowId, args: [shape] });
        latenciesMs.push(performance.now() - started);
        leadIds.push(workflowId);
        outcomes.completed = (outcomes.completed ?? 0) + 1;
      } catch (err) {
        errors++;
        const name = err instanceof Error ? err.name : 'error';
        transportErrors[name] = (transportErrors[name] ?? 0) + 1;
        outcomes[`failed ${name}`] = (outcomes[`failed ${name}`] ?? 0) + 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
  const wallSeconds = (performance.now() - started) / 1000;
  return {
    leads: count,
    concurrency,
    wallSeconds,
    latenciesMs,
    okLatenciesMs: latenciesMs,
    outcomes,
    errors,
    transportErrors,
    leadIds,
  };
}
