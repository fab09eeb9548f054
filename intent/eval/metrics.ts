import { Rng } from '../seed/prng.js';

// Ranking metrics with graded labels (0-3) and a paired bootstrap.

/** nDCG@k with gains 2^rel - 1; `ideal` holds every label > 0 of the eligible set. */
export function ndcgAt(ranked: readonly number[], ideal: readonly number[], k: number): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) dcg += (2 ** ranked[i]! - 1) / Math.log2(i + 2);
  const best = [...ideal].sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < Math.min(k, best.length); i++) idcg += (2 ** best[i]! - 1) / Math.log2(i + 2);
  return idcg === 0 ? 0 : dcg / idcg;
}

/** Precision@k: share of the first k slots holding a label >= minRel (empty slots count as misses). */
export function precisionAt(ranked: readonly number[], k: number, minRel = 2): number {
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (ranked[i]! >= minRel) hits++;
  return hits / k;
}

/** Recall@k of items with label >= minRel. */
export function recallAt(ranked: readonly number[], relevantCount: number, k: number, minRel = 2): number {
  if (relevantCount === 0) return 0;
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (ranked[i]! >= minRel) hits++;
  return hits / relevantCount;
}

export function mrr(ranked: readonly number[], minRel = 2): number {
  for (let i = 0; i < ranked.length; i++) if (ranked[i]! >= minRel) return 1 / (i + 1);
  return 0;
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** 95% paired bootstrap CI of mean(a - b) over queries. */
export function pairedBootstrap(
  a: readonly number[],
  b: readonly number[],
  rounds = 2000,
  seed = 1,
): [number, number] {
  const rng = new Rng(`bootstrap:${seed}`);
  const n = a.length;
  const diffs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rng.next() * n);
      s += a[j]! - b[j]!;
    }
    diffs.push(s / n);
  }
  diffs.sort((x, y) => x - y);
  return [diffs[Math.floor(rounds * 0.025)]!, diffs[Math.floor(rounds * 0.975)]!];
}
