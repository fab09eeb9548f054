// How long a 1,000,000-item suppression list upload takes through the API (POST /lists/{id}/uploads,
// CSV of phone numbers in mixed formats: parse, normalise, SHA-256, COPY into a staging table, one
// sorted INSERT into the list, in one transaction), against two baselines in the same run, each the
// same number of precomputed hashes written straight to Postgres: by the same COPY and INSERT (the
// database's share of an upload), and by the write path uploads used before (10,000-row
// INSERT ... ON CONFLICT statements). Rounds interleave the three; medians are printed. Uses
// DATABASE_URL, or an embedded Postgres in a temporary directory.
//
//   npm run bench:lists                 # 1,000,000 items, 3 rounds
//   npm run bench:lists -- 200000 5     # items, rounds
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { insertAccount, issueApiKey } from '../db/accounts.js';
import { migrate } from '../db/migrate.js';
import { createPool, withTransaction } from '../db/pool.js';
import {
  addListItems,
  applyUploadStage,
  deleteSuppressionList,
  insertSuppressionList,
  openUploadStage,
  stagedHashLine,
} from '../db/suppression-lists.js';
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
const previous: number[] = [];
const seconds = (since: number) => (performance.now() - since) / 1000;
/** The same count of hashes as an upload, computed beforehand (not timed). */
const precomputed = (offset: number) =>
  phoneCsv(items, offset)
    .split('\n')
    .slice(1, -1)
    .map((v) => (listItemHash('phone', v) as { hash: string }).hash);
const newList = (name: string) =>
  insertSuppressionList(pool, account.id, { name, type: 'phone', description: null });
try {
  for (let round = 0; round < rounds; round++) {
    const csv = phoneCsv(items, round * 3 * items);
    const list = await newList(`api ${round}`);
    let t = performance.now();
    const res = await app.request(`/lists/${list.id}/uploads`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'text/csv' },
      body: csv,
    });
    const answer = (await res.json()) as { added?: number; invalid?: number; error?: unknown };
    api.push(seconds(t));
    if (res.status !== 200 || answer.added !== items) {
      throw new Error(`upload answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
    }

    // Baseline: the database's share of an upload, the same COPY and INSERT with hashes ready.
    const staged = precomputed((round * 3 + 1) * items);
    const baseline = await newList(`db ${round}`);
    t = performance.now();
    await withTransaction(pool, async (tx) => {
      const stage = await openUploadStage(tx);
      const chunks = function* () {
        for (let i = 0; i < staged.length; i += 2_000)
          yield staged
            .slice(i, i + 2_000)
            .map(stagedHashLine)
            .join('');
      };
      await pipeline(Readable.from(chunks()), stage);
      await applyUploadStage(tx, baseline, 'add');
    });
    db.push(seconds(t));

    // The write path uploads used before: 10,000-row INSERT ... ON CONFLICT statements.
    const batched = precomputed((round * 3 + 2) * items);
    const before = await newList(`previous ${round}`);
    t = performance.now();
    await withTransaction(pool, async (tx) => {
      for (let i = 0; i < batched.length; i += 10_000)
        await addListItems(tx, before, batched.slice(i, i + 10_000));
    });
    previous.push(seconds(t));

    for (const id of [list.id, baseline.id, before.id])
      await withTransaction(pool, (tx) => deleteSuppressionList(tx, account.id, id));
    process.stdout.write(
      `round ${round + 1}: upload ${api.at(-1)!.toFixed(2)} s, database share ${db.at(-1)!.toFixed(2)} s, ` +
        `previous write path ${previous.at(-1)!.toFixed(2)} s\n`,
    );
  }
  const up = median(api);
  const base = median(db);
  const old = median(previous);
  process.stdout.write(
    `\n${items.toLocaleString('en-US')} items, median of ${rounds} interleaved rounds\n` +
      `upload through the API:              ${up.toFixed(2)} s (${Math.round(items / up).toLocaleString('en-US')} items/s)\n` +
      `database share (COPY + INSERT):      ${base.toFixed(2)} s\n` +
      `previous write path (batched INSERT): ${old.toFixed(2)} s\n` +
      `ratio upload / database share: ${(up / base).toFixed(2)}\n` +
      `ratio upload / previous write path: ${(up / old).toFixed(2)}\n`,
  );
} finally {
  await pool.end();
  await embedded?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
