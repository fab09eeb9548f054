// Offline evaluation of the intent ranker on two independent evaluation sets, overall and per
// phenomenon:
//   seed set    - the 100k seeded corpus (intent/seed) with its hidden truth; test split by default,
//                 beside baselines (random, BM25); phenomena = the query variants
//   held-out set - intent/eval/heldout: an 8,000-company corpus written from the data model by its own
//                 vocabulary and generator, with prompts as sales people write them (plain, industry
//                 variants, departments, incumbent tools, pain only, prompt constraints, filters),
//                 services firms / press distractors and indirect evidence
//   npm run eval:intent [-- --set seed|heldout|both --dir .data/intent --split test --ablations
//                          --json out.json --baseline <checkout dir>]
// --baseline points at another checkout of this repository (e.g. `git worktree add /tmp/old <rev>` or
// `git archive <rev> | tar -x -C /tmp/old`): its engine is evaluated on the same data, side by side.
// Generates the 100k corpus first when <dir>/corpus.jsonl is missing (seed 42).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readCorpusJsonl } from '../intent/corpus-file.js';
import { IntentEngine } from '../intent/engine.js';
import { evaluateHeldout, type HeldoutReport, type QueryEngine } from '../intent/eval/heldout/evaluate.js';
import { EVIDENCE_KINDS, generateHeldout } from '../intent/eval/heldout/generate.js';
import { wordingPrompts } from '../intent/eval/heldout/prompts.js';
import { formatReport, runEvaluation, summaryByVariant } from '../intent/eval/run.js';
import type { TruthRecord } from '../intent/seed/generate.js';
import type { IntentCorpus } from '../intent/types.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'both' },
    dir: { type: 'string', default: '.data/intent' },
    split: { type: 'string', default: 'test' },
    ablations: { type: 'boolean', default: false },
    json: { type: 'string' },
    baseline: { type: 'string' },
    'heldout-companies': { type: 'string', default: '8000' },
  },
});
const sets = values.set === 'both' ? ['seed', 'heldout'] : [values.set!];
const split = values.split as 'dev' | 'test' | 'all';
const f3 = (x: number) => x.toFixed(3);
type EngineFactory = (corpus: IntentCorpus) => QueryEngine & { index?: unknown };
const engines: [name: string, make: EngineFactory][] = [
  ['new', (corpus) => IntentEngine.fromCorpus(corpus, { cacheEntries: 0 })],
];
if (values.baseline) {
  const mod = (await import(pathToFileURL(resolve(values.baseline, 'intent/engine.ts')).href)) as {
    IntentEngine: { fromCorpus(c: IntentCorpus, o: { cacheEntries: number }): QueryEngine };
  };
  engines.unshift(['old', (corpus) => mod.IntentEngine.fromCorpus(corpus, { cacheEntries: 0 })]);
}
const out: Record<string, unknown> = {};
let failed = false;

if (sets.includes('seed')) {
  const dir = values.dir!;
  if (!existsSync(join(dir, 'corpus.jsonl')) || !existsSync(join(dir, 'eval-truth.jsonl'))) {
    console.log(`no corpus in ${dir}: generating 100k companies (seed 42)`);
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/intent-seed.ts', '--companies', '100000', '--seed', '42', '--out', dir],
      { stdio: 'inherit' },
    );
  }
  let t = performance.now();
  const { corpus, errors } = await readCorpusJsonl(join(dir, 'corpus.jsonl'), { validate: false });
  if (errors.length > 0) console.log(`${errors.length} unreadable rows`);
  const truth = readFileSync(join(dir, 'eval-truth.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TruthRecord);
  console.log(`seed set: loaded corpus in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const variants: Record<string, ReturnType<typeof summaryByVariant>> = {};
  const overallOurs: Partial<Record<'old' | 'new', { ndcg25: number; p25: number; n: number }>> = {};
  for (const [name, make] of engines) {
    t = performance.now();
    const engine = make(corpus) as IntentEngine;
    console.log(`seed set, ${name} engine: built index in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const isNew = name === 'new';
    const report = runEvaluation({
      corpus,
      truth,
      engine,
      ablations: isNew && values.ablations,
      oursOnly: !isNew,
    });
    console.log(
      `evaluated ${report.queries.length} queries in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    variants[name] = summaryByVariant(report, 'ours', split);
    overallOurs[name as 'old' | 'new'] = report.summary[split]?.ours;
    if (!isNew) {
      out.seedBaseline = report;
      continue;
    }
    out.seed = report;
    console.log(`\n${formatReport(report, split)}\n`);
    for (const [k, [lo, hi]] of Object.entries(report.ci))
      console.log(`95% CI ${k} (test): [${lo.toFixed(3)}, ${hi.toFixed(3)}]`);
    const c = report.compliance;
    console.log(
      `filter compliance: ${c.checkedLeads - c.violations.length}/${c.checkedLeads} leads (${((100 * (c.checkedLeads - c.violations.length)) / Math.max(1, c.checkedLeads)).toFixed(2)}%), excluded-domain leaks: ${c.excludedLeaks}, K-slice mismatches: ${c.sliceMismatches}`,
    );
    for (const v of c.violations.slice(0, 10)) console.log(`  violation: ${v}`);
    console.log(
      `test queries, Recall@2000 of relevant companies by their signal templates: dev-template ${f3(report.templateRecall.devTemplates)}, test-template ${f3(report.templateRecall.testTemplates)}`,
    );
    console.log(
      `ours, per query (K=2000, no cache): p50 ${report.msPerQuery.p50.toFixed(1)} ms, p95 ${report.msPerQuery.p95.toFixed(1)} ms`,
    );
    if (c.violations.length > 0 || c.excludedLeaks > 0) failed = true;
  }
  console.log(`\nSeed set, ours by phenomenon (query variant), split ${split}:\n`);
  const names = Object.keys(variants);
  console.log(`| phenomenon | n | ${names.map((n) => `nDCG@25 ${n} | P@25 ${n}`).join(' | ')} |`);
  console.log(`|---|---|${names.map(() => '---|---').join('|')}|`);
  for (const v of Object.keys(variants.new ?? {}))
    console.log(
      `| ${v} | ${variants.new![v]!.n} | ${names.map((n) => `${f3(variants[n]![v]!.ndcg25)} | ${f3(variants[n]![v]!.p25)}`).join(' | ')} |`,
    );
  const overall = { old: overallOurs.old, new: overallOurs.new };
  console.log(
    `| overall | ${overallOurs.new?.n ?? 0} | ${names.map((n) => `${f3(overall[n as 'old' | 'new']?.ndcg25 ?? 0)} | ${f3(overall[n as 'old' | 'new']?.p25 ?? 0)}`).join(' | ')} |`,
  );
}

if (sets.includes('heldout')) {
  let t = performance.now();
  const data = generateHeldout({ companies: Number(values['heldout-companies']) });
  console.log(
    `\nheld-out set: ${data.corpus.companies.length} companies, ${data.corpus.signals.length} signals, generated in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const reports: Record<string, HeldoutReport> = {};
  const wording: Record<string, HeldoutReport> = {};
  for (const [name, make] of engines) {
    t = performance.now();
    const engine = make(data.corpus);
    console.log(
      `held-out set, ${name} engine: built index in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    reports[name] = evaluateHeldout(engine, data);
    wording[name] = evaluateHeldout(engine, data, wordingPrompts());
  }
  out.heldout = reports;
  out.heldoutWording = wording;
  const names = Object.keys(reports);
  const first = reports[names[0]!]!;
  console.log(`\nHeld-out set, nDCG@25 / P@25 (grade 3) by phenomenon:\n`);
  console.log(`| phenomenon | n | ${names.map((n) => `nDCG@25 ${n} | P@25 ${n}`).join(' | ')} |`);
  console.log(`|---|---|${names.map(() => '---|---').join('|')}|`);
  for (const ph of [...Object.keys(first.byPhenomenon), 'overall']) {
    const row = (r: HeldoutReport) => (ph === 'overall' ? r.overall : r.byPhenomenon[ph]!);
    console.log(
      `| ${ph} | ${row(first).n} | ${names.map((n) => `${f3(row(reports[n]!).ndcg25)} | ${f3(row(reports[n]!).p25)}`).join(' | ')} |`,
    );
  }
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
  console.log('');
  console.log(`| measure | ${names.join(' | ')} |`);
  console.log(`|---|${names.map(() => '---').join('|')}|`);
  console.log(
    `| services firms + press in top 25 | ${names.map((n) => pct(reports[n]!.sellerShareTop25)).join(' | ')} |`,
  );
  console.log(
    `| filter compliance | ${names.map((n) => pct(1 - reports[n]!.compliance.violations / Math.max(1, reports[n]!.compliance.checked))).join(' | ')} |`,
  );
  for (const k of EVIDENCE_KINDS)
    console.log(
      `| Recall@200, evidence: ${k} | ${names.map((n) => f3(reports[n]!.recall200ByEvidence[k])).join(' | ')} |`,
    );
  const p95 = (r: HeldoutReport) => {
    const ms = r.queries.map((q) => q.ms).sort((a, b) => a - b);
    return ms[Math.floor(ms.length * 0.95)] ?? 0;
  };
  console.log(
    `| per query p95 ms (K=2000, no cache) | ${names.map((n) => p95(reports[n]!).toFixed(1)).join(' | ')} |`,
  );
  // The set's own words for its categories, one plain prompt each (not in the figures above).
  const read = (r: HeldoutReport) => {
    const said = r.queries.filter((q) => q.categoryRead !== undefined);
    return said.length === 0 ? 'n/a' : `${said.filter((q) => q.categoryRead).length}/${said.length}`;
  };
  console.log(
    `\nHeld-out set, its own category wording ("companies that need a <thing>", ${wording[names[0]!]!.overall.n} prompts):\n`,
  );
  console.log(`| measure | ${names.join(' | ')} |`);
  console.log(`|---|${names.map(() => '---').join('|')}|`);
  console.log(`| nDCG@25 | ${names.map((n) => f3(wording[n]!.overall.ndcg25)).join(' | ')} |`);
  console.log(`| P@25 | ${names.map((n) => f3(wording[n]!.overall.p25)).join(' | ')} |`);
  console.log(`| category read right | ${names.map((n) => read(wording[n]!)).join(' | ')} |`);
  if ((reports.new?.compliance.violations ?? 0) > 0) failed = true;
}

if (values.json) writeFileSync(values.json, JSON.stringify(out, null, 2));
if (failed) process.exitCode = 1;
