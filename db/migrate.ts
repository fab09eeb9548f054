import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

// node-pg-migrate takes an advisory lock, so several API and worker processes starting at once
// apply each migration exactly once.
export async function migrate(databaseUrl: string): Promise<void> {
  await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    // Files are named YYYYMMDDHHMMSS_name.sql; work developed in parallel may land out of order, and
    // each migration is independent, so order is not enforced across already-applied ones.
    checkOrder: false,
    count: Number.POSITIVE_INFINITY,
    log: () => {},
    verbose: false,
  });
}
