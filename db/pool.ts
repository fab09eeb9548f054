import pg from 'pg';

export type Pool = pg.Pool;
export type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

// NUMERIC comes back as a string by default; money here is small enough for a JS number.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

const preparedNames = new Map<string, string>();

/**
 * A statement on the lead's hot path, prepared once per connection under `name`. Postgres then parses
 * and plans it once (a generic plan after five runs) instead of on every call: planning cost these
 * statements about as much as running them. Its result columns are listed, never `*`: a prepared
 * `SELECT *` fails ("cached plan must not change result type") once a migration adds a column.
 */
export function preparedStatement(name: string, text: string): (values: unknown[]) => pg.QueryConfig {
  const known = preparedNames.get(name);
  // pg refuses one name for two texts on a connection; fail at import, not on some connection later.
  if (known !== undefined && known !== text) throw new Error(`prepared statement ${name} defined twice`);
  preparedNames.set(name, text);
  return (values) => ({ name, text, values });
}

/** The statements prepared so far (by the modules imported), by name: for the test of the rules above. */
export const preparedStatementTexts = (): ReadonlyMap<string, string> => preparedNames;

export function createPool(databaseUrl: string, max = 10): Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return pool;
}

/**
 * Errors after which a connection's prepared statements are of no use ("cached plan must not change
 * result type" after a schema change, a statement the server no longer has): the connection is closed
 * rather than reused. `pool.query` closes a connection on any error; a transaction's client is
 * returned here.
 */
const STALE_STATEMENT_CODES = new Set(['0A000', '26000']);

export async function withTransaction<T>(pool: Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let stale: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    if (STALE_STATEMENT_CODES.has((err as { code?: string }).code ?? '')) stale = err as Error;
    throw err;
  } finally {
    client.release(stale);
  }
}
