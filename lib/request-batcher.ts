// Calls that arrive while earlier ones are under way wait and go together, as a database's group
// commit does: a quiet caller waits for nothing (its call starts at once), a busy service pays one
// round trip per batch instead of one per call. Each caller still waits for its own item's outcome,
// so nothing is acknowledged before it is done.

export interface RequestBatcherOptions {
  /** Batches under way at once; calls beyond them wait for the next batch. Default 1. */
  maxInFlight?: number;
  /** Most items in one batch. Default 100. */
  maxBatch?: number;
}

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(err: unknown): void;
}

export class RequestBatcher<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private inFlight = 0;
  private readonly maxInFlight: number;
  private readonly maxBatch: number;

  /** `run` answers a batch with one outcome per item, in the items' order. */
  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    options: RequestBatcherOptions = {},
  ) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 1);
    this.maxBatch = Math.max(1, options.maxBatch ?? 100);
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.startBatches();
    });
  }

  private startBatches(): void {
    while (this.waiting.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.inFlight++;
      this.runBatch(batch).finally(() => {
        this.inFlight--;
        this.startBatches();
      });
    }
  }

  private async runBatch(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const outcomes = await this.run(batch.map((w) => w.item));
      if (outcomes.length !== batch.length) {
        throw new Error(`batch answered ${outcomes.length} outcomes for ${batch.length} items`);
      }
      for (const [i, w] of batch.entries()) w.resolve(outcomes[i]!);
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
}
