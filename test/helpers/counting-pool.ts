import type { Pool } from '../../db/pool.js';

/** The SQL of a `query` call's first argument: its text, or a prepared statement's config's text. */
export function statementText(query: unknown): string | undefined {
  const text = typeof query === 'string' ? query : (query as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : undefined;
}

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
          if (statementText(text)?.includes(marker)) count++;
          return (target.query as (...a: unknown[]) => unknown)(text, ...rest);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  return { pool: counting, count: () => count };
}
