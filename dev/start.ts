// `npm start`: the whole stack on embedded defaults, in one terminal.
//   Postgres (embedded unless DATABASE_URL is set) -> migrations + dev account -> Temporal dev server
//   with Web UI (unless TEMPORAL_ADDRESS is set) -> worker and API as child processes configured only
//   by environment, exactly as docker-compose runs them. Ctrl-C stops everything in reverse order.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authenticateApiKey, findAccount, insertAccount, issueApiKey } from '../db/accounts.js';
import { hasIntentData } from '../db/intent-queries.js';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import { importIntentData } from '../intent/import.js';
import { startDemoBuyer } from './demo-buyer.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './postgres.js';
import { type DevServer, startDevServer, stopChild } from './temporal-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = join(root, '.data');
const logDir = join(dataDir, 'logs');
const DEV_ACCOUNT_ID = 'acct_development';

const env = process.env;
const apiPort = Number(env.PORT ?? 3000);
const stoppers: Array<() => Promise<void>> = [];
const children: ChildProcess[] = [];

function say(message: string) {
  process.stdout.write(`${message}\n`);
}

async function main() {
  mkdirSync(logDir, { recursive: true });

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    say('• starting embedded PostgreSQL (.data/postgres)');
    const db: EmbeddedDatabase = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'postgres'),
      port: Number(env.EMBEDDED_PG_PORT ?? 5433),
      persistent: true,
    });
    stoppers.unshift(db.stop);
    databaseUrl = db.url;
  }
  await migrate(databaseUrl);
  const apiKey = await ensureDevApiKey(databaseUrl);
  await ensureIntentCorpus(databaseUrl);

  let temporalAddress = env.TEMPORAL_ADDRESS;
  let uiUrl = env.TEMPORAL_UI_URL ?? null;
  if (!temporalAddress) {
    say('• starting Temporal dev server (.data/temporal.db)');
    const server: DevServer = await startDevServer({
      port: Number(env.TEMPORAL_PORT ?? 7233),
      uiPort: Number(env.TEMPORAL_UI_PORT ?? 8233),
      dbFilename: join(dataDir, 'temporal.db'),
      logFile: join(logDir, 'temporal.log'),
    });
    stoppers.unshift(server.stop);
    temporalAddress = server.address;
    uiUrl = server.uiUrl;
  }

  const childEnv = {
    ...env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    PORT: String(apiPort),
    MIGRATE_ON_START: 'false',
  };
  const demoBuyer = await startDemoBuyer(Number(env.DEMO_BUYER_PORT ?? 4000));
  stoppers.push(() => new Promise<void>((resolve) => demoBuyer.server.close(() => resolve())));

  say('• starting worker and API');
  startChild('worker', ['worker.ts'], childEnv);
  startChild('api', ['api/main.ts'], childEnv);
  await waitForHttp(`http://127.0.0.1:${apiPort}/openapi.json`);

  say('');
  say('Leadrail is running.');
  say(`  API          http://localhost:${apiPort}   (docs: http://localhost:${apiPort}/docs)`);
  if (uiUrl) say(`  Temporal UI  ${uiUrl}`);
  say(`  API key      ${apiKey}   (development account, all scopes)`);
  say(`  Demo buyer   ${demoBuyer.url}   (accepts every lead; use it as a recipient URL)`);
  say(`  Logs         .data/logs/{api,worker,temporal}.log`);
  say('');
  say('Press Ctrl-C to stop.');
}

/** The development account's key, printed on every start; its plain text lives only in .data/. */
async function ensureDevApiKey(databaseUrl: string): Promise<string> {
  const keyFile = join(dataDir, 'dev-api-key');
  const pool = createPool(databaseUrl, 2);
  try {
    if (!(await findAccount(pool, DEV_ACCOUNT_ID))) await insertAccount(pool, 'Development', DEV_ACCOUNT_ID);
    if (existsSync(keyFile)) {
      const saved = readFileSync(keyFile, 'utf8').trim();
      if (await authenticateApiKey(pool, saved)) return saved;
    }
    const issued = await issueApiKey(pool, DEV_ACCOUNT_ID, { name: 'development' });
    writeFileSync(keyFile, `${issued.key}\n`);
    chmodSync(keyFile, 0o600);
    return issued.key;
  } finally {
    await pool.end();
  }
}

/**
 * POST /query needs data: into an intent database that has none, import a generated default corpus
 * (INTENT_SEED_COMPANIES, default 20,000 companies, seed 42; generated once into .data/intent/).
 */
async function ensureIntentCorpus(databaseUrl: string) {
  const companies = Number(env.INTENT_SEED_COMPANIES ?? 20_000);
  const pool = createPool(databaseUrl, 2);
  try {
    if (companies <= 0 || (await hasIntentData(pool))) return;
    const dir = join(dataDir, 'intent', `default-${companies}`);
    const file = join(dir, 'corpus.jsonl');
    if (!existsSync(file)) {
      say(`• generating a ${companies}-company intent corpus (.data/intent/default-${companies})`);
      const args = ['--companies', String(companies), '--seed', '42', '--out', dir];
      const gen = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/intent-seed.ts', ...args], {
        cwd: root,
        stdio: 'ignore',
      });
      if (gen.status !== 0) throw new Error('intent corpus generation failed');
    }
    say('• importing it into PostgreSQL (once)');
    const t0 = Date.now();
    const result = await importIntentData(pool, createReadStream(file), { format: 'jsonl' });
    say(`  ${result.inserted} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await pool.end();
  }
}

function startChild(name: string, args: string[], childEnv: NodeJS.ProcessEnv) {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  // Own process group: Ctrl-C reaches only this launcher, which then stops children in order.
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      say(`✗ ${name} exited (${signal ?? code}); see .data/logs/${name}.log`);
      void shutdown(1);
    }
  });
  children.push(child);
}

async function waitForHttp(url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  say('\n• stopping…');
  // API first (stop taking leads), then the worker (drains in-flight tasks), then the servers.
  for (const child of [...children].reverse()) await stopChild(child, 15_000);
  for (const stop of stoppers) await stop().catch(() => {});
  say('• stopped');
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('exit', () => {
  for (const child of children) if (child.pid && child.exitCode === null) child.kill('SIGKILL');
});

main().catch(async (err) => {
  say(`✗ ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});
