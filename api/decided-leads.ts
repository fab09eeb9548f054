import type { LeadSnapshot } from '../workflows/shared.js';

/**
 * Synchronous submissions waiting, in this process, for their lead's outcome from this process's own
 * lead worker (eager start, decision 24). The run's first decided write (a local activity, so it runs
 * where the run runs) reports here once Postgres holds it: with the run's snapshot, which the
 * submission answers with, without an `await-outcome` update and the workflow task the update would
 * cost; or with null when the outcome rests on a result not yet in the run's history, and the
 * submission asks the run by update at once. A run whose task went to another worker (its sticky task
 * timed out, its task failed, this worker stopped) never reports here: the submission's fallback
 * update answers.
 */
export class DecidedLeads {
  // Several per lead when submissions of one lead race (they share its one run).
  private readonly waiting = new Map<string, Set<(snapshot: LeadSnapshot | null) => void>>();

  /** Starts listening for `leadId`'s outcome (before its run starts); `stop` when no longer waiting. */
  expect(leadId: string): { decided: Promise<LeadSnapshot | null>; stop(): void } {
    let stop = () => {};
    const decided = new Promise<LeadSnapshot | null>((resolve) => {
      const waiters = this.waiting.get(leadId) ?? new Set();
      waiters.add(resolve);
      this.waiting.set(leadId, waiters);
      stop = () => {
        waiters.delete(resolve);
        if (waiters.size === 0 && this.waiting.get(leadId) === waiters) this.waiting.delete(leadId);
      };
    });
    return { decided, stop };
  }

  /** The run's decided write landed: its snapshot, or null (ask the run); a no-op when nobody waits. */
  readonly notify = (leadId: string, snapshot: LeadSnapshot | null): void => {
    const waiters = this.waiting.get(leadId);
    if (!waiters) return;
    this.waiting.delete(leadId);
    for (const resolve of waiters) resolve(snapshot);
  };

  /** Leads with a submission waiting here now (tests check that none is left behind). */
  get size(): number {
    return this.waiting.size;
  }
}
