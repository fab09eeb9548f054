import { IntentUnavailable } from './errors.js';

// Load shedding for POST /query: past the stack's capacity, waiting only makes every answer late, so a
// query that finds the process at its limit is refused at once (no database work, so refusing stays
// cheap under overload). The limit adapts (AIMD, as TCP's window does): answers slower than the
// target latency shrink it by a fifth, at most once per target period; answers within it grow it by
// 1/limit (about one per limit's worth of answers) while the limit is in use. So a fast machine admits
// more and a slow or busy one fewer, and the latency of what is admitted stays near the target instead
// of growing with the queue; `maxInFlight` is the ceiling.

export interface LoadShedderOptions {
  /** Most queries in flight in this process, whatever the latency; default 256. */
  maxInFlight?: number;
  /** Answer latency the limit steers toward; 0 keeps the limit at `maxInFlight`. Default 300 ms. */
  targetLatencyMs?: number;
  /** The limit never goes below this (nor above `maxInFlight`); default 4. */
  minInFlight?: number;
  /** Where the limit starts; default 32. */
  initialLimit?: number;
  now?: () => number;
}

/** Counts a query out; `answered` with its latency when it got an answer from a ranking. */
export type LeaveShedder = (answered?: boolean) => void;

export class LoadShedder {
  private inFlight = 0;
  private limitValue: number;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
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
    if (latencyMs > this.targetMs) {
      // One decrease per target period: the answers of one slow period are one signal, not many.
      if (now - this.lastDecreaseAt < this.targetMs) return;
      this.lastDecreaseAt = now;
      this.limitValue = Math.max(this.min, this.limitValue * 0.8);
    } else if (this.inFlight * 2 >= this.limitValue) {
      // Only a limit in use grows: a quiet process must not build up headroom a burst then overruns.
      this.limitValue = Math.min(this.max, this.limitValue + 1 / this.limitValue);
    }
  }
}
