// Offline evaluation of the intent ranker (test split by default) beside baselines.
//   npm run eval:intent [-- --dir .data/intent --split test --ablations --json out.json]
// Generates the 100k corpus first when <dir>/corpus.jsonl is missing (seed 42).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCorpusJsonl } from '../intent/corpus-file.js';
import { IntentEngine } from '../intent/engine.js';
import { formatReport, runEvaluation } from '../intent/eval/run.js';
import type { TruthRecord } from '../intent/seed/generate.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '.data/intent' },
    split: { type: 'string', default: 'test' },
    ablations: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const dir = values.dir!;
if (!existsSync(join(dir, 'corpus.jsonl')) || !existsSync(join(dir, 'eval-truth.jsonl'))) {
  console.log(`no corpus in ${dir}: generating 100k companies (seed 42)`);
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/intent-seed.ts', '--companies', '100000', '--seed', '42', '--out', dir],
    {
      stdio: 'inherit',
    },
  );
}
let t = performance.now();
const { corpus, errors } = await readCorpusJsonl(join(dir, 'corpus.jsonl'), { validate: false });
if (errors.length > 0) console.log(`${errors.length} unreadable rows`);
const truth = readFileSync(join(dir, 'eval-truth.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as TruthRecord);
console.log(`loaded corpus in ${((performance.now() - t) / 1000).toFixed(1)} s`);
t = performance.now();
const engine = IntentEngine.fromCorpus(corpus, { cacheEntries: 0 });
console.log(`built index in ${((performance.now() - t) / 1000).toFixed(1)} s`);
t = performance.now();
const report = runEvaluation({ corpus, truth, engine, ablations: values.ablations });
console.log(
  `evaluated ${report.queries.length} queries in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
);
const split = values.split as 'dev' | 'test' | 'all';
console.log(formatReport(report, split));
console.log('');
for (const [k, [lo, hi]] of Object.entries(report.ci))
  console.log(`95% CI ${k} (test): [${lo.toFixed(3)}, ${hi.toFixed(3)}]`);
const c = report.compliance;
console.log(
  `filter compliance: ${c.checkedLeads - c.violations.length}/${c.checkedLeads} leads (${((100 * (c.checkedLeads - c.violations.length)) / Math.max(1, c.checkedLeads)).toFixed(2)}%), excluded-domain leaks: ${c.excludedLeaks}, K-slice mismatches: ${c.sliceMismatches}`,
);
for (const v of c.violations.slice(0, 10)) console.log(`  violation: ${v}`);
console.log(
  `test queries, Recall@2000 of relevant companies by their signal templates: dev-template ${report.templateRecall.devTemplates.toFixed(3)}, test-template ${report.templateRecall.testTemplates.toFixed(3)}`,
);
console.log(
  `ours, per query (K=2000, no cache): p50 ${report.msPerQuery.p50.toFixed(1)} ms, p95 ${report.msPerQuery.p95.toFixed(1)} ms`,
);
if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
if (c.violations.length > 0 || c.excludedLeaks > 0) process.exitCode = 1;
