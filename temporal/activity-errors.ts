import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { SanitizedDatabaseError, sanitizeDatabaseError } from '../db/errors.js';

/** Failure types an activity's Postgres error becomes; workflows name them in retry policies. */
export const DATABASE_FAILURE_TYPES = {
  /** Postgres unreachable: retried. */
  unavailable: 'DatabaseUnavailable',
  /** Postgres refused the data itself (encoding, range, size): retrying cannot help. */
  data: 'UnstorableData',
  other: 'DatabaseError',
} as const;

/**
 * Every activity's Postgres error leaves the activity as an ApplicationFailure carrying only the
 * SQLSTATE: the driver's message, detail and context quote rows (a lead's email, phone, name), and
 * failures are logged by the SDK and stored in workflow history.
 */
export const sanitizeDatabaseFailures: ActivityInterceptorsFactory = () => ({
  inbound: {
    async execute(input, next) {
      try {
        return await next(input);
      } catch (err) {
        const clean = sanitizeDatabaseError(err);
        if (!(clean instanceof SanitizedDatabaseError)) throw err;
        const type = DATABASE_FAILURE_TYPES[clean.kind];
        throw ApplicationFailure.create({
          message: clean.message,
          type,
          nonRetryable: clean.kind === 'data',
          details: [{ sqlstate: clean.code }],
        });
      }
    },
  },
});
