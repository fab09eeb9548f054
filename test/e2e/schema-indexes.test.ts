// Every index is paid for on each insert and non-HOT update of its table: two indexes with the same
// definition under different names cost twice for nothing (leads had one such pair, dropped by
// migration 20261208000000).
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createPool, type Pool } from '../../db/pool.js';

let pool: Pool;
beforeAll(() => {
  pool = createPool(inject('databaseUrl'), 1);
});
afterAll(() => pool.end());

it('no table has two indexes with the same definition', async () => {
  const { rows } = await pool.query<{ tablename: string; definition: string; names: string[] }>(
    `SELECT tablename, regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \\S+ ', 'CREATE \\1INDEX ') AS definition,
            array_agg(indexname::text ORDER BY indexname) AS names
       FROM pg_indexes
      WHERE schemaname = current_schema()
      GROUP BY 1, 2
     HAVING count(*) > 1`,
  );
  expect(rows).toEqual([]);
});
