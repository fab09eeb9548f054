import type { WeightedTerm } from './bm25.js';
import { locationPhrases } from './geo.js';
import { industryLabels, isAmbiguousIndustryLabel } from './industries.js';
import { CATEGORIES, CATEGORY_BY_ID, TECHNOLOGIES } from './taxonomy.js';
import { isStopword, stem, tokenize, words } from './text.js';
import { normalizeTitle } from './titles.js';

// Deterministic lexicon query parser: reads the product categories, company sizes, locations,
// industries (and negated industries), technologies in use, and job titles from a free-text prompt,
// and expands the category into weighted BM25 terms from the taxonomy. Same prompt -> same output.

export interface ParsedCategory {
  id: string;
  weight: number;
  matched: string;
}

export interface ParsedQuery {
  categories: ParsedCategory[];
  /** Expanded, weighted BM25 terms (stemmed tokens). */
  terms: WeightedTerm[];
  /** Content tokens of the prompt itself (for the BM25-only baseline). */
  promptTerms: string[];
  /** Prompt tokens outside any recognised phrase; searched as extra BM25 terms. */
  extraTerms: string[];
  /** Employee-count ranges named in the prompt (soft constraints). */
  sizes: [number, number][];
  /** Normalised location keys named in the prompt (soft). */
  locations: string[];
  /** Industry ids named in the prompt (soft) and negated ones ("not in healthcare"). */
  industries: string[];
  excludedIndustries: string[];
  /** Technology keys the prompt says the company uses ("using Salesforce") (soft). */
  technologies: string[];
  /** Normalised job titles named in the prompt; used to pick the contact. */
  titles: string[];
  parser: 'lexicon' | 'llm';
}

// Words that carry no product meaning in a lead-search prompt.
const BOILERPLATE = new Set(
  (
    'find identify show list get give companies company businesses business firms firm organizations ' +
    'organisations organization accounts account leads lead prospects prospect looking seeking seek need needs ' +
    'want wants interested shopping buy buying purchase purchasing evaluate evaluating searching search ' +
    'considering consider new solution solutions tool tools vendor vendors provider providers employees ' +
    'employee staff people based located headquartered headquarters using use uses running runs likely ' +
    'intent market right now currently active actively plan planning ready which who top best good ' +
    'modernization modernize replace replacing upgrade upgrading adopt adopting move moving help ' +
    'not excluding except exclude non without outside small mid sized midsize medium large startup startups ' +
    'smb smbs enterprises fortune between more than fewer less over under least most up'
  ).split(' '),
);

/** Tokens too generic to identify a category on their own; their weight is cut. */
export const GENERIC_TOKENS = new Set(
  (
    'software platform system management manager tool solution data service team head director vp ' +
    'senior lead cloud online business customer new operation service desk center analytic automation ' +
    'process engineer specialist officer chief administrator program project growth'
  )
    .split(' ')
    .map(stem),
);

interface Span {
  start: number;
  end: number;
}

interface PhraseEntry {
  phrase: string[];
  kind: 'category' | 'tool' | 'location' | 'industry';
  ids: string[];
}

const PHRASES: PhraseEntry[] = (() => {
  const out: PhraseEntry[] = [];
  for (const c of CATEGORIES) {
    for (const s of [...c.synonyms, c.name]) out.push({ phrase: words(s), kind: 'category', ids: [c.id] });
  }
  for (const [key, t] of TECHNOLOGIES) {
    out.push({ phrase: words(t.name), kind: 'tool', ids: [key] });
  }
  for (const loc of locationPhrases()) out.push({ phrase: loc.split(' '), kind: 'location', ids: [loc] });
  for (const [label, ids] of industryLabels()) out.push({ phrase: label.split(' '), kind: 'industry', ids });
  // Longest phrase first; on equal length categories beat tools beat industries beat locations.
  const rank = { category: 0, tool: 1, industry: 2, location: 3 };
  return out
    .filter((p) => p.phrase.length > 0)
    .sort((a, b) => b.phrase.length - a.phrase.length || rank[a.kind] - rank[b.kind]);
})();

/** token -> (category id -> specificity) for the fallback when no synonym matches verbatim. */
const TOKEN_CATEGORIES: Map<string, Map<string, number>> = (() => {
  const m = new Map<string, Map<string, number>>();
  for (const c of CATEGORIES) {
    for (const s of [...c.synonyms, c.name]) {
      for (const t of tokenize(s)) {
        const inner = m.get(t) ?? new Map<string, number>();
        inner.set(c.id, 1);
        m.set(t, inner);
      }
    }
  }
  for (const c of CATEGORIES) {
    for (const s of [...c.synonyms, c.name]) {
      const toks = tokenize(s);
      for (let i = 0; i + 1 < toks.length; i++) {
        const key = `${toks[i]}_${toks[i + 1]}`;
        const inner = m.get(key) ?? new Map<string, number>();
        inner.set(c.id, 1);
        m.set(key, inner);
      }
    }
  }
  for (const [key, inner] of m) {
    // A shared bigram ("data center") is twice as telling as a shared word.
    const spec = (key.includes('_') ? 2 : 1) / inner.size;
    for (const k of inner.keys()) inner.set(k, spec);
  }
  return m;
})();

const TITLE_PHRASES: string[] = (() => {
  const set = new Set<string>();
  for (const c of CATEGORIES) for (const p of c.personas) set.add(normalizeTitle(p));
  for (const t of [
    'CEO',
    'CTO',
    'CFO',
    'COO',
    'CMO',
    'CIO',
    'CISO',
    'CRO',
    'VP Engineering',
    'VP Sales',
    'VP Marketing',
  ])
    set.add(normalizeTitle(t));
  return [...set].sort((a, b) => b.length - a.length);
})();

const COMPANY_NOUNS = new Set(
  'companies company firms firm businesses business organizations organisations providers carriers vendors startups brands groups sector industry accounts'.split(
    ' ',
  ),
);
const NEGATIONS = new Set(['not', 'excluding', 'except', 'exclude', 'no', 'non', 'without', 'outside']);
const USAGE = new Set(['using', 'use', 'uses', 'running', 'runs', 'on', 'with']);

const num = (s: string) => Number(s.replace(/,/g, ''));

function parseSizes(text: string): [number, number][] {
  const t = text.toLowerCase();
  const out: [number, number][] = [];
  const unit = '(?:employees|employee|staff|people|person|headcount|ftes?|workers)';
  const k = (s: string, suffix: string | undefined) => num(s) * (suffix === 'k' ? 1000 : 1);
  for (const m of t.matchAll(
    new RegExp(`(\\d[\\d,]*)(k?)\\s*(?:-|–|to)\\s*(\\d[\\d,]*)(k?)\\s*\\+?\\s*${unit}`, 'g'),
  )) {
    const lo = k(m[1]!, m[2]);
    const hi = k(m[3]!, m[4]);
    if (lo <= hi) out.push([lo, hi]);
  }
  for (const m of t.matchAll(new RegExp(`between\\s+(\\d[\\d,]*)\\s+and\\s+(\\d[\\d,]*)\\s*${unit}`, 'g')))
    out.push([num(m[1]!), num(m[2]!)]);
  for (const m of t.matchAll(new RegExp(`(\\d[\\d,]*)(k?)\\s*\\+\\s*${unit}`, 'g')))
    out.push([k(m[1]!, m[2]), Number.MAX_SAFE_INTEGER]);
  for (const m of t.matchAll(
    new RegExp(`(?:more than|over|at least|above|greater than)\\s+(\\d[\\d,]*)(k?)\\s*${unit}`, 'g'),
  ))
    out.push([k(m[1]!, m[2]) + (m[0].startsWith('at least') ? 0 : 1), Number.MAX_SAFE_INTEGER]);
  for (const m of t.matchAll(
    new RegExp(`(?:fewer than|less than|under|below|up to|at most)\\s+(\\d[\\d,]*)(k?)\\s*${unit}`, 'g'),
  ))
    out.push([1, k(m[1]!, m[2]) - (m[0].startsWith('up to') || m[0].startsWith('at most') ? 0 : 1)]);
  if (out.length === 0) {
    if (/\b(small businesses|small business|smbs?|small companies|startups?|small firms)\b/.test(t))
      out.push([1, 50]);
    if (/\b(mid[- ]?market|mid[- ]?sized?|midsize|medium[- ]sized)\b/.test(t)) out.push([51, 1000]);
    if (/\b(large enterprises|large companies|enterprises|fortune 500|large organizations)\b/.test(t))
      out.push([1001, Number.MAX_SAFE_INTEGER]);
  }
  return out;
}

export function parsePrompt(prompt: string): ParsedQuery {
  const w = words(prompt);
  const consumed = new Uint8Array(w.length);
  const spans: { span: Span; entry: PhraseEntry }[] = [];
  // Greedy longest-match phrase spotting over unconsumed words.
  for (const entry of PHRASES) {
    const len = entry.phrase.length;
    for (let i = 0; i + len <= w.length; i++) {
      let ok = true;
      for (let j = 0; j < len; j++) {
        if (consumed[i + j] || w[i + j] !== entry.phrase[j]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      for (let j = 0; j < len; j++) consumed[i + j] = 1;
      spans.push({ span: { start: i, end: i + len }, entry });
    }
  }
  spans.sort((a, b) => a.span.start - b.span.start);

  const catScore = new Map<string, { score: number; matched: string }>();
  const addCat = (id: string, score: number, matched: string) => {
    const prev = catScore.get(id);
    if (!prev) catScore.set(id, { score, matched });
    else prev.score += score;
  };
  const locations: string[] = [];
  const industries: string[] = [];
  const excludedIndustries: string[] = [];
  const technologies: string[] = [];
  for (const { span, entry } of spans) {
    const text = entry.phrase.join(' ');
    const before = w.slice(Math.max(0, span.start - 3), span.start);
    const negated = before.some((x) => NEGATIONS.has(x));
    if (entry.kind === 'category') addCat(entry.ids[0]!, 1 + 0.5 * entry.phrase.length, text);
    else if (entry.kind === 'tool') {
      const key = entry.ids[0]!;
      const tech = TECHNOLOGIES.get(key);
      // "replacing Zendesk" / "alternative to Zendesk" names the category being bought.
      for (const cat of tech?.categories ?? []) addCat(cat, 1, text);
      const prev = w[span.start - 1];
      if (prev && USAGE.has(prev) && !negated) technologies.push(key);
    } else if (entry.kind === 'location') {
      if (!negated && !locations.includes(entry.ids[0]!)) locations.push(entry.ids[0]!);
    } else {
      if (isAmbiguousIndustryLabel(text) && !COMPANY_NOUNS.has(w[span.end] ?? '')) continue;
      for (const id of entry.ids) {
        const list = negated ? excludedIndustries : industries;
        if (!list.includes(id)) list.push(id);
      }
    }
  }

  // Fallback: no verbatim synonym; score categories by the specificity of shared tokens.
  if (catScore.size === 0) {
    const acc = new Map<string, number>();
    let prev: string | null = null;
    for (let i = 0; i < w.length; i++) {
      if (consumed[i] || isStopword(w[i]!)) {
        prev = null;
        continue;
      }
      const t = stem(w[i]!);
      if (prev)
        for (const [cat, spec] of TOKEN_CATEGORIES.get(`${prev}_${t}`) ?? [])
          acc.set(cat, (acc.get(cat) ?? 0) + spec);
      prev = t;
      if (GENERIC_TOKENS.has(t) || BOILERPLATE.has(w[i]!)) continue;
      for (const [cat, spec] of TOKEN_CATEGORIES.get(t) ?? []) acc.set(cat, (acc.get(cat) ?? 0) + spec);
    }
    for (const [cat, score] of acc) if (score >= 0.5) catScore.set(cat, { score, matched: '(tokens)' });
  }

  const best = Math.max(0, ...[...catScore.values()].map((v) => v.score));
  const categories: ParsedCategory[] = [...catScore.entries()]
    .filter(([, v]) => v.score >= best * 0.5)
    .sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([id, v]) => ({ id, weight: v.score / best, matched: v.matched }));

  // Prompt content tokens that no phrase consumed (plus the category words themselves for BM25-only).
  const promptTerms: string[] = [];
  const leftover: string[] = [];
  for (let i = 0; i < w.length; i++) {
    const word = w[i]!;
    if (BOILERPLATE.has(word) || /^\d+$/.test(word)) continue;
    const toks = tokenize(word);
    if (toks.length === 0) continue;
    const tok = toks[0]!;
    const spanKind = spans.find((s) => s.span.start <= i && i < s.span.end)?.entry.kind;
    if (spanKind !== 'location' && spanKind !== 'industry') promptTerms.push(tok);
    if (!consumed[i]) leftover.push(tok);
  }

  const terms = expandTerms(categories, leftover);

  // Job titles named in the prompt.
  const titleText = ` ${normalizeTitle(prompt)} `;
  const titles: string[] = [];
  for (const t of TITLE_PHRASES) {
    if (titleText.includes(` ${t} `) && !titles.some((x) => x.includes(t))) titles.push(t);
  }

  return {
    categories,
    terms,
    promptTerms: [...new Set(promptTerms)],
    extraTerms: [...new Set(leftover)],
    sizes: parseSizes(prompt),
    locations,
    industries: industries.filter((i) => !excludedIndustries.includes(i)),
    excludedIndustries,
    technologies: [...new Set(technologies)],
    titles,
    parser: 'lexicon',
  };
}

/** BM25 terms for the categories (synonyms, tools, personas, triggers) plus leftover prompt tokens. */
export function expandTerms(
  categories: readonly ParsedCategory[],
  leftover: readonly string[],
): WeightedTerm[] {
  const termWeights = new Map<string, number>();
  const put = (t: string, w: number) => {
    if ((termWeights.get(t) ?? 0) < w) termWeights.set(t, w);
  };
  // A phrase contributes its bigrams at full weight and its words at a reduced weight (generic words
  // at a quarter of that); a one-word phrase ("crm", "zendesk") is its own strong term.
  const addPhrase = (text: string, weight: number) => {
    const toks = tokenize(text);
    if (toks.length === 1) {
      const t = toks[0]!;
      put(t, GENERIC_TOKENS.has(t) ? weight * 0.25 : weight);
      return;
    }
    for (let i = 0; i + 1 < toks.length; i++) put(`${toks[i]}_${toks[i + 1]}`, weight);
    for (const t of toks) put(t, (GENERIC_TOKENS.has(t) ? 0.25 : 1) * UNIGRAM_SHARE * weight);
  };
  for (const { id, weight } of categories) {
    const c = CATEGORY_BY_ID.get(id);
    if (!c) continue;
    for (const s of c.synonyms) addPhrase(s, 1.0 * weight);
    for (const t of c.tools) addPhrase(t, 0.7 * weight);
    for (const p of c.personas) addPhrase(p, 0.4 * weight);
    for (const tr of c.triggers) addPhrase(tr, 0.15 * weight);
  }
  for (const t of leftover) put(t, GENERIC_TOKENS.has(t) ? 0.15 : 0.6);
  return [...termWeights.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([term, weight]) => ({ term, weight }));
}

/** Weight of a multi-word phrase's single words relative to its bigrams. */
const UNIGRAM_SHARE = 0.4;

/** Canonical string of a parsed query, for cache keys. */
export function parsedQueryKey(q: ParsedQuery): string {
  return JSON.stringify([
    q.categories.map((c) => [c.id, Math.round(c.weight * 1000)]),
    q.terms.map((t) => [t.term, Math.round(t.weight * 1000)]),
    q.sizes,
    [...q.locations].sort(),
    [...q.industries].sort(),
    [...q.excludedIndustries].sort(),
    [...q.technologies].sort(),
    q.titles,
  ]);
}
