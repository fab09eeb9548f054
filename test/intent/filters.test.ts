import { describe, expect, it } from 'vitest';
import { IntentEngine } from '../../intent/engine.js';
import { runEvaluation } from '../../intent/eval/run.js';
import { compileFilters, type IntentFilters } from '../../intent/filters.js';
import { seededCorpus } from './helpers.js';

const { corpus, truth } = seededCorpus(1500, 11);
const engine = IntentEngine.fromCorpus(corpus, { cacheEntries: 50 });
const byId = new Map(corpus.companies.map((c) => [`lead_${c.company_id}`, c]));

describe('hard filters', () => {
  it('returns only companies that pass every filter, and never an excluded domain', () => {
    const top = engine.querySync({ query: 'Find companies looking for CRM software', limit: 50 }).leads;
    const excluded = top.slice(0, 5).map((l) => l.domain);
    const cases: IntentFilters[] = [
      { industries: ['technology'] },
      { company_size: ['51-200', '201-1000'] },
      { location: 'United States' },
      { location: 'Austin, TX' },
      { technologies: ['salesforce', 'hubspot'] },
      { job_titles: ['CTO', 'VP Sales'] },
      { exclude: excluded },
      {
        industries: ['saas', 'finance'],
        company_size: ['11-50', '51-200'],
        location: 'California',
        exclude: excluded,
      },
    ];
    for (const filters of cases) {
      const res = engine.querySync({
        query: 'Find companies looking for CRM software',
        limit: 2000,
        filters,
      });
      for (const lead of res.leads) {
        const c = byId.get(lead.lead_id)!;
        expect(excluded.includes(lead.domain) && filters.exclude !== undefined).toBe(false);
        if (filters.company_size) expect(filters.company_size).toContain(lead.company_size);
        if (filters.location === 'United States') expect(c.country).toBe('US');
        if (filters.location === 'Austin, TX') expect(lead.location).toBe('Austin, TX');
        if (filters.location === 'California') expect(c.region).toBe('CA');
        if (filters.job_titles)
          expect(['Chief Technology Officer', 'CTO', 'VP Sales']).toContain(lead.contact_info.title);
      }
      expect(res.stats.eligible).toBe(compileFilters(engine.index, filters).eligible);
      expect(res.stats.total).toBeLessThanOrEqual(res.stats.eligible);
    }
  });

  it('matches size ranges on the exact employee count and rejects unknown values', () => {
    const f = compileFilters(engine.index, { company_size: ['10-50'] });
    for (const c of f.bits.indexes()) {
      expect(engine.index.employees[c]).toBeGreaterThanOrEqual(10);
      expect(engine.index.employees[c]).toBeLessThanOrEqual(50);
    }
    const unknown = compileFilters(engine.index, { industries: ['underwater basket weaving'] });
    expect(unknown.eligible).toBe(0);
    expect(unknown.warnings[0]).toMatch(/unknown industry/);
    expect(compileFilters(engine.index, { location: 'Atlantis' }).eligible).toBe(0);
  });

  it('excludes subdomains and URLs of an excluded domain', () => {
    const d = engine.index.domain[0]!;
    const f = compileFilters(engine.index, { exclude: [`https://www.${d}/pricing`] });
    expect(f.bits.has(0)).toBe(false);
    expect(f.eligible).toBe(engine.index.nCompanies - 1);
  });

  it('passes the evaluation compliance checks on a small corpus (100%, no leaks, K slices)', () => {
    const report = runEvaluation({
      corpus,
      truth,
      engine: IntentEngine.fromCorpus(corpus, { cacheEntries: 0 }),
      split: 'dev',
    });
    expect(report.compliance.violations).toEqual([]);
    expect(report.compliance.excludedLeaks).toBe(0);
    expect(report.compliance.sliceMismatches).toBe(0);
    expect(report.compliance.checkedLeads).toBeGreaterThan(1000);
    // The ranker beats BM25 on the dev split even on a small corpus.
    const s = report.summary.dev!;
    expect(s.ours!.ndcg25).toBeGreaterThan(s['BM25 (taxonomy-expanded)']!.ndcg25);
  });
});

describe('industry filter terms (issue 15)', () => {
  it('an industry id or name is exact: the sector of the same name does not widen it', () => {
    for (const term of ['healthcare', 'Healthcare Providers', 'health care']) {
      const f = compileFilters(engine.index, { industries: [term] });
      expect(f.eligible).toBeGreaterThan(0);
      for (const c of f.bits.indexes()) expect(corpus.companies[c]!.industry).toBe('healthcare');
    }
    const res = engine.querySync({
      query: 'Find companies looking for CRM software',
      limit: 2000,
      filters: { industries: ['healthcare'] },
    });
    for (const lead of res.leads) expect(byId.get(lead.lead_id)!.industry).toBe('healthcare');
  });

  it('a sector name with no industry of that name still names the sector', () => {
    const f = compileFilters(engine.index, { industries: ['technology'] });
    const seen = new Set([...f.bits.indexes()].map((c) => corpus.companies[c]!.industry));
    expect([...seen].sort()).toEqual(['hardware', 'it_services', 'software', 'telecommunications']);
  });
});
