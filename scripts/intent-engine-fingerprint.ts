// Fingerprint of the intent engine's answers: builds the engine from the seeded JSONL corpus (as
// scripts/intent-bench-engine.ts does) and writes, for every evaluation query at K = 25, 100 and 2000,
// the full response (leads, metadata and stats without timing, cost and cache fields) as one JSON
// line, first ranked from scratch and then again as cache hits. A performance change must leave the
// file byte-identical:
//   node --import tsx scripts/intent-engine-fingerprint.ts --out /tmp/before.jsonl   (after: cmp)
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCorpusJsonl } from '../intent/corpus-file.js';
import { IntentEngine, type IntentQueryResult } from '../intent/engine.js';
import { buildEvalQueries } from '../intent/eval/queries.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '.data/intent' },
    out: { type: 'string', default: '/tmp/intent-engine-fingerprint.jsonl' },
  },
});
const { corpus } = await readCorpusJsonl(join(values.dir!, 'corpus.jsonl'), { validate: false });
const base = IntentEngine.fromCorpus(corpus, { cacheEntries: 0 });
const queries = buildEvalQueries();

const line = (pass: string, id: string, k: number, r: IntentQueryResult): string => {
  const { processing_time_ms: _t, cost_usd: _c, cache_hit_rate: _h, ...metadata } = r.metadata;
  const { cpuMs: _cpu, wallMs: _wall, cacheHit: _hit, ...stats } = r.stats;
  return JSON.stringify({ pass, id, k, leads: r.leads, metadata, stats });
};

const lines: string[] = [];
// From scratch: no result cache, every query ranked.
for (const k of [25, 100, 2000])
  for (const q of queries) {
    const r = base.querySync({ query: q.query, limit: k, ...(q.filters ? { filters: q.filters } : {}) });
    lines.push(line('rank', q.id, k, r));
  }
// Cache hits: the first K ranks and fills the cache, the others are slices of the cached list.
const cached = new IntentEngine(base.index, { cacheEntries: 10_000 });
for (const k of [2000, 25, 100, 2000])
  for (const q of queries) {
    const r = cached.querySync({ query: q.query, limit: k, ...(q.filters ? { filters: q.filters } : {}) });
    lines.push(line('cache', q.id, k, r));
  }
const text = `${lines.join('\n')}\n`;
writeFileSync(values.out!, text);
console.log(
  `${lines.length} responses -> ${values.out} (sha256 ${createHash('sha256').update(text).digest('hex').slice(0, 16)})`,
);
