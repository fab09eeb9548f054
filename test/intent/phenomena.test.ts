import { describe, expect, it } from 'vitest';
import { IntentEngine } from '../../intent/engine.js';
import { evaluateHeldout, passesFilters } from '../../intent/eval/heldout/evaluate.js';
import { generateHeldout } from '../../intent/eval/heldout/generate.js';
import { INDUSTRY_IDS } from '../../intent/eval/heldout/world.js';
import { INDUSTRIES } from '../../intent/industries.js';
import type { CompanyRecord, IntentCorpus, SignalRecord } from '../../intent/types.js';
import { AS_OF, company, signal } from './helpers.js';

// Ranker-level tests for the failure modes of issue 15, on small hand-made corpora: each one ranks
// the company the prompt asks for above a distractor that the earlier ranker put first.

/** Background companies with everyday signals, so term statistics look like a real corpus. */
function filler(n = 80): { companies: CompanyRecord[]; signals: SignalRecord[] } {
  const companies = Array.from({ length: n }, (_, i) =>
    company(`filler${i}`, { industry: INDUSTRIES[i % INDUSTRIES.length]!.id }),
  );
  const signals = companies.flatMap((c, i) => [
    signal(c.company_id, 'job_post', (i * 7) % 300, {
      title: ['Software Engineer', 'Accountant', 'Store Manager', 'Nurse'][i % 4]!,
      text: 'Join our growing team. Great benefits and a friendly office.',
    }),
    signal(c.company_id, 'news', (i * 5) % 300, { title: 'Opens a new office downtown', text: '' }),
    signal(c.company_id, 'website_text', (i * 3) % 300, { text: 'We serve customers across the region.' }),
  ]);
  return { companies, signals };
}

function engineOf(companies: CompanyRecord[], signals: SignalRecord[]): IntentEngine {
  const f = filler();
  const corpus: IntentCorpus = {
    asOf: AS_OF,
    companies: [...companies, ...f.companies],
    contacts: [],
    signals: [...signals, ...f.signals],
  };
  return IntentEngine.fromCorpus(corpus, { cacheEntries: 0 });
}

const ids = (e: IntentEngine, query: string, filters?: Parameters<IntentEngine['querySync']>[0]['filters']) =>
  e.querySync({ query, limit: 50, ...(filters ? { filters } : {}) }).leads.map((l) => l.lead_id.slice(5));

const crmJob = (id: string, days = 10) =>
  signal(id, 'job_post', days, {
    title: 'CRM Program Lead',
    text: 'We are selecting a new CRM and will run vendor demos this quarter.',
  });

describe('issue 15: the ranker on each failure mode', () => {
  it('plural industry words narrow to the industry ("fintechs", "banks and insurers")', () => {
    const e = engineOf(
      [
        company('fin', { industry: 'fintech' }),
        company('bank', { industry: 'banking' }),
        company('ins', { industry: 'insurance' }),
        company('retail', { industry: 'retail' }),
      ],
      [crmJob('fin', 20), crmJob('bank', 20), crmJob('ins', 20), crmJob('retail', 2)],
    );
    expect(ids(e, 'fintechs shopping for a CRM')[0]).toBe('fin');
    const top = ids(e, 'banks and insurers that need a new CRM').slice(0, 2);
    expect(top.sort()).toEqual(['bank', 'ins']);
  });

  it('a department is not an industry ("finance teams replacing their ERP")', () => {
    const erpJob = (id: string, days: number) =>
      signal(id, 'job_post', days, {
        title: 'ERP Project Manager',
        text: 'Lead the replacement of our ERP system: vendor selection and implementation.',
      });
    const e = engineOf(
      [company('maker', { industry: 'manufacturing' }), company('bank', { industry: 'banking' })],
      [erpJob('maker', 3), erpJob('bank', 40)],
    );
    // The fresher buyer wins; a bank is not preferred because the prompt said "finance".
    expect(ids(e, 'finance teams replacing their ERP')[0]).toBe('maker');
  });

  it('favours companies leaving the named incumbent ("replace Marketo or Pardot")', () => {
    const e = engineOf(
      [company('marketo'), company('pardot'), company('mailchimp'), company('admin')],
      [
        signal('marketo', 'website_text', 30, {
          text: 'We are migrating off Marketo and evaluating a new marketing automation platform.',
        }),
        signal('pardot', 'technology_change', 40, {
          tech: 'Pardot',
          tech_change: 'removed',
          text: 'Pardot removed',
        }),
        signal('pardot', 'job_post', 40, {
          title: 'Marketing Operations Manager',
          text: 'Help us choose our next email nurture and marketing automation tool.',
        }),
        signal('mailchimp', 'website_text', 2, {
          text: 'We are replacing Mailchimp and evaluating a new marketing automation platform with lead scoring.',
        }),
        signal('mailchimp', 'job_post', 2, {
          title: 'Marketing Automation Specialist',
          text: 'Own the rollout of our new marketing automation platform.',
        }),
        // Runs Marketo and hires its admin: staying on it, not leaving.
        signal('admin', 'job_post', 2, {
          title: 'Marketo Administrator',
          text: 'Day to day owner of our Marketo instance.',
        }),
      ],
    );
    const top = ids(e, 'marketing teams looking to replace Marketo or Pardot');
    expect(top.slice(0, 2).sort()).toEqual(['marketo', 'pardot']);
    expect(top.indexOf('mailchimp')).toBeGreaterThan(1);
    expect(top.indexOf('admin')).toBeGreaterThan(1);
  });

  it('services firms and press about another company’s purchase do not rank as buyers', () => {
    const e = engineOf(
      [
        company('buyer'),
        company('practice', { industry: 'it_services' }),
        company('partner', { industry: 'it_services' }),
        company('reseller', { industry: 'it_services' }),
        company('press', { name: 'Daily Ledger', industry: 'media' }),
      ],
      [
        signal('buyer', 'job_post', 30, {
          title: 'Identity Engineer',
          text: 'We are rolling out single sign-on and MFA across the company and replacing our old identity provider.',
        }),
        signal('practice', 'website_text', 2, {
          text: 'Our Entra ID practice rolls out single sign-on and MFA for mid-market organisations.',
        }),
        signal('partner', 'website_text', 2, {
          text: 'As a certified Okta partner we implement single sign-on and MFA, from design to go-live.',
        }),
        signal('reseller', 'job_post', 2, {
          title: 'Identity Consultant',
          text: 'Deliver single sign-on and MFA implementations for our clients. Billable, travel to client sites.',
        }),
        signal('press', 'news', 2, {
          title: 'Globex selects Okta to roll out single sign-on and MFA',
          text: '',
        }),
      ],
    );
    const top = ids(e, 'companies rolling out single sign-on and MFA');
    expect(top[0]).toBe('buyer');
    for (const seller of ['practice', 'partner', 'reseller', 'press']) expect(top).not.toContain(seller);
  });

  it('a services firm named by its description or by "<product> reseller" is not a buyer; a buyer seeking a partner is', () => {
    const e = engineOf(
      [
        company('buyer'),
        company('described', {
          industry: 'it_services',
          description: 'Certified Workday partner: HR technology consulting services for mid-market clients.',
        }),
        company('reseller', { industry: 'it_services' }),
      ],
      [
        signal('buyer', 'website_text', 20, {
          text: 'We are looking for a Workday partner to help us replace our HR information system this year.',
        }),
        signal('described', 'job_post', 2, {
          title: 'HRIS Implementation Lead',
          text: 'Lead the rollout of a new HR information system and the migration of employee records.',
        }),
        signal('reseller', 'website_text', 2, {
          text: 'Workday reseller: licensing and rollout of a new HR information system.',
        }),
      ],
    );
    const top = ids(e, 'companies buying a new HR information system');
    expect(top[0]).toBe('buyer');
    expect(top).not.toContain('reseller');
    expect(top.indexOf('described')).toBeGreaterThan(0);
  });

  it('reads a place the gazetteer does not know from the corpus ("Leeds manufacturers")', () => {
    const e = engineOf(
      [
        company('leeds', { city: 'Leeds', region: null, country: 'GB', industry: 'manufacturing' }),
        company('austin', { industry: 'manufacturing' }),
      ],
      [crmJob('leeds', 60), crmJob('austin', 2)],
    );
    const res = e.querySync({ query: 'Leeds manufacturers buying a CRM', limit: 10 });
    expect(res.stats.parsed.locations).toEqual(['leeds']);
    expect(res.leads[0]?.lead_id).toBe('lead_leeds');
  });

  it('counts indirect evidence: a removed incumbent, a department hiring surge, an admin hire, a pain statement', () => {
    const e = engineOf(
      [company('removed'), company('surge'), company('admin'), company('pain'), company('noise')],
      [
        signal('removed', 'technology_change', 10, {
          tech: 'Zendesk Suite',
          tech_change: 'removed',
          text: '',
        }),
        signal('surge', 'hiring', 10, {
          department: 'Customer Service',
          growth_pct: 80,
          text: 'Customer service headcount doubled.',
        }),
        signal('admin', 'job_post', 10, { title: 'Freshdesk Administrator', text: 'Own our instance.' }),
        signal('pain', 'website_text', 10, {
          text: 'Customer emails pile up in a shared inbox and customers wait days for a reply.',
        }),
        signal('noise', 'hiring', 10, {
          department: 'Engineering',
          growth_pct: 80,
          text: 'Engineering grew.',
        }),
      ],
    );
    const top = ids(e, 'companies looking for customer support software');
    for (const id of ['removed', 'surge', 'admin', 'pain']) expect(top).toContain(id);
    expect(top).not.toContain('noise');
  });

  it('a prompt that only describes a pain ranks that category’s buyers', () => {
    const e = engineOf(
      [company('clm'), company('helpdesk')],
      [
        signal('clm', 'job_post', 20, {
          title: 'Legal Operations Manager',
          text: 'Bring in contract lifecycle management: one repository for agreements and renewals.',
        }),
        signal('helpdesk', 'job_post', 2, {
          title: 'Support Operations Manager',
          text: 'Replace our shared support inbox with a help desk and ticketing system.',
        }),
      ],
    );
    expect(ids(e, 'signed contracts scattered across inboxes and shared drives')[0]).toBe('clm');
  });

  it('constraints stated only in the prompt outrank stronger evidence that breaks them', () => {
    const e = engineOf(
      [
        company('ca', { city: 'Toronto', region: 'ON', country: 'CA' }),
        company('us', { city: 'Austin', region: 'TX', country: 'US' }),
        company('small', { employee_count: 30 }),
      ],
      [
        crmJob('ca', 60),
        crmJob('us', 2),
        signal('us', 'website_text', 2, { text: 'We are evaluating a new CRM this quarter.' }),
        crmJob('small', 2),
      ],
    );
    expect(ids(e, 'Canadian companies buying a CRM')[0]).toBe('ca');
    expect(ids(e, 'companies with 20-40 employees buying a CRM')[0]).toBe('small');
  });

  it('filters.industries ["healthcare"] returns healthcare providers only, never pharma or devices', () => {
    const e = engineOf(
      [
        company('clinic', { industry: 'healthcare' }),
        company('pharma', { industry: 'pharma_biotech' }),
        company('device', { industry: 'medical_devices' }),
      ],
      [crmJob('clinic', 50), crmJob('pharma', 2), crmJob('device', 2)],
    );
    expect(ids(e, 'companies buying a CRM', { industries: ['healthcare'] })).toEqual(['clinic']);
  });
});

describe('held-out evaluation set', () => {
  it('speaks the data model: its industry ids are the model’s, its rows are valid records', () => {
    expect([...INDUSTRY_IDS].sort()).toEqual(INDUSTRIES.map((i) => i.id).sort());
    const { corpus, truth } = generateHeldout({ companies: 300 });
    expect(corpus.companies).toHaveLength(300);
    expect(truth).toHaveLength(300);
    const ids = new Set(corpus.companies.map((c) => c.company_id));
    for (const s of corpus.signals) expect(ids.has(s.company_id)).toBe(true);
    // Deterministic for a seed.
    expect(JSON.stringify(generateHeldout({ companies: 50 }))).toBe(
      JSON.stringify(generateHeldout({ companies: 50 })),
    );
  });

  it('its filter check is independent and exact', () => {
    const c = company('x', { industry: 'pharma_biotech', country: 'CA', employee_count: 120 });
    expect(passesFilters(c, { industries: ['healthcare'] })).toBe(false);
    expect(
      passesFilters(c, { industries: ['pharma_biotech'], location: 'Canada', company_size: ['51-200'] }),
    ).toBe(true);
  });

  it('keeps services firms and press under 2% of the top 25 and every lead inside its filters', () => {
    const data = generateHeldout({ companies: 3000 });
    const report = evaluateHeldout(IntentEngine.fromCorpus(data.corpus, { cacheEntries: 0 }), data);
    expect(report.compliance.checked).toBeGreaterThan(1000);
    expect(report.compliance.violations).toBe(0);
    expect(report.sellerShareTop25).toBeLessThan(0.02);
  });
});
