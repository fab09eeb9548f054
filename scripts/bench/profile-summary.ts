// Where the worker and API spend their CPU during the measured phase of a `bench:leads --cpu-prof` run:
// self time by package (node_modules/<pkg>, node internals, project files, GC) and the top functions.
// Samples outside the measured phase (start-up, bundling, warm-up) are left out, using the phase's
// CLOCK_MONOTONIC window stored in the result (V8 profiles use the same clock).
//   node --import tsx scripts/bench/profile-summary.ts .data/bench/leads-<stamp>.json [--top 20]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './stack.js';
import { fixed, table } from './stats.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '20' } },
  allowPositionals: true,
});
const resultFile = positionals[0];
if (!resultFile) {
  process.stderr.write('usage: profile-summary.ts <result.json> [--top N]\n');
  process.exit(2);
}
const result = JSON.parse(readFileSync(resultFile, 'utf8')) as {
  cpuProfiles: string | null;
  measured: { monotonicUs: { start: number; end: number } };
};
if (!result.cpuProfiles) throw new Error(`${resultFile} was not run with --cpu-prof`);
const { start, end } = result.measured.monotonicUs;
const top = Number(values.top);

function category(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith('node:')) return 'node internals';
  if (url.endsWith('workflow-bundle.js')) return 'workflow bundle';
  if (url.startsWith('file://')) return url.replace(`file://${ROOT}`, '').replace(/^\//, '');
  return url;
}

for (const name of ['worker', 'api']) {
  const dir = join(ROOT, result.cpuProfiles, name);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  if (files.length === 0) {
    process.stdout.write(`${name}: no profiles in ${dir}\n`);
    continue;
  }
  const byCategory = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const byThread: string[][] = [];
  let total = 0;
  // One profile per thread (CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile): main, workflow threads, tsx loader.
  for (const f of files.sort()) {
    const profile = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Profile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    let t = profile.startTime;
    let last = t;
    let threadTotal = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i] ?? 0;
      const dt = t - last;
      last = t;
      if (t < start || t > end) continue;
      const node = nodes.get(profile.samples[i]!);
      if (!node) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)') continue;
      threadTotal += dt;
      const cat = category(url, functionName);
      byCategory.set(cat, (byCategory.get(cat) ?? 0) + dt);
      const fn = `${(functionName || '(anonymous)').slice(0, 60)} ${cat}${url ? `:${lineNumber + 1}` : ''}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
    }
    total += threadTotal;
    const thread = f.split('.').at(-3) ?? f;
    byThread.push([`thread ${thread}`, fixed(threadTotal / 1e6, 2)]);
  }
  const seconds = (end - start) / 1e6;
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => [k, fixed(v / 1e6, 2), `${fixed((100 * v) / total, 1)}%`]);
  process.stdout.write(
    `\n${name}: ${fixed(total / 1e6, 2)} s of JavaScript-thread CPU in the ${fixed(seconds, 1)} s measured phase (${fixed(
      total / 1e6 / seconds,
      2,
    )} cores; native threads such as Temporal's Rust core are not in V8 profiles)\n\n`,
  );
  process.stdout.write(`${table([['thread', 's'], ...byThread])}\n\n`);
  process.stdout.write(`${table([['self time by package', 's', 'share'], ...rows(byCategory)])}\n\n`);
  process.stdout.write(`${table([['self time by function', 's', 'share'], ...rows(byFunction)])}\n`);
}
