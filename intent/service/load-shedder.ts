import { IntentUnavailable } from './errors.js';

// Load shedding for POST /query: past the stack's capacity, waiting only makes every answer late, so a
// query that finds the process at its limit is refused at once (no database work, so refusing stays
// cheap under overload). The limit adapts (AIMD, as TCP's window does) to keep the 95th percentile of
// the answers within the target latency: when more than 1 of the last 20 answers was slower than the
// target it shrinks by a fifth (at most once per target period, and the answers before a decrease do
// not count toward the next one); answers within the target grow it by 1/limit (about one per limit's
// worth of answers) while the limit is in use. So a fast machine admits more and a slow or busy one
// fewer, the latency of what is admitted stays near the target instead of growing with the queue, and a
// lone slow answer (a K = 2000 query, a pause) does not cut admission; `maxInFlight` is the ceiling.

export interface LoadShedderOptions {
  /** Most queries in flight in this process, whatever the latency; default 256. */
  maxInFlight?: number;
  /** The answers' p95 the limit steers toward; 0 keeps the limit at `maxInFlight`. Default 300 ms. */
  targetLatencyMs?: number;
  /** The limit never goes below this (nor above `maxInFlight`); default 4. */
  minInFlight?: number;
  /** Where the limit starts; default 32. */
  initialLimit?: number;
  now?: () => number;
}

/** The recent answers the tail is judged on, and how many of them may be slow (1 in 20: the p95). */
const RECENT_ANSWERS = 20;
const SLOW_ALLOWED = 1;

/** Counts a query out; `answered` with its latency when it got an answer from a ranking. */
export type LeaveShedder = (answered?: boolean) => void;

export class LoadShedder {
  private inFlight = 0;
  private limitValue: number;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  /** Whether each of the last RECENT_ANSWERS answers was slow (a ring), and how many were. */
  private readonly recent = new Uint8Array(RECENT_ANSWERS);
  private recentAt = 0;
  private slowRecently = 0;
  private readonly max: number;
  private readonly min: number;
  private readonly targetMs: number;
  private readonly now: () => number;

  constructor(options: LoadShedderOptions = {}) {
    this.max = Math.max(1, options.maxInFlight ?? 256);
    this.min = Math.min(this.max, Math.max(1, options.minInFlight ?? 4));
    this.targetMs = options.targetLatencyMs ?? 300;
    this.now = options.now ?? (() => performance.now());
    this.limitValue =
      this.targetMs > 0 ? Math.min(this.max, Math.max(this.min, options.initialLimit ?? 32)) : this.max;
  }

  /** Counts a query in and returns the function that counts it out; throws when at the limit. */
  enter(): LeaveShedder {
    if (this.inFlight >= Math.floor(this.limitValue)) {
      throw new IntentUnavailable(
        'overloaded',
        'The service is at capacity; retry shortly',
        { in_flight: this.inFlight },
        1,
      );
    }
    this.inFlight++;
    const startedAt = this.now();
    let left = false;
    return (answered = false) => {
      if (left) return;
      left = true;
      if (answered) {
        const now = this.now();
        this.sample(now - startedAt, now);
      }
      this.inFlight--;
    };
  }

  /** Queries in flight now. */
  get current(): number {
    return this.inFlight;
  }

  /** Queries in flight past which new ones are refused, now. */
  get limit(): number {
    return Math.floor(this.limitValue);
  }

  private sample(latencyMs: number, now: number): void {
    if (this.targetMs <= 0) return;
    const slow = latencyMs > this.targetMs ? 1 : 0;
    this.slowRecently += slow - this.recent[this.recentAt]!;
    this.recent[this.recentAt] = slow;
    this.recentAt = (this.recentAt + 1) % RECENT_ANSWERS;
    if (this.slowRecently > SLOW_ALLOWED) {
      // One decrease per target period: the answers of one slow period are one signal, not many. The
      // window is kept meanwhile, so the first answer after the period decreases again if the recent
      // p95 is still over the target.
      if (now - this.lastDecreaseAt < this.targetMs) return;
      this.lastDecreaseAt = now;
      this.limitValue = Math.max(this.min, this.limitValue * 0.8);
      // What was admitted under the old limit says nothing about the new one.
      this.recent.fill(0);
      this.slowRecently = 0;
    } else if (!slow && this.inFlight * 2 >= this.limitValue) {
      // Only a limit in use grows: a quiet process must not build up headroom a burst then overruns.
      this.limitValue = Math.min(this.max, this.limitValue + 1 / this.limitValue);
    }
  }
}
