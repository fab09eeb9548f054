// Postgres statements per lead, counted by Postgres (pg_stat_statements, loaded by the benchmark's own
// Postgres): every statement a client sends is one round trip, BEGIN and COMMIT included.
import { createPool } from '../../db/pool.js';

export interface StatementCount {
  query: string;
  calls: number;
  /**
   * Planning and execution time per call, ms. A prepared statement is planned on some calls only, so
   * this is the total over the calls, not `mean_plan_time` (per planning). Planning is 0 unless
   * Postgres tracks it.
   */
  planMs: number;
  execMs: number;
}

export async function resetStatements(databaseUrl: string): Promise<void> {
  const pool = createPool(databaseUrl, 1);
  try {
    await pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await pool.query('SELECT pg_stat_statements_reset()');
  } finally {
    await pool.end();
  }
}

/** Statements since the last reset, most frequent first (the benchmark's own queries left out). */
export async function readStatements(databaseUrl: string): Promise<StatementCount[]> {
  const pool = createPool(databaseUrl, 1);
  try {
    const { rows } = await pool.query<StatementCount>(
      `SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query, calls::int AS calls,
              total_plan_time / calls AS "planMs", total_exec_time / calls AS "execMs"
         FROM pg_stat_statements
        WHERE query NOT ILIKE '%pg_stat_statements%' AND calls > 0
        ORDER BY calls DESC`,
    );
    return rows;
  } finally {
    await pool.end();
  }
}
