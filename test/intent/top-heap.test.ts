import { describe, expect, it } from 'vitest';
import { TopHeap } from '../../intent/rank.js';

describe('TopHeap', () => {
  it('keeps the best `cap` and returns them by score descending, ties by id ascending', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const [n, cap] of [
      [0, 5],
      [3, 5],
      [50, 10],
      [5000, 2000],
      [1000, 1],
    ] as const) {
      // Few distinct scores, so ties are common and the id order matters.
      const items = Array.from({ length: n }, (_, id) => ({ id, score: Math.floor(random() * 40) / 8 }));
      const heap = new TopHeap(cap);
      for (const { id, score } of [...items].sort(() => random() - 0.5)) heap.push(score, id);
      const expected = [...items].sort((a, b) => b.score - a.score || a.id - b.id).slice(0, cap);
      const got = heap.sortedDesc();
      expect([...got.ids]).toEqual(expected.map((i) => i.id));
      expect([...got.scores]).toEqual(expected.map((i) => i.score));
    }
  });

  it('holds nothing with a cap of 0', () => {
    const heap = new TopHeap(0);
    heap.push(1, 1);
    expect([...heap.sortedDesc().ids]).toEqual([]);
  });
});
