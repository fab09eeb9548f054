import type { LeadSnapshot } from '../workflows/shared.js';

/**
 * Synchronous submissions waiting, in this process, for their lead's outcome from this process's own
 * lead worker (eager start, decision 24). The run's first decided write (a local activity, so it runs
 * where the run runs) hands the run's snapshot here once Postgres holds it; the submission answers with
 * it, without an `await-outcome` update and the workflow task the update would cost. A run that left
 * this process (its worker evicted it) never calls here: the submission falls back to the update.
 */
export class DecidedLeads {
  // Several per lead when submissions of one lead race (they share its one run).
  private readonly waiting = new Map<string, Set<(snapshot: LeadSnapshot) => void>>();

  /** Starts listening for `leadId`'s outcome (before its run starts); `stop` when no longer waiting. */
  expect(leadId: string): { decided: Promise<LeadSnapshot>; stop(): void } {
    let stop = () => {};
    const decided = new Promise<LeadSnapshot>((resolve) => {
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

  /** The run's decided write landed with this snapshot (a no-op when nobody here waits for it). */
  readonly notify = (leadId: string, snapshot: LeadSnapshot): void => {
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
