// Why a query could not be answered, as the service knows it; the HTTP side (intent/http/errors.ts)
// turns these into the contract's 503 SERVICE_UNAVAILABLE and 500 INTERNAL_ERROR answers.

export type UnavailableReason = 'index_loading' | 'temporal_unavailable' | 'timeout' | 'overloaded';

/** Retryable: the index is still loading, Temporal did not answer, the query ran out of time, or this process is at capacity. */
export class IntentUnavailable extends Error {
  constructor(
    readonly reason: UnavailableReason,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** What to tell the client to wait, when we know better than "shortly". */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'IntentUnavailable';
  }
}

/** The query's workflow failed: not retryable (ranking is deterministic and would fail again). */
export class IntentQueryFailed extends Error {
  constructor(readonly queryId: string) {
    super('The query failed');
    this.name = 'IntentQueryFailed';
  }
}
