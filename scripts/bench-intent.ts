// `npm run bench:intent`: open-loop load on POST /query through the real API and real Temporal.
// A benchmark, not a test: it asserts nothing. Method and numbers: docs/intent-api.md.
//
// Requests are sent at a FIXED arrival rate whatever the answers do; each request's latency is
// measured from its SCHEDULED send time (no coordinated omission: a stall shows up in every request
// scheduled during it). Query mix: limit 25 (80 %), 100 (15 %), 2000 (5 %). Two runs, reported apart:
//   uncached: every request unique (an evaluation prompt + a nonsense word without postings, which
//             changes only the cache key), so every query is ranked;
//   cached:   requests drawn Zipf(1.1) from a set of 200 prompts/filters, so most hit the result cache.
// The uncached run is measured against two floors in the same invocation, --rounds times, interleaved
// (the order rotates per round), each side with the same requests at the same rate:
//   twin:   the Temporal-only query twin (scripts/bench/intent/twin.ts): the query workflow's shape (eager
//           start, one workflow task, one local activity, a summary-sized result) with no ranking, no
//           HTTP, no Postgres, on the same Temporal server;
//   engine: the ranking engine alone (scripts/bench/intent/engine.ts), same corpus, no cache.
// It prints intent/twin and intent/engine ratios (medians and ranges over the rounds) first.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { authenticateApiKey, insertAccount, issueApiKey } from '../db/accounts.js';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import { freePort } from '../dev/ports.js';
import { startEmbeddedPostgres } from '../dev/postgres.js';
import { startDevServer, stopChild } from '../dev/temporal-server.js';
import { buildEvalQueries } from '../intent/eval/queries.js';
import type { IntentFilters } from '../intent/filters.js';
import { importIntentData } from '../intent/import.js';
import { setIntentKeyLimits } from '../intent/query-log.js';
import { Rng } from '../intent/seed/prng.js';
import { DEFAULT_RUNS_IN_FLIGHT } from '../intent/service/query-runner.js';
import { generatePayloadKey } from '../temporal/payload-codec.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const HELP = `Usage: npm run bench:intent -- [options]

  --rate N              arrival rate, requests per second (default 250)
  --duration S          measured seconds per run (default 60)
  --warmup S            seconds at the same rate before each run, not measured (default 20)
  --runs LIST           uncached,cached (default both, in that order)
  --rounds N            interleaved rounds of the uncached run with its twin and engine sides (default 3)
  --sides LIST          intent,twin,engine (default all three; twin and engine need the own stack)
  --twin-runs-in-flight N
                        past N runs under way the twin's waiting queries share one run, as the
                        service coalesces (default: the API's INTENT_RUNS_IN_FLIGHT, 1; 0: one run
                        per query)
  --twin-eager BOOL     the twin asks for eager workflow start (default true, as the service does)
  --companies N         corpus size of the stack this script starts (default 20000, like npm start)
  --memory              Temporal dev server in memory (default: SQLite file, like npm start)
  --log-level LEVEL     LOG_LEVEL of the API (default info, like npm start)
  --env KEY=VALUE       extra environment for the API (repeatable), e.g. INTENT_EAGER_START=false
  --cpu-prof DIR        write a V8 CPU profile of the API process into DIR
  --api URL --key KEY   load a running API instead (e.g. npm start); its limits apply unless
                        --database-url is given too (then the key's intent limits are raised)
  --database-url URL    with --api: the API's database, to raise the key's intent limits
  --label TEXT          stored with the result in .data/bench/
  --keep                keep the temporary directory (logs)
  --help
`;

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '250' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '20' },
    runs: { type: 'string', default: 'uncached,cached' },
    rounds: { type: 'string', default: '3' },
    sides: { type: 'string', default: 'intent,twin,engine' },
    'twin-runs-in-flight': { type: 'string' },
    'twin-eager': { type: 'string', default: 'true' },
    companies: { type: 'string', default: '20000' },
    memory: { type: 'boolean', default: false },
    'log-level': { type: 'string', default: 'info' },
    env: { type: 'string', multiple: true, default: [] },
    'cpu-prof': { type: 'string' },
    api: { type: 'string' },
    key: { type: 'string' },
    'database-url': { type: 'string' },
    label: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const rate = Number(values.rate);
const durationS = Number(values.duration);
const warmupS = Number(values.warmup);
const runs = values.runs!.split(',').map((r) => r.trim()) as ('uncached' | 'cached')[];
const rounds = Number(values.rounds);
const sides = values.sides!.split(',').map((r) => r.trim()) as Side[];
type Side = 'intent' | 'twin' | 'engine';
if (!(rounds >= 1) || sides.some((x) => !['intent', 'twin', 'engine'].includes(x))) {
  throw new Error('bad --rounds/--sides');
}
const twinEager = values['twin-eager'] !== 'false';
if (!(rate > 0) || !(durationS > 0) || !(warmupS >= 0)) throw new Error('bad --rate/--duration/--warmup');
if (runs.some((r) => r !== 'uncached' && r !== 'cached')) throw new Error('--runs: uncached and/or cached');
if (values.api && !values.key) throw new Error('--api needs --key');
const extraEnv: Record<string, string> = {};
for (const pair of values.env!) {
  const at = pair.indexOf('=');
  if (at < 1) throw new Error(`--env expects KEY=VALUE, got ${pair}`);
  extraEnv[pair.slice(0, at)] = pair.slice(at + 1);
}
const twinRunsInFlight = Number(
  values['twin-runs-in-flight'] ?? extraEnv.INTENT_RUNS_IN_FLIGHT ?? DEFAULT_RUNS_IN_FLIGHT,
);
const say = (m: string) => process.stdout.write(`${m}\n`);

// ---------------------------------------------------------------------------------------------
// The request mix.

interface Req {
  query: string;
  limit: number;
  filters?: IntentFilters;
}

const EVAL = buildEvalQueries().map((q) => ({
  query: q.query,
  ...(q.filters && !q.filters.exclude ? { filters: q.filters } : {}),
}));

function pickLimit(rng: Rng): number {
  const x = rng.next();
  return x < 0.8 ? 25 : x < 0.95 ? 100 : 2000;
}

function uncachedRequests(n: number, seed: string): Req[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const base = EVAL[rng.int(0, EVAL.length - 1)]!;
    // A word with no postings: the ranking is the base prompt's, the cache key is new.
    return { ...base, query: `${base.query} zq${seed.length}x${i.toString(36)}`, limit: pickLimit(rng) };
  });
}

function cachedRequests(n: number, seed: string): Req[] {
  const rng = new Rng(seed);
  const set: Req[] = Array.from({ length: 200 }, (_, i) => ({
    ...EVAL[i % EVAL.length]!,
    ...(i >= EVAL.length ? { filters: { company_size: ['51-200', '201-1000'] } } : {}),
    limit: 25,
  }));
  // Zipf(1.1) over ranks 1..200.
  const weights = set.map((_, r) => 1 / (r + 1) ** 1.1);
  const total = weights.reduce((a, b) => a + b, 0);
  const cdf: number[] = [];
  let acc = 0;
  for (const w of weights) {
    acc += w / total;
    cdf.push(acc);
  }
  return Array.from({ length: n }, () => {
    const u = rng.next();
    let r = cdf.findIndex((c) => c >= u);
    if (r < 0) r = set.length - 1;
    return { ...set[r]!, limit: pickLimit(rng) };
  });
}

// ---------------------------------------------------------------------------------------------
// Open-loop sender.

interface Sample {
  limit: number;
  latencyMs: number;
  status: number;
  code: string | null;
  costUsd: number;
  leads: number;
  processingMs: number;
  /** Server-Timing phases of an answered query (ms). */
  phases?: Record<string, number>;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1024 });

function send(
  api: string,
  key: string,
  body: string,
): Promise<{ status: number; text: string; timing?: string | undefined }> {
  return new Promise((resolve) => {
    const url = new URL('/query', api);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: {
          Authorization: `Bearer ${key}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            timing: res.headers['server-timing'] as string | undefined,
          }),
        );
        res.on('error', () => resolve({ status: 0, text: '' }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, text: '' }));
    req.end(body);
  });
}

/** Reads only the metadata (serialised last) of a response, without parsing up to 2000 leads. */
function metadataOf(
  text: string,
): { cost_usd: number; total_leads: number; processing_time_ms: number } | null {
  const at = text.lastIndexOf('"metadata":');
  if (at < 0) return null;
  try {
    return JSON.parse(text.slice(at + 11, -1));
  } catch {
    return null;
  }
}

async function runOpenLoop(api: string, key: string, reqs: Req[], ratePerS: number, record: boolean) {
  const interval = 1000 / ratePerS;
  const samples: Sample[] = [];
  const inflight: Promise<void>[] = [];
  const bodies = reqs.map((r) => JSON.stringify(r));
  const t0 = performance.now() + 20;
  let i = 0;
  let maxLagMs = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (i < reqs.length && t0 + i * interval <= now) {
        const scheduled = t0 + i * interval;
        maxLagMs = Math.max(maxLagMs, now - scheduled);
        const limit = reqs[i]!.limit;
        const p = send(api, key, bodies[i]!).then(({ status, text, timing }) => {
          if (!record) return;
          const latencyMs = performance.now() - scheduled;
          if (status === 200) {
            const m = metadataOf(text);
            samples.push({
              limit,
              latencyMs,
              status,
              code: m ? null : 'BAD_BODY',
              costUsd: m?.cost_usd ?? 0,
              leads: m ? Math.min(limit, m.total_leads) : 0,
              processingMs: m?.processing_time_ms ?? 0,
              phases: parseTiming(timing),
            });
          } else {
            let code = status === 0 ? 'NETWORK' : `HTTP_${status}`;
            try {
              code = (JSON.parse(text) as { error: { code: string } }).error.code;
            } catch {}
            samples.push({ limit, latencyMs, status, code, costUsd: 0, leads: 0, processingMs: 0 });
          }
        });
        inflight.push(p);
        i++;
      }
      if (i < reqs.length) setTimeout(tick, Math.max(0, Math.min(2, t0 + i * interval - performance.now())));
      else done();
    };
    tick();
  });
  const sentAt = performance.now();
  await Promise.all(inflight);
  const end = performance.now();
  return { samples, wallS: (end - t0) / 1000, sendS: (sentAt - t0) / 1000, maxLagMs };
}

function parseTiming(header: string | undefined): Record<string, number> | undefined {
  if (!header) return undefined;
  const out: Record<string, number> = {};
  for (const part of header.split(',')) {
    const m = /^\s*([\w-]+);dur=([\d.]+)/.exec(part);
    if (m) out[m[1]!] = Number(m[2]);
  }
  return out;
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarize(samples: Sample[]) {
  const ok = samples.filter((s) => s.status === 200 && s.code === null);
  const lat = ok.map((s) => s.latencyMs).sort((a, b) => a - b);
  const proc = ok.map((s) => s.processingMs).sort((a, b) => a - b);
  const byK: Record<string, { n: number; p50: number; p95: number; p99: number }> = {};
  for (const k of [25, 100, 2000]) {
    const l = ok
      .filter((s) => s.limit === k)
      .map((s) => s.latencyMs)
      .sort((a, b) => a - b);
    byK[k] = { n: l.length, p50: pct(l, 50), p95: pct(l, 95), p99: pct(l, 99) };
  }
  const errors: Record<string, number> = {};
  for (const s of samples) if (s.code !== null) errors[s.code] = (errors[s.code] ?? 0) + 1;
  const phases: Record<string, { p50: number; p95: number }> = {};
  for (const name of new Set(ok.flatMap((s) => Object.keys(s.phases ?? {})))) {
    const v = ok.map((s) => s.phases?.[name] ?? 0).sort((a, b) => a - b);
    phases[name] = { p50: pct(v, 50), p95: pct(v, 95) };
  }
  const cost = ok.reduce((a, s) => a + s.costUsd, 0);
  const leads = ok.reduce((a, s) => a + s.leads, 0);
  return {
    requests: samples.length,
    ok: ok.length,
    errors,
    p50: pct(lat, 50),
    p95: pct(lat, 95),
    p99: pct(lat, 99),
    max: lat[lat.length - 1] ?? Number.NaN,
    processingP50: pct(proc, 50),
    processingP95: pct(proc, 95),
    byK,
    phases,
    costUsd: cost,
    leads,
    costPerLead: leads > 0 ? cost / leads : Number.NaN,
  };
}

// ---------------------------------------------------------------------------------------------
// CPU of the stack's processes (/proc; Linux only).

function procTicks(): Map<number, { ppid: number; ticks: number; comm: string }> {
  const out = new Map<number, { ppid: number; ticks: number; comm: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      out.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), comm });
    } catch {}
  }
  return out;
}

function subtreeTicks(procs: ReturnType<typeof procTicks>, root: number): number {
  let total = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += procs.get(pid)?.ticks ?? 0;
    for (const [child, p] of procs) if (p.ppid === pid) stack.push(child);
  }
  return total;
}

let CLK = 100;
try {
  CLK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {}

function machineTicks(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  return (line[0] ?? 0) + (line[1] ?? 0) + (line[2] ?? 0) + (line[5] ?? 0) + (line[6] ?? 0) + (line[7] ?? 0);
}

interface CpuSnapshot {
  at: number;
  parts: Record<string, number>;
  machine: number;
  self: number;
}

function cpuSnapshot(pids: Record<string, number | undefined>): CpuSnapshot {
  const procs = procTicks();
  const parts: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) if (pid) parts[name] = subtreeTicks(procs, pid);
  const u = process.cpuUsage();
  return { at: performance.now(), parts, machine: machineTicks(), self: (u.user + u.system) / 1e6 };
}

function cpuBetween(a: CpuSnapshot, b: CpuSnapshot) {
  const s = (b.at - a.at) / 1000;
  const cores: Record<string, number> = {};
  for (const name of Object.keys(b.parts)) cores[name] = (b.parts[name]! - (a.parts[name] ?? 0)) / CLK / s;
  cores.generator = (b.self - a.self) / s;
  cores.machine = (b.machine - a.machine) / CLK / s;
  return cores;
}

// ---------------------------------------------------------------------------------------------
// The stack.

async function scrape(api: string): Promise<{ queries: number; cacheHits: number }> {
  const text = await (await fetch(`${api}/metrics`)).text();
  const get = (re: RegExp) => {
    let sum = 0;
    for (const m of text.matchAll(re)) sum += Number(m[1]);
    return sum;
  };
  return {
    queries: get(/^leadrail_intent_queries_total\{outcome="ok"[^}]*\} (\S+)$/gm),
    cacheHits: get(/^leadrail_intent_cache_hits_total (\S+)$/gm),
  };
}

interface Stack {
  api: string;
  key: string;
  pids: Record<string, number | undefined>;
  stop(): Promise<void>;
  workDir: string | null;
  /** The Temporal-only twin and the engine alone (own stack only). */
  twin?: SideProcess;
  engine?: SideProcess;
}

interface SideResult {
  latencies: number[];
  errors: number;
  wallS: number;
  cpuS: number;
}

/** A long-lived side process of the benchmark: one JSON command per line in, one JSON answer out. */
interface SideProcess {
  pid: number;
  run(command: Record<string, unknown>): Promise<SideResult>;
}

function sideProcess(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  log: string,
): Promise<SideProcess> {
  const fd = openSync(log, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env,
    stdio: ['pipe', 'pipe', fd],
    detached: true,
  });
  closeSync(fd);
  let buffer = '';
  const waiting: ((line: string) => void)[] = [];
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      // The Temporal core SDK logs to stdout too: answers are the JSON lines.
      if (line.startsWith('{')) waiting.shift()?.(line);
    }
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`${script} exited (${code}); see ${log}`)));
    });
  return next().then(() => ({
    pid: child.pid!,
    run: async (command) => {
      const answer = next();
      child.stdin!.write(`${JSON.stringify(command)}\n`);
      return JSON.parse(await answer) as SideResult;
    },
  }));
}

async function ownStack(): Promise<Stack> {
  const workDir = mkdtempSync(join(tmpdir(), 'leadrail-bench-intent-'));
  execFileSync('chmod', ['755', workDir]);
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of stoppers.splice(0)) await fn().catch(() => {});
  };
  try {
    const [pgPort, temporalPort, apiPort] = await Promise.all([freePort(), freePort(), freePort()]);
    say(
      `• embedded PostgreSQL :${pgPort}, Temporal dev server :${temporalPort} (${values.memory ? 'in memory' : 'SQLite file'})`,
    );
    const [db, temporal] = await Promise.all([
      startEmbeddedPostgres({ dataDir: join(workDir, 'postgres'), port: pgPort, persistent: false }),
      startDevServer({
        port: temporalPort,
        ...(values.memory ? {} : { dbFilename: join(workDir, 'temporal.db') }),
        logFile: join(workDir, 'temporal.log'),
      }),
    ]);
    stoppers.push(db.stop);
    stoppers.unshift(temporal.stop);
    await migrate(db.url);
    const companies = Number(values.companies);
    const corpusDir = join(workDir, 'corpus');
    say(`• generating and importing a ${companies}-company corpus (seed 42)`);
    const gen = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/intent-seed.ts',
        '--companies',
        String(companies),
        '--seed',
        '42',
        '--out',
        corpusDir,
      ],
      { cwd: ROOT, stdio: 'ignore' },
    );
    if (gen.status !== 0) throw new Error('corpus generation failed');
    const pool = createPool(db.url, 4);
    let key: string;
    try {
      const { createReadStream } = await import('node:fs');
      const t0 = performance.now();
      const imported = await importIntentData(pool, createReadStream(join(corpusDir, 'corpus.jsonl')), {
        format: 'jsonl',
      });
      say(`  ${imported.inserted} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const account = await insertAccount(pool, 'Benchmark');
      const issued = await issueApiKey(pool, account.id, { name: 'bench-intent', scopes: ['intent:query'] });
      await raiseLimits(pool, issued.id);
      key = issued.key;
    } finally {
      await pool.end();
    }
    const logFile = join(workDir, 'api.log');
    const fd = openSync(logFile, 'a');
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: temporal.address,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: values['log-level'],
      PAYLOAD_ENCRYPTION_KEYS: process.env.PAYLOAD_ENCRYPTION_KEYS ?? generatePayloadKey('bench'),
      ...extraEnv,
    };
    const profArgs = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
    const child = spawn(process.execPath, [...profArgs, '--import', 'tsx', 'api/main.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', fd, fd],
      detached: true,
    });
    closeSync(fd);
    stoppers.unshift(() => stopChild(child, 15_000));
    const api = `http://127.0.0.1:${apiPort}`;
    // The floors, started now so that their start-up (bundling, index build) overlaps the API's.
    const sideEnv = { ...env, LOG_LEVEL: 'warn' };
    const twin = sides.includes('twin')
      ? sideProcess('scripts/bench/intent/twin.ts', [], sideEnv, join(workDir, 'twin.log'))
      : undefined;
    const engine = sides.includes('engine')
      ? sideProcess(
          'scripts/bench/intent/engine.ts',
          [join(corpusDir, 'corpus.jsonl')],
          sideEnv,
          join(workDir, 'engine.log'),
        )
      : undefined;
    for (const side of [twin, engine]) {
      side?.then(
        (p) => stoppers.unshift(async () => void process.kill(-p.pid, 'SIGTERM')),
        () => {},
      );
    }
    say('• starting the API (intent worker inside) and waiting for the index');
    const started = performance.now();
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`API exited:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
      const res = await send(
        api,
        key,
        JSON.stringify({ query: 'Find companies looking for CRM software' }),
      ).catch(() => ({ status: 0, text: '' }));
      if (res.status === 200) break;
      if (performance.now() - started > 180_000) throw new Error('API not ready within 180 s');
      await new Promise((r) => setTimeout(r, 250));
    }
    const ready = readFileSync(logFile, 'utf8')
      .split('\n')
      .find((l) => l.includes('"intent engine ready"'));
    if (ready) {
      const info = JSON.parse(ready) as {
        companies: number;
        signals: number;
        read_ms: number;
        build_ms: number;
      };
      say(
        `  index: ${info.companies} companies, ${info.signals} signals; read ${info.read_ms} ms, build ${info.build_ms} ms`,
      );
    }
    const [twinProcess, engineProcess] = await Promise.all([twin, engine]);
    if (twinProcess || engineProcess) say('• twin and engine sides ready');
    return {
      api,
      key,
      pids: {
        api: child.pid,
        temporal: temporal.process.pid,
        postgres: process.pid,
        twin: twinProcess?.pid,
        engine: engineProcess?.pid,
      },
      stop,
      workDir,
      ...(twinProcess ? { twin: twinProcess } : {}),
      ...(engineProcess ? { engine: engineProcess } : {}),
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function raiseLimits(pool: ReturnType<typeof createPool>, keyId: string) {
  await setIntentKeyLimits(pool, keyId, {
    burst: 1_000_000_000,
    ratePerMinute: 1_000_000_000,
    perDay: 1_000_000_000,
    usdPerDay: 1_000_000,
  });
}

async function externalStack(): Promise<Stack> {
  const api = values.api!.replace(/\/$/, '');
  const key = values.key!;
  if (values['database-url']) {
    const pool = createPool(values['database-url'], 2);
    try {
      const auth = await authenticateApiKey(pool, key);
      if (!auth) throw new Error('--key is not a valid key in --database-url');
      await raiseLimits(pool, auth.keyId);
      say('• raised the key’s intent limits for the benchmark');
    } finally {
      await pool.end();
    }
  }
  return { api, key, pids: {}, stop: async () => {}, workDir: null };
}

// ---------------------------------------------------------------------------------------------

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');

/** One measured run of the real stack (warm-up first); its row goes into `results[label]`. */
async function measureIntentRun(
  stack: Stack,
  runName: 'uncached' | 'cached',
  label: string,
  seed: string,
  results: Record<string, unknown>,
): Promise<IntentRow> {
  const warmN = Math.round(rate * warmupS);
  const n = Math.round(rate * durationS);
  const make = runName === 'uncached' ? uncachedRequests : cachedRequests;
  if (warmN > 0) {
    say(`• ${label}: warm-up ${warmupS} s`);
    await runOpenLoop(stack.api, stack.key, make(warmN, `${seed}:warm`), rate, false);
  }
  say(`• ${label}: measuring ${durationS} s`);
  const before = await scrape(stack.api);
  const cpuA = cpuSnapshot(stack.pids);
  const run = await runOpenLoop(stack.api, stack.key, make(n, seed), rate, true);
  const cpuB = cpuSnapshot(stack.pids);
  const after = await scrape(stack.api);
  const summary = summarize(run.samples);
  const cores = cpuBetween(cpuA, cpuB);
  // Postgres is our own child subtree: what is left of this process's subtree after the API and Temporal.
  if (cores.postgres !== undefined) {
    cores.postgres = Math.max(
      0,
      cores.postgres -
        (cores.api ?? 0) -
        (cores.temporal ?? 0) -
        (cores.twin ?? 0) -
        (cores.engine ?? 0) -
        cores.generator!,
    );
  }
  const stackCores = (cores.api ?? 0) + (cores.temporal ?? 0) + (cores.postgres ?? 0);
  const achieved = summary.ok / run.wallS;
  const hitRatio =
    after.queries - before.queries > 0
      ? (after.cacheHits - before.cacheHits) / (after.queries - before.queries)
      : NaN;
  // Full-stack cost: the CPU of API + Temporal + Postgres during the run at the cost model's price
  // (1.4e-8 $ per CPU-ms), spread over the leads returned.
  const stackCostPerLead =
    stackCores > 0 && summary.leads > 0 ? (stackCores * run.wallS * 1000 * 1.4e-8) / summary.leads : NaN;
  results[label] = {
    ...summary,
    achievedRate: achieved,
    wallS: run.wallS,
    maxSendLagMs: run.maxLagMs,
    cores,
    hitRatio,
    stackCostPerLead,
  };
  say(
    `  ${label}: ok ${summary.ok}/${summary.requests}, achieved ${f(achieved)} req/s, p50 ${f(summary.p50)} ms, p95 ${f(summary.p95)} ms, p99 ${f(summary.p99)} ms, max ${f(summary.max)} ms`,
  );
  say(
    `    by K: ${Object.entries(summary.byK)
      .map(([k, v]) => `K=${k} n=${v.n} p50 ${f(v.p50)} p95 ${f(v.p95)} p99 ${f(v.p99)}`)
      .join(' | ')}`,
  );
  say(
    `    errors ${JSON.stringify(summary.errors)}; cache hit ratio ${f(hitRatio * 100)}%; processing_time_ms p50 ${f(summary.processingP50)} p95 ${f(summary.processingP95)}; generator send lag max ${f(run.maxLagMs)} ms`,
  );
  say(
    `    cost per lead: model ${summary.costPerLead.toExponential(2)} $ (metadata.cost_usd / leads); full stack CPU ${Number.isFinite(stackCostPerLead) ? stackCostPerLead.toExponential(2) : '-'} $`,
  );
  say(
    `    server timing p50/p95 ms: ${Object.entries(summary.phases)
      .map(([k, v]) => `${k} ${f(v.p50)}/${f(v.p95)}`)
      .join(', ')}`,
  );
  say(
    `    CPU cores: ${Object.entries(cores)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(', ')}`,
  );
  return { summary, achieved, wallS: run.wallS, cores };
}

type IntentRow = {
  summary: ReturnType<typeof summarize>;
  achieved: number;
  wallS: number;
  cores: Record<string, number>;
};

interface SideSummary {
  ok: number;
  sent: number;
  achieved: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU per answered query by process (ms). */
  cpuMs: Record<string, number>;
}

function sideSummary(
  latencies: number[],
  sent: number,
  wallS: number,
  cpuMs: Record<string, number>,
): SideSummary {
  const lat = [...latencies].sort((a, b) => a - b);
  return {
    ok: lat.length,
    sent,
    achieved: lat.length / wallS,
    p50: pct(lat, 50),
    p95: pct(lat, 95),
    p99: pct(lat, 99),
    cpuMs,
  };
}

/** The twin or the engine alone on the same requests as the intent side of the round. */
async function measureSide(
  stack: Stack,
  side: 'twin' | 'engine',
  round: number,
  seed: string,
): Promise<SideSummary | null> {
  const proc = side === 'twin' ? stack.twin : stack.engine;
  if (!proc || !stack.workDir) return null;
  const n = Math.round(rate * durationS);
  const file = join(stack.workDir, `requests-${round}.jsonl`);
  writeFileSync(
    file,
    `${uncachedRequests(n, seed)
      .map((r) => JSON.stringify(r))
      .join('\n')}\n`,
  );
  say(`• uncached#${round + 1} ${side}: warm-up ${warmupS} s, measuring ${durationS} s`);
  const pids = side === 'twin' ? { temporal: stack.pids.temporal, twin: proc.pid } : { engine: proc.pid };
  const a = cpuSnapshot(pids);
  const res = await proc.run({
    requests: file,
    rate,
    warmupS,
    durationS,
    ...(side === 'twin' ? { eager: twinEager, runsInFlight: twinRunsInFlight } : {}),
  });
  const b = cpuSnapshot(pids);
  const cores = cpuBetween(a, b);
  const ok = Math.max(1, res.latencies.length);
  // Over the measured part only: the side's own count; Temporal's from /proc over the whole command,
  // scaled to the measured share of it.
  const measuredShare = durationS / (durationS + warmupS);
  const cpuMs: Record<string, number> =
    side === 'twin'
      ? {
          twin: (res.cpuS * 1000) / ok,
          temporal: ((cores.temporal ?? 0) * ((b.at - a.at) / 1000) * measuredShare * 1000) / ok,
        }
      : { engine: (res.cpuS * 1000) / ok };
  const summary = sideSummary(res.latencies, n, res.wallS, cpuMs);
  say(
    `  ${side}: ok ${summary.ok}/${n}, achieved ${f(summary.achieved)} req/s, p50 ${f(summary.p50)} ms, p95 ${f(summary.p95)} ms, p99 ${f(summary.p99)} ms; CPU ms/query ${Object.entries(
      cpuMs,
    )
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(', ')}`,
  );
  return summary;
}

const median = (xs: number[]) => {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};
const range = (xs: number[]) => {
  const v = xs.filter(Number.isFinite);
  return v.length ? `${f(Math.min(...v), 2)}–${f(Math.max(...v), 2)}` : '-';
};

async function main() {
  say(
    `intent benchmark: ${rate} req/s open loop, ${warmupS} s warm-up + ${durationS} s per run, mix K=25 80% / 100 15% / 2000 5%`,
  );
  say(
    `machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const stack = values.api ? await externalStack() : await ownStack();
  // Ctrl-C: stop what this script started (API, Temporal, Postgres) before exiting.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => {
      say(`\n• ${signal}: stopping the stack`);
      void stack.stop().finally(() => process.exit(130));
    });
  }
  const results: Record<string, unknown> = {};
  const roundRows: Partial<Record<Side, SideSummary>>[] = [];
  try {
    for (const runName of runs) {
      if (runName === 'cached') {
        await measureIntentRun(stack, 'cached', 'cached', `cached:${Date.now()}`, results);
        continue;
      }
      for (let r = 0; r < rounds; r++) {
        // Interleaved: the sides' order rotates per round, so drifting machine load hits each alike.
        const order = sides.map((_, i) => sides[(i + r) % sides.length]!);
        const seed = `uncached:${Date.now()}:${r}`;
        const row: Partial<Record<Side, SideSummary>> = {};
        for (const side of order) {
          if (side === 'intent') {
            const label = rounds > 1 || sides.length > 1 ? `uncached#${r + 1}` : 'uncached';
            const res = await measureIntentRun(stack, 'uncached', label, seed, results);
            const ok = Math.max(1, res.summary.ok);
            const cpuMs: Record<string, number> = {};
            for (const part of ['api', 'temporal', 'postgres'])
              if (res.cores[part] !== undefined) cpuMs[part] = (res.cores[part]! * res.wallS * 1000) / ok;
            row.intent = {
              ok: res.summary.ok,
              sent: res.summary.requests,
              achieved: res.achieved,
              p50: res.summary.p50,
              p95: res.summary.p95,
              p99: res.summary.p99,
              cpuMs,
            };
          } else {
            const summary = await measureSide(stack, side, r, seed);
            if (summary) row[side] = summary;
            else say(`• ${side}: not measured (needs the benchmark's own stack)`);
          }
        }
        roundRows.push(row);
      }
    }
  } finally {
    await stack.stop();
    if (stack.workDir && !values.keep) rmSync(stack.workDir, { recursive: true, force: true });
    else if (stack.workDir) say(`kept ${stack.workDir}`);
  }

  say('');
  say(
    '| run | offered | achieved | p50 ms | p95 ms | p99 ms | errors | cache hits | cost/lead (model) | cost/lead (stack CPU) |',
  );
  say('|---|---|---|---|---|---|---|---|---|---|');
  type Row = ReturnType<typeof summarize> & {
    achievedRate: number;
    hitRatio: number;
    stackCostPerLead: number;
  };
  for (const [name, r] of Object.entries(results) as [string, Row][]) {
    const errs = r.requests - r.ok;
    say(
      `| ${name} | ${rate}/s | ${f(r.achievedRate)}/s | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${errs} (${f((errs / r.requests) * 100, 2)}%) | ${f(r.hitRatio * 100)}% | ${r.costPerLead.toExponential(2)} | ${Number.isFinite(r.stackCostPerLead) ? r.stackCostPerLead.toExponential(2) : '-'} |`,
    );
  }
  if (roundRows.length > 0 && sides.length > 1) {
    say('');
    say(
      `Uncached, ${rounds} interleaved round(s) at ${rate}/s; twin: ${twinEager ? 'eager' : 'not eager'}, ${twinRunsInFlight > 0 ? `coalescing past ${twinRunsInFlight} runs under way` : 'one run per query'}`,
    );
    say('| round | side | ok/sent | achieved/s | p50 ms | p95 ms | p99 ms | CPU ms/query |');
    say('|---|---|---|---|---|---|---|---|');
    roundRows.forEach((row, r) => {
      for (const side of sides) {
        const x = row[side];
        if (!x) continue;
        const cpu = Object.entries(x.cpuMs)
          .map(([k, v]) => `${k} ${v.toFixed(2)}`)
          .join(', ');
        say(
          `| ${r + 1} | ${side} | ${x.ok}/${x.sent} | ${f(x.achieved)} | ${f(x.p50)} | ${f(x.p95)} | ${f(x.p99)} | ${cpu} |`,
        );
      }
    });
    const cpuTotal = (x: SideSummary | undefined) =>
      x ? Object.values(x.cpuMs).reduce((a, b) => a + b, 0) : Number.NaN;
    const ratio = (pick: (row: Partial<Record<Side, SideSummary>>) => number) => {
      const xs = roundRows.map(pick);
      return `${f(median(xs), 2)} (${range(xs)})`;
    };
    say('');
    say(`Ratios, median (range) over ${roundRows.length} round(s):`);
    say(`  p95 intent/twin ${ratio((w) => (w.intent?.p95 ?? NaN) / (w.twin?.p95 ?? NaN))}`);
    say(`  p95 intent/engine ${ratio((w) => (w.intent?.p95 ?? NaN) / (w.engine?.p95 ?? NaN))}`);
    say(`  p50 intent/twin ${ratio((w) => (w.intent?.p50 ?? NaN) / (w.twin?.p50 ?? NaN))}`);
    say(
      `  achieved rate intent/twin ${ratio((w) => (w.intent?.achieved ?? NaN) / (w.twin?.achieved ?? NaN))}`,
    );
    say(
      `  CPU/query intent/(twin + engine) ${ratio((w) => cpuTotal(w.intent) / (cpuTotal(w.twin) + cpuTotal(w.engine)))}`,
    );
    say(
      `  medians: intent p95 ${f(median(roundRows.map((w) => w.intent?.p95 ?? NaN)))} ms, twin p95 ${f(median(roundRows.map((w) => w.twin?.p95 ?? NaN)))} ms, engine p95 ${f(median(roundRows.map((w) => w.engine?.p95 ?? NaN)))} ms`,
    );
    results.rounds = roundRows;
  }
  const outDir = join(ROOT, '.data', 'bench');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `intent-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    out,
    `${JSON.stringify({ label: values.label ?? null, rate, durationS, warmupS, companies: Number(values.companies), memory: values.memory, logLevel: values['log-level'], env: extraEnv, results }, null, 2)}\n`,
  );
  say(`\nresult: ${relative(ROOT, out)}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
