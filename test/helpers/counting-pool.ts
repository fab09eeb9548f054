import type { Pool } from '../../db/pool.js';

/**
 * `pool` as it is, except that it counts the statements it is given whose text contains `marker`: for
 * tests that show requests arriving together share statements (group commit).
 */
export function countingPool(pool: Pool, marker: string): { pool: Pool; count: () => number } {
  let count = 0;
  const counting = new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return (text: unknown, ...rest: unknown[]) => {
          // A statement is sent as its text, or as a config ({ name, text, values }) when prepared.
          const sql = typeof text === 'string' ? text : (text as { text?: unknown } | null)?.text;
          if (typeof sql === 'string' && sql.includes(marker)) count++;
          return (target.query as (...a: unknown[]) => unknown)(text, ...rest);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  return { pool: counting, count: () => count };
}
