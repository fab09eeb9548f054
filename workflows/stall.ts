// A run whose bookkeeping step (a Postgres write, a cap reservation) still fails after its retry
// policy does not fail, loop hot or lose its lead: it stalls, visibly (the StalledStep search
// attribute and the run's details name the step and the failure type), and tries again on durable
// timers that back off to an hour, or at once when an operator signals `resume-processing`. Failures
// Postgres will never accept (UnstorableData) wait for the operator only.
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  type RetryPolicy,
  setCurrentDetails,
  setHandler,
  TemporalFailure,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { resumeProcessingSignal, StalledStepAttr } from './shared.js';

/** Seconds before each automatic retry of a stalled step; the last repeats. */
const RETRY_AFTER_SECONDS = [30, 60, 120, 300, 600, 1800, 3600];
const NEVER_RETRIED_ON_ITS_OWN = new Set(['UnstorableData']);

/** Local activity retries: finite, so a failing step reaches the stall below instead of looping. */
export const LOCAL_RETRY: RetryPolicy = {
  initialInterval: '200ms',
  backoffCoefficient: 2,
  maximumInterval: '10s',
  maximumAttempts: 8,
  nonRetryableErrorTypes: ['UnstorableData'],
};

export interface StallGuard {
  /** Runs `call`; while it fails after its own retries, the run stalls and tries again. */
  run<T>(step: string, call: () => Promise<T>): Promise<T>;
  /** The same object of functions, each call guarded (for proxies of local activities). */
  guard<A extends object>(activities: A): A;
  /**
   * The local activities (called through `guard`, or noted) whose results arrived in the current
   * workflow task. A local activity's result is in history only once its task completes: until then,
   * a retried task runs it again, and it may answer differently (a cap slot freed meanwhile, a DNS
   * lookup). A regular activity's result is in history before the task that receives it.
   */
  settledInThisTask(): readonly string[];
  /** Notes a local result that does not go through `run` (a lookup allowed to fail). */
  noteSettled(step: string): void;
}

export function createStallGuard(): StallGuard {
  let resumeRequested = false;
  setHandler(resumeProcessingSignal, () => {
    resumeRequested = true;
  });
  // A workflow task is known by the history length it started at (local activities add no events).
  let settled: { task: number; steps: string[] } = { task: -1, steps: [] };
  function noteSettled(step: string): void {
    const task = workflowInfo().historyLength;
    if (settled.task !== task) settled = { task, steps: [] };
    settled.steps.push(step);
  }

  async function run<T>(step: string, call: () => Promise<T>): Promise<T> {
    for (let stall = 0; ; stall++) {
      try {
        const result = await call();
        if (stall > 0) {
          upsertSearchAttributes([{ key: StalledStepAttr, value: null }]);
          setCurrentDetails('');
        }
        return result;
      } catch (err) {
        // A local activity's failure arrives as its ApplicationFailure itself, a regular one's wrapped.
        if (!(err instanceof TemporalFailure)) throw err;
        const failure = err instanceof ActivityFailure ? err.cause : err;
        const type = failure instanceof ApplicationFailure ? failure.type : null;
        const waitSeconds = RETRY_AFTER_SECONDS[Math.min(stall, RETRY_AFTER_SECONDS.length - 1)]!;
        const automatic = !NEVER_RETRIED_ON_ITS_OWN.has(type ?? '');
        upsertSearchAttributes([{ key: StalledStepAttr, value: step }]);
        setCurrentDetails(
          `**stalled** at ${step} (${type ?? 'failure'}): ${
            automatic ? `retrying in ${waitSeconds}s or` : 'waiting for'
          } a resume-processing signal`,
        );
        resumeRequested = false;
        if (automatic) await condition(() => resumeRequested, waitSeconds * 1000);
        else await condition(() => resumeRequested);
      }
    }
  }

  return {
    run,
    noteSettled,
    settledInThisTask: () => (settled.task === workflowInfo().historyLength ? settled.steps : []),
    guard<A extends object>(activities: A): A {
      return new Proxy(activities, {
        get(target, name) {
          const fn = Reflect.get(target, name) as unknown;
          if (typeof fn !== 'function') return fn;
          return (...args: unknown[]) =>
            run(String(name), async () => {
              const result = await fn(...args);
              noteSettled(String(name));
              return result;
            });
        },
      });
    },
  };
}
