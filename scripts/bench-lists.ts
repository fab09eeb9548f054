// How long a 1,000,000-item suppression list upload takes through the API (POST /lists/{id}/uploads,
// CSV of phone numbers in mixed formats: parse, normalise, SHA-256, batched multi-row INSERTs in one
// transaction), against a baseline in the same run: the same number of precomputed hashes written
// with the same INSERT statement straight to Postgres (the database's share of the work). Rounds
// alternate between the two; medians are printed. Uses DATABASE_URL, or an embedded Postgres in a
// temporary directory.
//
//   npm run bench:lists                 # 1,000,000 items, 3 rounds
//   npm run bench:lists -- 200000 5     # items, rounds
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { insertAccount, issueApiKey } from '../db/accounts.js';
import { migrate } from '../db/migrate.js';
import { createPool, withTransaction } from '../db/pool.js';
import { addListItems, insertSuppressionList } from '../db/suppression-lists.js';
import { freePort } from '../dev/ports.js';
import { startEmbeddedPostgres } from '../dev/postgres.js';
import { listItemHash } from '../domain/suppression.js';
import { createLogger } from '../lib/logger.js';

const items = Number(process.argv[2] ?? 1_000_000);
const rounds = Number(process.argv[3] ?? 3);

const FORMATS = [
  (a: string, b: string, c: string) => `(${a}) ${b}-${c}`,
  (a: string, b: string, c: string) => `${a}${b}${c}`,
  (a: string, b: string, c: string) => `1-${a}-${b}-${c}`,
  (a: string, b: string, c: string) => `+1 ${a} ${b} ${c}`,
  (a: string, b: string, c: string) => `${a}.${b}.${c}`,
];

/** `n` distinct US phone numbers in mixed written forms, one per CSV line, offset so rounds differ. */
function phoneCsv(n: number, offset: number): string {
  const lines = ['phone'];
  for (let i = 0; i < n; i++) {
    const k = offset + i;
    const area = String(200 + (k % 700));
    const exchange = String(200 + (Math.floor(k / 700) % 700));
    const line = String(Math.floor(k / 490_000) % 10_000).padStart(4, '0');
    lines.push(FORMATS[k % FORMATS.length]!(area, exchange, line));
  }
  return `${lines.join('\n')}\n`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dataDir = mkdtempSync(join(tmpdir(), 'leadrail-bench-lists-'));
const embedded = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      persistent: false,
    });
const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;
await migrate(databaseUrl);
const pool = createPool(databaseUrl, 4);
const account = await insertAccount(pool, 'bench lists');
const { key } = await issueApiKey(pool, account.id, {
  rateLimit: { perHour: 1_000_000, perMinute: 100_000 },
});
// The list routes need Postgres only; the Temporal client is never called.
const app = createApp({
  pool,
  temporal: {} as Client,
  taskQueue: 'unused',
  logger: createLogger({ level: 'silent' }),
});

const api: number[] = [];
const db: number[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    const csv = phoneCsv(items, round * items);
    const list = await insertSuppressionList(pool, account.id, {
      name: `api ${round}`,
      type: 'phone',
      description: null,
    });
    let t = performance.now();
    const res = await app.request(`/lists/${list.id}/uploads`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'text/csv' },
      body: csv,
    });
    const answer = (await res.json()) as { added?: number; invalid?: number; error?: unknown };
    api.push((performance.now() - t) / 1000);
    if (res.status !== 200 || answer.added !== items) {
      throw new Error(`upload answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
    }

    // Baseline: the same count of hashes, computed beforehand, written by the same statement.
    const hashes = phoneCsv(items, (round + rounds) * items)
      .split('\n')
      .slice(1, -1)
      .map((v) => (listItemHash('phone', v) as { hash: string }).hash);
    const baseline = await insertSuppressionList(pool, account.id, {
      name: `db ${round}`,
      type: 'phone',
      description: null,
    });
    t = performance.now();
    await withTransaction(pool, async (tx) => {
      for (let i = 0; i < hashes.length; i += 10_000)
        await addListItems(tx, baseline, hashes.slice(i, i + 10_000));
    });
    db.push((performance.now() - t) / 1000);
    await pool.query('DELETE FROM suppression_lists WHERE id = ANY($1)', [[list.id, baseline.id]]);
    process.stdout.write(
      `round ${round + 1}: upload ${api.at(-1)!.toFixed(2)} s, database only ${db.at(-1)!.toFixed(2)} s\n`,
    );
  }
  const up = median(api);
  const base = median(db);
  process.stdout.write(
    `\n${items.toLocaleString('en-US')} items, median of ${rounds} interleaved rounds\n` +
      `upload through the API: ${up.toFixed(2)} s (${Math.round(items / up).toLocaleString('en-US')} items/s)\n` +
      `database writes alone:  ${base.toFixed(2)} s\n` +
      `ratio upload / database: ${(up / base).toFixed(2)}\n`,
  );
} finally {
  await pool.end();
  await embedded?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
