// Okapi BM25 over typed arrays: a compressed-sparse-row inverted index (term -> doc ids, term
// frequencies), scored term-at-a-time into a caller-owned accumulator. No allocation per posting.

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

class GrowableU32 {
  data = new Uint32Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Collects documents (already tokenised), then freezes into a `Bm25Index`. */
export class Bm25Builder {
  private readonly vocab = new Map<string, number>();
  private readonly termIds = new GrowableU32();
  private readonly termTfs = new GrowableU32();
  private readonly docEnds = new GrowableU32();
  private readonly docLens = new GrowableU32();
  private readonly local = new Map<number, number>();

  /** Adds the next document (its id is the number of documents added before it). */
  add(tokens: readonly string[]): number {
    const local = this.local;
    local.clear();
    for (const t of tokens) {
      let id = this.vocab.get(t);
      if (id === undefined) {
        id = this.vocab.size;
        this.vocab.set(t, id);
      }
      local.set(id, (local.get(id) ?? 0) + 1);
    }
    for (const [id, tf] of local) {
      this.termIds.push(id);
      this.termTfs.push(tf);
    }
    this.docEnds.push(this.termIds.length);
    this.docLens.push(tokens.length);
    return this.docEnds.length - 1;
  }

  build(params: Bm25Params = DEFAULT_BM25): Bm25Index {
    const nDocs = this.docEnds.length;
    const nTerms = this.vocab.size;
    const df = new Uint32Array(nTerms);
    const ids = this.termIds.data;
    const tfsIn = this.termTfs.data;
    const total = this.termIds.length;
    for (let i = 0; i < total; i++) df[ids[i]!]!++;
    const offsets = new Uint32Array(nTerms + 1);
    for (let t = 0; t < nTerms; t++) offsets[t + 1] = offsets[t]! + df[t]!;
    const cursor = offsets.slice(0, nTerms);
    const docs = new Uint32Array(total);
    const tfs = new Uint16Array(total);
    let start = 0;
    for (let d = 0; d < nDocs; d++) {
      const end = this.docEnds.data[d]!;
      for (let i = start; i < end; i++) {
        const t = ids[i]!;
        const pos = cursor[t]!++;
        docs[pos] = d;
        tfs[pos] = Math.min(tfsIn[i]!, 65535);
      }
      start = end;
    }
    let sumLen = 0;
    for (let d = 0; d < nDocs; d++) sumLen += this.docLens.data[d]!;
    const avgdl = nDocs > 0 ? sumLen / nDocs : 1;
    const norm = new Float32Array(nDocs);
    for (let d = 0; d < nDocs; d++) {
      norm[d] = params.k1 * (1 - params.b + (params.b * this.docLens.data[d]!) / avgdl);
    }
    return new Bm25Index(new Map(this.vocab), df, offsets, docs, tfs, norm, nDocs, avgdl, params);
  }
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

export class Bm25Index {
  constructor(
    readonly vocab: Map<string, number>,
    readonly df: Uint32Array,
    readonly offsets: Uint32Array,
    readonly docs: Uint32Array,
    readonly tfs: Uint16Array,
    readonly norm: Float32Array,
    readonly nDocs: number,
    readonly avgdl: number,
    readonly params: Bm25Params,
  ) {}

  idf(term: string): number {
    const id = this.vocab.get(term);
    if (id === undefined) return 0;
    const n = this.df[id]!;
    return Math.log(1 + (this.nDocs - n + 0.5) / (n + 0.5));
  }

  docFreq(term: string): number {
    const id = this.vocab.get(term);
    return id === undefined ? 0 : this.df[id]!;
  }

  /**
   * Adds each term's BM25 contribution (× weight) into `acc[doc]`; every doc touched for the first
   * time is appended to `touched`. Returns the new touched count. Terms in more than `maxDfRatio` of
   * the documents (and in more than `minSkipDf`) are skipped: near-zero idf, most of the cost; small
   * corpora keep every term. `acc` must be zero where untouched.
   */
  accumulate(
    terms: readonly WeightedTerm[],
    acc: Float32Array,
    touched: Uint32Array,
    touchedCount: number,
    maxDfRatio = 0.2,
    minSkipDf = 2000,
    /** Skip documents whose `day[doc]` is before `minDay` (too old to count; see corpus-index). */
    age?: { day: Int32Array; minDay: number },
  ): number {
    const k1p1 = this.params.k1 + 1;
    // Locals, not fields, in the posting loops: the hot path of a query's text phase.
    const { docs, tfs, norm, offsets, df, nDocs } = this;
    const day = age?.day;
    const minDay = age?.minDay ?? 0;
    let count = touchedCount;
    for (const { term, weight } of terms) {
      const id = this.vocab.get(term);
      if (id === undefined || weight <= 0) continue;
      const n = df[id]!;
      if (n > nDocs * maxDfRatio && n > minSkipDf) continue;
      const w = weight * Math.log(1 + (nDocs - n + 0.5) / (n + 0.5));
      const end = offsets[id + 1]!;
      if (day === undefined) {
        for (let p = offsets[id]!; p < end; p++) {
          const d = docs[p]!;
          const tf = tfs[p]!;
          if (acc[d] === 0) touched[count++] = d;
          acc[d]! += (w * tf * k1p1) / (tf + norm[d]!);
        }
        continue;
      }
      for (let p = offsets[id]!; p < end; p++) {
        const d = docs[p]!;
        if (day[d]! < minDay) continue;
        const tf = tfs[p]!;
        if (acc[d] === 0) touched[count++] = d;
        acc[d]! += (w * tf * k1p1) / (tf + norm[d]!);
      }
    }
    return count;
  }

  memoryBytes(): number {
    return (
      this.df.byteLength +
      this.offsets.byteLength +
      this.docs.byteLength +
      this.tfs.byteLength +
      this.norm.byteLength
    );
  }
}
