import type { Bitset } from '../bitset.js';
import type { WeightedTerm } from '../bm25.js';
import type { IntentIndex } from '../corpus-index.js';
import { IntentEngine, type IntentEngineOptions } from '../engine.js';
import { compileFilters, type IntentFilters, parseSizeTerm } from '../filters.js';
import { locationKeys } from '../geo.js';
import { INDUSTRIES, resolveIndustry } from '../industries.js';
import { type ParsedQuery, parsePrompt } from '../parser.js';
import { DEFAULT_SCORING, type Lead } from '../rank.js';
import type { TruthRecord } from '../seed/generate.js';
import { Rng } from '../seed/prng.js';
import { CATEGORY_BY_ID } from '../taxonomy.js';
import { normalizeDomain, normalizeLabel, withBigrams } from '../text.js';
import { normalizeTitle, titleMatches } from '../titles.js';
import type { IntentCorpus } from '../types.js';
import { mean, mrr, ndcgAt, pairedBootstrap, precisionAt, recallAt } from './metrics.js';
import { buildEvalQueries, type EvalQuery } from './queries.js';

// Offline evaluation of the ranker against baselines on a seeded corpus with hidden truth.
// Labels (per query, per company):
//   3 = active in market for the query's category and matches every prompt constraint
//   2 = active but misses a prompt constraint (soft mismatch), or early (weak timing) and matches
//   1 = fit only: not in market, matches the prompt constraints and the category's ICP (or early + mismatch)
//   0 = otherwise; vendors of the category are always 0
// Request filters are hard: only companies passing them are eligible (and in the ideal ranking).

export const LEAD_FIELDS = [
  'lead_id',
  'company_name',
  'domain',
  'industry',
  'company_size',
  'location',
  'score',
  'confidence',
  'contact_info',
  'intent_signals',
];
export const CONTACT_FIELDS = ['name', 'title', 'email', 'phone'];

export interface SystemResult {
  ids: number[];
  leads?: Lead[];
}

export interface QueryOutcome {
  id: string;
  split: 'dev' | 'test';
  variant: string;
  query: string;
  relevant: number;
  metrics: Record<string, { ndcg25: number; p25: number; r2000: number; mrr: number }>;
  recallByTemplate?: { dev: [number, number]; test: [number, number] };
  ms: number;
}

export interface EvalReport {
  corpus: { companies: number; signals: number; asOf: string };
  queries: QueryOutcome[];
  summary: Record<
    string,
    Record<string, { ndcg25: number; p25: number; r2000: number; mrr: number; n: number }>
  >;
  compliance: { checkedLeads: number; violations: string[]; excludedLeaks: number; sliceMismatches: number };
  ci: Record<string, [number, number]>;
  templateRecall: { devTemplates: number; testTemplates: number };
  msPerQuery: { p50: number; p95: number };
}

type Labeler = (c: number) => number;

function makeLabeler(index: IntentIndex, truth: Map<number, TruthRecord>, q: EvalQuery): Labeler {
  const cat = CATEGORY_BY_ID.get(q.category)!;
  const p = q.prompt;
  const indIds = index.industry;
  const INDS = INDUSTRY_ORDER;
  return (c) => {
    const t = truth.get(c);
    if (t?.vendor_of.includes(q.category)) return 0;
    const ind = INDS[indIds[c]!]!;
    const emp = index.employees[c]!;
    let promptOk = true;
    if (p.sizes.length > 0 && !p.sizes.some(([lo, hi]) => emp >= lo && emp <= hi)) promptOk = false;
    if (p.location && !index.locationBits.get(p.location)?.has(c)) promptOk = false;
    if (p.industries.length > 0 && !p.industries.includes(ind)) promptOk = false;
    if (p.notIndustries.includes(ind)) promptOk = false;
    const m = t?.in_market.find((x) => x.category === q.category);
    if (m?.stage === 'active') return promptOk ? 3 : 2;
    if (m?.stage === 'early') return promptOk ? 2 : 1;
    const icpOk =
      (cat.industries.length === 0 || cat.industries.includes(ind)) &&
      emp >= cat.minEmployees &&
      emp <= cat.maxEmployees;
    return promptOk && icpOk ? 1 : 0;
  };
}

const INDUSTRY_ORDER = INDUSTRIES.map((i) => i.id);

/** Plain BM25 baseline: sum of signal BM25 scores per eligible company. */
function bm25Baseline(index: IntentIndex, terms: WeightedTerm[], bits: Bitset, topN: number): number[] {
  const acc = new Float32Array(index.nSignals);
  const touched = new Uint32Array(index.nSignals);
  const n = index.bm25.accumulate(terms, acc, touched, 0, 1);
  const byCompany = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const s = touched[i]!;
    const c = index.signalCompany[s]!;
    if (!bits.has(c)) continue;
    byCompany.set(c, (byCompany.get(c) ?? 0) + acc[s]!);
  }
  return [...byCompany.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, topN)
    .map(([c]) => c);
}

function randomBaseline(bits: Bitset, seed: string, topN: number): number[] {
  const ids = [...bits.indexes()];
  const rng = new Rng(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, topN);
}

/** Checks one returned lead against the request filters using the raw corpus records. */
function checkLead(
  lead: Lead,
  corpus: IntentCorpus,
  byLeadId: Map<string, number>,
  contactsOf: Map<string, { title: string }[]>,
  filters: IntentFilters | undefined,
): string[] {
  const problems: string[] = [];
  const keys = Object.keys(lead);
  if (keys.length !== LEAD_FIELDS.length || LEAD_FIELDS.some((f) => !keys.includes(f)))
    problems.push('lead fields');
  if (Object.keys(lead.contact_info).sort().join() !== [...CONTACT_FIELDS].sort().join())
    problems.push('contact fields');
  const ci = byLeadId.get(lead.lead_id);
  if (ci === undefined) return [...problems, 'unknown lead'];
  const co = corpus.companies[ci]!;
  const f = filters ?? {};
  if (f.industries?.length && !f.industries.some((t) => resolveIndustry(t).includes(co.industry)))
    problems.push('industry');
  if (
    f.company_size?.length &&
    !f.company_size.some((t) => {
      const r = parseSizeTerm(t);
      return r !== null && co.employee_count >= r[0] && co.employee_count <= r[1];
    })
  )
    problems.push('company_size');
  const locs = f.location === undefined ? [] : Array.isArray(f.location) ? f.location : [f.location];
  if (locs.length > 0) {
    const keys2 = locationKeys(co.city ?? '', co.region ?? '', co.country);
    if (!locs.some((l) => keys2.includes(normalizeLabel(l)))) problems.push('location');
  }
  if (f.technologies?.length) {
    const stack = co.technologies.map(normalizeLabel);
    if (
      !f.technologies.some((t) =>
        stack.some((s) => s === normalizeLabel(t) || s.startsWith(`${normalizeLabel(t)} `)),
      )
    )
      problems.push('technologies');
  }
  if (f.job_titles?.length) {
    const titles = contactsOf.get(co.company_id) ?? [];
    const ok = f.job_titles.some((t) =>
      titles.some((c) => titleMatches(` ${normalizeTitle(c.title)} `, normalizeTitle(t))),
    );
    if (!ok) problems.push('job_titles');
    if (
      lead.contact_info.title &&
      !f.job_titles.some((t) =>
        titleMatches(` ${normalizeTitle(lead.contact_info.title!)} `, normalizeTitle(t)),
      )
    )
      problems.push('contact title');
  }
  if (f.exclude?.length) {
    const d = normalizeDomain(co.domain);
    if (f.exclude.some((x) => d === normalizeDomain(x) || d.endsWith(`.${normalizeDomain(x)}`)))
      problems.push('excluded domain');
  }
  if (lead.domain !== normalizeDomain(co.domain)) problems.push('domain');
  return problems;
}

export interface EvalOptions {
  corpus: IntentCorpus;
  truth: TruthRecord[];
  engine?: IntentEngine;
  topN?: number;
  ablations?: boolean;
  /** Skip the baselines and compliance checks (for parameter sweeps). */
  oursOnly?: boolean;
  split?: 'dev' | 'test';
  onProgress?: (done: number, total: number) => void;
}

export function runEvaluation(opts: EvalOptions): EvalReport {
  const topN = opts.topN ?? 2000;
  const engine = opts.engine ?? IntentEngine.fromCorpus(opts.corpus, { cacheEntries: 0 });
  const index = engine.index;
  const companyIdx = new Map(index.companyId.map((id, i) => [id, i]));
  const byLeadId = new Map(index.companyId.map((id, i) => [`lead_${id}`, i]));
  const truth = new Map<number, TruthRecord>();
  for (const t of opts.truth) {
    const c = companyIdx.get(t.company_id);
    if (c !== undefined) truth.set(c, t);
  }
  const contactsOf = new Map<string, { title: string }[]>();
  for (const ct of opts.corpus.contacts) {
    const list = contactsOf.get(ct.company_id) ?? [];
    list.push({ title: ct.title });
    contactsOf.set(ct.company_id, list);
  }
  const sliceEngine = opts.oursOnly ? engine : new IntentEngine(index, { cacheEntries: 16 });
  const variants: Record<string, IntentEngineOptions> = opts.ablations
    ? {
        'ours − decay': { scoring: { ...DEFAULT_SCORING, halfLifeDays: 1e9 } },
        'ours − vendor penalty': { scoring: { ...DEFAULT_SCORING, vendorPenalty: 0 } },
        'ours − fit': { scoring: { ...DEFAULT_SCORING, softMismatch: 1, icpBase: 1 } },
        'ours − intent cues': { scoring: { ...DEFAULT_SCORING, noCue: 1 } },
        'ours − corpus feedback': { feedback: false },
      }
    : {};
  const variantEngines = Object.entries(variants).map(
    ([name, options]) => [name, new IntentEngine(index, { cacheEntries: 0, ...options })] as const,
  );

  const queries = buildEvalQueries().filter((q) => !opts.split || q.split === opts.split);
  const outcomes: QueryOutcome[] = [];
  const violations: string[] = [];
  let checkedLeads = 0;
  let excludedLeaks = 0;
  let sliceMismatches = 0;
  const times: number[] = [];
  const tplRecall = { dev: [0, 0], test: [0, 0] };

  queries.forEach((q, qi) => {
    let filters = q.filters ? structuredClone(q.filters) : undefined;
    const label = makeLabeler(index, truth, q);
    if (q.excludeInMarket) {
      // Exclude a few companies that would otherwise be top answers (leak test).
      const eligible0 = compileFilters(index, filters).bits;
      const picks: string[] = [];
      for (const c of eligible0.indexes()) {
        if (label(c) === 3) picks.push(index.domain[c]!);
        if (picks.length >= (q.excludeInMarket ?? 0)) break;
      }
      filters = { ...(filters ?? {}), exclude: picks };
    }
    const compiled = compileFilters(index, filters);
    const labels = new Uint8Array(index.nCompanies);
    const ideal: number[] = [];
    let relevant = 0;
    for (const c of compiled.bits.indexes()) {
      const l = label(c);
      labels[c] = l;
      if (l > 0) ideal.push(l);
      if (l >= 2) relevant++;
    }
    const parsed: ParsedQuery = parsePrompt(q.query);
    const systems: Record<string, SystemResult> = {};

    const t0 = performance.now();
    const res = engine.querySync({ query: q.query, limit: topN, filters });
    times.push(performance.now() - t0);
    systems.ours = { ids: res.leads.map((l) => byLeadId.get(l.lead_id)!), leads: res.leads };
    if (!opts.oursOnly)
      systems['random (within filters)'] = { ids: randomBaseline(compiled.bits, `random:${q.id}`, topN) };
    const promptTerms = withBigrams([...parsed.promptTerms]).map((term) => ({ term, weight: 1 }));
    if (!opts.oursOnly)
      systems['BM25 (prompt only)'] = { ids: bm25Baseline(index, promptTerms, compiled.bits, topN) };
    if (!opts.oursOnly)
      systems['BM25 (taxonomy-expanded)'] = { ids: bm25Baseline(index, parsed.terms, compiled.bits, topN) };
    for (const [name, eng] of variantEngines) {
      systems[name] = {
        ids: eng
          .querySync({ query: q.query, limit: topN, filters })
          .leads.map((l) => byLeadId.get(l.lead_id)!),
      };
    }

    // Compliance of our leads, checked against raw records; one lead per company.
    const seen = new Set<string>();
    for (const lead of opts.oursOnly ? [] : res.leads) {
      checkedLeads++;
      const problems = checkLead(lead, opts.corpus, byLeadId, contactsOf, filters);
      if (seen.has(lead.lead_id)) problems.push('duplicate company');
      seen.add(lead.lead_id);
      if (problems.includes('excluded domain')) excludedLeaks++;
      if (problems.length > 0) violations.push(`${q.id} ${lead.lead_id}: ${problems.join(', ')}`);
    }
    // Slicing: K=25 from the cache must equal the first 25 of K=2000.
    if (!opts.oursOnly) {
      const big = sliceEngine.querySync({ query: q.query, limit: topN, filters }).leads.map((l) => l.lead_id);
      const small = sliceEngine.querySync({ query: q.query, limit: 25, filters }).leads.map((l) => l.lead_id);
      if (small.join() !== big.slice(0, 25).join()) sliceMismatches++;
    }

    const metrics: QueryOutcome['metrics'] = {};
    for (const [name, r] of Object.entries(systems)) {
      const ranked = r.ids.map((c) => labels[c]!);
      metrics[name] = {
        ndcg25: ndcgAt(ranked, ideal, 25),
        p25: precisionAt(ranked, 25),
        r2000: recallAt(ranked, relevant, topN),
        mrr: mrr(ranked),
      };
    }
    let recallByTemplate: QueryOutcome['recallByTemplate'];
    if (q.split === 'test') {
      const found = new Set(systems.ours!.ids);
      const rb = { dev: [0, 0] as [number, number], test: [0, 0] as [number, number] };
      for (const c of compiled.bits.indexes()) {
        if (labels[c]! < 2) continue;
        const tpl = truth.get(c)?.template_split ?? 'dev';
        rb[tpl][1]++;
        if (found.has(c)) rb[tpl][0]++;
      }
      recallByTemplate = rb;
      for (const k of ['dev', 'test'] as const) {
        tplRecall[k][0]! += rb[k][0];
        tplRecall[k][1]! += rb[k][1];
      }
    }
    outcomes.push({
      id: q.id,
      split: q.split,
      variant: q.variant,
      query: q.query,
      relevant,
      metrics,
      ...(recallByTemplate ? { recallByTemplate } : {}),
      ms: times[times.length - 1]!,
    });
    opts.onProgress?.(qi + 1, queries.length);
  });

  const summary: EvalReport['summary'] = {};
  for (const split of ['dev', 'test', 'all'] as const) {
    const qs = outcomes.filter((o) => split === 'all' || o.split === split);
    summary[split] = {};
    for (const name of Object.keys(qs[0]?.metrics ?? {})) {
      const ms = qs.map((o) => o.metrics[name]!);
      summary[split][name] = {
        ndcg25: mean(ms.map((m) => m.ndcg25)),
        p25: mean(ms.map((m) => m.p25)),
        r2000: mean(ms.map((m) => m.r2000)),
        mrr: mean(ms.map((m) => m.mrr)),
        n: qs.length,
      };
    }
  }
  const test = outcomes.filter((o) => o.split === 'test');
  const ci: Record<string, [number, number]> = {};
  for (const base of opts.oursOnly || test.length === 0
    ? []
    : ['BM25 (taxonomy-expanded)', 'BM25 (prompt only)', 'random (within filters)']) {
    ci[`ndcg25 ours − ${base}`] = pairedBootstrap(
      test.map((o) => o.metrics.ours!.ndcg25),
      test.map((o) => o.metrics[base]!.ndcg25),
    );
  }
  const sortedTimes = [...times].sort((a, b) => a - b);
  return {
    corpus: { companies: index.nCompanies, signals: index.nSignals, asOf: index.asOf },
    queries: outcomes,
    summary,
    compliance: { checkedLeads, violations, excludedLeaks, sliceMismatches },
    ci,
    templateRecall: {
      devTemplates: tplRecall.dev[1]! === 0 ? 0 : tplRecall.dev[0]! / tplRecall.dev[1]!,
      testTemplates: tplRecall.test[1]! === 0 ? 0 : tplRecall.test[0]! / tplRecall.test[1]!,
    },
    msPerQuery: {
      p50: sortedTimes[Math.floor(sortedTimes.length * 0.5)] ?? 0,
      p95: sortedTimes[Math.floor(sortedTimes.length * 0.95)] ?? 0,
    },
  };
}

/** Mean metrics of one system per query variant (the phenomena of this set), for a split. */
export function summaryByVariant(
  report: EvalReport,
  system = 'ours',
  split: 'dev' | 'test' | 'all' = 'test',
): Record<string, { n: number; ndcg25: number; p25: number; r2000: number }> {
  const out: Record<string, { n: number; ndcg25: number; p25: number; r2000: number }> = {};
  const qs = report.queries.filter((q) => split === 'all' || q.split === split);
  for (const v of [...new Set(qs.map((q) => q.variant))]) {
    const ms = qs.filter((q) => q.variant === v).map((q) => q.metrics[system]!);
    out[v] = {
      n: ms.length,
      ndcg25: mean(ms.map((m) => m.ndcg25)),
      p25: mean(ms.map((m) => m.p25)),
      r2000: mean(ms.map((m) => m.r2000)),
    };
  }
  return out;
}

export function formatReport(report: EvalReport, split: 'dev' | 'test' | 'all' = 'test'): string {
  const rows = Object.entries(report.summary[split] ?? {});
  const n = rows[0]?.[1].n ?? 0;
  const lines = [
    `Split: ${split} (${n} queries) — corpus ${report.corpus.companies} companies, ${report.corpus.signals} signals, as of ${report.corpus.asOf}`,
    '',
    '| system | nDCG@25 | P@25 | Recall@2000 | MRR |',
    '|---|---|---|---|---|',
    ...rows.map(
      ([name, m]) =>
        `| ${name} | ${m.ndcg25.toFixed(3)} | ${m.p25.toFixed(3)} | ${m.r2000.toFixed(3)} | ${m.mrr.toFixed(3)} |`,
    ),
  ];
  return lines.join('\n');
}
