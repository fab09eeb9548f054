import { ServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { grpcStatusOf, isTemporalUnavailable, isWorkflowNotReady } from '../../temporal/errors.js';

// A gRPC error as @grpc/grpc-js raises it: an Error with a numeric `code`, `details` and `metadata`.
const grpcError = (code: number, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });

describe('Temporal errors classified by status code, not message', () => {
  it('reads the gRPC status through the SDK’s ServiceError wrapping', () => {
    const unavailable = new ServiceError('Failed to start', {
      cause: grpcError(14, 'No connection established'),
    });
    expect(grpcStatusOf(unavailable)).toBe(14);
    expect(isTemporalUnavailable(unavailable)).toBe(true);
    expect(isTemporalUnavailable(new ServiceError('x', { cause: grpcError(4, 'Deadline exceeded') }))).toBe(
      true,
    );
    expect(isWorkflowNotReady(new ServiceError('x', { cause: grpcError(9, 'anything at all') }))).toBe(true);
  });

  it('a message that merely says "unavailable" is not an outage; an answer from Temporal is not either', () => {
    expect(isTemporalUnavailable(new Error('14 UNAVAILABLE: server unavailable'))).toBe(false);
    expect(isTemporalUnavailable(new ServiceError('x', { cause: grpcError(5, 'unavailable') }))).toBe(false);
    expect(isTemporalUnavailable(new WorkflowNotFoundError('not found', 'wf', undefined))).toBe(false);
    expect(grpcStatusOf(undefined)).toBeNull();
  });
});
