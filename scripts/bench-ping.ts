// Inbound pings per second through the API (POST /flows/{id}/ping with a source key: authentication,
// rate limit, ping limits counted, CEL acceptance, pricing rules, a cap counter read, one ping row),
// against a baseline in the same run: GET /flows/{id} with the same key (authentication, rate limit
// and one flow read). Closed loop with `concurrency` callers on the app (no socket); rounds alternate
// between the two; medians are printed. Embedded Postgres in a temporary directory unless DATABASE_URL.
//
//   npm run bench:ping                  # 5 s rounds, 3 of each, 8 callers
//   npm run bench:ping -- 10 5 16       # seconds per round, rounds, callers
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { insertAccount, issueApiKey } from '../db/accounts.js';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import { freePort } from '../dev/ports.js';
import { startEmbeddedPostgres } from '../dev/postgres.js';
import { createLogger } from '../lib/logger.js';

const seconds = Number(process.argv[2] ?? 5);
const rounds = Number(process.argv[3] ?? 3);
const concurrency = Number(process.argv[4] ?? 8);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dataDir = mkdtempSync(join(tmpdir(), 'leadrail-bench-ping-'));
const embedded = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;
await migrate(databaseUrl);
const pool = createPool(databaseUrl, 10);
const unlimited = { perHour: 10_000_000, perMinute: 1_000_000 };
try {
  const account = await insertAccount(pool, 'bench ping');
  const { key } = await issueApiKey(pool, account.id, { rateLimit: unlimited });
  // The ping route needs Postgres only; the Temporal client is never called.
  const app = createApp({
    pool,
    temporal: {} as Client,
    taskQueue: 'unused',
    logger: createLogger({ level: 'silent' }),
  });
  const call = async (method: string, path: string, k: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { Authorization: `Bearer ${k}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text);
  };
  const flow = await call('POST', '/flows', key, {
    name: 'Ping bench',
    fields: [{ name: 'loan_amount', type: 'number' }],
    settings: { acceptance_criteria: 'lead.loan_amount >= 1000' },
    caps: [{ maximum: 1_000_000, per: 'day' }],
  });
  const source = await call('POST', `/flows/${flow.id}/sources`, key, {
    name: 'Bench publisher',
    field_mappings: { zip: 'postal_code' },
    acceptance_criteria: "lead.state == 'TX'",
    pricing: { amount: 8, rules: [{ amount: 12, criteria: 'lead.loan_amount >= 20000' }] },
    ping: { limits: { per_minute: 10_000_000 } },
  });
  const minted = await call('POST', `/flows/${flow.id}/sources/${source.id}/keys`, key, { name: 'bench' });
  // Source keys get the documented default limits; the benchmark lifts them (as an operator would).
  await pool.query('UPDATE api_keys SET rate_limit_per_hour = $2, rate_limit_per_minute = $3 WHERE id = $1', [
    minted.id,
    unlimited.perHour,
    unlimited.perMinute,
  ]);
  const pubKey: string = minted.key;

  const ping = () =>
    call('POST', `/flows/${flow.id}/ping`, pubKey, {
      lead: { state: 'TX', zip: '73301', loan_amount: 25000 },
    });
  const read = () => call('GET', `/flows/${flow.id}`, key);
  const run = async (op: () => Promise<unknown>) => {
    let done = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          await op();
          done++;
        }
      }),
    );
    return done / seconds;
  };
  await run(ping); // warm-up
  const pings: number[] = [];
  const reads: number[] = [];
  for (let round = 0; round < rounds; round++) {
    pings.push(await run(ping));
    reads.push(await run(read));
    process.stdout.write(
      `round ${round + 1}: ${pings.at(-1)!.toFixed(0)} pings/s, ${reads.at(-1)!.toFixed(0)} flow reads/s\n`,
    );
  }
  const p = median(pings);
  const r = median(reads);
  process.stdout.write(
    `\n${concurrency} callers, ${seconds} s rounds, median of ${rounds} interleaved rounds\n` +
      `pings:      ${p.toFixed(0)}/s\n` +
      `flow reads: ${r.toFixed(0)}/s (baseline: authenticated GET /flows/{id})\n` +
      `ratio pings / reads: ${(p / r).toFixed(2)}\n`,
  );
} finally {
  await pool.end();
  await embedded?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
