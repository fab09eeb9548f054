import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validateRow } from '../../intent/schema.js';
import { sizeBucket } from '../../intent/types.js';
import { seededCorpus } from './helpers.js';

const digest = (rows: string[]) => createHash('sha256').update(rows.join('\n')).digest('hex');

describe('seed generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = seededCorpus(300, 5);
    const b = seededCorpus(300, 5);
    const c = seededCorpus(300, 6);
    expect(digest(a.rows)).toBe(digest(b.rows));
    expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
    expect(digest(a.rows)).not.toBe(digest(c.rows));
  });

  it('emits valid import rows, synthetic contacts and reserved domains; truth stays out of the corpus', () => {
    const { rows, corpus, truth } = seededCorpus(400, 9);
    rows.forEach((r, i) => {
      const v = validateRow(JSON.parse(r), i + 1);
      if (!v.ok) throw new Error(`${r}: ${JSON.stringify(v.errors)}`);
    });
    expect(
      corpus.contacts.every(
        (c) => c.synthetic && c.email!.endsWith('.example') && c.phone!.includes('555-01'),
      ),
    ).toBe(true);
    expect(corpus.companies.every((c) => c.domain.endsWith('.example'))).toBe(true);
    expect(rows.some((r) => r.includes('in_market'))).toBe(false);
    expect(truth).toHaveLength(400);
    expect(corpus.companies.some((c) => c.name_source === 'ieee-oui')).toBe(true);
  });

  it('has the documented size mix (35/30/20/10/5 %)', () => {
    const { corpus } = seededCorpus(4000, 1);
    const counts = new Map<string, number>();
    for (const c of corpus.companies)
      counts.set(sizeBucket(c.employee_count), (counts.get(sizeBucket(c.employee_count)) ?? 0) + 1);
    const share = (b: string) => (counts.get(b) ?? 0) / corpus.companies.length;
    expect(share('1-10')).toBeCloseTo(0.35, 1);
    expect(share('11-50')).toBeCloseTo(0.3, 1);
    expect(share('51-200')).toBeCloseTo(0.2, 1);
    expect(share('201-1000')).toBeCloseTo(0.1, 1);
    expect(share('1000+')).toBeCloseTo(0.05, 1);
  });
});
