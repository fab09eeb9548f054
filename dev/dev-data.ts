// What both launchers (`npm start`, `npm run start:prod`) put into a fresh database: a development
// account with an API key, and a default intent corpus.
import { spawnSync } from 'node:child_process';
import { chmodSync, createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { authenticateApiKey, findAccount, insertAccount, issueApiKey } from '../db/accounts.js';
import { createPool } from '../db/pool.js';
import { importIntentData } from '../intent/import.js';
import { hasIntentData } from '../intent/query-log.js';
import { generatePayloadKey } from '../temporal/payload-codec.js';
import { PROJECT_ROOT } from './processes.js';

const DEV_ACCOUNT_ID = 'acct_development';

/** The development account's key, printed on every start; its plain text lives only in `keyFile`. */
export async function ensureDevApiKey(databaseUrl: string, keyFile: string): Promise<string> {
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
 * The development payload encryption key (PAYLOAD_ENCRYPTION_KEYS), generated once into `keyFile` so runs
 * recorded by earlier starts stay readable. Production sets its own (docker-compose requires it).
 */
export function ensureDevPayloadKey(keyFile: string): string {
  if (existsSync(keyFile)) return readFileSync(keyFile, 'utf8').trim();
  const spec = generatePayloadKey(`dev-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`);
  writeFileSync(keyFile, `${spec}\n`, { mode: 0o600 });
  return spec;
}

/**
 * POST /query needs data: into an intent database that has none, import a generated default corpus
 * (INTENT_SEED_COMPANIES, default 20,000 companies, seed 42; generated once into `<dataDir>/intent/`).
 */
export async function ensureIntentCorpus(
  databaseUrl: string,
  dataDir: string,
  say: (message: string) => void,
): Promise<void> {
  const companies = Number(process.env.INTENT_SEED_COMPANIES ?? 20_000);
  const pool = createPool(databaseUrl, 2);
  try {
    if (companies <= 0 || (await hasIntentData(pool))) return;
    const dir = join(dataDir, 'intent', `default-${companies}`);
    const file = join(dir, 'corpus.jsonl');
    if (!existsSync(file)) {
      say(`• generating a ${companies}-company intent corpus (${relative(PROJECT_ROOT, dir)})`);
      const args = ['--companies', String(companies), '--seed', '42', '--out', dir];
      const gen = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/intent-seed.ts', ...args], {
        cwd: PROJECT_ROOT,
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
