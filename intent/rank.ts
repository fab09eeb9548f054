import type { WeightedTerm } from './bm25.js';
import {
  FLAG_INTENT_CUE,
  FLAG_LEAVING_CUE,
  FLAG_NOT_BUYER,
  FLAG_SETTLED_CUE,
  type IntentIndex,
  MANY_SENTENCES,
  NO_DAY,
  TIDY_TEXT,
  TIDY_TITLE,
  TYPE_INDEX,
} from './corpus-index.js';
import type { CompiledFilters } from './filters.js';
import { expandLocation } from './geo.js';
import { INDUSTRIES } from './industries.js';
import type { ParsedQuery } from './parser.js';
import { CATEGORY_BY_ID, TECHNOLOGIES, toolAliases } from './taxonomy.js';
import { normalizeLabel, tokenize, UNTIDY_SPACE } from './text.js';
import { normalizeTitle, titleMatches } from './titles.js';
import { SIZE_BUCKETS } from './types.js';

// The ranking path: pure, synchronous, deterministic. Given the index, a parsed query, compiled
// filters and the time reference (as-of day), it scores every eligible company with evidence and
// returns the top N. Intent (timing) and fit (firmographics) are computed separately and combined.
//
// Per signal s matched by the query:
//   rel_s   = BM25(s, expanded query);  relN_s = rel_s / (rel_s + K_q), K_q = relScale x mean w*idf of
//             the query's strong terms (a signal matching ~1-2 strong terms scores ~0.4-0.6)
//   p_s     = min(0.95, relN_s x typeWeight x cue x decay(age)),  decay = 0.5^(age / halfLifeDays);
//             cue = 1 when the text shows a buyer acting (evaluating, replacing, hiring...) else noCue
//   technology_change signals on a category's tools are matched structurally: removed -> 0.85, added -> 0.35
//   indirect evidence, structurally: a job post around a product of the category (toolJob), headcount
//   growth of the category's department (departmentHiring x growth) or funding earmarked for it
//   (departmentFunding); a signal found by text and structure counts once, at its stronger reading
//   signals from services firms, software sellers or press about someone else's purchase are vendor
//   evidence; text of a company settled on what it runs counts x settled unless it also acts
// Per company:
//   P       = 1 - prod(1 - p_s)                      (noisy-OR over the evidence)
//   intent  = min(1, P x breadth x (1 + momentum))  breadth: 1 type 0.75, 2 types 0.875, 3+ 1.0;
//             momentum = 0.15 when funding or headcount growth happened within `momentumDays`
//   vendor  = 1 - prod(1 - relN_v) over website/news signals written like a seller (VENDOR_CUES)
//   fit     = prod over prompt constraints (size, location, industry, not-industry, technology) of
//             (match ? 1 : softMismatch)  x  (icpBase + (1 - icpBase) x ICP match)
//   score   = intent x fit x (1 - vendorPenalty x vendor)
//             x (incumbent prompts: 1 leaving a named product, incumbentStackOnly runs it, else incumbentMiss)
//   confidence = (1 - exp(-1.2 x sum p_s)) x (0.4 + 0.6 x freshest decay) x (0.6 + 0.4 x min(types,3)/3)
//                x (has contact ? 1 : 0.8)      -- amount, freshness and consistency of evidence

export interface ScoringConfig {
  halfLifeDays: number;
  relScale: number;
  noCue: number;
  typeWeight: Record<string, number>;
  techRemoved: number;
  techAdded: number;
  momentumDays: number;
  momentum: number;
  vendorPenalty: number;
  softMismatch: number;
  icpBase: number;
  minSignalP: number;
  /** A job post for a role around a product of the category ("Marketo Administrator"). */
  toolJob: number;
  /** Headcount growth of the category's department (scaled by the growth), funding earmarked for it. */
  departmentHiring: number;
  departmentFunding: number;
  /** Factor for a company whose description says it is a services firm (partner, reseller, practice). */
  servicesFirm: number;
  /** Factor on text from a company settled on what it runs (satisfied users), unless it also acts. */
  settled: number;
  /** Incumbent prompts: factor for a company with no evidence about the named products, and for one
   *  that only runs them (no text about leaving, no removal). */
  incumbentMiss: number;
  incumbentStackOnly: number;
  /** Query terms with weight x idf below this are not searched (generic words; most of the cost). */
  minTermImpact: number;
  /** Query terms in more than this share of signals are not searched. */
  maxDfRatio: number;
}

export const DEFAULT_SCORING: ScoringConfig = {
  halfLifeDays: 60,
  relScale: 2,
  noCue: 0.8,
  typeWeight: {
    job_post: 0.9,
    website_text: 0.6,
    news: 0.6,
    technology_change: 0.9,
    funding: 0.3,
    hiring: 0.4,
  },
  techRemoved: 0.85,
  techAdded: 0.35,
  momentumDays: 180,
  momentum: 0.15,
  vendorPenalty: 0.9,
  softMismatch: 0.12,
  icpBase: 0.85,
  minSignalP: 0.02,
  toolJob: 0.55,
  departmentHiring: 0.35,
  departmentFunding: 0.25,
  settled: 0.3,
  servicesFirm: 0.3,
  incumbentMiss: 0.12,
  incumbentStackOnly: 0.25,
  minTermImpact: 0.6,
  maxDfRatio: 0.1,
};

export interface RankedList {
  /** Company indexes, best first (at most topN). */
  ids: Uint32Array;
  scores: Float64Array;
  confidence: Float64Array;
  /** Up to 3 evidence signal ids per ranked company (row-major, -1 = none), best first. */
  evidence: Int32Array;
  /** Momentum signal (funding / hiring) used per ranked company, -1 = none. */
  momentum: Int32Array;
  /** Eligible companies with any evidence for the query (before the top-N cut). */
  total: number;
  eligible: number;
  matchedSignals: number;
}

const TYPE_NAMES = Object.keys(TYPE_INDEX);
const TECH_CHANGE = TYPE_INDEX.technology_change;
const WEBSITE = TYPE_INDEX.website_text;
const NEWS = TYPE_INDEX.news;
const JOB = TYPE_INDEX.job_post;
const HIRING = TYPE_INDEX.hiring;

/** Per-index scratch memory, reused across queries (the ranking path allocates almost nothing). */
export class Scratch {
  readonly acc: Float32Array;
  readonly touched: Uint32Array;
  readonly logNot: Float64Array;
  readonly vendorLogNot: Float64Array;
  readonly nEff: Float32Array;
  readonly fresh: Float32Array;
  readonly mask: Uint8Array;
  readonly seen: Uint8Array;
  readonly topId: Int32Array;
  readonly topP: Float32Array;
  readonly companies: Uint32Array;
  /** Incumbent prompts: 2 = evidence about leaving a named product, 1 = runs one. */
  readonly incumbent: Uint8Array;
  /** Evidence probability already counted per signal (a signal found by text and structurally counts once). */
  readonly signalP: Float32Array;
  readonly counted: Uint32Array;
  constructor(index: IntentIndex) {
    const n = index.nCompanies;
    this.acc = new Float32Array(index.nSignals);
    this.touched = new Uint32Array(index.nSignals);
    this.logNot = new Float64Array(n);
    this.vendorLogNot = new Float64Array(n);
    this.nEff = new Float32Array(n);
    this.fresh = new Float32Array(n);
    this.mask = new Uint8Array(n);
    this.seen = new Uint8Array(n);
    this.topId = new Int32Array(n * 3).fill(-1);
    this.topP = new Float32Array(n * 3);
    this.companies = new Uint32Array(n);
    this.incumbent = new Uint8Array(n);
    this.signalP = new Float32Array(index.nSignals);
    this.counted = new Uint32Array(index.nSignals);
  }
}

export interface RankInput {
  index: IntentIndex;
  query: ParsedQuery;
  filters: CompiledFilters;
  asOfDay: number;
  topN: number;
  scratch: Scratch;
  config?: ScoringConfig;
}

function popcount8(v: number): number {
  let n = 0;
  for (let x = v; x !== 0; x &= x - 1) n++;
  return n;
}

/** Scores every eligible company with evidence; returns the top `topN`. */
export function rankCompanies(input: RankInput): RankedList {
  const { index, query, filters, asOfDay, topN, scratch } = input;
  const cfg = input.config ?? DEFAULT_SCORING;
  const bits = filters.bits.words;
  const { acc, touched, logNot, vendorLogNot, nEff, fresh, mask, seen, topId, topP, companies } = scratch;
  let nCompanies = 0;
  let matchedSignals = 0;
  const typeW = TYPE_NAMES.map((t) => cfg.typeWeight[t] ?? 0.5);

  const touchCompany = (c: number) => {
    if (seen[c] === 0) {
      seen[c] = 1;
      companies[nCompanies++] = c;
    }
  };
  const { signalP, counted } = scratch;
  let nCounted = 0;
  const addEvidence = (c: number, s: number, p: number, type: number, decay: number) => {
    const before = signalP[s]!;
    if (p <= before) return;
    if (before === 0) counted[nCounted++] = s;
    else {
      // Seen already (text and structure): keep the stronger reading, drop the weaker one.
      logNot[c]! -= Math.log1p(-before);
      nEff[c]! -= before;
      const base0 = c * 3;
      for (let j = 0; j < 3; j++) {
        if (topId[base0 + j] !== s) continue;
        for (let k = j; k < 2; k++) {
          topId[base0 + k] = topId[base0 + k + 1]!;
          topP[base0 + k] = topP[base0 + k + 1]!;
        }
        topId[base0 + 2] = -1;
        topP[base0 + 2] = 0;
        break;
      }
    }
    signalP[s] = p;
    touchCompany(c);
    logNot[c]! += Math.log1p(-p);
    nEff[c]! += p;
    if (p > 0.05) {
      mask[c]! |= 1 << type;
      if (decay > fresh[c]!) fresh[c] = decay;
    }
    // Keep the three strongest signals (insertion into a sorted triple).
    const base = c * 3;
    if (p > topP[base + 2]!) {
      let pos = 2;
      while (pos > 0 && p > topP[base + pos - 1]!) {
        topP[base + pos] = topP[base + pos - 1]!;
        topId[base + pos] = topId[base + pos - 1]!;
        pos--;
      }
      topP[base + pos] = p;
      topId[base + pos] = s;
    }
  };

  // Decay by age in days, tabulated once per half-life (ages beyond the table decay to ~0).
  const decayTable = decayTableFor(cfg.halfLifeDays);
  const decayOf = (s: number) => {
    const age = asOfDay - index.signalDay[s]!;
    return age <= 0 ? 1 : age < DECAY_DAYS ? decayTable[age]! : 0;
  };
  // The oldest day at which a signal whose p before decay (and the 0.95 cap) is at most `maxP` can
  // still reach minP.
  // The structured lists are newest first, so a loop stops at the first older signal: it skips the
  // same signals the `p < minP` test would, without reading them.
  const oldestDay = (maxP: number) => {
    if (!(maxP * decayTable[0]! >= cfg.minSignalP)) return Number.POSITIVE_INFINITY;
    let age = 0;
    while (age + 1 < DECAY_DAYS && maxP * decayTable[age + 1]! >= cfg.minSignalP) age++;
    return age + 1 < DECAY_DAYS ? asOfDay - age : Number.NEGATIVE_INFINITY;
  };
  const signalDay = index.signalDay;

  // 1. Text evidence: BM25 over signal text.
  const bm = index.bm25;
  const impacts = termImpacts(index, query.terms);
  const searchTerms = searchableTerms(index, query.terms, cfg, impacts);
  // Buyer text older than the age at which even a perfect match of the strongest type decays below
  // minSignalP is not read (seller text counts at any age; see signalTextDay).
  const maxTypeW = Math.max(...typeW);
  const nTouched = bm.accumulate(searchTerms, acc, touched, 0, cfg.maxDfRatio, undefined, {
    day: index.signalTextDay,
    minDay: Math.min(oldestDay(maxTypeW), 0x7fffffff),
  });
  const kq = referenceScore(query.terms, impacts) * cfg.relScale;
  const signalType = index.signalType;
  const signalFlags = index.signalFlags;
  const signalCompany = index.signalCompany;
  const minP = cfg.minSignalP;
  const vendorOn = cfg.vendorPenalty > 0; // 0 switches vendor detection off entirely (ablation)
  for (let i = 0; i < nTouched; i++) {
    const s = touched[i]!;
    const rel = acc[s]!;
    acc[s] = 0;
    const type = signalType[s]!;
    if (type === TECH_CHANGE) continue; // matched structurally below
    const relN = rel / (rel + kq);
    const flags = signalFlags[s]!;
    if (vendorOn && (flags & FLAG_NOT_BUYER) !== 0 && (type === WEBSITE || type === NEWS || type === JOB)) {
      const c = signalCompany[s]!;
      if (((bits[c >>> 5]! >>> (c & 31)) & 1) === 0) continue;
      touchCompany(c);
      vendorLogNot[c]! += Math.log1p(-Math.min(0.95, relN));
      continue;
    }
    // Cheap bound first: most matched signals are old noise that decays below the threshold.
    const decay = decayOf(s);
    const pMax = relN * typeW[type]! * decay;
    if (pMax < minP) continue;
    const acting = (flags & FLAG_INTENT_CUE) !== 0;
    let p = Math.min(0.95, type === JOB || acting ? pMax : pMax * cfg.noCue);
    if (!acting && (flags & FLAG_SETTLED_CUE) !== 0) p *= cfg.settled;
    if (p < minP) continue;
    const c = signalCompany[s]!;
    if (((bits[c >>> 5]! >>> (c & 31)) & 1) === 0) continue;
    matchedSignals++;
    addEvidence(c, s, p, type, decay);
  }

  // 2. Structured evidence: a category's tools added to / removed from a stack.
  for (const { id, weight } of query.categories) {
    const list = index.categoryTechSignals.get(id);
    if (!list) continue;
    const oldest = oldestDay(Math.max(cfg.techRemoved, cfg.techAdded) * weight);
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      if (signalDay[s]! < oldest) break;
      const c = index.signalCompany[s]!;
      if (((bits[c >>> 5]! >>> (c & 31)) & 1) === 0) continue;
      const decay = decayOf(s);
      const base = index.signalTechChange[s]! < 0 ? cfg.techRemoved : cfg.techAdded;
      const p = Math.min(0.95, base * weight * decay);
      if (p < cfg.minSignalP) continue;
      matchedSignals++;
      addEvidence(c, s, p, TECH_CHANGE, decay);
    }
  }

  // 2b. Indirect evidence: a hire around a product of the category, growth of (or funding for) the
  // category's department.
  const seenDept = new Set<string>();
  for (const { id, weight } of query.categories) {
    const jobs = index.categoryToolJobSignals.get(id);
    const oldestJob = oldestDay(cfg.toolJob * weight);
    for (let i = 0; jobs && i < jobs.length; i++) {
      const s = jobs[i]!;
      if (signalDay[s]! < oldestJob) break;
      const c = signalCompany[s]!;
      if (((bits[c >>> 5]! >>> (c & 31)) & 1) === 0) continue;
      const decay = decayOf(s);
      const p = Math.min(0.95, cfg.toolJob * weight * decay);
      if (p < minP) continue;
      matchedSignals++;
      addEvidence(c, s, p, JOB, decay);
    }
    for (const dept of CATEGORY_BY_ID.get(id)?.departments ?? []) {
      if (seenDept.has(dept)) continue;
      seenDept.add(dept);
      const triggers = index.departmentTriggerSignals.get(dept);
      const oldestTrigger = oldestDay(Math.max(cfg.departmentFunding, cfg.departmentHiring) * weight);
      for (let i = 0; triggers && i < triggers.length; i++) {
        const s = triggers[i]!;
        if (signalDay[s]! < oldestTrigger) break;
        const c = signalCompany[s]!;
        if (((bits[c >>> 5]! >>> (c & 31)) & 1) === 0) continue;
        const decay = decayOf(s);
        const type = signalType[s]!;
        let base = cfg.departmentFunding;
        if (type === HIRING) {
          const g = index.signalGrowth[s]!;
          base = cfg.departmentHiring * (Number.isNaN(g) ? 0.5 : Math.max(0, Math.min(1, (g - 10) / 50)));
        }
        const p = Math.min(0.95, base * weight * decay);
        if (p < minP) continue;
        matchedSignals++;
        addEvidence(c, s, p, type, decay);
      }
    }
  }

  // 2c. Incumbent prompts: who shows evidence about the named products.
  const incumbent = scratch.incumbent;
  const incumbentMarked = markIncumbents(index, query, bits, incumbent);

  // 3. Company scores.
  const fitOf = makeFitFn(index, query, cfg);
  const heap = new TopHeap(topN);
  let total = 0;
  // Momentum from the days the index keeps per company (no lookup of the signals).
  const { lastFundingDay, lastHiringDay } = index;
  const recent = (day: number) => day !== NO_DAY && asOfDay - day <= cfg.momentumDays && asOfDay >= day;
  /** The company's momentum signal (its newest recent funding or hiring growth), or -1. */
  const momentumOf = (c: number): number => {
    const okF = recent(lastFundingDay[c]!);
    const okH = recent(lastHiringDay[c]!);
    if (okF && okH)
      return lastHiringDay[c]! > lastFundingDay[c]! ? index.lastHiring[c]! : index.lastFunding[c]!;
    return okF ? index.lastFunding[c]! : okH ? index.lastHiring[c]! : -1;
  };
  for (let i = 0; i < nCompanies; i++) {
    const c = companies[i]!;
    const P = 1 - Math.exp(logNot[c]!);
    if (P <= 0) continue;
    const types = popcount8(mask[c]!);
    const breadth = types >= 3 ? 1 : types === 2 ? 0.875 : 0.75;
    const m = recent(lastFundingDay[c]!) || recent(lastHiringDay[c]!) ? cfg.momentum : 0;
    const intent = (P * breadth * (1 + m)) / (1 + cfg.momentum);
    const vendor = 1 - Math.exp(vendorLogNot[c]!);
    let score = intent * fitOf(c) * (1 - cfg.vendorPenalty * vendor);
    if (vendorOn && index.servicesFirm[c] === 1) score *= cfg.servicesFirm;
    if (incumbentMarked !== null) {
      const mark = incumbent[c]!;
      score *= mark === 2 ? 1 : mark === 1 ? cfg.incumbentStackOnly : cfg.incumbentMiss;
    }
    if (score > 0) {
      total++;
      heap.push(score, c);
    }
  }

  const ranked = heap.sortedDesc();
  const k = ranked.ids.length;
  const evidence = new Int32Array(k * 3);
  const momentum = new Int32Array(k);
  const confidence = new Float64Array(k);
  for (let r = 0; r < k; r++) {
    const c = ranked.ids[r]!;
    for (let j = 0; j < 3; j++) evidence[r * 3 + j] = topId[c * 3 + j]!;
    momentum[r] = momentumOf(c);
    const types = Math.min(3, popcount8(mask[c]!));
    const hasContact = index.contactStart[c + 1]! > index.contactStart[c]! ? 1 : 0.8;
    confidence[r] =
      (1 - Math.exp(-1.2 * nEff[c]!)) * (0.4 + 0.6 * fresh[c]!) * (0.6 + (0.4 * types) / 3) * hasContact;
  }

  // 4. Reset scratch for the companies this query touched.
  for (const c of incumbentMarked ?? []) incumbent[c] = 0;
  for (let i = 0; i < nCounted; i++) signalP[counted[i]!] = 0;
  for (let i = 0; i < nCompanies; i++) {
    const c = companies[i]!;
    seen[c] = 0;
    logNot[c] = 0;
    vendorLogNot[c] = 0;
    nEff[c] = 0;
    fresh[c] = 0;
    mask[c] = 0;
    const base = c * 3;
    topId[base] = topId[base + 1] = topId[base + 2] = -1;
    topP[base] = topP[base + 1] = topP[base + 2] = 0;
  }

  return {
    ids: ranked.ids,
    scores: ranked.scores,
    confidence,
    evidence,
    momentum,
    total,
    eligible: filters.eligible,
    matchedSignals,
  };
}

const DECAY_DAYS = 4096;

/**
 * Incumbent prompts ("replace Marketo or Pardot"): marks eligible companies whose buyer-side text
 * names a product being left, or that removed one (2), and those that run one (1). Returns the marked
 * companies (to reset), or null when the prompt names no incumbent.
 */
function markIncumbents(
  index: IntentIndex,
  query: ParsedQuery,
  bits: Uint32Array,
  mark: Uint8Array,
): number[] | null {
  if (query.incumbents.length === 0 && query.incumbentTerms.length === 0) return null;
  const marked: number[] = [];
  const set = (c: number, v: number) => {
    if (((bits[c >>> 5]! >>> (c & 31)) & 1) === 0 || mark[c]! >= v) return;
    if (mark[c] === 0) marked.push(c);
    mark[c] = v;
  };
  // Known products by their names and aliases; unknown ones by the words the prompt gave.
  const aliases = [...incumbentAliases(query.incumbents), ...query.incumbentTerms];
  const padded = aliases.map((a) => ` ${a} `);
  // Runs one: stack entries whose name contains a product's name or alias.
  for (const [key, label] of index.techLabels) {
    const l = ` ${label} `;
    if (!padded.some((a) => l.includes(a))) continue;
    const b = index.techBits.get(key);
    if (b) for (const c of b.indexes()) set(c, 1);
  }
  // Removed one.
  const incumbents = new Set(query.incumbents);
  for (const qc of query.categories) {
    const list = index.categoryTechSignals.get(qc.id);
    for (let i = 0; list && i < list.length; i++) {
      const s = list[i]!;
      if (index.signalTechChange[s]! >= 0) continue;
      if ((index.signalTechKeys[s] ?? []).some((k) => incumbents.has(k))) set(index.signalCompany[s]!, 2);
    }
  }
  // Removed an unknown product named in the prompt (no category knows it).
  if (query.incumbentTerms.length > 0) {
    const techKeys = index.signalTechKeys;
    for (let s = 0; s < index.nSignals; s++) {
      if (techKeys[s] === null || index.signalTechChange[s]! >= 0) continue;
      const l = ` ${normalizeLabel(index.signalTech[s] ?? '')} `;
      if (padded.some((a) => l.includes(a))) set(index.signalCompany[s]!, 2);
    }
  }
  // Buyer-side text that names one.
  const terms = new Set<string>(query.incumbentTerms);
  for (const a of aliases) {
    const toks = tokenize(a);
    terms.add(toks.length === 1 ? toks[0]! : `${toks[0]}_${toks[1]}`);
  }
  const bm = index.bm25;
  for (const term of terms) {
    const id = bm.vocab.get(term);
    if (id === undefined) continue;
    for (let p = bm.offsets[id]!; p < bm.offsets[id + 1]!; p++) {
      const s = bm.docs[p]!;
      if ((index.signalFlags[s]! & (FLAG_NOT_BUYER | FLAG_SETTLED_CUE)) !== 0) continue;
      if (index.signalType[s] === TECH_CHANGE) {
        if (index.signalTechChange[s]! < 0) set(index.signalCompany[s]!, 2);
        continue;
      }
      // Naming the product while leaving it, or just while running it ("Taleo Administrator").
      set(index.signalCompany[s]!, (index.signalFlags[s]! & FLAG_LEAVING_CUE) !== 0 ? 2 : 1);
    }
  }
  return marked;
}

/** Normalised names and aliases of the named products ("marketo", "dynamics 365"). */
function incumbentAliases(keys: readonly string[]): string[] {
  const out = new Set<string>();
  for (const key of keys) {
    const t = TECHNOLOGIES.get(key);
    if (!t) continue;
    out.add(normalizeLabel(t.name));
    for (const a of toolAliases(t.name)) out.add(a.join(' '));
  }
  return [...out].filter((a) => a !== '');
}

/** The query terms worth searching: enough weight x idf, not too frequent. */
export function searchableTerms(
  index: IntentIndex,
  terms: readonly WeightedTerm[],
  cfg: ScoringConfig,
  impacts: readonly number[] = termImpacts(index, terms),
): WeightedTerm[] {
  return terms.filter((_, i) => impacts[i]! >= cfg.minTermImpact);
}

/** weight x idf per query term (one vocabulary lookup each, shared by the two readers below). */
function termImpacts(index: IntentIndex, terms: readonly WeightedTerm[]): number[] {
  return terms.map((t) => t.weight * index.bm25.idf(t.term));
}

/** Mean w*idf over the query's strong terms (weight >= 0.5); the BM25 scale of "one good match". */
function referenceScore(terms: readonly WeightedTerm[], impacts: readonly number[]): number {
  let sum = 0;
  let n = 0;
  let maxAny = 0;
  for (let i = 0; i < terms.length; i++) {
    const weight = terms[i]!.weight;
    const v = impacts[i]!;
    if (v > maxAny) maxAny = v;
    if (weight >= 0.5 && v > 0) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : Math.max(maxAny, 1);
}

/** Firmographic fit in (0, 1]: soft prompt constraints and the category's ideal customer profile. */
function makeFitFn(index: IntentIndex, q: ParsedQuery, cfg: ScoringConfig): (c: number) => number {
  // Per-industry factor (prompt industries / negated industries) and ICP industry flag, tabulated.
  const nInd = INDUSTRIES.length;
  const industryFactor = new Float64Array(nInd).fill(1);
  INDUSTRIES.forEach((ind, i) => {
    if (q.industries.length > 0 && !q.industries.includes(ind.id)) industryFactor[i]! *= cfg.softMismatch;
    if (q.excludedIndustries.includes(ind.id)) industryFactor[i]! *= cfg.softMismatch;
  });
  const icps = q.categories.map((qc) => {
    const cat = CATEGORY_BY_ID.get(qc.id)!;
    const indOk = new Uint8Array(nInd);
    INDUSTRIES.forEach((ind, i) => {
      indOk[i] = cat.industries.length === 0 || cat.industries.includes(ind.id) ? 1 : 0;
    });
    return { indOk, min: cat.minEmployees, max: cat.maxEmployees };
  });
  const sizes = q.sizes;
  const locBits = q.locations
    .flatMap(expandLocation)
    .map((l) => index.locationBits.get(l))
    .filter((b) => b !== undefined);
  const hasLoc = q.locations.length > 0;
  const techs = q.technologies;
  const soft = cfg.softMismatch;
  const icpBase = cfg.icpBase;
  return (c) => {
    const ind = index.industry[c]!;
    const emp = index.employees[c]!;
    let f = industryFactor[ind]!;
    if (sizes.length > 0) {
      let ok = false;
      for (const [lo, hi] of sizes) if (emp >= lo && emp <= hi) ok = true;
      if (!ok) f *= soft;
    }
    if (hasLoc) {
      let ok = false;
      for (const b of locBits) if (b.has(c)) ok = true;
      if (!ok) f *= soft;
    }
    if (techs.length > 0) {
      const stack = index.techKeys[c]!;
      let ok = false;
      for (const t of techs) if (stack.includes(t)) ok = true;
      if (!ok) f *= soft;
    }
    if (icps.length > 0) {
      let best = 0;
      for (const icp of icps) {
        const v = 0.5 * icp.indOk[ind]! + (emp >= icp.min && emp <= icp.max ? 0.5 : 0);
        if (v > best) best = v;
      }
      f *= icpBase + (1 - icpBase) * best;
    }
    return f;
  };
}

const decayTables = new Map<number, Float64Array>();

/** 0.5^(age / halfLifeDays) for every age in days below DECAY_DAYS, computed once per half-life. */
function decayTableFor(halfLifeDays: number): Float64Array {
  let table = decayTables.get(halfLifeDays);
  if (!table) {
    table = new Float64Array(DECAY_DAYS);
    for (let a = 0; a < DECAY_DAYS; a++) table[a] = Math.exp((-Math.LN2 * a) / halfLifeDays);
    if (decayTables.size > 16) decayTables.clear(); // only ablations try other half-lives
    decayTables.set(halfLifeDays, table);
  }
  return table;
}

/**
 * Bounded min-heap on (score, -companyIndex): keeps the top N, ties broken by lower index first.
 * Sifts move a hole rather than swapping pairs, and the item is written once where it lands.
 */
export class TopHeap {
  private readonly scores: Float64Array;
  private readonly ids: Uint32Array;
  private size = 0;
  constructor(private readonly cap: number) {
    this.scores = new Float64Array(cap);
    this.ids = new Uint32Array(cap);
  }
  /** Whether held item i ranks below (score, id). */
  private below(i: number, score: number, id: number): boolean {
    const a = this.scores[i]!;
    return a < score || (a === score && this.ids[i]! > id);
  }
  push(score: number, id: number): void {
    if (this.cap === 0) return;
    const { scores, ids } = this;
    if (this.size < this.cap) {
      this.placeUp(this.size++, score, id);
      return;
    }
    if (!this.below(0, score, id)) return; // no better than the worst held
    // Replace the root, down from it: children that rank below the item move up.
    let i = 0;
    for (
      let m = this.lowerChild(0, this.size);
      m >= 0 && this.below(m, score, id);
      m = this.lowerChild(i, this.size)
    ) {
      scores[i] = scores[m]!;
      ids[i] = ids[m]!;
      i = m;
    }
    scores[i] = score;
    ids[i] = id;
  }
  /** Up from the hole at i: parents that rank above the item move down; the item takes the place left. */
  private placeUp(i: number, score: number, id: number): void {
    const { scores, ids } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.below(p, score, id)) break;
      scores[i] = scores[p]!;
      ids[i] = ids[p]!;
      i = p;
    }
    scores[i] = score;
    ids[i] = id;
  }
  /** The lower-ranked child of i in a heap of n (the one that belongs nearer the root), or -1. */
  private lowerChild(i: number, n: number): number {
    const l = 2 * i + 1;
    if (l >= n) return -1;
    return l + 1 < n && this.below(l + 1, this.scores[l]!, this.ids[l]!) ? l + 1 : l;
  }
  /**
   * Everything held, best first (score descending, then id ascending), by popping the heap: its root
   * is always the worst, so each pop fills the last free place. Empties the heap. (A comparator sort
   * of the same arrays cost about 10% of a query's CPU.) Each pop takes the hole at the root down the
   * lower children to a leaf, then the last item up from there (Floyd): the last item is usually among
   * the best, so this costs one comparison per level instead of two.
   */
  sortedDesc(): { ids: Uint32Array; scores: Float64Array } {
    const n = this.size;
    const outIds = new Uint32Array(n);
    const outScores = new Float64Array(n);
    const { scores, ids } = this;
    for (let end = n - 1; end >= 0; end--) {
      outIds[end] = ids[0]!;
      outScores[end] = scores[0]!;
      const size = --this.size;
      if (size === 0) break;
      const score = scores[size]!;
      const id = ids[size]!;
      let i = 0;
      for (let m = this.lowerChild(0, size); m >= 0; m = this.lowerChild(i, size)) {
        scores[i] = scores[m]!;
        ids[i] = ids[m]!;
        i = m;
      }
      this.placeUp(i, score, id);
    }
    return { ids: outIds, scores: outScores };
  }
}

// ---------------------------------------------------------------------------------------------
// Materialising leads (only for the K returned).

export interface ContactInfo {
  name: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
}

/** Exactly the documented lead fields. */
export interface Lead {
  lead_id: string;
  company_name: string;
  domain: string;
  industry: string;
  company_size: string;
  location: string;
  score: number;
  confidence: number;
  contact_info: ContactInfo;
  intent_signals: string[];
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function materializeLeads(
  index: IntentIndex,
  ranked: RankedList,
  query: ParsedQuery,
  filterTitles: string[],
  asOfDay: number,
  k: number,
): Lead[] {
  const n = Math.min(k, ranked.ids.length);
  const personas = personaTitles(
    query.titles.length > 0 ? query.titles : personasOf(query),
    index.titleNorms.length,
  );
  const queryTokens = new Set(query.terms.filter((t) => t.weight >= 0.3).map((t) => t.term));
  const leads: Lead[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const c = ranked.ids[r]!;
    const signals: string[] = [];
    for (let j = 0; j < 3; j++) {
      const s = ranked.evidence[r * 3 + j]!;
      if (s >= 0) signals.push(describeSignal(index, s, asOfDay, queryTokens));
    }
    const m = ranked.momentum[r]!;
    let dup = false;
    for (let j = 0; j < 3; j++) if (ranked.evidence[r * 3 + j] === m) dup = true;
    if (m >= 0 && !dup && signals.length > 0) signals.push(describeSignal(index, m, asOfDay, queryTokens));
    leads[r] = {
      lead_id: `lead_${index.companyId[c]}`,
      company_name: index.name[c]!,
      domain: index.domain[c]!,
      industry: INDUSTRIES[index.industry[c]!]!.name,
      company_size: SIZE_BUCKETS[index.sizeBucket[c]!]!,
      location: index.location[c]!,
      score: round4(ranked.scores[r]!),
      confidence: round4(ranked.confidence[r]!),
      contact_info: pickContact(index, c, filterTitles, personas),
      intent_signals: signals,
    };
  }
  return leads;
}

/**
 * The buyer personas a contact's title is scored against, prepared once per query: each persona's
 * padded title, and its words as indexes into the distinct words of all personas, so each contact
 * title is searched for each distinct word once however many personas share it.
 */
export interface PersonaTitles {
  padded: string[];
  /** Per persona, indexes into `words` (a word repeated in a title is counted again, as it reads). */
  wordsOf: number[][];
  /** Distinct persona words, each padded with spaces. */
  words: string[];
  /** Scratch: which of `words` the contact title being scored contains. */
  present: Uint8Array;
  /**
   * Memo by contact title id (index.titleNorms), NaN until computed: the title's persona score, or
   * with a job_titles filter 1 / 0 for matching it. A corpus has a few hundred distinct titles, so a
   * K=2000 answer scores each once instead of once per contact. Valid for one materializeLeads call
   * (one set of personas and filter titles).
   */
  titleVerdict: Float64Array;
}

export function personaTitles(titles: string[], nTitles: number): PersonaTitles {
  const words: string[] = [];
  const position = new Map<string, number>();
  const padded: string[] = [];
  const wordsOf: number[][] = [];
  for (const t of titles) {
    if (t === '') continue;
    padded.push(` ${t} `);
    wordsOf.push(
      t.split(' ').map((w) => {
        const word = ` ${w} `;
        let i = position.get(word);
        if (i === undefined) {
          i = words.length;
          words.push(word);
          position.set(word, i);
        }
        return i;
      }),
    );
  }
  return {
    padded,
    wordsOf,
    words,
    present: new Uint8Array(words.length),
    titleVerdict: new Float64Array(nTitles).fill(Number.NaN),
  };
}

function personasOf(query: ParsedQuery): string[] {
  const out: string[] = [];
  for (const qc of query.categories) out.push(...categoryPersonas(qc.id));
  return out;
}

/** A category's buyer personas, normalised once (the taxonomy is static). */
const personaMemo = new Map<string, readonly string[]>();
function categoryPersonas(id: string): readonly string[] {
  let personas = personaMemo.get(id);
  if (!personas) {
    personas = (CATEGORY_BY_ID.get(id)?.personas ?? []).map(normalizeTitle);
    personaMemo.set(id, personas);
  }
  return personas;
}

/** How well a (normalised, padded) contact title matches the personas: 10 for a whole persona title,
 *  else the best share of a persona's words it contains. */
function personaScore(title: string, personas: PersonaTitles): number {
  const { padded, words, wordsOf, present } = personas;
  // A whole persona title scores 10, above any share of words (at most 1).
  let score = padded.some((p) => title.includes(p)) ? 10 : 0;
  if (score === 0) {
    for (let w = 0; w < words.length; w++) present[w] = title.includes(words[w]!) ? 1 : 0;
    for (const of of wordsOf) {
      let overlap = 0;
      for (const w of of) overlap += present[w]!;
      if (overlap / of.length > score) score = overlap / of.length;
    }
  }
  return score;
}

/**
 * The contact returned for a company: with a job_titles filter, the first contact matching it (one
 * always exists, the filter guarantees it); otherwise the contact whose title best overlaps the
 * category's buyer personas (or titles named in the prompt), ties to the first listed.
 */
export function pickContact(
  index: IntentIndex,
  c: number,
  filterTitles: string[],
  personas: PersonaTitles,
): ContactInfo {
  const start = index.contactStart[c]!;
  const end = index.contactStart[c + 1]!;
  if (end === start) return { name: null, title: null, email: null, phone: null };
  let best = start;
  const titleId = index.contactTitleId;
  const verdict = personas.titleVerdict;
  if (filterTitles.length > 0) {
    for (let k = start; k < end; k++) {
      const id = titleId[k]!;
      let v = verdict[id]!;
      if (Number.isNaN(v)) {
        v = filterTitles.some((t) => titleMatches(index.titleNorms[id]!, t)) ? 1 : 0;
        verdict[id] = v;
      }
      if (v === 1) {
        best = k;
        break;
      }
    }
  } else if (personas.padded.length > 0) {
    let bestScore = -1;
    for (let k = start; k < end; k++) {
      const id = titleId[k]!;
      let score = verdict[id]!;
      if (Number.isNaN(score)) {
        score = personaScore(index.titleNorms[id]!, personas);
        verdict[id] = score;
      }
      if (score > bestScore) {
        bestScore = score;
        best = k;
        if (score === 10) break; // no later contact can beat a whole persona title
      }
    }
  }
  return {
    name: index.contactName[best]!,
    title: index.contactTitle[best]!,
    email: index.contactEmail[best] ?? null,
    phone: index.contactPhone[best] ?? null,
  };
}

export function formatAgo(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return '1 day ago';
  if (days < 60) return `${days} days ago`;
  const months = Math.round(days / 30.4);
  if (months < 24) return `${months} months ago`;
  return `${Math.round(days / 365)} years ago`;
}

function formatMoney(usd: number): string {
  if (usd >= 1e9) return `$${(usd / 1e9).toFixed(1).replace(/\.0$/, '')}B`;
  if (usd >= 1e6) return `$${(usd / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
  if (usd >= 1e3) return `$${Math.round(usd / 1e3)}K`;
  return `$${Math.round(usd)}`;
}

/** `text` with its whitespace tidied, cut to `max` characters at a word; `tidy`: known to need no tidying. */
function clip(text: string, max: number, tidy = false): string {
  if (text.length <= max && (tidy || !UNTIDY_SPACE.test(text))) return text; // most titles and sentences
  let t = text;
  if (!tidy) {
    // Collapsing whitespace reads left to right, so a long text's first `max` characters come from a
    // prefix of it: normalise 4x max, and the whole text only when that prefix collapses to less.
    const head =
      text.length > 4 * max
        ? text
            .slice(0, 4 * max)
            .trim()
            .replace(/\s+/g, ' ')
        : '';
    t = head.length > max ? head : text.trim().replace(/\s+/g, ' ');
    if (t.length <= max) return t;
  }
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return `${cut.slice(0, sp > max * 0.6 ? sp : max)}...`;
}

/** `text` without the sentence ends it finishes with: text.replace(/[.!?]+$/, ''), without a regex. */
function dropFinalPunctuation(text: string): string {
  let end = text.length;
  while (end > 0) {
    const ch = text.charCodeAt(end - 1);
    if (ch !== 46 && ch !== 33 && ch !== 63) break; // . ! ?
    end--;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** The sentence of a text that contains the most query terms. `many`: SENTENCE_BREAK.test(text). */
function bestSentence(text: string, queryTokens: Set<string>, many: boolean): string {
  // One sentence (most signal texts): it is the best, no need to split or tokenise.
  if (!many) return dropFinalPunctuation(text);
  let best = '';
  let bestHits = -1;
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    let hits = 0;
    for (const t of tokenize(sentence)) if (queryTokens.has(t)) hits++;
    if (hits > bestHits) {
      bestHits = hits;
      best = sentence;
    }
  }
  return dropFinalPunctuation(best);
}

/** clip() of the sentence of a signal's text with the most query terms. */
function clipSentence(index: IntentIndex, s: number, queryTokens: Set<string>, max: number): string {
  const shape = index.signalShape[s]!;
  const sentence = bestSentence(index.signalText[s]!, queryTokens, (shape & MANY_SENTENCES) !== 0);
  // A sentence of a tidy text is tidy too, unless dropping its final punctuation left a space.
  const tidy = (shape & TIDY_TEXT) !== 0 && sentence.charCodeAt(sentence.length - 1) !== 32;
  return clip(sentence, max, tidy);
}

/** clip() of a signal's title, or when it has none of its best sentence. */
function clipTitleOrSentence(index: IntentIndex, s: number, queryTokens: Set<string>, max: number): string {
  const title = index.signalTitle[s];
  return title === null || title === undefined
    ? clipSentence(index, s, queryTokens, max)
    : clip(title, max, (index.signalShape[s]! & TIDY_TITLE) !== 0);
}

/** One human-readable line per evidence signal, e.g. "Posted 'Support Operations Manager' job 12 days ago". */
export function describeSignal(
  index: IntentIndex,
  s: number,
  asOfDay: number,
  queryTokens: Set<string>,
): string {
  const ago = formatAgo(asOfDay - index.signalDay[s]!);
  const title = index.signalTitle[s];
  const text = index.signalText[s]!;
  switch (TYPE_NAMES[index.signalType[s]!]) {
    case 'job_post':
      return `Posted '${clipTitleOrSentence(index, s, queryTokens, 80)}' job ${ago}`;
    case 'website_text':
      return `Website mentions '${clipSentence(index, s, queryTokens, 90)}' (${ago})`;
    case 'news':
      return `In the news ${ago}: ${clipTitleOrSentence(index, s, queryTokens, 100)}`;
    case 'technology_change': {
      const tech = index.signalTech[s] ?? 'a technology';
      return index.signalTechChange[s]! < 0
        ? `Removed ${tech} from its tech stack ${ago}`
        : `Added ${tech} to its tech stack ${ago}`;
    }
    case 'funding': {
      const amount = index.signalAmount[s]!;
      const round = index.signalRound[s];
      const what = [Number.isNaN(amount) ? null : formatMoney(amount), round].filter(Boolean).join(' ');
      return `Raised ${what || 'funding'} ${ago}`;
    }
    case 'hiring': {
      const g = index.signalGrowth[s]!;
      const dept = index.signalDepartment[s];
      const growth = Number.isNaN(g) ? 'Headcount growing' : `Headcount up ${Math.round(g)}%`;
      return `${growth}${dept ? ` in ${dept}` : ''} (${ago})`;
    }
    default:
      return clip(title ?? text, 100);
  }
}
