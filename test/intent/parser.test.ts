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
