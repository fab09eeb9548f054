import { IntentUnavailable } from './errors.js';

// Load shedding for POST /query: past the stack's capacity, waiting only makes every answer late, so
// with `maxInFlight` queries already in this process a new one is refused at once (no database work,
// so refusing stays cheap under overload).

export class LoadShedder {
  private inFlight = 0;

  constructor(private readonly maxInFlight = 32) {}

  /** Counts a query in and returns the function that counts it out; throws when at capacity. */
  enter(): () => void {
    if (this.inFlight >= this.maxInFlight) {
      throw new IntentUnavailable(
        'overloaded',
        'The service is at capacity; retry shortly',
        { in_flight: this.inFlight },
        1,
      );
    }
    this.inFlight++;
    let left = false;
    return () => {
      if (!left) this.inFlight--;
      left = true;
    };
  }

  get current(): number {
    return this.inFlight;
  }
}
