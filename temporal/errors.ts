import { isGrpcServiceError } from '@temporalio/client';

// Temporal call failures are told apart by the SDK's error classes where it has one
// (WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowExecutionAlreadyStartedError...), and
// otherwise by the gRPC status code the frontend answered: never by message text.

// gRPC status codes (the SDK exports the error classes, not the enum).
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;
const FAILED_PRECONDITION = 9;

/**
 * The gRPC status code of a failed Temporal call, if it carries one. The SDK wraps the gRPC error in
 * its own `ServiceError` (as `cause`), sometimes twice, so the chain is followed a few links.
 */
export function grpcStatusOf(err: unknown): number | null {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    if (isGrpcServiceError(e)) return e.code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * True when a Temporal call failed because the frontend could not be reached in time (server down,
 * network, an RPC deadline), as opposed to Temporal answering with an error.
 */
export function isTemporalUnavailable(err: unknown): boolean {
  const code = grpcStatusOf(err);
  return code === UNAVAILABLE || code === DEADLINE_EXCEEDED;
}

/**
 * True when Temporal refused a call because the run cannot take it now (FAILED_PRECONDITION): an
 * update to a run whose workflow task keeps failing or timing out ("Workflow Task in failed state",
 * from its third attempt on, as for a while after an outage) or that is paused.
 */
export function isWorkflowNotReady(err: unknown): boolean {
  return grpcStatusOf(err) === FAILED_PRECONDITION;
}
