import { isGrpcServiceError } from '@temporalio/client';

// gRPC status codes (the SDK exports the error classes, not the enum).
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;

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
