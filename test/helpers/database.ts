import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../db/migrate.js';

// A database of a test's own on the suite's Postgres server, for tests whose work reaches across
// accounts (housekeeping that prunes every account's old rows, a fuzzer that writes everywhere): in
// the shared database they would delete or change other test files' data while those run.

/** A new database on the same server as `sharedUrl`, migrated; `drop` removes it. */
export async function createDatabase(sharedUrl: string) {
  const name = `leadrail_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: sharedUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(sharedUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: sharedUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
