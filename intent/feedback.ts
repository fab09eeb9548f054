import type { WeightedTerm } from './bm25.js';
import { type IntentIndex, stripCompanyName, TYPE_INDEX } from './corpus-index.js';
import {
  expandTerms,
  incumbentWords,
  isTellingToken,
  type ParsedCategory,
  type ParsedQuery,
  type ProductRun,
} from './parser.js';
import { CATEGORIES, TECHNOLOGIES, toolAliasEntries } from './taxonomy.js';
import { singular, words } from './text.js';

// Pseudo-relevance feedback for category wording the taxonomy does not know ("emissions tracking",
// "laptop fleet management"): the corpus is asked what the prompt's unexplained product words mean.
// The signals that best match those words are read for what they name that the taxonomy knows --
// products of a category ("... and retire Siemens Navigator") and category phrases ("our carbon
// accounting") -- weighted by how well each signal matches. When one category clearly dominates, the
// query is about it. Deterministic (ties by signal id) and cheap: one BM25 pass over a few terms and a
// phrase scan of at most `maxSignals` texts, only for prompts with unexplained product words.

export interface FeedbackConfig {
  /** Signals kept: those scoring at least this share of the best match ... */
  minScoreShare: number;
  /** ... and at most this many of them (an even sample). */
  maxSignals: number;
  /** Words in more than this share of the signals are not searched (their pairs are). */
  maxDfRatio: number;
  /** The leading category needs this share of the category evidence ... */
  minShare: number;
  /** ... this many times the runner-up's ... */
  minLead: number;
  /** ... and this many distinct signals naming it, ... */
  minSignals: number;
  /** ... at least this share of the signals read (words the corpus writes without naming any
   *  category are not category wording). */
  minCoverage: number;
  /** A category matched by a phrase inside the product words ("fleet management" in "laptop fleet
   *  management") gives way only when its own share of the evidence is below this. */
  maxPhraseShare: number;
  /** A phrase category is questioned only when a word it leaves out sits next to it in at least this
   *  many signals ("laptop fleet" is written in the corpus; "better marketing automation" is not). */
  minBigramDf: number;
  /** Weight of the prompt's own word pairs once the corpus has shown what they mean. */
  promptPairWeight: number;
}

export const DEFAULT_FEEDBACK: FeedbackConfig = {
  minScoreShare: 0.5,
  maxSignals: 400,
  maxDfRatio: 0.02,
  minShare: 0.5,
  minLead: 2,
  minSignals: 3,
  minCoverage: 0.2,
  maxPhraseShare: 0.2,
  minBigramDf: 3,
  promptPairWeight: 1,
};

export interface FeedbackOutcome {
  /** Category evidence, strongest first (at most 5): share of the evidence and signals naming it. */
  categories: { id: string; share: number; signals: number }[];
  /** Signals read. */
  signals: number;
  /** What was done with it. */
  decision: 'none' | 'added' | 'replaced' | 'narrowed' | 'confirmed' | 'undecided';
}

/** Scratch buffers a feedback pass may use (zero where untouched; left zeroed). */
export interface FeedbackScratch {
  acc: Float32Array;
  touched: Uint32Array;
}

interface Phrase {
  words: string[];
  cats: string[];
}

// Phrases in signal text that name a category: its synonyms and name, and its products (every
// written form). Indexed by first word; matched on words and their singular forms.
const PHRASES_BY_FIRST: Map<string, Phrase[]> = (() => {
  const m = new Map<string, Phrase[]>();
  const add = (ws: string[], cats: string[]) => {
    if (ws.length === 0 || cats.length === 0) return;
    const list = m.get(ws[0]!) ?? [];
    list.push({ words: ws, cats });
    m.set(ws[0]!, list);
  };
  for (const c of CATEGORIES) for (const s of [...c.synonyms, c.name]) add(words(s).map(singular), [c.id]);
  for (const [alias, keys] of toolAliasEntries()) {
    const cats = [...new Set(keys.flatMap((k) => TECHNOLOGIES.get(k)?.categories ?? []))];
    add(alias.split(' ').map(singular), cats);
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  return m;
})();

/**
 * Categories a text names (longest phrase at each position), leaving out phrases made only of the
 * prompt's own words: "fleet management" in a signal about "laptop fleet management" is the prompt's
 * wording, not evidence of what it means.
 */
export function categoriesNamed(text: string, promptWords: ReadonlySet<string>): Set<string> {
  return categoriesOf(phrasesIn(text), promptWords);
}

/** The phrases a text names, in order: the longest at each position (the prompt plays no part). */
function phrasesIn(text: string): Phrase[] {
  const ws = words(text).map(singular);
  const out: Phrase[] = [];
  for (let i = 0; i < ws.length; i++) {
    const cands = PHRASES_BY_FIRST.get(ws[i]!);
    if (!cands) continue;
    for (const p of cands) {
      if (i + p.words.length > ws.length) continue;
      let ok = true;
      for (let j = 1; ok && j < p.words.length; j++) ok = ws[i + j] === p.words[j];
      if (!ok) continue;
      out.push(p);
      i += p.words.length - 1;
      break;
    }
  }
  return out;
}

function categoriesOf(phrases: readonly Phrase[], promptWords: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const p of phrases) if (!p.words.every((x) => promptWords.has(x))) for (const c of p.cats) out.add(c);
  return out;
}

/** The text of a signal as evidence: title and text, without the company's own name ("Vertex Digital"). */
function signalWords(index: IntentIndex, s: number): string {
  const title = index.signalTitle[s];
  const text = title ? `${title}. ${index.signalText[s]}` : index.signalText[s]!;
  return stripCompanyName(text, index.name[index.signalCompany[s]!]!);
}

const NO_PHRASES: readonly Phrase[] = [];
/**
 * Per index, per signal: the phrases its evidence text names, kept once read (the index is immutable
 * and the reading does not depend on the prompt). Feedback reads up to maxSignals texts per prompt and
 * prompts about the same thing read the same signals; word splitting, singulars and the phrase scan
 * were most of its cost.
 */
const signalPhraseMemo = new WeakMap<IntentIndex, (readonly Phrase[] | undefined)[]>();

function signalPhrases(index: IntentIndex, s: number): readonly Phrase[] {
  let memo = signalPhraseMemo.get(index);
  if (!memo) {
    memo = new Array(index.nSignals);
    signalPhraseMemo.set(index, memo);
  }
  let phrases = memo[s];
  if (phrases === undefined) {
    const found = phrasesIn(signalWords(index, s));
    phrases = found.length > 0 ? found : NO_PHRASES;
    memo[s] = phrases;
  }
  return phrases;
}

const NO_WORDS: ReadonlySet<string> = new Set();
/** Categories kept in an outcome (for logs and stats). */
const MAX_REPORTED = 5;
const BACKGROUND_STRIDE = 16;
const backgrounds = new WeakMap<IntentIndex, Map<string, number>>();

/**
 * How the corpus names categories when it is not asked about anything: the share of each category
 * in what a deterministic sample of text signals (every 16th) names. Boilerplate of the corpus ("our
 * procurement office" in every RFP notice) names its category everywhere; feedback counts only what a
 * query's signals name beyond this. Computed once per index (tens of milliseconds at 100k companies).
 */
export function feedbackBackground(index: IntentIndex): Map<string, number> {
  let bg = backgrounds.get(index);
  if (bg) return bg;
  const mass = new Map<string, number>();
  let total = 0;
  const tech = TYPE_INDEX.technology_change;
  for (let s = 0; s < index.nSignals; s += BACKGROUND_STRIDE) {
    if (index.signalType[s] === tech) continue;
    const named = categoriesOf(signalPhrases(index, s), NO_WORDS);
    for (const c of named) mass.set(c, (mass.get(c) ?? 0) + 1 / named.size);
    if (named.size > 0) total++;
  }
  bg = new Map([...mass].map(([c, m]) => [c, m / Math.max(1, total)]));
  backgrounds.set(index, bg);
  return bg;
}

/**
 * Reads the corpus for what the prompt's unexplained product words mean and, when one category
 * clearly dominates the evidence, returns the query about it (new categories and search terms).
 * Returns the query unchanged (same object) otherwise.
 */
export function applyFeedback(
  index: IntentIndex,
  parsed: ParsedQuery,
  scratch: FeedbackScratch,
  cfg: FeedbackConfig = DEFAULT_FEEDBACK,
): { query: ParsedQuery; outcome: FeedbackOutcome } {
  const none = { query: parsed, outcome: { categories: [], signals: 0, decision: 'none' as const } };
  const runs = parsed.productRuns ?? [];
  // A prompt that describes a pain the lexicon knows ("contracts scattered across inboxes") is not
  // category wording: pains.ts reads it.
  if (
    parsed.parser !== 'lexicon' ||
    runs.length === 0 ||
    parsed.categories.some((c) => c.matched === '(pain)')
  )
    return none;
  const phraseCats = parsed.categories.filter((c) => !c.matched.startsWith('('));
  const bm = index.bm25;
  // A pair of the run's tokens across what the parse explains: one holds a word no phrase explains,
  // or the two belong to different phrases ("laptop_fleet", "oee_monitoring").
  const crossing = (r: ProductRun, k: number) =>
    r.unexplained.includes(r.tokens[k]!) ||
    r.unexplained.includes(r.tokens[k + 1]!) ||
    r.phrases[k] !== r.phrases[k + 1];
  const asked = runs.filter((r) =>
    r.categories.length > 0
      ? // A phrase with a word beside it that it does not explain ("laptop fleet management"), or
        // phrases of two categories in one name ("OEE monitoring"): worth asking only when the
        // corpus writes them together ("better marketing automation" is not written).
        r.tokens.some(
          (t, k) =>
            k + 1 < r.tokens.length &&
            crossing(r, k) &&
            bm.docFreq(`${t}_${r.tokens[k + 1]}`) >= cfg.minBigramDf,
        )
      : // Words no phrase explains: generic ones alone ("customer") only when nothing else names a category.
        r.telling || phraseCats.length === 0,
  );
  if (asked.length === 0) return none;
  // Phrase categories inside the asked words may give way; others in the prompt stay.
  const inside = new Set(asked.flatMap((r) => r.categories));

  // What the prompt does not explain (its telling words and the pairs holding one) is searched
  // first: only signals that match some of it can say what it means ("laptop" in "laptop fleet
  // management"; a signal about vehicle fleet management cannot). The rest of the run's words refine
  // the score.
  const key: WeightedTerm[] = [];
  const rest: WeightedTerm[] = [];
  const pairs: string[] = [];
  const seen = new Set<string>();
  const promptWords = new Set<string>();
  const put = (term: string, unexplained: boolean) => {
    if (seen.has(term)) return;
    seen.add(term);
    (unexplained ? key : rest).push({ term, weight: 1 });
  };
  for (const r of asked) {
    for (const x of r.words) promptWords.add(x);
    const telling = (t: string) => r.unexplained.includes(t) && isTellingToken(t);
    for (let k = 0; k < r.tokens.length; k++) {
      const t = r.tokens[k]!;
      put(t, telling(t));
      if (k + 1 < r.tokens.length) {
        const next = r.tokens[k + 1]!;
        const pair = `${t}_${next}`;
        const holds = crossing(r, k);
        // Searched later only when it crosses what the taxonomy explains ("emission_tracking",
        // "oee_monitoring"; not "law_firm").
        if (holds && !seen.has(pair)) pairs.push(pair);
        put(pair, holds);
      }
    }
  }

  // The signals matching the words about as well as the best one does (score >= minScoreShare x
  // best). When there are more than maxSignals, an even sample of them by id: the very best are the
  // shortest texts (headlines), which rarely name a product.
  const { acc, touched } = scratch;
  const nKey = bm.accumulate(key, acc, touched, 0, cfg.maxDfRatio);
  const n = bm.accumulate(rest, acc, touched, nKey, cfg.maxDfRatio);
  let best = 0;
  for (let i = 0; i < nKey; i++) best = Math.max(best, acc[touched[i]!]!);
  let picked: number[] = [];
  for (let i = 0; i < nKey; i++) {
    const s = touched[i]!;
    if (best > 0 && acc[s]! >= best * cfg.minScoreShare) picked.push(s);
  }
  const score = new Map<number, number>();
  for (const s of picked) score.set(s, acc[s]! / best);
  for (let i = 0; i < n; i++) acc[touched[i]!] = 0;
  picked.sort((a, b) => a - b);
  if (picked.length > cfg.maxSignals) {
    const step = picked.length / cfg.maxSignals;
    picked = Array.from({ length: cfg.maxSignals }, (_, k) => picked[Math.floor(k * step)]!);
  }

  const mass = new Map<string, number>();
  const count = new Map<string, number>();
  let namingMass = 0;
  for (const s of picked) {
    const named = categoriesOf(signalPhrases(index, s), promptWords);
    const w = score.get(s)!;
    if (named.size > 0) namingMass += w;
    for (const c of named) {
      mass.set(c, (mass.get(c) ?? 0) + w / named.size);
      count.set(c, (count.get(c) ?? 0) + 1);
    }
  }
  // Evidence beyond what the corpus names anyway.
  const background = feedbackBackground(index);
  const excess = new Map<string, number>();
  for (const [c, m] of mass) {
    const e = m - namingMass * (background.get(c) ?? 0);
    if (e > 0) excess.set(c, e);
  }
  const total = [...excess.values()].reduce((a, b) => a + b, 0);
  const categories = [...excess.entries()]
    .map(([id, m]) => ({ id, share: m / total, signals: count.get(id)! }))
    .sort((a, b) => b.share - a.share || (a.id < b.id ? -1 : 1));
  const outcome: FeedbackOutcome = {
    categories: categories.slice(0, MAX_REPORTED),
    signals: picked.length,
    decision: 'undecided',
  };
  const top = categories[0];
  const second = categories[1]?.share ?? 0;
  if (
    !top ||
    top.share < cfg.minShare ||
    top.share < cfg.minLead * second ||
    top.signals < cfg.minSignals ||
    top.signals < cfg.minCoverage * picked.length
  )
    return { query: parsed, outcome };

  const partial = phraseCats.filter((c) => inside.has(c.id));
  const kept = phraseCats.filter((c) => !inside.has(c.id));
  let next: ParsedCategory[];
  if (partial.length > 1 && partial.some((c) => c.id === top.id)) {
    // Phrases of several categories in one name: the one the corpus means by it.
    outcome.decision = 'narrowed';
    next = [{ id: top.id, weight: 1, matched: partial.find((c) => c.id === top.id)!.matched }, ...kept];
  } else if (phraseCats.some((c) => c.id === top.id)) {
    outcome.decision = 'confirmed';
    return { query: parsed, outcome };
  } else {
    if (partial.length > 0) {
      // A phrase inside the product words gives way only to evidence that leaves it (almost) nothing.
      const share = Math.max(...partial.map((c) => categories.find((x) => x.id === c.id)?.share ?? 0));
      if (share >= cfg.maxPhraseShare) return { query: parsed, outcome };
    }
    // Categories guessed from these words' tokens give way; phrases elsewhere in the prompt stay.
    outcome.decision = partial.length > 0 || parsed.categories.length > kept.length ? 'replaced' : 'added';
    next = [{ id: top.id, weight: 1, matched: '(feedback)' }, ...kept];
  }
  const terms2 = expandTerms(next, parsed.extraTerms, incumbentWords(parsed));
  // The prompt's own word pairs: the corpus writes them for this category.
  if (cfg.promptPairWeight > 0) {
    const byTerm = new Map(terms2.map((t) => [t.term, t]));
    for (const p of pairs) {
      const t = byTerm.get(p);
      if (t) t.weight = Math.max(t.weight, cfg.promptPairWeight);
      else terms2.push({ term: p, weight: cfg.promptPairWeight });
    }
    terms2.sort((a, b) => (a.term < b.term ? -1 : 1));
  }
  return { query: { ...parsed, categories: next, terms: terms2 }, outcome };
}
