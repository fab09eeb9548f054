import { describe, expect, it } from 'vitest';
import { DEFAULT_COST, queryCostUsd } from '../../intent/cost.js';
import { IntentEngine } from '../../intent/engine.js';
import { formatAgo } from '../../intent/rank.js';
import type { IntentCorpus } from '../../intent/types.js';
import { AS_OF, company, contact, signal } from './helpers.js';

const LEAD_FIELDS = [
  'company_name',
  'company_size',
  'confidence',
  'contact_info',
  'domain',
  'industry',
  'intent_signals',
  'lead_id',
  'location',
  'score',
];

function helpdeskJob(id: string, daysAgo: number) {
  return signal(id, 'job_post', daysAgo, {
    title: 'Support Operations Manager',
    text: 'We are hiring to evaluate and roll out a new help desk and ticketing system.',
  });
}

function corpus(): IntentCorpus {
  const companies = ['fresh', 'stale', 'many', 'one', 'vendor', 'none', 'bigco'].map((id) => company(id));
  companies[6] = company('bigco', { employee_count: 5000, industry: 'manufacturing' });
  // Background companies with everyday signals, so term statistics look like a real corpus.
  const filler = Array.from({ length: 60 }, (_, i) => company(`filler${i}`));
  const fillerSignals = filler.flatMap((c, i) => [
    signal(c.company_id, 'job_post', i * 7, {
      title: i % 2 ? 'Software Engineer' : 'Accountant',
      text: 'Join our growing team.',
    }),
    signal(c.company_id, 'news', i * 5, { title: 'Opens a new office', text: '' }),
  ]);
  return {
    asOf: AS_OF,
    companies: [...companies, ...filler],
    contacts: [
      contact('fresh', 0, 'CEO'),
      contact('fresh', 1, 'Head of Customer Support'),
      contact('many', 0, 'CTO'),
    ],
    signals: [
      helpdeskJob('fresh', 5),
      helpdeskJob('stale', 400),
      helpdeskJob('many', 30),
      signal('many', 'website_text', 20, {
        text: 'We are replacing Zendesk and evaluating a new customer support platform.',
      }),
      signal('many', 'technology_change', 25, {
        tech: 'Zendesk',
        tech_change: 'removed',
        text: 'Zendesk no longer detected',
      }),
      helpdeskJob('one', 30),
      signal('vendor', 'website_text', 5, {
        text: 'The leading provider of help desk and ticketing system software. Book a demo; trusted by 5,000 support teams.',
      }),
      signal('vendor', 'job_post', 5, {
        title: 'Account Executive, help desk',
        text: 'Sell our help desk ticketing system to support teams. Work with our customers.',
      }),
      signal('none', 'job_post', 3, { title: 'Accountant', text: 'Join our finance team.' }),
      helpdeskJob('bigco', 30),
      signal('fresh', 'funding', 40, {
        amount_usd: 12_000_000,
        funding_round: 'Series A',
        text: 'raised a round',
      }),
      ...fillerSignals,
    ],
  };
}

const QUERY = 'Find companies looking for help desk software';

describe('intent scoring', () => {
  const engine = IntentEngine.fromCorpus(corpus(), { cacheEntries: 10 });
  const res = engine.querySync({ query: QUERY, limit: 100 });
  const rank = (id: string) => res.leads.findIndex((l) => l.lead_id === `lead_${id}`);
  const score = (id: string) => res.leads.find((l) => l.lead_id === `lead_${id}`)?.score ?? 0;

  it('fresher evidence scores higher than the same evidence stale', () => {
    expect(score('fresh')).toBeGreaterThan(score('stale'));
  });

  it('more and broader evidence scores higher than one signal', () => {
    expect(score('many')).toBeGreaterThan(score('one'));
    expect(res.leads.find((l) => l.lead_id === 'lead_many')!.confidence).toBeGreaterThan(
      res.leads.find((l) => l.lead_id === 'lead_one')!.confidence,
    );
  });

  it('penalises vendors of the category', () => {
    expect(rank('vendor') === -1 || score('vendor') < score('one')).toBe(true);
  });

  it('returns companies without evidence never, and exactly the documented fields', () => {
    expect(rank('none')).toBe(-1);
    for (const lead of res.leads) {
      expect(Object.keys(lead).sort()).toEqual(LEAD_FIELDS);
      expect(Object.keys(lead.contact_info).sort()).toEqual(['email', 'name', 'phone', 'title']);
      expect(lead.score).toBeGreaterThan(0);
      expect(lead.score).toBeLessThanOrEqual(1);
      expect(lead.confidence).toBeGreaterThanOrEqual(0);
      expect(lead.confidence).toBeLessThanOrEqual(1);
    }
    expect(new Set(res.leads.map((l) => l.lead_id)).size).toBe(res.leads.length);
    expect(res.metadata.total_leads).toBe(res.leads.length);
  });

  it('explains scores from the evidence and picks the persona contact', () => {
    const fresh = res.leads.find((l) => l.lead_id === 'lead_fresh')!;
    expect(fresh.intent_signals[0]).toBe("Posted 'Support Operations Manager' job 5 days ago");
    expect(fresh.intent_signals).toContain('Raised $12M Series A 40 days ago');
    expect(fresh.contact_info.title).toBe('Head of Customer Support');
    const many = res.leads.find((l) => l.lead_id === 'lead_many')!;
    expect(many.intent_signals).toContain('Removed Zendesk from its tech stack 25 days ago');
    const none = res.leads.find((l) => l.lead_id === 'lead_one')!;
    expect(none.contact_info).toEqual({ name: null, title: null, email: null, phone: null });
  });

  it('keeps firmographic fit separate: a size in the prompt demotes but does not drop others', () => {
    // "one" and "bigco" have the same evidence; only bigco matches the size named in the prompt.
    expect(score('one')).toBeCloseTo(score('bigco'), 1);
    const r = engine.querySync({
      query: 'help desk software for companies with more than 1000 employees',
      limit: 10,
    });
    const ids = r.leads.map((l) => l.lead_id);
    expect(ids.indexOf('lead_bigco')).toBeLessThan(ids.indexOf('lead_one'));
    expect(ids).toContain('lead_one');
  });

  it('measures recency from the as-of parameter', () => {
    const later = engine.querySync({ query: QUERY, limit: 100 }, { asOf: '2027-03-01' });
    const fresh = later.leads.find((l) => l.lead_id === 'lead_fresh')!;
    expect(fresh.score).toBeLessThan(score('fresh'));
    expect(fresh.intent_signals[0]).toMatch(/months ago$/);
  });

  it('is deterministic and caches top lists by query + filters, counting real hits', () => {
    const e = IntentEngine.fromCorpus(corpus(), { cacheEntries: 10 });
    const a = e.querySync({ query: QUERY, limit: 3 });
    const b = e.querySync({ query: QUERY, limit: 100 });
    expect(a.stats.cacheHit).toBe(false);
    expect(b.stats.cacheHit).toBe(true);
    expect(b.leads.slice(0, 3)).toEqual(a.leads);
    expect(b.leads).toEqual(res.leads);
    expect(b.metadata.cache_hit_rate).toBe(0.5);
    const c = e.querySync({ query: QUERY, limit: 3, filters: { industries: ['software'] } });
    expect(c.stats.cacheHit).toBe(false);
    expect(e.cache.hits).toBe(1);
    expect(e.cache.lookups).toBe(3);
    expect(a.metadata.llm_calls).toBe(0);
    expect(a.metadata.query_processed).toBe(QUERY);
  });

  it('prices a query from measured CPU time and LLM tokens', () => {
    expect(queryCostUsd(10, { calls: 0, inputTokens: 0, outputTokens: 0 })).toBeCloseTo(
      10 * DEFAULT_COST.usdPerCpuMs,
      15,
    );
    expect(queryCostUsd(0, { calls: 1, inputTokens: 1_000_000, outputTokens: 0 })).toBeCloseTo(0.15, 10);
    expect(res.metadata.cost_usd).toBeGreaterThan(0);
    expect(res.metadata.cost_usd).toBeLessThan(0.0001);
    expect(res.stats.cpuMs).toBeGreaterThan(0);
  });

  it('formats ages', () => {
    expect(formatAgo(0)).toBe('today');
    expect(formatAgo(1)).toBe('1 day ago');
    expect(formatAgo(12)).toBe('12 days ago');
    expect(formatAgo(120)).toBe('4 months ago');
  });
});
