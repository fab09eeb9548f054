// In-process micro-benchmark of the intent engine (no HTTP): index build time, RSS, and per-query
// latency p50/p95/p99 for K = 25 / 100 / 2000, without cache (every query ranked from scratch) and
// with cache hits. Queries: the 159 evaluation prompts with their filters.
//   npm run bench:intent:engine [-- --dir .data/intent --rounds 5 --from-db --baseline <dir>]
// --from-db loads the corpus from DATABASE_URL (after `npm run intent:import`) instead of JSONL.
// --baseline <dir>: another checkout of this repository (e.g. the commit before a change); its engine
// is built from the same corpus and every query runs on both engines back to back, alternating which
// goes first, so machine load hits both alike; prints p50/p95 per K (no cache) and new/old ratios.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createPool } from '../db/pool.js';
import { readCorpusJsonl } from '../intent/corpus-file.js';
import { DEFAULT_COST } from '../intent/cost.js';
import { IntentEngine } from '../intent/engine.js';
import { buildEvalQueries } from '../intent/eval/queries.js';
import { loadIntentCorpus } from '../intent/load.js';
import type { IntentCorpus } from '../intent/types.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '.data/intent' },
    rounds: { type: 'string', default: '5' },
    'from-db': { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});
const dir = values.dir!;
const rounds = Number(values.rounds);
const mb = (b: number) => `${Math.round(b / 2 ** 20)} MiB`;
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

let corpus: IntentCorpus;
let t = performance.now();
if (values['from-db']) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('--from-db needs DATABASE_URL');
  const pool = createPool(url, 2);
  corpus = await loadIntentCorpus(pool);
  await pool.end();
  console.log(`loaded from Postgres in ${((performance.now() - t) / 1000).toFixed(1)} s`);
} else {
  if (!existsSync(join(dir, 'corpus.jsonl'))) {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/intent-seed.ts', '--companies', '100000', '--seed', '42', '--out', dir],
      {
        stdio: 'inherit',
      },
    );
  }
  corpus = (await readCorpusJsonl(join(dir, 'corpus.jsonl'), { validate: false })).corpus;
  console.log(`read JSONL in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
// Side by side with a baseline checkout: one process, both indexes, queries interleaved.
if (values.baseline) {
  const mod = (await import(pathToFileURL(resolve(values.baseline, 'intent/engine.ts')).href)) as {
    IntentEngine: typeof IntentEngine;
  };
  t = performance.now();
  const oldEngine = mod.IntentEngine.fromCorpus(corpus, { cacheEntries: 0 });
  const oldBuild = performance.now() - t;
  t = performance.now();
  const newEngine = IntentEngine.fromCorpus(corpus, { cacheEntries: 0 });
  const newBuild = performance.now() - t;
  console.log(`index build: old ${(oldBuild / 1000).toFixed(2)} s, new ${(newBuild / 1000).toFixed(2)} s`);
  const queries = buildEvalQueries();
  // Prompts whose product words the new engine asks the corpus about (pseudo-relevance feedback),
  // reported apart from the ones it parses cleanly.
  const reads = queries.map(
    (q) => newEngine.querySync({ query: q.query, limit: 25 }).stats.feedback !== undefined,
  );
  console.log(
    `\n${queries.length} queries x ${rounds} rounds per K (1 warm-up round), each on both engines, alternating order; ${reads.filter(Boolean).length} of them read by the new engine's feedback\n`,
  );
  console.log(
    '| K | engine | p50 ms | p95 ms | p99 ms | CPU ms/query | clean prompts p50 / p95 ms | feedback prompts p50 / p95 ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  const ratios: string[] = [];
  for (const k of [25, 100, 2000]) {
    const lat: Record<'old' | 'new', number[]> = { old: [], new: [] };
    const split: Record<'old' | 'new', [number[], number[]]> = { old: [[], []], new: [[], []] };
    const cpu: Record<'old' | 'new', number> = { old: 0, new: 0 };
    for (let r = 0; r <= rounds; r++) {
      queries.forEach((q, i) => {
        const order: ('old' | 'new')[] = (i + r) % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
        for (const side of order) {
          const engine = side === 'old' ? oldEngine : newEngine;
          const t0 = performance.now();
          const c0 = process.cpuUsage();
          engine.querySync({ query: q.query, limit: k, ...(q.filters ? { filters: q.filters } : {}) });
          const c = process.cpuUsage(c0);
          if (r === 0) continue; // warm-up
          lat[side].push(performance.now() - t0);
          split[side][reads[i] ? 1 : 0].push(performance.now() - t0);
          cpu[side] += (c.user + c.system) / 1000;
        }
      });
    }
    for (const side of ['old', 'new'] as const) {
      const xs = lat[side].sort((a, b) => a - b);
      const [clean, fb] = split[side].map((v) => v.sort((a, b) => a - b)) as [number[], number[]];
      console.log(
        `| ${k} | ${side} | ${pct(xs, 0.5).toFixed(2)} | ${pct(xs, 0.95).toFixed(2)} | ${pct(xs, 0.99).toFixed(2)} | ${(cpu[side] / xs.length).toFixed(2)} | ${pct(clean, 0.5).toFixed(2)} / ${pct(clean, 0.95).toFixed(2)} | ${pct(fb, 0.5).toFixed(2)} / ${pct(fb, 0.95).toFixed(2)} |`,
      );
    }
    const [cleanOld, cleanNew] = [split.old[0], split.new[0]];
    ratios.push(
      `K=${k}: p50 ${(pct(lat.new, 0.5) / pct(lat.old, 0.5)).toFixed(2)}, p95 ${(pct(lat.new, 0.95) / pct(lat.old, 0.95)).toFixed(2)}, CPU/query ${(cpu.new / cpu.old).toFixed(2)}, clean prompts p95 ${(pct(cleanNew, 0.95) / pct(cleanOld, 0.95)).toFixed(2)}`,
    );
  }
  console.log(`\nnew/old: ${ratios.join('; ')}`);
  process.exit(0);
}

const rssBefore = process.memoryUsage().rss;
t = performance.now();
const base = IntentEngine.fromCorpus(corpus, { cacheEntries: 0 });
const buildMs = performance.now() - t;
const counts = {
  companies: corpus.companies.length,
  contacts: corpus.contacts.length,
  signals: corpus.signals.length,
};
// Let the raw corpus go: the index keeps what it needs.
corpus = { asOf: corpus.asOf, companies: [], contacts: [], signals: [] };
global.gc?.();
const mem = process.memoryUsage();
console.log(
  `corpus: ${counts.companies} companies, ${counts.contacts} contacts, ${counts.signals} signals; index build ${(buildMs / 1000).toFixed(2)} s; BM25 postings ${mb(base.index.stats.bm25Bytes)}`,
);
console.log(
  `memory: RSS ${mb(mem.rss)} (before build ${mb(rssBefore)}), heap used ${mb(mem.heapUsed)}${global.gc ? '' : ' (run with --expose-gc for a post-GC figure)'}`,
);

const queries = buildEvalQueries();
console.log(
  `\n${queries.length} queries x ${rounds} rounds per row (1 warm-up round first); single thread\n`,
);
console.log('| K | cache | p50 ms | p95 ms | p99 ms | max ms | CPU ms/query | cost/query $ | cost/lead $ |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const k of [25, 100, 2000]) {
  for (const cached of [false, true]) {
    const engine = new IntentEngine(base.index, { cacheEntries: cached ? 10_000 : 0 });
    const run = () => {
      const lat: number[] = [];
      let cpu = 0;
      let cost = 0;
      let leads = 0;
      for (const q of queries) {
        const t0 = performance.now();
        const r = engine.querySync({
          query: q.query,
          limit: k,
          ...(q.filters ? { filters: q.filters } : {}),
        });
        lat.push(performance.now() - t0);
        cpu += r.stats.cpuMs;
        cost += r.metadata.cost_usd;
        leads += r.leads.length;
      }
      return { lat, cpu, cost, leads };
    };
    run(); // warm-up (and, for the cached rows, fills the cache)
    const all: number[] = [];
    let cpu = 0;
    let cost = 0;
    let leads = 0;
    for (let r = 0; r < rounds; r++) {
      const res = run();
      all.push(...res.lat);
      cpu += res.cpu;
      cost += res.cost;
      leads += res.leads;
    }
    all.sort((a, b) => a - b);
    const n = all.length;
    console.log(
      `| ${k} | ${cached ? 'hit' : 'none'} | ${pct(all, 0.5).toFixed(2)} | ${pct(all, 0.95).toFixed(2)} | ${pct(all, 0.99).toFixed(2)} | ${all[n - 1]!.toFixed(2)} | ${(cpu / n).toFixed(2)} | ${(cost / n).toExponential(2)} | ${(cost / Math.max(1, leads)).toExponential(2)} |`,
    );
  }
}
console.log(
  `\ncost model: CPU-ms x $${DEFAULT_COST.usdPerCpuMs}/CPU-ms (+ LLM tokens; none on this path); final RSS ${mb(process.memoryUsage().rss)}`,
);
