// Postgres errors quote the data they failed on (a row, a JSON document, a value): they must never be
// logged or passed on as they are. These helpers tell an outage from a data error and strip the text.

// Connection-level failures: the server is down, restarting, or unreachable.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
]);
// node-postgres reports a dropped or timed-out connection as a plain Error with no code (pg/lib/client.js
// "Connection terminated unexpectedly", pg-pool "timeout exceeded when trying to connect"): these texts
// are the only signal it gives, so they are matched here, in one place, after the codes above.
const CONNECTION_MESSAGES =
  /Connection terminated|connection (timeout|ended)|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; errors?: unknown[] } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && (CONNECTION_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  // Node's "connect ECONNREFUSED" on a dual-stack host arrives as an AggregateError of both attempts.
  if (Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable)) return true;
  return typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message);
}

/** A Postgres error as reported by the server (it has an SQLSTATE and the fields that quote data). */
function isServerError(err: unknown): err is Error & { code: string; severity?: string } {
  const e = err as { code?: unknown; severity?: unknown; routine?: unknown } | null;
  return (
    !!e &&
    typeof e === 'object' &&
    typeof e.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(e.code) &&
    (typeof e.severity === 'string' || typeof e.routine === 'string')
  );
}

/** Postgres refused the data itself (bad encoding, value out of range, row too big): retrying cannot help. */
export function isDataError(err: unknown): boolean {
  return isServerError(err) && (err.code.startsWith('22') || err.code.startsWith('54'));
}

/**
 * The same failure without any text Postgres wrote (message, detail, where, hint quote values): the
 * SQLSTATE, the constraint or table name, and whether it is an outage or a data error.
 */
export class SanitizedDatabaseError extends Error {
  constructor(
    readonly code: string,
    readonly constraint: string | null,
    readonly kind: 'unavailable' | 'data' | 'other',
  ) {
    super(`Database error ${code}${constraint ? ` (constraint ${constraint})` : ''}: ${kind}`);
    this.name = 'DatabaseError';
  }
}

/** Returns `err` unchanged unless it is a Postgres error, which comes back stripped of its text. */
export function sanitizeDatabaseError(err: unknown): unknown {
  if (err instanceof SanitizedDatabaseError) return err;
  if (isServerError(err)) {
    const constraint = (err as { constraint?: unknown }).constraint;
    const kind = isDatabaseUnavailable(err) ? 'unavailable' : isDataError(err) ? 'data' : 'other';
    return new SanitizedDatabaseError(err.code, typeof constraint === 'string' ? constraint : null, kind);
  }
  if (isDatabaseUnavailable(err)) {
    const code = (err as { code?: unknown }).code;
    return new SanitizedDatabaseError(typeof code === 'string' ? code : 'connection', null, 'unavailable');
  }
  return err;
}
