// Calls that arrive while earlier ones are under way wait and go together, as a database's group
// commit does: a quiet caller waits for nothing (its call starts at once), a busy service pays one
// round trip per batch instead of one per call. Each caller still waits for its own item's outcome,
// so nothing is acknowledged before it is done.

export interface RequestBatcherOptions<I> {
  /** Batches under way at once; calls beyond them wait for the next batch. Default 1. */
  maxInFlight?: number;
  /** Most items in one batch. Default 100. */
  maxBatch?: number;
  /** Items of different groups never share a batch (e.g. one account's queries per run). */
  groupOf?: (item: I) => string;
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
  private readonly groupOf: ((item: I) => string) | undefined;

  /** `run` answers a batch with one outcome per item, in the items' order. */
  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    options: RequestBatcherOptions<I> = {},
  ) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 1);
    this.maxBatch = Math.max(1, options.maxBatch ?? 100);
    this.groupOf = options.groupOf;
  }

  /** Calls waiting for a batch. */
  get queued(): number {
    return this.waiting.length;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.startBatches();
    });
  }

  private startBatches(): void {
    while (this.waiting.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.nextBatch();
      this.inFlight++;
      this.runBatch(batch).finally(() => {
        this.inFlight--;
        this.startBatches();
      });
    }
  }

  /** The oldest waiting call, and those of its group behind it, in arrival order. */
  private nextBatch(): Waiting<I, O>[] {
    const groupOf = this.groupOf;
    if (!groupOf) return this.waiting.splice(0, this.maxBatch);
    const group = groupOf(this.waiting[0]!.item);
    const batch: Waiting<I, O>[] = [];
    for (let i = 0; i < this.waiting.length && batch.length < this.maxBatch; ) {
      if (groupOf(this.waiting[i]!.item) === group) batch.push(...this.waiting.splice(i, 1));
      else i++;
    }
    return batch;
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

/**
 * A group commit per key: the calls for one key go one batch at a time, those that arrive meanwhile
 * together in the next, and different keys never wait for each other. For statements on one row per
 * key (a rate-limit counter, a token bucket), where a second statement under way for the same key
 * would only wait for the first's row lock. A key's batcher exists while it has calls.
 */
export class KeyedBatcher<O> {
  private readonly byKey = new Map<string, { batcher: RequestBatcher<null, O>; calls: number }>();

  /** `run` answers `count` calls of `key`, in their order, in one go. */
  constructor(private readonly run: (key: string, count: number) => Promise<O[]>) {}

  async submit(key: string): Promise<O> {
    let entry = this.byKey.get(key);
    if (!entry) {
      const batcher = new RequestBatcher<null, O>((calls) => this.run(key, calls.length));
      entry = { batcher, calls: 0 };
      this.byKey.set(key, entry);
    }
    entry.calls++;
    try {
      return await entry.batcher.submit(null);
    } finally {
      if (--entry.calls === 0) this.byKey.delete(key);
    }
  }

  /** Keys with calls waiting or under way. */
  get keys(): number {
    return this.byKey.size;
  }
}
