// Medians across benchmark runs: groups the JSON results of `npm run bench:leads` by configuration
// (label, concurrency, Temporal persistence, stack environment) and prints one row per group.
//   node --import tsx scripts/bench/summarize.ts [--label L] [--max-other CORES] [--markdown] [files...]
// Without files it reads every .data/bench/leads-*.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './stack.js';
import { fixed, markdownTable, median, table } from './stats.js';

interface Run {
  label: string | null;
  options: {
    concurrency: number;
    leads: number;
    temporalDb: string;
    mode: string;
    env: Record<string, string>;
    recipientDelayMs: number;
    flow?: string;
  };
  measured: {
    leadsPerSecond: number;
    errors: number;
    leads: number;
    latencyMs: { p50: number; p95: number; p99: number; max: number };
  };
  cpu: {
    cores: Record<string, number>;
    generatorCores: number;
    otherCores: number | null;
    machineCores: number | null;
  };
  histories: { wftQueueMs: { p50: number }; wftRunMs: { p50: number } } | null;
}

const { values, positionals } = parseArgs({
  options: {
    label: { type: 'string' },
    'max-other': { type: 'string' },
    markdown: { type: 'boolean', default: false },
    cpu: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});

const dir = join(ROOT, '.data', 'bench');
const files = positionals.length
  ? positionals
  : readdirSync(dir)
      .filter((f) => /^leads-.*\.json$/.test(f))
      .sort()
      .map((f) => join(dir, f));
const maxOther = values['max-other'] === undefined ? Number.POSITIVE_INFINITY : Number(values['max-other']);

const groups = new Map<string, Run[]>();
let skipped = 0;
for (const file of files) {
  const run = JSON.parse(readFileSync(file, 'utf8')) as Run;
  if (values.label !== undefined && run.label !== values.label) continue;
  if ((run.cpu.otherCores ?? 0) > maxOther) {
    skipped++;
    continue;
  }
  const o = run.options;
  const env = Object.entries(o.env ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const key = [
    run.label ?? '',
    o.mode === 'external' ? 'external' : o.temporalDb,
    env,
    o.recipientDelayMs ? `delay ${o.recipientDelayMs}ms` : '',
    o.flow === 'minimal' ? 'minimal flow' : '',
    `c=${o.concurrency}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const list = groups.get(key) ?? [];
  list.push(run);
  groups.set(key, list);
}

const sorted = [...groups.entries()].sort((a, b) => {
  const ca = a[1][0]!.options.concurrency;
  const cb = b[1][0]!.options.concurrency;
  return a[0].replace(/c=\d+$/, '').localeCompare(b[0].replace(/c=\d+$/, '')) || ca - cb;
});
const med = (runs: Run[], f: (r: Run) => number | null | undefined) =>
  median(runs.map(f).filter((v): v is number => typeof v === 'number'));

const rows: string[][] = [
  [
    'configuration',
    'runs',
    'leads/run',
    'leads/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'errors',
    ...(values.cpu
      ? [
          'worker ms/lead',
          'api ms/lead',
          'temporal ms/lead',
          'postgres ms/lead',
          'generator ms/lead',
          'other cores',
        ]
      : []),
  ],
];
for (const [key, runs] of sorted) {
  rows.push([
    key,
    String(runs.length),
    String(med(runs, (r) => r.measured.leads)),
    fixed(
      med(runs, (r) => r.measured.leadsPerSecond),
      1,
    ),
    fixed(
      med(runs, (r) => r.measured.latencyMs.p50),
      0,
    ),
    fixed(
      med(runs, (r) => r.measured.latencyMs.p95),
      0,
    ),
    fixed(
      med(runs, (r) => r.measured.latencyMs.p99),
      0,
    ),
    fixed(
      med(runs, (r) => r.measured.latencyMs.max),
      0,
    ),
    String(runs.reduce((s, r) => s + r.measured.errors, 0)),
    ...(values.cpu
      ? [
          ...['worker', 'api', 'temporal', 'postgres'].map((name) =>
            fixed(
              med(runs, (r) => ((r.cpu.cores[name] ?? 0) / r.measured.leadsPerSecond) * 1000),
              1,
            ),
          ),
          fixed(
            med(runs, (r) => (r.cpu.generatorCores / r.measured.leadsPerSecond) * 1000),
            1,
          ),
          fixed(
            med(runs, (r) => r.cpu.otherCores),
            2,
          ),
        ]
      : []),
  ]);
}
process.stdout.write(`${values.markdown ? markdownTable(rows) : table(rows)}\n`);
if (skipped) process.stdout.write(`(${skipped} runs left out: other processes above ${maxOther} cores)\n`);
