import type { WeightedTerm } from './bm25.js';
import { locationPhrases } from './geo.js';
import { industryLabels, isAmbiguousIndustryLabel } from './industries.js';
import { PAINS } from './pains.js';
import { CATEGORIES, CATEGORY_BY_ID, TECHNOLOGIES, toolAliasEntries } from './taxonomy.js';
import { isStopword, singular, stem, tokenize, tokensFromWords, words } from './text.js';
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
  /** Technology keys the buyer is leaving ("replace Marketo or Pardot"): evidence about them counts more. */
  incumbents: string[];
  /** Tokens of unknown product names the buyer is leaving ("moving off Acmeflow"). */
  incumbentTerms: string[];
  /** Departments named as the buyer ("finance teams", "our legal department"): never industries. */
  departments: string[];
  /** Normalised job titles named in the prompt; used to pick the contact. */
  titles: string[];
  /** Runs of the prompt's product words that a category phrase or a tool does not fully explain
   *  ("laptop fleet management", "emissions tracking"): the corpus is asked what they mean
   *  (`feedback.ts`). Empty when every product word is explained. */
  productRuns?: ProductRun[];
  parser: 'lexicon' | 'llm';
}

export interface ProductRun {
  /** Index tokens of the run (stemmed, stopwords dropped), in prompt order. */
  tokens: string[];
  /** Its words as written (normalised, singular): phrases made only of them do not count as evidence. */
  words: string[];
  /** Per token, the category whose phrase it is part of ('' for none). */
  phrases: string[];
  /** Tokens of the run that no category phrase or tool explains. */
  unexplained: string[];
  /** Whether one of them says something (not only generic words like "platform", "customer"). */
  telling: boolean;
  /** Categories whose phrase lies inside the run ("fleet management" in "laptop fleet management";
   *  two in "OEE monitoring"). */
  categories: string[];
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
    'smb smbs enterprises fortune between more than fewer less over under least most up ' +
    // Timing and buying words of a prompt ("this quarter", "planning to invest in").
    'quarter quarters month months year years week weeks soon asap invest investing investment buyer buyers'
  ).split(' '),
);

/** Tokens too generic to identify a category on their own; their weight is cut. */
export const GENERIC_TOKENS = new Set(
  (
    'software platform system management manager tool solution data service team head director vp ' +
    'senior lead cloud online business customer new operation service desk center analytic automation ' +
    'process engineer specialist officer chief administrator program project growth implementation ' +
    'modernization modernisation migration replacement rollout suite programme overhaul upgrade initiative ' +
    'selection option'
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
  /** The phrase's words in singular form; industries and categories also match plural prompt words. */
  sing: string[];
  kind: 'category' | 'tool' | 'location' | 'industry';
  ids: string[];
}

const PHRASES: PhraseEntry[] = (() => {
  const out: PhraseEntry[] = [];
  const add = (phrase: string[], kind: PhraseEntry['kind'], ids: string[]) =>
    out.push({ phrase, sing: [], kind, ids });
  for (const c of CATEGORIES) {
    for (const s of [...c.synonyms, c.name]) add(words(s), 'category', [c.id]);
  }
  for (const [alias, keys] of toolAliasEntries()) add(alias.split(' '), 'tool', keys);
  for (const loc of locationPhrases()) add(loc.split(' '), 'location', [loc]);
  for (const [label, ids] of industryLabels()) add(label.split(' '), 'industry', ids);
  // Longest phrase first; on equal length categories beat tools beat industries beat locations.
  const rank = { category: 0, tool: 1, industry: 2, location: 3 };
  return out
    .filter((p) => p.phrase.length > 0)
    .map((p) => ({ ...p, sing: p.phrase.map(singular) }))
    .sort((a, b) => b.phrase.length - a.phrase.length || rank[a.kind] - rank[b.kind]);
})();

/** Candidate phrase matches are packed as entry × POSITIONS + word position (prompts are ≤ 2000 chars). */
const POSITIONS = 4096;

/** First word (as written, and singular) -> indexes into PHRASES of the phrases starting with it. */
const PHRASES_BY_FIRST: Map<string, number[]> = (() => {
  const m = new Map<string, number[]>();
  PHRASES.forEach((p, e) => {
    for (const first of new Set([p.phrase[0]!, p.sing[0]!])) {
      const list = m.get(first) ?? [];
      list.push(e);
      m.set(first, list);
    }
  });
  return m;
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

const NEGATIONS = new Set(['not', 'excluding', 'except', 'exclude', 'no', 'non', 'without', 'outside']);
const USAGE = new Set(['using', 'use', 'uses', 'running', 'runs', 'on', 'with']);

const num = (s: string) => Number(s.replace(/,/g, ''));

function parseSizes(text: string): [number, number][] {
  const t = text.toLowerCase();
  const out: [number, number][] = [];
  const unit =
    '(?:employees|employee|staff|people|person|headcount|ftes?|workers|team members|seats|full[- ]time employees)';
  const k = (s: string, suffix: string | undefined) => num(s) * (suffix === 'k' ? 1000 : 1);
  for (const m of t.matchAll(
    new RegExp(`(\\d[\\d,]*)(k?)\\s*(?:-|–|to)\\s*(\\d[\\d,]*)(k?)\\s*\\+?\\s*${unit}`, 'g'),
  )) {
    const lo = k(m[1]!, m[2]);
    const hi = k(m[3]!, m[4]);
    if (lo <= hi) out.push([lo, hi]);
  }
  for (const m of t.matchAll(
    new RegExp(`between\\s+(\\d[\\d,]*)(k?)\\s+and\\s+(\\d[\\d,]*)(k?)\\s*${unit}`, 'g'),
  ))
    out.push([k(m[1]!, m[2]), k(m[3]!, m[4])]);
  for (const m of t.matchAll(new RegExp(`(\\d[\\d,]*)(k?)\\s*(?:\\+|-?plus|or more)\\s*${unit}`, 'g')))
    out.push([k(m[1]!, m[2]), Number.MAX_SAFE_INTEGER]);
  for (const m of t.matchAll(
    new RegExp(`(\\d[\\d,]*)(k?)\\s*${unit}\\s*(?:\\+|or more|and up|and above)`, 'g'),
  ))
    out.push([k(m[1]!, m[2]), Number.MAX_SAFE_INTEGER]);
  const over = '(?:more than|over|at least|above|greater than|north of|>)';
  const under = '(?:fewer than|less than|under|below|up to|at most|no more than|<)';
  for (const m of t.matchAll(new RegExp(`${over}\\s+(\\d[\\d,]*)(k?)\\s*${unit}`, 'g')))
    out.push([k(m[1]!, m[2]) + (/^at least/.test(m[0]) ? 0 : 1), Number.MAX_SAFE_INTEGER]);
  for (const m of t.matchAll(new RegExp(`${unit}\\s+(?:of\\s+)?${over}\\s+(\\d[\\d,]*)(k?)`, 'g')))
    out.push([k(m[1]!, m[2]) + (/at least/.test(m[0]) ? 0 : 1), Number.MAX_SAFE_INTEGER]);
  for (const m of t.matchAll(new RegExp(`${under}\\s+(\\d[\\d,]*)(k?)\\s*${unit}`, 'g')))
    out.push([1, k(m[1]!, m[2]) - (/^(up to|at most|no more than)/.test(m[0]) ? 0 : 1)]);
  for (const m of t.matchAll(new RegExp(`${unit}\\s+(?:of\\s+)?${under}\\s+(\\d[\\d,]*)(k?)`, 'g')))
    out.push([1, k(m[1]!, m[2]) - (/(up to|at most|no more than)/.test(m[0]) ? 0 : 1)]);
  if (new RegExp(`(a few|several) hundred\\s+${unit}`).test(t)) out.push([200, 999]);
  if (new RegExp(`hundreds of\\s+${unit}`).test(t)) out.push([100, 999]);
  if (new RegExp(`thousands of\\s+${unit}`).test(t)) out.push([1000, Number.MAX_SAFE_INTEGER]);
  if (out.length === 0) {
    if (
      /\b(small businesses|small business|smbs?|small companies|smaller companies|startups?|small firms|small teams|small shops)\b/.test(
        t,
      )
    )
      out.push([1, 50]);
    if (/\b(mid[- ]?market|mid[- ]?sized?|midsize|medium[- ]sized?|mid[- ]tier|scale[- ]?ups?)\b/.test(t))
      out.push([51, 1000]);
    if (
      /\b(large enterprises|large companies|larger companies|enterprises|fortune 500|fortune 1000|large organi[sz]ations|big companies|enterprise[- ](?:companies|accounts|organi[sz]ations|businesses|firms|sized?|scale))\b/.test(
        t,
      )
    )
      out.push([1001, Number.MAX_SAFE_INTEGER]);
  }
  return out;
}

// Words that put a company into an industry when they follow its label ("fintech companies",
// "healthcare organizations", "the insurance space"); compared in singular form.
const COMPANY_HEADS = new Set(
  'company firm business organization organisation provider carrier vendor startup brand group sector industry account institution player shop house operator outfit chain enterprise space vertical market client customer maker network system'.split(
    ' ',
  ),
);
// Department words, and the words after them that make them a team rather than an industry
// ("finance teams", "marketing and sales leaders", "our legal department", "head of finance").
const DEPARTMENT_WORDS: Record<string, string> = {
  finance: 'finance',
  financial: 'finance',
  accounting: 'finance',
  treasury: 'finance',
  marketing: 'marketing',
  sales: 'sales',
  revenue: 'sales',
  hr: 'hr',
  people: 'hr',
  talent: 'hr',
  recruiting: 'hr',
  payroll: 'hr',
  it: 'it',
  security: 'security',
  infosec: 'security',
  cybersecurity: 'security',
  legal: 'legal',
  compliance: 'legal',
  procurement: 'procurement',
  purchasing: 'procurement',
  support: 'support',
  cx: 'support',
  engineering: 'engineering',
  devops: 'engineering',
  operations: 'operations',
  ops: 'operations',
  data: 'data',
  analytics: 'data',
  facilities: 'operations',
  logistics: 'operations',
};
const DEPARTMENT_HEADS = new Set(
  'team department dept function org leader leadership staff head lead manager director vp chief officer executive professional pro analyst admin administrator user buyer owner stakeholder unit side practitioner person people operation ops folk group'.split(
    ' ',
  ),
);
// The parser's department names -> the taxonomy's (categories carry the latter).
const TAXONOMY_DEPARTMENT: Record<string, string> = { procurement: 'finance' };
const POSSESSIVES = new Set(['their', 'our', 'its', 'your', 'whose', 'house']);
const CONNECTORS = new Set(['and', 'or', 'plus']);
const LOCATIVES = new Set(['in', 'within', 'across', 'among', 'serving']);
// Words that say the buyer is leaving a product ("replace Marketo", "moving off Zendesk").
const LEAVING = new Set(
  'replace replacing replacement replaced swap swapping leave leaving ditch ditching drop dropping dump dumping retire retiring sunset sunsetting off migrate migrating migration switch switching moving alternative alternatives outgrow outgrown outgrew outgrowing frustrated unhappy churn churning churned rip consolidate consolidating away exit exiting abandon abandoning displace displacing unhappy fed done'.split(
    ' ',
  ),
);
const TOOL_USERS = new Set(['user', 'customer', 'shop', 'team', 'house', 'client', 'account']);

/** Prompt words with whether each started with a capital letter in the prompt (product names). */
function wordsWithCase(text: string): { lower: string[]; cap: boolean[] } {
  const folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const lower: string[] = [];
  const cap: boolean[] = [];
  for (const part of folded.split(/[^A-Za-z0-9+#]+/)) {
    if (part === '' || part === '+' || part === '#') continue;
    lower.push(part.toLowerCase());
    cap.push(/^[A-Z0-9]/.test(part));
  }
  return { lower, cap };
}

/** Indexes of words naming a department rather than an industry, with the department each names. */
function findDepartments(w: readonly string[], sw: readonly string[]): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 0; i < w.length; i++) {
    const dept = DEPARTMENT_WORDS[w[i]!];
    if (!dept) continue;
    let isDept =
      POSSESSIVES.has(w[i - 1] ?? '') || (w[i - 1] === 'of' && DEPARTMENT_HEADS.has(sw[i - 2] ?? ''));
    // Look past coordinated department words ("finance and accounting teams").
    for (let j = i + 1; !isDept && j < Math.min(w.length, i + 4); j++) {
      if (DEPARTMENT_HEADS.has(sw[j]!)) isDept = true;
      else if (!(CONNECTORS.has(w[j]!) || DEPARTMENT_WORDS[w[j]!])) break;
    }
    if (isDept) out.set(i, dept);
  }
  return out;
}

export interface ParseOptions {
  /** Place names the corpus knows (normalised city names): a capitalised prompt word naming one that
   *  the gazetteer does not know ("Leeds", "Halifax") is read as a location. */
  places?: ReadonlySet<string>;
}

export function parsePrompt(prompt: string, options: ParseOptions = {}): ParsedQuery {
  const { lower: w, cap } = wordsWithCase(prompt);
  const sw = w.map(singular);
  const consumed = new Uint8Array(w.length);
  const departmentAt = findDepartments(w, sw);
  const spans: { span: Span; entry: PhraseEntry }[] = [];
  // Greedy longest-match phrase spotting over unconsumed words. Industry and category phrases also
  // match plural prompt words ("fintechs", "insurers", "CRMs"); department words never start or make
  // an industry.
  // Candidates come from an index on the first word; applying them in PHRASES order (longest first)
  // then position is the same greedy longest match as trying every phrase at every position.
  const candidates: number[] = [];
  for (let i = 0; i < Math.min(w.length, POSITIONS); i++) {
    const a = PHRASES_BY_FIRST.get(w[i]!);
    const b = sw[i] !== w[i] ? PHRASES_BY_FIRST.get(sw[i]!) : undefined;
    for (const list of [a, b]) {
      if (!list) continue;
      for (const e of list) {
        const entry = PHRASES[e]!;
        const len = entry.phrase.length;
        if (i + len > w.length) continue;
        const inflect = entry.kind === 'industry' || entry.kind === 'category';
        let ok = true;
        for (let j = 0; j < len && ok; j++) {
          const k = i + j;
          ok =
            (w[k] === entry.phrase[j] ||
              (inflect && sw[k] !== w[k] && (sw[k] === entry.phrase[j] || sw[k] === entry.sing[j]))) &&
            !(entry.kind === 'industry' && departmentAt.has(k));
        }
        if (ok) candidates.push(e * POSITIONS + i);
      }
    }
  }
  candidates.sort((x, y) => x - y);
  for (const cand of candidates) {
    const entry = PHRASES[Math.floor(cand / POSITIONS)]!;
    const i = cand % POSITIONS;
    const len = entry.phrase.length;
    let free = true;
    for (let j = 0; j < len; j++) if (consumed[i + j]) free = false;
    if (!free) continue;
    for (let j = 0; j < len; j++) consumed[i + j] = 1;
    spans.push({ span: { start: i, end: i + len }, entry });
  }
  spans.sort((a, b) => a.span.start - b.span.start);
  const leaving = (i: number) => LEAVING.has(w[i] ?? '');
  const anyLeaving = w.some((x) => LEAVING.has(x));

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
  const incumbents: string[] = [];
  let lastIncumbentEnd = -10;
  // Words a phrase consumed that may still be part of how the product is named (see findProductRuns).
  const productish = new Uint8Array(w.length);
  const phraseCategory: string[] = new Array(w.length).fill('');
  for (const { span, entry } of spans) {
    const text = entry.phrase.join(' ');
    const before = w.slice(Math.max(0, span.start - 3), span.start);
    const negated = before.some((x) => NEGATIONS.has(x));
    if (entry.kind === 'category') {
      addCat(entry.ids[0]!, 1 + 0.5 * entry.phrase.length, text);
      for (let k = span.start; k < span.end; k++) {
        productish[k] = PRODUCT_PHRASE;
        phraseCategory[k] = entry.ids[0]!;
      }
    } else if (entry.kind === 'tool') {
      // "replacing Zendesk" / "alternative to Zendesk" names the category being bought.
      const cats = new Set(entry.ids.flatMap((key) => TECHNOLOGIES.get(key)?.categories ?? []));
      for (const cat of cats) addCat(cat, 1 / Math.max(1, cats.size - 0.5), text);
      const prev = w[span.start - 1];
      let isIncumbent = false;
      for (let k = Math.max(0, span.start - 4); k < span.start; k++) if (leaving(k)) isIncumbent = true;
      // "ServiceNow alternatives", "Zendesk replacement", "SAP ECC migration".
      for (let k = span.end; k < Math.min(w.length, span.end + 2); k++) if (leaving(k)) isIncumbent = true;
      // "Marketo or Pardot": a product coordinated with one being left is left too.
      if (
        span.start - lastIncumbentEnd <= 1 ||
        (span.start - lastIncumbentEnd === 2 && CONNECTORS.has(w[span.start - 1]!))
      )
        isIncumbent = true;
      // "Zendesk users looking to switch", "teams on Pardot who want out".
      if (anyLeaving && (TOOL_USERS.has(sw[span.end] ?? '') || (prev !== undefined && USAGE.has(prev))))
        isIncumbent = true;
      if (isIncumbent && !negated) {
        for (const key of entry.ids) if (!incumbents.includes(key)) incumbents.push(key);
        lastIncumbentEnd = span.end;
      } else if (prev && USAGE.has(prev) && !negated) technologies.push(...entry.ids);
      // A product of no category here ("analytics" is Google Analytics) names nothing: its words
      // still describe what is bought ("visual analytics tool").
      else if (cats.size === 0) for (let k = span.start; k < span.end; k++) productish[k] = PRODUCT_WORD;
    } else if (entry.kind === 'location') {
      if (!negated && !locations.includes(entry.ids[0]!)) locations.push(entry.ids[0]!);
    } else {
      if (isAmbiguousIndustryLabel(text)) {
        const head = COMPANY_HEADS.has(sw[span.end] ?? '');
        const p1 = w[span.start - 1] ?? '';
        const p2 = w[span.start - 2] ?? '';
        const locative = LOCATIVES.has(p1) || (p1 === 'the' && LOCATIVES.has(p2));
        if (!head && !locative) {
          // Not the buyer's industry: a word of the product ("register hardware and software").
          for (let k = span.start; k < span.end; k++) productish[k] = PRODUCT_WORD;
          continue;
        }
      }
      if (!negated) for (let k = span.start; k < span.end; k++) productish[k] = PRODUCT_CONTEXT;
      for (const id of entry.ids) {
        const list = negated ? excludedIndustries : industries;
        if (!list.includes(id)) list.push(id);
      }
    }
  }

  // Places the gazetteer does not know but the corpus does: capitalised words no phrase explains.
  const places = options.places;
  if (places && places.size > 0) {
    for (let i = 0; i < w.length; i++) {
      if (!cap[i] || consumed[i] || w[i]!.length < 3 || isStopword(w[i]!) || BOILERPLATE.has(w[i]!)) continue;
      for (let n = Math.min(3, w.length - i); n >= 1; n--) {
        let ok = true;
        for (let k = i; k < i + n; k++) if (consumed[k] || !cap[k]) ok = false;
        const name = w.slice(i, i + n).join(' ');
        if (!ok || !places.has(name) || locations.includes(name)) continue;
        const before = w.slice(Math.max(0, i - 3), i);
        if (!before.some((x) => NEGATIONS.has(x))) locations.push(name);
        for (let k = i; k < i + n; k++) consumed[k] = 1;
        break;
      }
    }
  }

  // Unknown product names being left ("moving off Acmeflow"): capitalised words after a leaving word
  // that no phrase explains.
  const incumbentTerms: string[] = [];
  for (let i = 1; i < w.length; i++) {
    if (!leaving(i - 1) && !(w[i - 1] === 'from' || w[i - 1] === 'to' || w[i - 1] === 'of')) continue;
    if (!(leaving(i - 1) || leaving(i - 2))) continue;
    for (let k = i; k < w.length && k < i + 4; k++) {
      if (CONNECTORS.has(w[k]!)) continue;
      if (!cap[k] || consumed[k] || isStopword(w[k]!) || BOILERPLATE.has(w[k]!) || /^\d+$/.test(w[k]!)) break;
      for (const t of tokenize(w[k]!)) if (!incumbentTerms.includes(t)) incumbentTerms.push(t);
    }
  }

  // Fallback: no verbatim synonym; score categories by the specificity of shared tokens, then by
  // pain statements ("signed contracts scattered across inboxes").
  let painPrompt = false;
  if (catScore.size === 0) {
    const acc = new Map<string, number>();
    let prev: string | null = null;
    const content: string[] = [];
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
      content.push(t);
      for (const [cat, spec] of TOKEN_CATEGORIES.get(t) ?? []) acc.set(cat, (acc.get(cat) ?? 0) + spec);
    }
    const pains = painScores(content);
    for (const [cat, { score }] of pains) acc.set(cat, (acc.get(cat) ?? 0) + 0.5 * score);
    for (const [cat, score] of acc) if (score >= 0.5) catScore.set(cat, { score, matched: '(tokens)' });
    // A prompt that describes a pain in several words names one problem: runners-up must be close.
    const top = [...catScore.entries()].sort((a, b) => b[1].score - a[1].score)[0];
    if (top && (pains.get(top[0])?.hits ?? 0) >= 3) {
      painPrompt = true;
      for (const v of catScore.values()) v.matched = '(pain)';
    }
  }

  // Nothing names a product but the buyer's department does ("sales teams that outgrew Nutshell"):
  // that department's categories, at half weight.
  if (catScore.size === 0 && departmentAt.size > 0) {
    const depts = new Set([...departmentAt.values()].map((d) => TAXONOMY_DEPARTMENT[d] ?? d));
    for (const c of CATEGORIES)
      if (depts.has(c.department)) catScore.set(c.id, { score: 0.5, matched: '(department)' });
  }

  const best = Math.max(0, ...[...catScore.values()].map((v) => v.score));
  const share = painPrompt ? 0.75 : 0.5;
  const categories: ParsedCategory[] = [...catScore.entries()]
    .filter(([, v]) => v.score >= best * share)
    .sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([id, v]) => ({ id, weight: v.score / best, matched: v.matched }));

  // Prompt content tokens that no phrase consumed (plus the category words themselves for BM25-only).
  const promptTerms: string[] = [];
  const leftover: string[] = [];
  for (let i = 0; i < w.length; i++) {
    const word = w[i]!;
    if (BOILERPLATE.has(word) || /^\d+$/.test(word) || departmentAt.has(i)) continue;
    const toks = tokenize(word);
    if (toks.length === 0) continue;
    const tok = toks[0]!;
    const spanKind = spans.find((s) => s.span.start <= i && i < s.span.end)?.entry.kind;
    if (spanKind !== 'location' && spanKind !== 'industry') promptTerms.push(tok);
    if (!consumed[i]) leftover.push(tok);
  }

  const terms = expandTerms(categories, leftover, incumbentWords({ incumbents, incumbentTerms }));
  const productRuns = findProductRuns(w, sw, consumed, productish, phraseCategory, departmentAt);

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
    incumbents,
    incumbentTerms,
    departments: [...new Set(departmentAt.values())],
    titles,
    productRuns,
    parser: 'lexicon',
  };
}

// How a consumed word takes part in naming the product (findProductRuns).
/** A word of the product that no phrase explains (an ambiguous industry label, a product of no category). */
const PRODUCT_WORD = 1;
/** Inside a category phrase: explained. */
const PRODUCT_PHRASE = 2;
/** An industry right next to the product words ("virtual clinic", "law firm operations software"):
 *  explained (as the industry), but searched with them. */
const PRODUCT_CONTEXT = 3;

/**
 * Runs of adjacent product words (stopwords inside a run are skipped: "hardware and software"), cut
 * by anything else (boilerplate, numbers, places, tools of a category, departments, team words,
 * words of leaving). Only runs with a word that no category phrase or tool explains are returned
 * (with a category phrase inside, only when that word says something: not a generic word like
 * "platform" or "customer"), and runs holding phrases of two categories.
 */
function findProductRuns(
  w: readonly string[],
  sw: readonly string[],
  consumed: Uint8Array,
  productish: Uint8Array,
  phraseCategory: readonly string[],
  departmentAt: Map<number, string>,
): ProductRun[] {
  const runs: ProductRun[] = [];
  let cur: number[] = [];
  // Where "and" / "or" joined parts of the current run: a part that is one category phrase stands
  // alone ("a CRM and an emissions tracking tool"); other parts stay together ("hardware and software").
  let parts: number[] = [];
  const flush = () => {
    const bounds = [...parts, cur.length];
    const all = cur;
    cur = [];
    parts = [];
    let from = 0;
    let group: number[] = [];
    for (const to of bounds) {
      const part = all.slice(from, to);
      from = to;
      if (
        part.length > 0 &&
        part.every((i) => productish[i] === PRODUCT_PHRASE && phraseCategory[i] === phraseCategory[part[0]!])
      ) {
        emit(group);
        group = [];
      } else group.push(...part);
    }
    emit(group);
  };
  const emit = (ws: number[]) => {
    if (ws.length === 0) return;
    const unexplained: string[] = [];
    const categories: string[] = [];
    let telling = false;
    for (const i of ws) {
      const cat = phraseCategory[i]!;
      if (cat !== '' && !categories.includes(cat)) categories.push(cat);
      if (productish[i] === PRODUCT_PHRASE || productish[i] === PRODUCT_CONTEXT) continue;
      for (const t of tokenize(w[i]!)) {
        unexplained.push(t);
        if (isTellingToken(t)) telling = true;
      }
    }
    // A category phrase with only generic words beside it ("CRM platform") is explained; phrases of
    // two categories in one name ("OEE monitoring": manufacturing, observability) are not.
    if (categories.length < 2 && (unexplained.length === 0 || (categories.length > 0 && !telling))) return;
    runs.push({
      tokens: tokensFromWords(ws.map((i) => w[i]!)),
      words: ws.map((i) => sw[i]!),
      phrases: ws.map((i) => phraseCategory[i]!),
      unexplained: [...new Set(unexplained)],
      telling,
      categories,
    });
  };
  const isProduct = (i: number): boolean => {
    const word = w[i]!;
    if (consumed[i] !== 0 && productish[i] !== 0) return true;
    if (isStopword(word) || /^\d+\+?$/.test(word)) return false;
    // "employee hub", "vendor onboarding system": a noun of the boilerplate that modifies a product word.
    if (BOILERPLATE.has(word))
      return MODIFIER_NOUNS.has(word) && !/^\d/.test(w[i - 1] ?? '') && i + 1 < w.length && isProduct(i + 1);
    return (
      !departmentAt.has(i) &&
      !(DEPARTMENT_HEADS.has(sw[i]!) && !PRODUCT_HEADS.has(sw[i]!)) &&
      !LEAVING.has(word) &&
      consumed[i] === 0
    );
  };
  for (let i = 0; i < w.length; i++) {
    if (isStopword(w[i]!) && cur.length > 0) {
      if (CONNECTORS.has(w[i]!) && parts.at(-1) !== cur.length) parts.push(cur.length);
      continue;
    }
    if (isProduct(i)) cur.push(i);
    else flush();
  }
  flush();
  return runs;
}

// Team words that also name what a product is for ("law firm operations software").
const PRODUCT_HEADS = new Set(['operation', 'ops', 'function', 'unit', 'group']);

// Boilerplate nouns that are part of a product's name when a product word follows them.
const MODIFIER_NOUNS = new Set(
  'employee employees staff people vendor vendors account accounts lead leads provider providers'.split(' '),
);

/** Whether a prompt token says what is bought: not generic ("platform", "customer") and not a word
 *  for the kind of thing bought ("stack", "tooling", "app"). */
export function isTellingToken(t: string): boolean {
  return !GENERIC_TOKENS.has(t) && !PRODUCT_FILLER.has(t);
}

const PRODUCT_FILLER = new Set(
  'stack tooling tool app application workflow program programme strategy capability technology tech provider partner'
    .split(' ')
    .map(stem),
);

const painTermsMemo = new Map<string, { pairs: string[]; words: string[] }>();
/** A category's pain statements as search terms: word pairs and distinctive single words. */
function painTerms(id: string): { pairs: string[]; words: string[] } {
  let out = painTermsMemo.get(id);
  if (out) return out;
  const pairs = new Set<string>();
  const single = new Set<string>();
  for (const pain of PAINS.get(id) ?? []) {
    const toks = tokenize(pain);
    for (let i = 0; i + 1 < toks.length; i++)
      if (!(GENERIC_TOKENS.has(toks[i]!) && GENERIC_TOKENS.has(toks[i + 1]!)))
        pairs.add(`${toks[i]}_${toks[i + 1]}`);
    for (const t of toks) if (!GENERIC_TOKENS.has(t)) single.add(t);
  }
  out = { pairs: [...pairs], words: [...single] };
  painTermsMemo.set(id, out);
  return out;
}

/** Search words for the products a prompt says the buyer is leaving. */
export function incumbentWords(q: Pick<ParsedQuery, 'incumbents' | 'incumbentTerms'>): string[] {
  return [...q.incumbents.flatMap((k) => tokenize(TECHNOLOGIES.get(k)?.name ?? '')), ...q.incumbentTerms];
}

/** Pain phrases as token sets per category, for prompts that only describe a problem. */
const PAIN_TOKENS: { cat: string; tokens: string[] }[] = [...PAINS].flatMap(([cat, phrases]) =>
  phrases.map((p) => ({ cat, tokens: [...new Set(tokenize(p))].filter((t) => !GENERIC_TOKENS.has(t)) })),
);
const PAIN_DF: Map<string, number> = (() => {
  const m = new Map<string, number>();
  for (const { tokens } of PAIN_TOKENS) for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
})();

/**
 * Category scores from the prompt's overlap with pain phrases: per category, the best phrase's share
 * of matched tokens weighted by rarity (a phrase matched on two rare words beats one common word).
 */
function painScores(content: readonly string[]): Map<string, { score: number; hits: number }> {
  const have = new Set(content);
  const out = new Map<string, { score: number; hits: number }>();
  for (const { cat, tokens } of PAIN_TOKENS) {
    let s = 0;
    let hits = 0;
    for (const t of tokens) {
      if (!have.has(t)) continue;
      hits++;
      s += 1 / Math.sqrt(PAIN_DF.get(t) ?? 1);
    }
    if (hits < 2 && !(hits === 1 && tokens.length === 1)) continue;
    if (s > (out.get(cat)?.score ?? 0)) out.set(cat, { score: s, hits });
  }
  return out;
}

/** BM25 terms for the categories (synonyms, tools, personas, triggers) plus leftover prompt tokens. */
export function expandTerms(
  categories: readonly ParsedCategory[],
  leftover: readonly string[],
  incumbentWords: readonly string[] = [],
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
    // Pain statements: their word pairs only ("shared_drive", "month_end"); single words are too common.
    const pain = painTerms(id);
    for (const t of pain.pairs) put(t, PAIN_WEIGHT * weight);
    for (const t of pain.words) put(t, PAIN_WORD_WEIGHT * weight);
  }
  for (const t of leftover) put(t, GENERIC_TOKENS.has(t) ? 0.15 : 0.6);
  // The products being left: text naming them is the evidence an incumbent prompt asks for.
  for (let i = 0; i < incumbentWords.length; i++) put(incumbentWords[i]!, 1.0);
  return [...termWeights.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([term, weight]) => ({ term, weight }));
}

/** Weight of a multi-word phrase's single words relative to its bigrams. */
const UNIGRAM_SHARE = 0.4;
/** Weight of a category's pain-statement word pairs. */
const PAIN_WEIGHT = 0.35;
/** Weight of a pain statement's single words: several of them together make the evidence. */
const PAIN_WORD_WEIGHT = 0.12;

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
    [...q.incumbents].sort(),
    [...q.incumbentTerms].sort(),
    [...q.departments].sort(),
    q.titles,
  ]);
}
