import { describe, expect, it } from 'vitest';
import { Bitset } from '../../intent/bitset.js';
import { Bm25Builder } from '../../intent/bm25.js';
import { tokenize } from '../../intent/text.js';

function search(docs: string[], query: string): number[] {
  const b = new Bm25Builder();
  for (const d of docs) b.add(tokenize(d));
  const index = b.build();
  const acc = new Float32Array(docs.length);
  const touched = new Uint32Array(docs.length);
  const n = index.accumulate(
    tokenize(query).map((term) => ({ term, weight: 1 })),
    acc,
    touched,
    0,
    1,
  );
  return Array.from(touched.slice(0, n)).sort((a, b) => acc[b]! - acc[a]! || a - b);
}

describe('typed-array BM25', () => {
  it('ranks documents with the query terms first, rarer terms weigh more', () => {
    const docs = [
      'we sell shoes and socks',
      'hiring a helpdesk manager for our support team',
      'support team offsite',
      'helpdesk helpdesk migration project',
      'quarterly results',
    ];
    const ranked = search(docs, 'helpdesk support');
    expect(ranked.slice(0, 2).sort()).toEqual([1, 3]);
    expect(ranked[2]).toBe(2);
    expect(ranked).not.toContain(0);
    expect(ranked).not.toContain(4);
  });

  it('normalises by document length', () => {
    const ranked = search(['crm', `crm ${'filler '.repeat(50)}`], 'crm');
    expect(ranked).toEqual([0, 1]);
  });

  it('computes idf from document frequency', () => {
    const b = new Bm25Builder();
    for (const d of ['a b', 'a c', 'a d', 'b']) b.add(tokenize(d));
    const idx = b.build();
    expect(idx.idf('zzz')).toBe(0);
    expect(idx.idf('c')).toBeGreaterThan(idx.idf('b'));
    expect(idx.docFreq('b')).toBe(2);
  });

  it('bitsets count, iterate and combine', () => {
    const a = Bitset.fromIndexes(70, [0, 5, 33, 69]);
    const b = Bitset.fromIndexes(70, [5, 33, 40]);
    expect(a.count()).toBe(4);
    expect([...a.clone().andInPlace(b).indexes()]).toEqual([5, 33]);
    expect([...a.clone().andNotInPlace(b).indexes()]).toEqual([0, 69]);
    expect(Bitset.full(70).count()).toBe(70);
  });
});
