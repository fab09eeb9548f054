import { describe, expect, it } from 'vitest';
import { parsePrompt } from '../../intent/parser.js';

describe('lexicon query parser', () => {
  it('reads the category, sizes and industries from the contract examples', () => {
    const q = parsePrompt('Find SaaS companies with 50-200 employees looking for customer support software');
    expect(q.categories[0]?.id).toBe('helpdesk');
    expect(q.sizes).toEqual([[50, 200]]);
    expect(q.industries).toEqual(['software']);
    expect(q.parser).toBe('lexicon');
    expect(q.terms.length).toBeGreaterThan(5);
  });

  it('reads locations and keeps category words out of the industry', () => {
    const q = parsePrompt(
      'Identify healthcare companies in Boston seeking electronic health records systems',
    );
    expect(q.categories[0]?.id).toBe('ehr');
    expect(q.locations).toEqual(['boston']);
    expect(q.industries).toContain('healthcare');
  });

  it('reads size phrasings', () => {
    expect(parsePrompt('CRM for companies with more than 1000 employees').sizes).toEqual([
      [1001, Number.MAX_SAFE_INTEGER],
    ]);
    expect(parsePrompt('CRM for firms with 1,000+ employees').sizes).toEqual([
      [1000, Number.MAX_SAFE_INTEGER],
    ]);
    expect(parsePrompt('CRM for companies with fewer than 50 employees').sizes).toEqual([[1, 49]]);
    expect(parsePrompt('CRM for companies between 10 and 20 staff').sizes).toEqual([[10, 20]]);
    expect(parsePrompt('CRM software for small businesses').sizes).toEqual([[1, 50]]);
    expect(parsePrompt('ERP for mid-market manufacturers').sizes).toEqual([[51, 1000]]);
  });

  it('reads negated industries, tools in use, titles and tools being replaced', () => {
    const q = parsePrompt('Companies replacing Zendesk in the United States, not in retail, reach the CTO');
    expect(q.categories[0]?.id).toBe('helpdesk');
    expect(q.locations).toEqual(['united states']);
    expect(q.excludedIndustries).toEqual(['retail']);
    expect(q.titles).toContain('chief technology officer');
    const u = parsePrompt('Manufacturers using SAP ECC that need a new warehouse management system');
    expect(u.categories[0]?.id).toBe('wms');
    expect(u.technologies).toEqual(['sapecc']);
  });

  it('falls back to token and bigram overlap when no synonym matches verbatim', () => {
    expect(parsePrompt('companies planning a data center exit').categories[0]?.id).toBe(
      'cloud_infrastructure',
    );
  });

  it('is deterministic', () => {
    const p = 'Find manufacturing companies using legacy ERP systems that need modernization';
    expect(JSON.stringify(parsePrompt(p))).toBe(JSON.stringify(parsePrompt(p)));
  });
});

describe('prompt wording sales people use (issue 15)', () => {
  it('reads plural and variant industry words', () => {
    expect(parsePrompt('fintechs looking for a new CRM').industries).toEqual(['fintech']);
    expect(parsePrompt('banks and insurers evaluating identity and access management').industries).toEqual([
      'banking',
      'insurance',
    ]);
    expect(parsePrompt('hospitals and health systems buying an EHR').industries).toEqual(['healthcare']);
    expect(parsePrompt('regional banks and credit unions that need a CRM').industries).toEqual(['banking']);
    expect(parsePrompt('biotechs and medtech companies that need an ERP').industries).toEqual([
      'pharma_biotech',
      'medical_devices',
    ]);
    expect(parsePrompt('utilities replacing their CMMS').industries).toEqual(['energy_utilities']);
  });

  it('takes the industry of the name over the sector of the same name', () => {
    expect(parsePrompt('healthcare organizations that need a CRM').industries).toEqual(['healthcare']);
  });

  it('reads departments as teams, not industries', () => {
    const q = parsePrompt('finance teams replacing their ERP');
    expect(q.categories[0]?.id).toBe('erp');
    expect(q.industries).toEqual([]);
    expect(q.departments).toEqual(['finance']);
    expect(parsePrompt('finance and accounting leaders who need spend management').industries).toEqual([]);
    expect(parsePrompt('our legal department needs contract management').industries).toEqual([]);
    expect(parsePrompt('head of finance at hospitals who need expense management').industries).toEqual([
      'healthcare',
    ]);
    // An industry written as one still is one.
    expect(parsePrompt('CRM for companies in finance').industries).toEqual([
      'fintech',
      'banking',
      'insurance',
    ]);
    expect(parsePrompt('legal firms looking for practice management').industries).toEqual(['legal']);
  });

  it('reads the incumbent tools the buyer is leaving', () => {
    const q = parsePrompt('marketing teams looking to replace Marketo or Pardot');
    expect(q.categories[0]?.id).toBe('marketing_automation');
    expect(q.incumbents).toEqual(['marketo', 'pardot']);
    expect(q.technologies).toEqual([]);
    expect(parsePrompt('Zendesk users who want to switch helpdesk').incumbents).toEqual(['zendesk']);
    expect(parsePrompt('companies migrating off Dynamics 365 to a new CRM').incumbents).toEqual([
      'microsoftdynamics365',
    ]);
    // A tool in use without a word of leaving stays a stack constraint.
    const u = parsePrompt('Manufacturers using SAP ECC that need a new warehouse management system');
    expect(u.incumbents).toEqual([]);
    expect(u.technologies).toEqual(['sapecc']);
    // An unknown product being left is kept as words to look for.
    expect(parsePrompt('teams moving off Acmeflow for their ERP').incumbentTerms).toEqual(['acmeflow']);
  });

  it('maps a prompt that only describes a pain to its category', () => {
    const q = parsePrompt('signed contracts scattered across inboxes and shared drives');
    expect(q.categories.map((c) => c.id)).toEqual(['clm']);
    expect(
      parsePrompt('reps tracking deals in spreadsheets with no pipeline visibility').categories[0]?.id,
    ).toBe('crm');
    expect(parsePrompt('too many passwords and former employees still have access').categories[0]?.id).toBe(
      'iam',
    );
  });

  it('reads more size and place phrasings', () => {
    expect(parsePrompt('ERP for companies with a few hundred employees').sizes).toEqual([[200, 999]]);
    expect(parsePrompt('helpdesk for companies with headcount over 500').sizes).toEqual([
      [501, Number.MAX_SAFE_INTEGER],
    ]);
    expect(parsePrompt('CRM for enterprise accounts').sizes).toEqual([[1001, Number.MAX_SAFE_INTEGER]]);
    expect(parsePrompt('Midwest manufacturers that need an ERP').locations).toEqual(['midwest']);
    expect(parsePrompt('CRM buyers in Nova Scotia').locations).toEqual(['nova scotia']);
  });
});
