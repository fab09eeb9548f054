// `npm start`: the whole stack on embedded defaults, in one terminal.
//   Postgres (embedded unless DATABASE_URL is set) -> migrations + dev account -> Temporal dev server
//   with Web UI (unless TEMPORAL_ADDRESS is set) -> worker and API as child processes configured only
//   by environment, exactly as docker-compose runs them. Ctrl-C stops everything in reverse order.
//   `npm run start:prod` (dev/start-prod.ts) runs the production shape instead.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../db/migrate.js';
import { startDemoBuyer } from './demo-buyer.js';
import { ensureDevApiKey, ensureDevPayloadKey, ensureIntentCorpus } from './dev-data.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './postgres.js';
import { PROJECT_ROOT, type Service, spawnNodeService, waitForHttp } from './processes.js';
import { type DevServer, startDevServer } from './temporal-server.js';

const dataDir = join(PROJECT_ROOT, '.data');
const logDir = join(dataDir, 'logs');

const env = process.env;
const apiPort = Number(env.PORT ?? 3000);
const uiPort = Number(env.TEMPORAL_UI_PORT ?? 8233);
const stoppers: Array<() => Promise<void>> = [];
const children: Service[] = [];

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
  const apiKey = await ensureDevApiKey(databaseUrl, join(dataDir, 'dev-api-key'));
  await ensureIntentCorpus(databaseUrl, dataDir, say);

  let temporalAddress = env.TEMPORAL_ADDRESS;
  let uiUrl = env.TEMPORAL_UI_URL ?? null;
  if (!temporalAddress) {
    say('• starting Temporal dev server (.data/temporal.db)');
    const server: DevServer = await startDevServer({
      port: Number(env.TEMPORAL_PORT ?? 7233),
      uiPort,
      // The UI decodes lead data through the API's codec endpoint (README: reading leads in the UI).
      codecEndpoint: `http://localhost:${apiPort}/codec`,
      dbFilename: join(dataDir, 'temporal.db'),
      logFile: join(logDir, 'temporal.log'),
    });
    stoppers.unshift(server.stop);
    temporalAddress = server.address;
    uiUrl = server.uiUrl;
  }

  const childEnv = {
    ...env,
    PAYLOAD_ENCRYPTION_KEYS:
      env.PAYLOAD_ENCRYPTION_KEYS ?? ensureDevPayloadKey(join(dataDir, 'payload-encryption-keys')),
    // The UI on this machine decodes without signing in; from elsewhere, CODEC_AUTH_TOKEN is needed.
    CODEC_ALLOW_LOOPBACK: env.CODEC_ALLOW_LOOPBACK ?? 'true',
    CODEC_CORS_ORIGINS: env.CODEC_CORS_ORIGINS ?? `http://localhost:${uiPort},http://127.0.0.1:${uiPort}`,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    PORT: String(apiPort),
    MIGRATE_ON_START: 'false',
    // On the dev server a synchronous lead answers in half the time when the API starts its run
    // eagerly on a lead worker of its own (docs/decisions/0022-eager-lead-start.md).
    LEAD_EAGER_START: env.LEAD_EAGER_START ?? 'true',
    // The console links each lead to its run in this UI.
    ...(uiUrl ? { TEMPORAL_UI_URL: uiUrl } : {}),
  };
  const demoBuyer = await startDemoBuyer(Number(env.DEMO_BUYER_PORT ?? 4000));
  stoppers.push(() => new Promise<void>((resolve) => demoBuyer.server.close(() => resolve())));

  say('• starting worker and API');
  startChild('worker', 'worker.ts', childEnv);
  startChild('api', 'api/main.ts', childEnv);
  await waitForHttp(`http://127.0.0.1:${apiPort}/openapi.json`);

  say('');
  say('Leadrail is running.');
  say(`  API          http://localhost:${apiPort}   (docs: http://localhost:${apiPort}/docs)`);
  say(`  Console      http://localhost:${apiPort}/console   (sign in with the API key below)`);
  if (uiUrl) say(`  Temporal UI  ${uiUrl}`);
  say(`  API key      ${apiKey}   (development account, all scopes)`);
  say(`  Demo buyer   ${demoBuyer.url}   (accepts every lead; use it as a recipient URL)`);
  say(`               ${demoBuyer.pingUrl}   (its ping side: bids on pinged fields; see README, auctions)`);
  say(`  Logs         .data/logs/{api,worker,temporal}.log`);
  say('');
  say('Press Ctrl-C to stop.');
}

function startChild(name: string, script: string, childEnv: NodeJS.ProcessEnv) {
  const child = spawnNodeService({ name, script, env: childEnv, logFile: join(logDir, `${name}.log`) });
  void child.exited.then((exit) => {
    if (!shuttingDown) {
      say(`✗ ${name} exited (${exit}); see .data/logs/${name}.log`);
      void shutdown(1);
    }
  });
  children.push(child);
}

let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  say('\n• stopping…');
  // API first (stop taking leads), then the worker (drains in-flight tasks), then the servers.
  for (const child of [...children].reverse()) await child.stop(15_000);
  for (const stop of stoppers) await stop().catch(() => {});
  say('• stopped');
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('exit', () => {
  for (const { child } of children) if (child.pid && child.exitCode === null) child.kill('SIGKILL');
});

main().catch(async (err) => {
  say(`✗ ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});
