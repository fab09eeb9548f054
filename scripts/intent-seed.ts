// Deterministic seed corpus for the intent engine.
//   npm run seed:intent -- --companies 100000 --seed 42 --out .data/intent [--as-of 2026-11-01] [--synthetic-names]
// Writes <out>/corpus.jsonl (import format: meta, companies, contacts, signals), <out>/eval-truth.jsonl
// (hidden latent state, for evaluation only) and <out>/manifest.json.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../intent/seed/generate.js';

const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: '.data/intent' },
    'as-of': { type: 'string', default: '2026-11-01' },
    'synthetic-names': { type: 'boolean', default: false },
  },
});

class LineWriter {
  private readonly fd: number;
  private buf: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(line: string): void {
    this.buf.push(line);
    this.size += line.length + 1;
    if (this.size > 4 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length === 0) return;
    writeSync(this.fd, `${this.buf.join('\n')}\n`);
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const t0 = performance.now();
const out = values.out!;
mkdirSync(out, { recursive: true });
const corpus = new LineWriter(join(out, 'corpus.jsonl'));
const truth = new LineWriter(join(out, 'eval-truth.jsonl'));
const options = {
  companies: Number(values.companies),
  seed: Number(values.seed),
  asOf: values['as-of']!,
  realNames: !values['synthetic-names'],
};
const counts = generateCorpus(options, {
  row: (r) => corpus.write(JSON.stringify(r)),
  truth: (r) => truth.write(JSON.stringify(r)),
});
corpus.close();
truth.close();
const seconds = (performance.now() - t0) / 1000;
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ ...options, ...counts, seconds }, null, 2)}\n`);
console.log(
  `intent seed: ${counts.companies} companies, ${counts.contacts} contacts, ${counts.signals} signals -> ${out} in ${seconds.toFixed(1)} s`,
);
