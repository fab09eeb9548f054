import { Bitset } from './bitset.js';
import { Bm25Builder, type Bm25Index } from './bm25.js';
import { formatLocation, locationKeys } from './geo.js';
import { INDUSTRIES, INDUSTRY_BY_ID } from './industries.js';
import {
  CATEGORIES,
  departmentLabels,
  departmentOf,
  INTENT_CUES,
  LEAVING_CUES,
  PURCHASE_VERBS,
  resolveTechnology,
  SERVICES_CUES,
  SETTLED_CUES,
  TECHNOLOGIES,
  technologyKey,
  toolKeysForAlias,
  VENDOR_CUES,
} from './taxonomy.js';
import {
  normalizeDomain,
  normalizeLabel,
  SENTENCE_BREAK,
  tokenize,
  tokensFromWords,
  UNTIDY_SPACE,
  withBigrams,
  words,
} from './text.js';
import { normalizeTitle } from './titles.js';
import type { IntentCorpus, SignalType } from './types.js';
import { dayNumber, SIGNAL_TYPES, SIZE_BUCKETS, sizeBucket } from './types.js';

// The in-memory, column-oriented index the ranker runs on. Built once from an `IntentCorpus`
// (Postgres or JSONL); immutable afterwards, so one index can serve concurrent queries.

export const FLAG_INTENT_CUE = 1;
export const FLAG_VENDOR_CUE = 2;
/** Written by a services firm selling the category (partner, consultancy, reseller). */
export const FLAG_SERVICES_CUE = 4;
/** News about another company's purchase ("Globex selects Workday"), not the company's own. */
export const FLAG_THIRD_PARTY = 8;
/** Written by a company settled on what it runs (satisfied user, finished project). */
export const FLAG_SETTLED_CUE = 16;
/** Says the company is leaving something it runs (replacing, migrating off, not renewing). */
export const FLAG_LEAVING_CUE = 32;
/** Any flag that makes a signal seller or third-party evidence rather than a buyer's. */
export const FLAG_NOT_BUYER = FLAG_VENDOR_CUE | FLAG_SERVICES_CUE | FLAG_THIRD_PARTY;

/** lastFundingDay / lastHiringDay of a company without such a signal. */
export const NO_DAY = -0x80000000;

/** signalShape bits: the title (absent counts as tidy) / the text has no whitespace to tidy up; the
 *  text has more than one sentence. */
export const TIDY_TITLE = 1;
export const TIDY_TEXT = 2;
export const MANY_SENTENCES = 4;

export interface IntentIndex {
  asOfDay: number;
  asOf: string;
  // Companies (index 0..nCompanies-1, in corpus order).
  nCompanies: number;
  companyId: string[];
  name: string[];
  domain: string[];
  industry: Uint8Array; // index into INDUSTRIES
  employees: Uint32Array;
  sizeBucket: Uint8Array; // index into SIZE_BUCKETS
  location: string[]; // display string
  techKeys: string[][];
  all: Bitset;
  industryBits: Bitset[]; // by INDUSTRIES index
  locationBits: Map<string, Bitset>; // normalised location key -> companies
  /** 1 when the company describes itself as a services firm (partner, reseller, consultancy, practice). */
  servicesFirm: Uint8Array;
  /** Normalised city names of the corpus (for places in prompts the gazetteer does not know). */
  cityKeys: Set<string>;
  techBits: Map<string, Bitset>; // technology key -> companies running it
  /** Every domain suffix with at least two labels ("eu.acme.com", "acme.com") -> companies. */
  domainSuffixes: Map<string, number[]>;
  /** Technology key -> normalised display name (for word-prefix matching of filters). */
  techLabels: Map<string, string>;
  /** Memo of job-title filter bitsets (normalised title -> companies); bounded. */
  titleBitsMemo: Map<string, Bitset>;
  // Contacts, grouped by company: contacts of company c are contactStart[c] .. contactStart[c+1]-1.
  contactStart: Uint32Array;
  contactName: string[];
  contactTitle: string[];
  /** Per contact, its normalised title as an index into `titleNorms` (the distinct ones, a few hundred:
   *  normalizeTitle(), space separated, padded with spaces at both ends), so lead materialisation and
   *  job-title filters test each distinct title once, not once per contact. */
  contactTitleId: Uint32Array;
  titleNorms: string[];
  contactEmail: (string | null)[];
  contactPhone: (string | null)[];
  // Signals.
  nSignals: number;
  signalCompany: Uint32Array;
  signalType: Uint8Array; // index into SIGNAL_TYPES
  signalDay: Int32Array;
  /**
   * The day the text phase of ranking judges a signal's age by: its day for buyer text, the latest
   * possible day for seller text (vendor evidence counts at any age), the earliest for technology
   * changes (matched structurally, never by text). Ranking skips postings older than what can count.
   */
  signalTextDay: Int32Array;
  signalFlags: Uint8Array;
  /** TIDY_TITLE | TIDY_TEXT | MANY_SENTENCES: what describing evidence need not check per query. */
  signalShape: Uint8Array;
  signalTitle: (string | null)[];
  signalText: string[];
  signalTech: (string | null)[];
  signalTechChange: Int8Array; // 1 added, -1 removed, 0 n/a
  signalAmount: Float64Array; // NaN when absent
  signalRound: (string | null)[];
  signalGrowth: Float32Array; // NaN when absent
  signalDepartment: (string | null)[];
  /** technology_change signals whose technology belongs to a category: category id -> signal ids
   *  (this list and the next two newest first, ties by id). */
  categoryTechSignals: Map<string, Uint32Array>;
  /** Known technologies a technology_change signal names (null for other signals). */
  signalTechKeys: (string[] | null)[];
  /** Job posts for a role around a product of the category ("Marketo Administrator"): category -> ids. */
  categoryToolJobSignals: Map<string, Uint32Array>;
  /** Hiring growth in a department, or funding earmarked for one: department -> signal ids. */
  departmentTriggerSignals: Map<string, Uint32Array>;
  /** Latest funding / hiring-growth signal per company (-1 if none): generic "timing" triggers. */
  lastFunding: Int32Array;
  lastHiring: Int32Array;
  /** Their days (NO_DAY if none): ranking's momentum test per company without a second lookup. */
  lastFundingDay: Int32Array;
  lastHiringDay: Int32Array;
  bm25: Bm25Index;
  stats: { buildMs: number; bm25Bytes: number };
}

export const TYPE_INDEX: Record<SignalType, number> = Object.fromEntries(
  SIGNAL_TYPES.map((t, i) => [t, i]),
) as Record<SignalType, number>;

/**
 * Matcher for lists of (normalised) phrases over a word array, each list with its flag bit: one pass
 * and one Map probe per word, returning the OR of the flags of every list with a phrase in the text.
 */
function phraseFlagger(lists: [flag: number, phrases: string[]][]): (ws: readonly string[]) => number {
  const byFirst = new Map<string, { words: string[]; flag: number }[]>();
  for (const [flag, phrases] of lists) {
    for (const p of phrases) {
      const pw = p.split(' ').filter(Boolean);
      if (pw.length === 0) continue;
      const list = byFirst.get(pw[0]!) ?? [];
      list.push({ words: pw, flag });
      byFirst.set(pw[0]!, list);
    }
  }
  return (ws) => {
    let flags = 0;
    for (let i = 0; i < ws.length; i++) {
      const cands = byFirst.get(ws[i]!);
      if (!cands) continue;
      for (const { words: pw, flag } of cands) {
        if ((flags & flag) !== 0) continue;
        let ok = i + pw.length <= ws.length;
        for (let j = 1; ok && j < pw.length; j++) ok = ws[i + j] === pw[j];
        if (ok) flags |= flag;
      }
    }
    return flags;
  };
}

/** Removes the company's own name from its signal text (names like "Bright Health" must not match). */
export function stripCompanyName(text: string, name: string): string {
  if (name.length < 3 || !text.includes(name.slice(0, 3))) return text;
  let out = text.split(name).join(' ');
  const short = name.replace(/[,.]?\s+(inc|llc|ltd|co|corp|group|gmbh|ag|plc|limited)\.?$/i, '');
  if (short !== name && short.length >= 3) out = out.split(short).join(' ');
  return out;
}

/** Not a signal flag: a purchase verb, which makes a news item press when it does not name the company. */
const PURCHASE_VERB = 128;
const cueFlags = phraseFlagger([
  [FLAG_INTENT_CUE, INTENT_CUES],
  [FLAG_VENDOR_CUE, VENDOR_CUES],
  [FLAG_SERVICES_CUE, SERVICES_CUES],
  [FLAG_SETTLED_CUE, SETTLED_CUES],
  [FLAG_LEAVING_CUE, LEAVING_CUES],
  [PURCHASE_VERB, PURCHASE_VERBS],
]);
// Seller phrasings with a product name inside: "our Entra ID practice", "certified Dynamics 365
// partner", "authorised Okta reseller", "Salesforce partner of the year".
const SERVICES_WORDS = new Set(
  'practice partner partners reseller resellers consultant consultants consultancy consulting integrator implementer implementers'.split(
    ' ',
  ),
);
const SEEKING = new Set(
  'looking seeking seek select selecting selected hire hiring engage engaging need needs choose choosing find finding rfp evaluate evaluating shortlist shortlisting appoint appointing'.split(
    ' ',
  ),
);
const SERVICES_PATTERN =
  /\b(?:our(?: [a-z0-9]+){1,3} practice|(?:certified|accredited|official)(?: [a-z0-9]+){1,3} (?:partner|partners|reseller|resellers|consultants?|consultancy|integrator)|(?:authori[sz]ed|gold|premier|platinum|silver|elite|preferred)(?: [a-z0-9]+){0,3} (?:partner|partners|reseller|resellers|integrator)|partner of the year)\b/;
// Words of a job title that make it a role around a product ("Marketo Administrator").
const TOOL_ROLE_WORDS = new Set(
  'administrator admin administration developer architect engineer owner specialist consultant expert champion'.split(
    ' ',
  ),
);
const DEPARTMENT_LABELS = departmentLabels();
const MAX_DEPT_WORDS = Math.max(...DEPARTMENT_LABELS.map(([l]) => l.split(' ').length));
const DEPT_BY_LABEL = new Map(DEPARTMENT_LABELS);
/** The first department named in a word list ("to grow the Sales team") or null. */
function departmentIn(ws: readonly string[]): string | null {
  for (let i = 0; i < ws.length; i++)
    for (let n = Math.min(MAX_DEPT_WORDS, ws.length - i); n >= 1; n--) {
      const d = DEPT_BY_LABEL.get(ws.slice(i, i + n).join(' '));
      if (d) return d;
    }
  return null;
}

/**
 * Seller phrasings of a services firm with a product name inside ("our Entra ID practice", "certified
 * Dynamics 365 partner", "Okta reseller", "Workday consulting"): a services word right after a known
 * product, or one of the patterns above.
 */
function sellsServices(ws: readonly string[]): boolean {
  let any = false;
  for (let i = 1; i < ws.length; i++) {
    if (!SERVICES_WORDS.has(ws[i]!)) continue;
    any = true;
    for (let n = 1; n <= 3 && n <= i; n++) {
      if (toolKeysForAlias(ws.slice(i - n, i).join(' ')).length === 0) continue;
      // "we are looking for a Salesforce partner" is a buyer hiring one.
      const before = ws.slice(Math.max(0, i - n - 4), i - n);
      if (!before.some((x) => SEEKING.has(x))) return true;
    }
  }
  return any && SERVICES_PATTERN.test(ws.join(' '));
}

/** Whether a text names the company itself (its full or short name), before the name is stripped. */
function namesItself(text: string, name: string): boolean {
  if (name.length < 3) return false;
  if (text.includes(name)) return true;
  const short = name.replace(/[,.]?\s+(inc|llc|ltd|co|corp|group|gmbh|ag|plc|limited)\.?$/i, '');
  return short.length >= 3 && text.includes(short);
}

export function buildIndex(corpus: IntentCorpus): IntentIndex {
  const t0 = performance.now();
  const asOfDay = dayNumber(corpus.asOf);
  if (Number.isNaN(asOfDay)) throw new Error(`invalid as_of date '${corpus.asOf}'`);
  const n = corpus.companies.length;
  const companyIndex = new Map<string, number>();
  const industryIndex = new Map(INDUSTRIES.map((ind, i) => [ind.id, i]));
  const companyId: string[] = new Array(n);
  const name: string[] = new Array(n);
  const domain: string[] = new Array(n);
  const industry = new Uint8Array(n);
  const employees = new Uint32Array(n);
  const bucket = new Uint8Array(n);
  const location: string[] = new Array(n);
  const techKeys: string[][] = new Array(n);
  const industryBits = INDUSTRIES.map(() => new Bitset(n));
  const locationBits = new Map<string, Bitset>();
  const cityKeys = new Set<string>();
  const servicesFirm = new Uint8Array(n);
  const techBits = new Map<string, Bitset>();
  const domainSuffixes = new Map<string, number[]>();
  const techLabels = new Map<string, string>();

  for (let i = 0; i < n; i++) {
    const c = corpus.companies[i]!;
    companyIndex.set(c.company_id, i);
    companyId[i] = c.company_id;
    name[i] = c.name;
    const dom = normalizeDomain(c.domain);
    domain[i] = dom;
    const labels = dom.split('.');
    for (let k = 0; k + 2 <= labels.length; k++) {
      const suffix = labels.slice(k).join('.');
      const list = domainSuffixes.get(suffix);
      if (list) list.push(i);
      else domainSuffixes.set(suffix, [i]);
    }
    const ind = industryIndex.get(c.industry) ?? 0;
    if (!INDUSTRY_BY_ID.has(c.industry))
      throw new Error(`company ${c.company_id}: unknown industry ${c.industry}`);
    industry[i] = ind;
    industryBits[ind]!.set(i);
    employees[i] = c.employee_count;
    bucket[i] = SIZE_BUCKETS.indexOf(sizeBucket(c.employee_count));
    location[i] = formatLocation(c.city ?? '', c.region ?? '', c.country);
    if (c.city) cityKeys.add(normalizeLabel(c.city));
    if (c.description) {
      const dws = words(c.description);
      if ((cueFlags(dws) & FLAG_SERVICES_CUE) !== 0 || sellsServices(dws)) servicesFirm[i] = 1;
    }
    for (const key of locationKeys(c.city ?? '', c.region ?? '', c.country)) {
      let b = locationBits.get(key);
      if (!b) {
        b = new Bitset(n);
        locationBits.set(key, b);
      }
      b.set(i);
    }
    for (const t of c.technologies) {
      const key = technologyKey(t);
      if (!techLabels.has(key)) techLabels.set(key, normalizeLabel(t));
    }
    const keys = [...new Set(c.technologies.map(technologyKey))];
    techKeys[i] = keys;
    for (const key of keys) {
      let b = techBits.get(key);
      if (!b) {
        b = new Bitset(n);
        techBits.set(key, b);
      }
      b.set(i);
    }
  }

  // Contacts, stably grouped by company (corpus order within a company).
  const contactCounts = new Uint32Array(n + 1);
  const contactOwner: number[] = [];
  for (const ct of corpus.contacts) {
    const ci = companyIndex.get(ct.company_id);
    contactOwner.push(ci ?? -1);
    if (ci !== undefined) contactCounts[ci + 1]!++;
  }
  const contactStart = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) contactStart[i + 1] = contactStart[i]! + contactCounts[i + 1]!;
  const nContacts = contactStart[n]!;
  const fill = contactStart.slice(0, n);
  const contactName: string[] = new Array(nContacts);
  const contactTitle: string[] = new Array(nContacts);
  const contactEmail: (string | null)[] = new Array(nContacts);
  const contactPhone: (string | null)[] = new Array(nContacts);
  const contactTitleId = new Uint32Array(nContacts);
  const titleIds = new Map<string, number>();
  const titleNorms: string[] = [];
  corpus.contacts.forEach((ct, k) => {
    const ci = contactOwner[k]!;
    if (ci < 0) return;
    const pos = fill[ci]!++;
    contactName[pos] = ct.name;
    contactTitle[pos] = ct.title;
    const norm = ` ${normalizeTitle(ct.title)} `;
    let id = titleIds.get(norm);
    if (id === undefined) {
      id = titleNorms.push(norm) - 1;
      titleIds.set(norm, id);
    }
    contactTitleId[pos] = id;
    contactEmail[pos] = ct.email;
    contactPhone[pos] = ct.phone;
  });

  // Signals.
  const signals = corpus.signals.filter((s) => companyIndex.has(s.company_id));
  const m = signals.length;
  const signalCompany = new Uint32Array(m);
  const signalType = new Uint8Array(m);
  const signalDay = new Int32Array(m);
  const signalTextDay = new Int32Array(m);
  const signalFlags = new Uint8Array(m);
  const signalShape = new Uint8Array(m);
  const signalTitle: (string | null)[] = new Array(m);
  const signalText: string[] = new Array(m);
  const signalTech: (string | null)[] = new Array(m);
  const signalTechChange = new Int8Array(m);
  const signalAmount = new Float64Array(m);
  const signalRound: (string | null)[] = new Array(m);
  const signalGrowth = new Float32Array(m);
  const signalDepartment: (string | null)[] = new Array(m);
  const lastFunding = new Int32Array(n).fill(-1);
  const lastHiring = new Int32Array(n).fill(-1);
  const catTech = new Map<string, number[]>(CATEGORIES.map((c) => [c.id, []]));
  const catToolJobs = new Map<string, number[]>(CATEGORIES.map((c) => [c.id, []]));
  const deptTriggers = new Map<string, number[]>();
  const signalTechKeys: (string[] | null)[] = new Array(m).fill(null);
  const builder = new Bm25Builder();

  for (let s = 0; s < m; s++) {
    const sig = signals[s]!;
    const ci = companyIndex.get(sig.company_id)!;
    signalCompany[s] = ci;
    signalType[s] = TYPE_INDEX[sig.type];
    const day = dayNumber(sig.occurred_on);
    signalDay[s] = day;
    signalTitle[s] = sig.title;
    signalText[s] = sig.text;
    signalShape[s] =
      (!sig.title || !UNTIDY_SPACE.test(sig.title) ? TIDY_TITLE : 0) |
      (UNTIDY_SPACE.test(sig.text) ? 0 : TIDY_TEXT) |
      (SENTENCE_BREAK.test(sig.text) ? MANY_SENTENCES : 0);
    signalTech[s] = sig.tech;
    signalTechChange[s] = sig.tech_change === 'added' ? 1 : sig.tech_change === 'removed' ? -1 : 0;
    signalAmount[s] = sig.amount_usd ?? Number.NaN;
    signalRound[s] = sig.funding_round;
    signalGrowth[s] = sig.growth_pct ?? Number.NaN;
    signalDepartment[s] = sig.department;
    const cname = name[ci]!;
    const title = sig.title ? stripCompanyName(sig.title, cname) : null;
    const full = stripCompanyName(title ? `${title}. ${sig.text}` : sig.text, cname);
    const ws = words(full);
    let flags = cueFlags(ws);
    if ((flags & FLAG_SERVICES_CUE) === 0 && sellsServices(ws)) flags |= FLAG_SERVICES_CUE;
    if ((flags & PURCHASE_VERB) !== 0) {
      flags &= ~PURCHASE_VERB;
      if (sig.type === 'news' && !namesItself(`${sig.title ?? ''} ${sig.text}`, cname))
        flags |= FLAG_THIRD_PARTY;
    }
    signalFlags[s] = flags;
    signalTextDay[s] =
      sig.type === 'technology_change'
        ? -0x80000000
        : (flags & FLAG_NOT_BUYER) !== 0 && sig.type !== 'funding' && sig.type !== 'hiring'
          ? 0x7fffffff
          : day;
    // Unigrams plus adjacent-token bigrams ("help_desk"); title tokens count twice (a job title is the
    // strongest text in a job post).
    const tokens = withBigrams(tokensFromWords(ws));
    if (title) tokens.push(...withBigrams(tokenize(title)));
    builder.add(tokens);
    if (sig.type === 'technology_change' && sig.tech) {
      const keys = resolveTechnology(sig.tech);
      signalTechKeys[s] = keys;
      const cats = new Set(keys.flatMap((k) => TECHNOLOGIES.get(k)?.categories ?? []));
      for (const cat of cats) catTech.get(cat)?.push(s);
    }
    if (sig.type === 'job_post' && title && (flags & FLAG_NOT_BUYER) === 0) {
      const tws = words(title);
      if (tws.some((x) => TOOL_ROLE_WORDS.has(x))) {
        const cats = new Set(resolveTechnology(title).flatMap((k) => TECHNOLOGIES.get(k)?.categories ?? []));
        for (const cat of cats) catToolJobs.get(cat)?.push(s);
      }
    }
    if (sig.type === 'hiring' || sig.type === 'funding') {
      const dept = departmentOf(sig.department) ?? (sig.type === 'funding' ? departmentIn(ws) : null);
      if (dept) {
        const list = deptTriggers.get(dept);
        if (list) list.push(s);
        else deptTriggers.set(dept, [s]);
      }
    }
    if (sig.type === 'funding' && (lastFunding[ci]! < 0 || signalDay[lastFunding[ci]!]! < day))
      lastFunding[ci] = s;
    if (sig.type === 'hiring' && (lastHiring[ci]! < 0 || signalDay[lastHiring[ci]!]! < day))
      lastHiring[ci] = s;
  }
  const bm25 = builder.build();
  const dayOf = (s: number) => (s >= 0 ? signalDay[s]! : NO_DAY);
  const lastFundingDay = Int32Array.from(lastFunding, dayOf);
  const lastHiringDay = Int32Array.from(lastHiring, dayOf);
  // Newest first: ranking stops at the age past which a signal's decayed weight cannot count.
  const newestFirst = (ids: number[]) =>
    Uint32Array.from(ids).sort((a, b) => signalDay[b]! - signalDay[a]! || a - b);
  const categoryTechSignals = new Map([...catTech].map(([k, v]) => [k, newestFirst(v)]));
  const categoryToolJobSignals = new Map([...catToolJobs].map(([k, v]) => [k, newestFirst(v)]));
  const departmentTriggerSignals = new Map([...deptTriggers].map(([k, v]) => [k, newestFirst(v)]));

  return {
    asOfDay,
    asOf: corpus.asOf,
    nCompanies: n,
    companyId,
    name,
    domain,
    industry,
    employees,
    sizeBucket: bucket,
    location,
    techKeys,
    all: Bitset.full(n),
    industryBits,
    locationBits,
    cityKeys,
    servicesFirm,
    techBits,
    domainSuffixes,
    techLabels,
    titleBitsMemo: new Map(),
    contactStart,
    contactName,
    contactTitle,
    contactTitleId,
    titleNorms,
    contactEmail,
    contactPhone,
    nSignals: m,
    signalCompany,
    signalType,
    signalDay,
    signalTextDay,
    signalFlags,
    signalShape,
    signalTitle,
    signalText,
    signalTech,
    signalTechChange,
    signalAmount,
    signalRound,
    signalGrowth,
    signalDepartment,
    categoryTechSignals,
    signalTechKeys,
    categoryToolJobSignals,
    departmentTriggerSignals,
    lastFunding,
    lastHiring,
    lastFundingDay,
    lastHiringDay,
    bm25,
    stats: { buildMs: performance.now() - t0, bm25Bytes: bm25.memoryBytes() },
  };
}
