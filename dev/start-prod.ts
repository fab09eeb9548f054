// `npm run start:prod`: the production shape on this machine, in one terminal.
//   PostgreSQL (embedded in .data/prod/postgres unless DATABASE_URL is set) -> the Temporal server
//   (pinned build, PostgreSQL persistence and SQL visibility; schema and namespace set up as an
//   operator does) -> two workers and two API processes -> the Temporal Web UI. An API or worker that
//   dies is started again, as an orchestrator would. Ctrl-C stops everything in order; a rerun keeps
//   the data. docker-compose.yml is the same shape in containers.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoBuyer } from './demo-buyer.js';
import { ensureDevApiKey, ensureIntentCorpus } from './dev-data.js';
import { PROJECT_ROOT } from './processes.js';
import { type ProductionShape, startProductionShape } from './production-shape.js';
import { DEFAULT_HISTORY_SHARDS, DEFAULT_TEMPORAL_PORTS } from './temporal-cluster.js';

const env = process.env;
const dataDir = join(PROJECT_ROOT, '.data', 'prod');
const logDir = join(dataDir, 'logs');
const ports = (value: string | undefined, fallback: number[]) =>
  value ? value.split(',').map((p) => Number(p.trim())) : fallback;

function say(message: string) {
  process.stdout.write(`${message}\n`);
}

let stopShape: (() => Promise<void>) | null = null;
const stoppers: Array<() => Promise<void>> = [];

async function main() {
  mkdirSync(logDir, { recursive: true });
  const apiPorts = ports(env.PROD_API_PORTS, [3000, 3001]);
  const workerPorts = ports(env.PROD_WORKER_METRICS_PORTS, [9464, 9466]);
  const uiPort = Number(env.TEMPORAL_UI_PORT ?? 8080);
  let apiKey = '';
  const shape: ProductionShape = await startProductionShape({
    dataDir,
    logDir,
    databaseUrl: env.DATABASE_URL,
    postgresPort: Number(env.EMBEDDED_PG_PORT ?? 5434),
    temporalPorts: { ...DEFAULT_TEMPORAL_PORTS, frontend: Number(env.TEMPORAL_PORT ?? 7233) },
    numHistoryShards: Number(env.TEMPORAL_NUM_HISTORY_SHARDS ?? DEFAULT_HISTORY_SHARDS),
    apiPorts,
    workerMetricsPorts: workerPorts,
    uiPort: uiPort > 0 ? uiPort : null,
    restartCrashed: true,
    say,
    async prepare(databaseUrl) {
      apiKey = await ensureDevApiKey(databaseUrl, join(dataDir, 'dev-api-key'));
      await ensureIntentCorpus(databaseUrl, join(PROJECT_ROOT, '.data'), say);
    },
    onStopper(stop) {
      stopShape = stop;
    },
  });
  const demoBuyer = await startDemoBuyer(Number(env.DEMO_BUYER_PORT ?? 4000));
  stoppers.push(() => new Promise<void>((resolve) => demoBuyer.server.close(() => resolve())));

  say('');
  say('Leadrail (production shape) is running.');
  for (const [i, url] of shape.apiUrls.entries())
    say(`  API ${i + 1}        ${url}   (docs: ${url}/docs, console: ${url}/console)`);
  say(`  Temporal     ${shape.temporalAddress}   (server, PostgreSQL persistence and visibility)`);
  if (shape.uiUrl) say(`  Temporal UI  ${shape.uiUrl}`);
  say(`  API key      ${apiKey}   (development account, all scopes)`);
  say(`  Demo buyer   ${demoBuyer.url}   (ping side: ${demoBuyer.pingUrl})`);
  say(`  Workers      ${workerPorts.map((p) => `http://127.0.0.1:${p}/metrics`).join(', ')}`);
  say(`  Logs         .data/prod/logs/{api-N,worker-N,temporal,ui}.log`);
  say('');
  say('Put a load balancer in front of the API ports (README: Running in production). Press Ctrl-C to stop.');
}

let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  say('\n• stopping…');
  for (const stop of stoppers) await stop().catch(() => {});
  await stopShape?.();
  say('• stopped');
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

main().catch(async (err) => {
  say(`✗ ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});
