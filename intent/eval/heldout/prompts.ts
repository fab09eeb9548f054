import type { IntentFilters } from '../../filters.js';
import { HELDOUT_CATEGORIES } from './world.js';

// Prompts of the held-out set, written the way sales people type them, each tagged with the
// phenomenon it tests and the constraints its labels use (checked on the raw company records, not
// through the ranker's parser or filters).

export type Phenomenon =
  | 'plain'
  | 'industry_variant'
  | 'department'
  | 'incumbent'
  | 'pain_only'
  | 'prompt_constraint'
  | 'filter'
  | 'wording';

export interface PlaceConstraint {
  country?: string;
  regions?: string[];
  cities?: string[];
}

export interface HeldoutPrompt {
  id: string;
  phenomenon: Phenomenon;
  category: string;
  query: string;
  /** Label constraints stated in the prompt: industries (ids), employee ranges, places. */
  industries?: string[];
  sizes?: [number, number][];
  place?: PlaceConstraint;
  /** Products the buyer should be leaving (incumbent prompts). */
  leaving?: string[];
  filters?: IntentFilters;
}

const MAX = Number.MAX_SAFE_INTEGER;
const MIDWEST = ['IL', 'IN', 'IA', 'KS', 'MI', 'MN', 'MO', 'NE', 'ND', 'OH', 'SD', 'WI'];

export const HELDOUT_PROMPTS: HeldoutPrompt[] = [
  // Plain: the category named in everyday words.
  { id: 'plain-crm', phenomenon: 'plain', category: 'crm', query: 'companies in the market for a new CRM' },
  {
    id: 'plain-ma',
    phenomenon: 'plain',
    category: 'marketing_automation',
    query: 'who is buying marketing automation right now',
  },
  { id: 'plain-erp', phenomenon: 'plain', category: 'erp', query: 'accounts shopping for an ERP' },
  {
    id: 'plain-helpdesk',
    phenomenon: 'plain',
    category: 'helpdesk',
    query: 'businesses that need a help desk for their customers',
  },
  { id: 'plain-iam', phenomenon: 'plain', category: 'iam', query: 'orgs rolling out single sign-on and MFA' },
  {
    id: 'plain-clm',
    phenomenon: 'plain',
    category: 'clm',
    query: 'teams evaluating contract management software',
  },
  { id: 'plain-hris', phenomenon: 'plain', category: 'hris', query: 'companies looking at HRIS vendors' },
  { id: 'plain-itsm', phenomenon: 'plain', category: 'itsm', query: 'IT service management buyers' },
  {
    id: 'plain-edr',
    phenomenon: 'plain',
    category: 'endpoint_security',
    query: 'prospects that need endpoint protection / EDR',
  },
  {
    id: 'plain-bi',
    phenomenon: 'plain',
    category: 'bi_analytics',
    query: 'who wants a business intelligence and dashboard tool',
  },
  {
    id: 'plain-expense',
    phenomenon: 'plain',
    category: 'expense_management',
    query: 'companies looking for expense management software',
  },
  {
    id: 'plain-ats',
    phenomenon: 'plain',
    category: 'ats',
    query: 'in-market accounts for an applicant tracking system',
  },

  // Plural and variant industry words.
  {
    id: 'ind-fintechs-crm',
    phenomenon: 'industry_variant',
    category: 'crm',
    query: 'fintechs shopping for a CRM',
    industries: ['fintech'],
  },
  {
    id: 'ind-banks-insurers-iam',
    phenomenon: 'industry_variant',
    category: 'iam',
    query: 'banks and insurers rolling out SSO',
    industries: ['banking', 'insurance'],
  },
  {
    id: 'ind-hospitals-hris',
    phenomenon: 'industry_variant',
    category: 'hris',
    query: 'hospitals looking at new HR software',
    industries: ['healthcare'],
  },
  {
    id: 'ind-manufacturers-erp',
    phenomenon: 'industry_variant',
    category: 'erp',
    query: 'manufacturers that need a new ERP',
    industries: ['manufacturing'],
  },
  {
    id: 'ind-lawfirms-clm',
    phenomenon: 'industry_variant',
    category: 'clm',
    query: 'law firms evaluating contract management',
    industries: ['legal'],
  },
  {
    id: 'ind-retailers-helpdesk',
    phenomenon: 'industry_variant',
    category: 'helpdesk',
    query: 'retailers in need of customer service software',
    industries: ['retail'],
  },
  {
    id: 'ind-universities-itsm',
    phenomenon: 'industry_variant',
    category: 'itsm',
    query: 'universities and colleges buying an ITSM tool',
    industries: ['education'],
  },
  {
    id: 'ind-3pls-bi',
    phenomenon: 'industry_variant',
    category: 'bi_analytics',
    query: 'trucking and logistics companies that want BI dashboards',
    industries: ['logistics'],
  },
  {
    id: 'ind-insurers-edr',
    phenomenon: 'industry_variant',
    category: 'endpoint_security',
    query: 'insurers hardening laptops with EDR',
    industries: ['insurance'],
  },

  // Departments are not industries.
  {
    id: 'dept-finance-erp',
    phenomenon: 'department',
    category: 'erp',
    query: 'finance teams replacing their ERP',
  },
  {
    id: 'dept-marketing-ma',
    phenomenon: 'department',
    category: 'marketing_automation',
    query: 'marketing departments that want better marketing automation',
  },
  {
    id: 'dept-legal-clm',
    phenomenon: 'department',
    category: 'clm',
    query: 'in-house legal teams that need a contract repository',
  },
  {
    id: 'dept-it-itsm',
    phenomenon: 'department',
    category: 'itsm',
    query: 'IT teams buried in tickets looking for an ITSM platform',
  },
  {
    id: 'dept-finance-expense',
    phenomenon: 'department',
    category: 'expense_management',
    query: 'finance leaders tired of chasing expense reports',
  },
  {
    id: 'dept-security-edr',
    phenomenon: 'department',
    category: 'endpoint_security',
    query: 'security teams upgrading their antivirus to EDR',
  },

  // Incumbent tools named in the prompt.
  {
    id: 'inc-marketo-pardot',
    phenomenon: 'incumbent',
    category: 'marketing_automation',
    query: 'marketing teams looking to replace Marketo or Pardot',
    leaving: ['Marketo', 'Pardot'],
  },
  {
    id: 'inc-zendesk',
    phenomenon: 'incumbent',
    category: 'helpdesk',
    query: 'support orgs moving off Zendesk',
    leaving: ['Zendesk'],
  },
  {
    id: 'inc-okta',
    phenomenon: 'incumbent',
    category: 'iam',
    query: 'companies replacing Okta',
    leaving: ['Okta'],
  },
  {
    id: 'inc-sap-ecc',
    phenomenon: 'incumbent',
    category: 'erp',
    query: 'companies migrating off SAP ECC',
    leaving: ['SAP ECC'],
  },
  {
    id: 'inc-salesforce',
    phenomenon: 'incumbent',
    category: 'crm',
    query: 'Salesforce customers unhappy enough to switch CRM',
    leaving: ['Salesforce'],
  },
  {
    id: 'inc-servicenow',
    phenomenon: 'incumbent',
    category: 'itsm',
    query: 'ServiceNow alternatives for IT service desks',
    leaving: ['ServiceNow'],
  },
  {
    id: 'inc-symantec-mcafee',
    phenomenon: 'incumbent',
    category: 'endpoint_security',
    query: 'teams ditching Symantec or McAfee',
    leaving: ['Symantec', 'McAfee'],
  },
  {
    id: 'inc-nutshell',
    phenomenon: 'incumbent',
    category: 'crm',
    query: 'sales teams that have outgrown Nutshell',
    leaving: ['Nutshell'],
  },
  {
    id: 'inc-taleo',
    phenomenon: 'incumbent',
    category: 'ats',
    query: 'recruiting teams leaving Taleo for a modern ATS',
    leaving: ['Taleo'],
  },

  // Pain only, no category words.
  {
    id: 'pain-clm',
    phenomenon: 'pain_only',
    category: 'clm',
    query: 'signed contracts scattered across inboxes and shared drives',
  },
  {
    id: 'pain-crm',
    phenomenon: 'pain_only',
    category: 'crm',
    query: 'sales reps keeping their deals in spreadsheets, no forecast visibility',
  },
  {
    id: 'pain-iam',
    phenomenon: 'pain_only',
    category: 'iam',
    query: 'employees juggling too many passwords and ex-staff who still have logins',
  },
  {
    id: 'pain-expense',
    phenomenon: 'pain_only',
    category: 'expense_management',
    query: 'receipts piling up and reimbursements that take weeks',
  },
  {
    id: 'pain-helpdesk',
    phenomenon: 'pain_only',
    category: 'helpdesk',
    query: 'customers waiting days for replies from a shared mailbox',
  },
  {
    id: 'pain-ats',
    phenomenon: 'pain_only',
    category: 'ats',
    query: 'hiring managers losing track of candidates and CVs in email',
  },

  // Constraints only in the prompt: size, place, industry.
  {
    id: 'con-erp-midwest-mid',
    phenomenon: 'prompt_constraint',
    category: 'erp',
    query: 'mid-sized Midwest companies (200-1000 employees) shopping for an ERP',
    sizes: [[200, 1000]],
    place: { country: 'US', regions: MIDWEST },
  },
  {
    id: 'con-helpdesk-uk-small',
    phenomenon: 'prompt_constraint',
    category: 'helpdesk',
    query: 'UK businesses under 50 staff looking for help desk software',
    sizes: [[1, 49]],
    place: { country: 'GB' },
  },
  {
    id: 'con-crm-canada',
    phenomenon: 'prompt_constraint',
    category: 'crm',
    query: 'Canadian companies buying a CRM',
    place: { country: 'CA' },
  },
  {
    id: 'con-iam-texas',
    phenomenon: 'prompt_constraint',
    category: 'iam',
    query: 'Texas-based orgs adding MFA and SSO',
    place: { country: 'US', regions: ['TX'] },
  },
  {
    id: 'con-hris-1000plus',
    phenomenon: 'prompt_constraint',
    category: 'hris',
    query: 'enterprises with 1,000+ employees replacing their HR system',
    sizes: [[1000, MAX]],
  },
  {
    id: 'con-clm-healthcare-ca',
    phenomenon: 'prompt_constraint',
    category: 'clm',
    query: 'healthcare providers in California that need contract management',
    industries: ['healthcare'],
    place: { country: 'US', regions: ['CA'] },
  },
  {
    id: 'con-bi-london',
    phenomenon: 'prompt_constraint',
    category: 'bi_analytics',
    query: 'London companies investing in business intelligence',
    place: { country: 'GB', cities: ['London'] },
  },
  {
    id: 'con-ats-software-small',
    phenomenon: 'prompt_constraint',
    category: 'ats',
    query: 'software companies with 11-200 employees that need an applicant tracking system',
    industries: ['software'],
    sizes: [[11, 200]],
  },
  {
    id: 'con-expense-ontario',
    phenomenon: 'prompt_constraint',
    category: 'expense_management',
    query: 'Ontario businesses looking for spend management',
    place: { country: 'CA', regions: ['ON'] },
  },
  {
    id: 'con-itsm-gov',
    phenomenon: 'prompt_constraint',
    category: 'itsm',
    query: 'government agencies modernising their IT service desk',
    industries: ['government'],
  },

  // Request filters (hard), exact industry ids.
  {
    id: 'flt-healthcare-crm',
    phenomenon: 'filter',
    category: 'crm',
    query: 'organisations in the market for a CRM',
    filters: { industries: ['healthcare'] },
  },
  {
    id: 'flt-healthcare-iam',
    phenomenon: 'filter',
    category: 'iam',
    query: 'who is buying identity and access management',
    filters: { industries: ['healthcare'] },
  },
  {
    id: 'flt-fin-ma',
    phenomenon: 'filter',
    category: 'marketing_automation',
    query: 'marketing automation buyers',
    filters: { industries: ['banking', 'insurance'], company_size: ['51-200', '201-1000'] },
  },
  {
    id: 'flt-ca-erp',
    phenomenon: 'filter',
    category: 'erp',
    query: 'companies that need a new ERP',
    filters: { location: 'Canada', industries: ['manufacturing', 'logistics'] },
  },
  {
    id: 'flt-uk-hris',
    phenomenon: 'filter',
    category: 'hris',
    query: 'companies looking at HR platforms',
    filters: { location: 'United Kingdom', company_size: ['11-50', '51-200'] },
  },
];

/**
 * The set's own words for each category, one prompt each ("companies that need a place to run our
 * sales opportunities"): how well the ranker reads category wording it was not written with. Kept
 * apart from HELDOUT_PROMPTS (its overall figures stay comparable across versions).
 */
export function wordingPrompts(): HeldoutPrompt[] {
  return HELDOUT_CATEGORIES.flatMap((c) =>
    [...c.thing.dev, ...c.thing.test].map((thing, i) => ({
      id: `wording-${c.id}-${i}`,
      phenomenon: 'wording' as const,
      category: c.id,
      query: `companies that need a ${thing}`,
    })),
  );
}
