import type { IntentFilters } from '../../filters.js';
import type { CompanyRecord, IntentCorpus } from '../../types.js';
import { mean, ndcgAt, precisionAt } from '../metrics.js';
import { EVIDENCE_KINDS, type EvidenceKind, type HeldoutTruth } from './generate.js';
import { HELDOUT_PROMPTS, type HeldoutPrompt, type Phenomenon } from './prompts.js';

// Evaluation on the held-out set. Labels come from the generator's truth and the prompt's stated
// constraints, checked on raw records; request filters are checked here too, independently of the
// ranker's filter code (industry ids exact, size buckets, country names).
//   3 = in market for the prompt's category, every stated constraint holds, and (incumbent prompts)
//       leaving one of the named products
//   1 = in market for the category but a stated constraint fails, or leaving another product
//   0 = otherwise (services firms, press, vendors, satisfied users, everyone else)

/** What the evaluation needs of an engine: the documented query call. */
export interface QueryEngine {
  querySync(input: { query: string; limit?: number; filters?: IntentFilters }): {
    leads: { lead_id: string; domain: string }[];
    /** The category the engine read from the prompt, when it says (its parse). */
    stats?: { parsed?: { categories: { id: string }[] } };
  };
}

export interface HeldoutQueryResult {
  id: string;
  phenomenon: Phenomenon;
  query: string;
  ndcg25: number;
  p25: number;
  /** Top-25 leads that are services firms or press outlets. */
  sellersTop25: number;
  returned25: number;
  violations: number;
  returned: number;
  ms: number;
  /** Whether the engine's first parsed category is the prompt's (undefined if it does not say). */
  categoryRead?: boolean;
}

export interface HeldoutReport {
  queries: HeldoutQueryResult[];
  byPhenomenon: Record<string, { n: number; ndcg25: number; p25: number }>;
  overall: { n: number; ndcg25: number; p25: number };
  /** Share of top-25 results that are services firms or press (all prompts). */
  sellerShareTop25: number;
  /** Recall@200 of in-market companies by the kind of evidence they show (plain prompts). */
  recall200ByEvidence: Record<EvidenceKind, number>;
  compliance: { checked: number; violations: number };
}

const SIZE_BUCKET: Record<string, [number, number]> = {
  '1-10': [1, 10],
  '11-50': [11, 50],
  '51-200': [51, 200],
  '201-1000': [201, 1000],
  '1000+': [1001, Number.MAX_SAFE_INTEGER],
};
const COUNTRY_BY_NAME: Record<string, string> = {
  'united states': 'US',
  canada: 'CA',
  'united kingdom': 'GB',
};

/** Independent check of the request filters this set uses. */
export function passesFilters(c: CompanyRecord, f: IntentFilters | undefined): boolean {
  if (!f) return true;
  if (f.industries?.length && !f.industries.includes(c.industry)) return false;
  if (
    f.company_size?.length &&
    !f.company_size.some((b) => {
      const r = SIZE_BUCKET[b];
      return r !== undefined && c.employee_count >= r[0] && c.employee_count <= r[1];
    })
  )
    return false;
  const locs = f.location === undefined ? [] : Array.isArray(f.location) ? f.location : [f.location];
  if (locs.length > 0 && !locs.some((l) => COUNTRY_BY_NAME[l.toLowerCase()] === c.country)) return false;
  if (f.exclude?.length && f.exclude.includes(c.domain)) return false;
  return true;
}

function constraintsHold(c: CompanyRecord, p: HeldoutPrompt): boolean {
  if (p.industries && !p.industries.includes(c.industry)) return false;
  if (p.sizes && !p.sizes.some(([lo, hi]) => c.employee_count >= lo && c.employee_count <= hi)) return false;
  const pl = p.place;
  if (pl) {
    if (pl.country && c.country !== pl.country) return false;
    if (pl.regions && !pl.regions.includes(c.region ?? '')) return false;
    if (pl.cities && !pl.cities.includes(c.city ?? '')) return false;
  }
  return true;
}

export function labelFor(c: CompanyRecord, t: HeldoutTruth | undefined, p: HeldoutPrompt): number {
  if (t?.role !== 'buyer') return 0;
  const m = t.market.find((x) => x.category === p.category);
  if (!m) return 0;
  if (!constraintsHold(c, p)) return 1;
  if (p.leaving && !(m.leaving && p.leaving.includes(m.leaving))) return 1;
  return 3;
}

export function evaluateHeldout(
  engine: QueryEngine,
  data: { corpus: IntentCorpus; truth: HeldoutTruth[] },
  prompts: HeldoutPrompt[] = HELDOUT_PROMPTS,
): HeldoutReport {
  const { corpus, truth } = data;
  const byLead = new Map(corpus.companies.map((c, i) => [`lead_${c.company_id}`, i]));
  const truthOf = new Map(truth.map((t) => [t.company_id, t]));
  const queries: HeldoutQueryResult[] = [];
  const recall: Record<string, [number, number]> = {};
  for (const k of EVIDENCE_KINDS) recall[k] = [0, 0];
  let checked = 0;
  let violations = 0;
  for (const p of prompts) {
    const labels = corpus.companies.map((c) => labelFor(c, truthOf.get(c.company_id), p));
    const eligible = corpus.companies.map((c) => passesFilters(c, p.filters));
    const ideal = labels.filter((l, i) => l > 0 && eligible[i]);
    const t0 = performance.now();
    const res = engine.querySync({
      query: p.query,
      limit: 2000,
      ...(p.filters ? { filters: p.filters } : {}),
    });
    const ms = performance.now() - t0;
    const ids = res.leads.map((l) => byLead.get(l.lead_id) ?? -1);
    let bad = 0;
    for (const i of ids) if (i < 0 || !eligible[i]) bad++;
    checked += ids.length;
    violations += bad;
    // A lead outside the filters earns nothing (and counts as a violation).
    const ranked = ids.map((i) => (i < 0 || !eligible[i] ? 0 : labels[i]!));
    let sellers = 0;
    for (const i of ids.slice(0, 25)) {
      const role = i < 0 ? 'buyer' : truthOf.get(corpus.companies[i]!.company_id)?.role;
      if (role === 'services' || role === 'press') sellers++;
    }
    if (p.phenomenon === 'plain') {
      const top = new Set(ids.slice(0, 200));
      corpus.companies.forEach((c, i) => {
        if (!eligible[i]) return;
        const m = truthOf.get(c.company_id)?.market.find((x) => x.category === p.category);
        if (!m || truthOf.get(c.company_id)?.role !== 'buyer') return;
        recall[m.evidence]![1]++;
        if (top.has(i)) recall[m.evidence]![0]++;
      });
    }
    queries.push({
      id: p.id,
      phenomenon: p.phenomenon,
      query: p.query,
      ndcg25: ndcgAt(ranked, ideal, 25),
      p25: precisionAt(ranked, 25, 3),
      sellersTop25: sellers,
      returned25: Math.min(25, ids.length),
      violations: bad,
      returned: ids.length,
      ms,
      ...(res.stats?.parsed ? { categoryRead: res.stats.parsed.categories[0]?.id === p.category } : {}),
    });
  }
  const byPhenomenon: HeldoutReport['byPhenomenon'] = {};
  for (const ph of [...new Set(queries.map((q) => q.phenomenon))]) {
    const qs = queries.filter((q) => q.phenomenon === ph);
    byPhenomenon[ph] = {
      n: qs.length,
      ndcg25: mean(qs.map((q) => q.ndcg25)),
      p25: mean(qs.map((q) => q.p25)),
    };
  }
  const sellerTotal = queries.reduce((a, q) => a + q.sellersTop25, 0);
  const top25Total = queries.reduce((a, q) => a + q.returned25, 0);
  const recall200ByEvidence = Object.fromEntries(
    EVIDENCE_KINDS.map((k) => [k, recall[k]![1] === 0 ? 0 : recall[k]![0] / recall[k]![1]]),
  ) as Record<EvidenceKind, number>;
  return {
    queries,
    byPhenomenon,
    overall: {
      n: queries.length,
      ndcg25: mean(queries.map((q) => q.ndcg25)),
      p25: mean(queries.map((q) => q.p25)),
    },
    sellerShareTop25: top25Total === 0 ? 0 : sellerTotal / top25Total,
    recall200ByEvidence,
    compliance: { checked, violations },
  };
}
