import { generateCorpus } from '../../intent/seed/generate.js';

/**
 * The deterministic corpus every intent end-to-end file imports: the same rows each time, so re-imports
 * by several files in one run change nothing.
 */
export function testCorpusJsonl(): string {
  const lines: string[] = [];
  generateCorpus(
    { companies: 1500, seed: 7, asOf: '2026-11-01' },
    { row: (r) => lines.push(JSON.stringify(r)), truth: () => {} },
  );
  return `${lines.join('\n')}\n`;
}
