// `npm run chaos`: the chaos experiments of test/chaos/ on a production shape of their own, printing the
// table (submitted, acknowledged, stored, finished, delivered, duplicates, lost), the answers during
// each outage (time to 503), /readyz and the delivery delay after the fault. Measures; asserts nothing.
//   npm run chaos -- [--only worker-kill,temporal-restart,postgres-restart,buyer-outage] [--keep]
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../dev/processes.js';
import type { ProductionShape } from '../dev/production-shape.js';
import { startIdempotentBuyer } from '../test/chaos/buyer.js';
import {
  type ChaosReport,
  EXPERIMENTS,
  type ExperimentName,
  formatReports,
  runExperiment,
  type ShapeControl,
  type ShapeDescription,
  startShapeForExperiments,
} from '../test/chaos/experiments.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(
    `Usage: npm run chaos -- [--only ${Object.keys(EXPERIMENTS).join(',')}] [--keep]\n` +
      'Runs the chaos experiments on a production shape of its own and prints what each did.\n' +
      '--keep leaves the temporary directory (logs of every component) in place.\n',
  );
  process.exit(0);
}
const names = (values.only?.split(',') ?? Object.keys(EXPERIMENTS)) as ExperimentName[];
for (const name of names) if (!(name in EXPERIMENTS)) throw new Error(`unknown experiment ${name}`);
const say = (message: string) => process.stdout.write(`${message}\n`);

const workDir = mkdtempSync(join(tmpdir(), 'leadrail-chaos-'));
chmodSync(workDir, 0o755); // embedded Postgres runs as the "postgres" user when we are root
const crashes: ShapeDescription['crashes'] = [];
let stopShape: (() => Promise<void>) | null = null;
const buyer = await startIdempotentBuyer();
const cleanup = async () => {
  await buyer.close();
  await stopShape?.();
  if (values.keep) say(`• kept ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
};
process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));

const reports: ChaosReport[] = [];
try {
  say('• starting the production shape');
  const shape: ProductionShape = await startShapeForExperiments({
    workDir,
    ui: false,
    onCrash: (name, exit) =>
      crashes.push({ name, at: new Date().toISOString(), message: `${name} exited (${exit})` }),
    onStopper: (stop) => {
      stopShape = stop;
    },
  });
  const control: ShapeControl = {
    describe: async () => ({
      databaseUrl: shape.databaseUrl,
      payloadKeys: shape.payloadKeys,
      temporalAddress: shape.temporalAddress,
      apiUrls: shape.apiUrls,
      uiUrl: shape.uiUrl,
      logDir: join(workDir, 'logs'),
      names: shape.names(),
      pids: shape.pids(),
      crashes,
    }),
    kill: (name) => shape.kill(name),
    start: (name) => shape.start(name),
  };
  for (const name of names) {
    const report = await runExperiment(control, buyer, EXPERIMENTS[name], { say });
    reports.push(report);
    say(formatReports([report]));
    say(JSON.stringify({ ...report, problems: report.problems.slice(0, 20) }, null, 1));
  }
  say('');
  say(formatReports(reports));
  const outDir = join(PROJECT_ROOT, '.data', 'bench');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `chaos-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(reports, null, 2)}\n`);
  say(`\nresult: ${relative(PROJECT_ROOT, file)}`);
} catch (err) {
  say(`✗ ${err instanceof Error ? err.stack : String(err)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
process.exit();
