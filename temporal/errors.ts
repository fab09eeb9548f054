import { isGrpcServiceError } from '@temporalio/client';

// gRPC status codes (the SDK exports the error classes, not the enum).
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;
const FAILED_PRECONDITION = 9;

/**
 * True when a Temporal call failed because the frontend could not be reached in time (server down,
 * network, an RPC deadline), as opposed to Temporal answering with an error. The SDK wraps the gRPC
 * error in its own `ServiceError` (as `cause`), so the chain is followed a few links.
 */
export function isTemporalUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    if (isGrpcServiceError(e) && (e.code === UNAVAILABLE || e.code === DEADLINE_EXCEEDED)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * True when Temporal refused a call because the run cannot take it now (FAILED_PRECONDITION): an
 * update to a run whose workflow task keeps failing or timing out ("Workflow Task in failed state",
 * from its third attempt on, as for a while after an outage) or that is paused.
 */
export function isWorkflowNotReady(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    if (isGrpcServiceError(e) && e.code === FAILED_PRECONDITION) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
