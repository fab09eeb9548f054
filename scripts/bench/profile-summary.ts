// Where the worker and API spend their CPU during the measured phase of a `bench:leads --cpu-prof` run:
// self time by package (node_modules/<pkg>, node internals, project files, GC) and the top functions.
// Then, when the run had the twin, what a lead costs against a twin run, function by function: the
// lead processes' samples inside the lead phases against the twin worker's inside the twin phases, per
// item. Samples outside those phases (start-up, bundling, warm-up) are left out, using the phases'
// CLOCK_MONOTONIC windows stored in the result (V8 profiles use the same clock).
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
interface Window {
  start: number;
  end: number;
}
interface Phase {
  count: number;
  concurrency: number;
  monotonicUs?: Window;
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
  measured: { monotonicUs: Window };
  options: { concurrency: number };
  rounds?: Array<{ leads: Phase | null; twin: Phase | null }>;
};
if (!result.cpuProfiles) throw new Error(`${resultFile} was not run with --cpu-prof`);
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

/** Self time (µs) of one process's profiles inside `windows`: in all, by thread, package and function. */
interface SelfTime {
  total: number;
  byThread: Map<string, number>;
  byCategory: Map<string, number>;
  byFunction: Map<string, number>;
}

// Profiles run to megabytes, and the lead processes' are summed twice (measured phase, then per item).
const profiles = new Map<string, Profile>();
function readProfile(path: string): Profile {
  let profile = profiles.get(path);
  if (!profile) {
    profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
    profiles.set(path, profile);
  }
  return profile;
}

function selfTime(processName: string, windows: Window[]): SelfTime | null {
  const dir = join(ROOT, result.cpuProfiles!, processName);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  if (files.length === 0) return null;
  const out: SelfTime = { total: 0, byThread: new Map(), byCategory: new Map(), byFunction: new Map() };
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const inside = (t: number) => windows.some((w) => t >= w.start && t <= w.end);
  // One profile per thread (CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile): main, workflow threads, tsx loader.
  for (const f of files.sort()) {
    const profile = readProfile(join(dir, f));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const thread = `thread ${f.split('.').at(-3) ?? f}`;
    let t = profile.startTime;
    let last = t;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i] ?? 0;
      const dt = t - last;
      last = t;
      if (!inside(t)) continue;
      const node = nodes.get(profile.samples[i]!);
      if (!node) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)') continue;
      out.total += dt;
      add(out.byThread, thread, dt);
      const cat = category(url, functionName);
      add(out.byCategory, cat, dt);
      add(
        out.byFunction,
        `${(functionName || '(anonymous)').slice(0, 60)} ${cat}${url ? `:${lineNumber + 1}` : ''}`,
        dt,
      );
    }
  }
  return out;
}

function merge(parts: Array<SelfTime | null>): SelfTime {
  const out: SelfTime = { total: 0, byThread: new Map(), byCategory: new Map(), byFunction: new Map() };
  for (const p of parts) {
    if (!p) continue;
    out.total += p.total;
    for (const key of ['byThread', 'byCategory', 'byFunction'] as const)
      for (const [k, v] of p[key]) out[key].set(k, (out[key].get(k) ?? 0) + v);
  }
  return out;
}

// 1. Each lead process in the measured lead phases.
const measured = result.measured.monotonicUs;
const seconds = (measured.end - measured.start) / 1e6;
for (const name of ['worker', 'api']) {
  const own = selfTime(name, [measured]);
  if (!own) {
    process.stdout.write(`${name}: no profiles in ${join(result.cpuProfiles, name)}\n`);
    continue;
  }
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => [k, fixed(v / 1e6, 2), `${fixed((100 * v) / own.total, 1)}%`]);
  process.stdout.write(
    `\n${name}: ${fixed(own.total / 1e6, 2)} s of JavaScript-thread CPU in the ${fixed(seconds, 1)} s measured phase (${fixed(
      own.total / 1e6 / seconds,
      2,
    )} cores; native threads such as Temporal's Rust core are not in V8 profiles)\n\n`,
  );
  process.stdout.write(`${table([['thread', 's'], ...rows(own.byThread)])}\n\n`);
  process.stdout.write(`${table([['self time by package', 's', 'share'], ...rows(own.byCategory)])}\n\n`);
  process.stdout.write(`${table([['self time by function', 's', 'share'], ...rows(own.byFunction)])}\n`);
}

// 2. A lead against a twin run, per item, in the phases at --concurrency.
const phases = (kind: 'leads' | 'twin') =>
  (result.rounds ?? [])
    .map((r) => r[kind])
    .filter(
      (p): p is Phase & { monotonicUs: Window } =>
        !!p?.monotonicUs && p.concurrency === result.options.concurrency,
    );
const leadPhases = phases('leads');
const twinPhases = phases('twin');
const twin = selfTime(
  'twin',
  twinPhases.map((p) => p.monotonicUs),
);
if (leadPhases.length > 0 && twin) {
  // Every lead process: with eager start the API runs the lead's workflow; either may run activities.
  const lead = merge(
    ['worker', 'api'].map((name) =>
      selfTime(
        name,
        leadPhases.map((p) => p.monotonicUs),
      ),
    ),
  );
  const leads = leadPhases.reduce((s, p) => s + p.count, 0);
  const twinRuns = twinPhases.reduce((s, p) => s + p.count, 0);
  const compare = (key: 'byCategory' | 'byFunction', label: string) => {
    const names = new Set([...lead[key].keys(), ...twin[key].keys()]);
    const rows = [...names]
      .map((k) => {
        const perLead = (lead[key].get(k) ?? 0) / leads;
        const perTwin = (twin[key].get(k) ?? 0) / twinRuns;
        return { k, perLead, perTwin, diff: perLead - perTwin };
      })
      .sort((a, b) => b.diff - a.diff)
      .slice(0, top)
      .map((r) => [r.k, fixed(r.perLead, 0), fixed(r.perTwin, 0), fixed(r.diff, 0)]);
    return table([[label, 'µs per lead', 'µs per twin run', 'lead − twin'], ...rows]);
  };
  process.stdout.write(
    `\nA lead against a twin run at concurrency ${result.options.concurrency}: JavaScript-thread CPU of the lead processes (worker and API) in ${leadPhases.length} lead phases (${leads} leads) against the twin worker's in ${twinPhases.length} twin phases (${twinRuns} runs): ${fixed(
      lead.total / leads / 1000,
      2,
    )} ms per lead against ${fixed(twin.total / twinRuns / 1000, 2)} ms per twin run (native threads such as Temporal's Rust core are not in V8 profiles)\n\n`,
  );
  process.stdout.write(`${compare('byCategory', 'by package, largest difference first')}\n\n`);
  process.stdout.write(`${compare('byFunction', 'by function, largest difference first')}\n`);
}
