import { normalizeLabel } from './text.js';

// Industry taxonomy: ~30 industries grouped into sectors. A request filter term matches an industry
// by its id, display name, alias, or its sector (e.g. "technology" = every technology-sector industry).

export interface Industry {
  id: string;
  name: string;
  sector: string;
  aliases: string[];
}

const RAW: [id: string, name: string, sector: string, aliases: string][] = [
  [
    'software',
    'Software',
    'technology',
    'saas;software as a service;software company;software companies;software firms;software businesses;software vendors;b2b software;enterprise software;b2b saas;saas company;saas startup;software house;isv',
  ],
  [
    'it_services',
    'IT Services',
    'technology',
    'it;it consulting;managed services;msp;systems integrator;managed service provider;mssp;it services firm;it consultancy;it outsourcing',
  ],
  [
    'hardware',
    'Computer Hardware & Electronics',
    'technology',
    'electronics;semiconductors;semiconductor company;hardware;networking equipment;chipmaker;chip maker;electronics maker;hardware company',
  ],
  [
    'telecommunications',
    'Telecommunications',
    'technology',
    'telecom;telco;wireless;isp;telecom operator;mobile operator;wireless carrier;internet provider;internet service provider;cable operator',
  ],
  [
    'fintech',
    'Fintech',
    'finance',
    'financial technology;payments company;neobank;payments startup;fintech startup;fintech company;payment processor;crypto exchange;lending platform',
  ],
  [
    'banking',
    'Banking & Financial Services',
    'finance',
    'financial services;bank;banks;credit union;lending;lender;mortgage lender;wealth management;wealth manager;asset management;asset manager;community bank;regional bank;investment bank;investment firm;financial institution;brokerage firm;savings and loan',
  ],
  [
    'insurance',
    'Insurance',
    'finance',
    'insurer;insurtech;insurance carrier;insurance broker;insurance company;insurance agency;reinsurer',
  ],
  [
    'healthcare',
    'Healthcare Providers',
    'healthcare',
    'hospital;hospitals;health system;clinic;clinics;medical practice;health care;healthcare provider;care provider;physician group;medical group;dental practice;urgent care;home health;health network;hospital network;ambulatory surgery center;specialty practice;healthcare organization',
  ],
  [
    'pharma_biotech',
    'Pharma & Biotech',
    'healthcare',
    'pharmaceutical;pharmaceuticals;pharma;pharma company;biotech;biotechnology;life sciences;drugmaker;drug maker;biopharma;life science company',
  ],
  [
    'medical_devices',
    'Medical Devices',
    'healthcare',
    'medtech;medical device;medical equipment;medical device maker;device manufacturer;medical device company;diagnostics company',
  ],
  [
    'manufacturing',
    'Manufacturing',
    'industrial',
    'manufacturer;manufacturers;industrial manufacturing;factory;factories;fabricator;machine shop;industrial company;contract manufacturer',
  ],
  [
    'automotive',
    'Automotive',
    'industrial',
    'auto;car maker;carmaker;automaker;auto parts;auto supplier;automotive supplier;tier 1 supplier;dealership;dealer group',
  ],
  [
    'aerospace_defense',
    'Aerospace & Defense',
    'industrial',
    'aerospace;defense;defence;defense contractor;aerospace supplier',
  ],
  [
    'construction',
    'Construction',
    'industrial',
    'builder;contractor;contractors;engineering and construction;general contractor;homebuilder;home builder;construction firm;construction company;subcontractor',
  ],
  [
    'energy_utilities',
    'Energy & Utilities',
    'industrial',
    'energy;utilities;utility;oil and gas;renewables;solar;power company;electric utility;energy company;energy provider;water utility;oil company',
  ],
  [
    'logistics',
    'Logistics & Transportation',
    'industrial',
    'logistics;transportation;trucking;freight;shipping;supply chain;3pl;freight forwarder;trucking company;logistics provider;courier;distribution company;freight broker;shipper;carrier company',
  ],
  [
    'retail',
    'Retail',
    'consumer',
    'retailer;retailers;stores;brick and mortar;retail chain;grocer;grocery chain;department store;specialty retailer',
  ],
  [
    'ecommerce',
    'E-commerce',
    'consumer',
    'ecommerce;e commerce;online retail;online retailer;d2c;dtc;direct to consumer;online store;ecommerce brand;online brand;dtc brand;d2c brand;online marketplace',
  ],
  [
    'consumer_goods',
    'Consumer Goods',
    'consumer',
    'cpg;consumer packaged goods;fmcg;consumer products;consumer brand;cpg brand;cpg company',
  ],
  [
    'food_beverage',
    'Food & Beverage',
    'consumer',
    'food;beverage;restaurants;restaurant;food and beverage;restaurant chain;restaurant group;food producer;food manufacturer;brewery;beverage company;food company',
  ],
  [
    'hospitality',
    'Hospitality & Travel',
    'consumer',
    'hotels;hotel;travel;tourism;hospitality;hotel group;hotel chain;resort;travel company;travel agency',
  ],
  [
    'real_estate',
    'Real Estate',
    'services',
    'property management company;proptech;real estate;realtors;realtor;reit;property manager;landlord;property developer;real estate firm;real estate developer',
  ],
  [
    'professional_services',
    'Professional Services',
    'services',
    'consulting;consultancy;accounting firm;advisory;consulting firm;cpa firm;accountancy;advisory firm;management consultancy',
  ],
  ['legal', 'Legal Services', 'services', 'law firm;law firms;legal;law office;attorneys;legal practice'],
  [
    'marketing_advertising',
    'Marketing & Advertising',
    'services',
    'agency;agencies;marketing agency;advertising agency;ad agency;creative agency;digital agency;pr firm;media agency',
  ],
  [
    'staffing',
    'Staffing & Recruiting',
    'services',
    'staffing agency;recruiting firm;recruitment agency;staffing firm;staffing company;recruitment firm;executive search firm',
  ],
  [
    'media',
    'Media & Entertainment',
    'services',
    'media;publishing;entertainment;broadcasting;gaming;media company;publisher;broadcaster;streaming service;game studio;news organization',
  ],
  [
    'education',
    'Education',
    'public',
    'edtech;schools;school;universities;university;higher education;k 12;college;school district;community college',
  ],
  [
    'government',
    'Government & Public Sector',
    'public',
    'public sector;government agency;municipality;city government;local government;state agency;federal agency;county government;public agency',
  ],
  [
    'nonprofit',
    'Nonprofit',
    'public',
    'non profit;nonprofit;not for profit;charity;charities;ngo;foundation',
  ],
];

export const SECTOR_NAMES: Record<string, string> = {
  technology: 'technology;tech;information technology',
  finance: 'finance;financial sector',
  healthcare: 'healthcare;health care;healthcare sector',
  industrial: 'industrial;industrials',
  consumer: 'consumer',
  services: 'services;business services',
  public: 'public;public sector and education',
};

export const INDUSTRIES: Industry[] = RAW.map(([id, name, sector, aliases]) => ({
  id,
  name,
  sector,
  aliases: aliases.split(';').map((a) => a.trim()),
}));

export const INDUSTRY_BY_ID = new Map(INDUSTRIES.map((i) => [i.id, i]));

/** Normalised label -> industry ids, one map for industry ids / names / aliases, one for sectors. */
function labelMap(entries: [label: string, id: string][]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [label, id] of entries) {
    const key = normalizeLabel(label);
    if (key === '') continue;
    const list = m.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    m.set(key, list);
  }
  return m;
}

const INDUSTRY_LABELS = labelMap(
  INDUSTRIES.flatMap((ind) => [
    [ind.id.replace(/_/g, ' '), ind.id] as [string, string],
    [ind.name, ind.id] as [string, string],
    ...ind.aliases.map((a) => [a, ind.id] as [string, string]),
  ]),
);

const SECTOR_LABELS = labelMap(
  Object.entries(SECTOR_NAMES).flatMap(([sector, names]) =>
    INDUSTRIES.filter((i) => i.sector === sector).flatMap((ind) =>
      names.split(';').map((n) => [n, ind.id] as [string, string]),
    ),
  ),
);

/**
 * Industry ids a filter term names; [] when the term is unknown (so an unknown term matches nothing).
 * An industry's own id, name or alias wins over a sector of the same name: "healthcare" is the
 * healthcare providers industry only, never pharma or medical devices; "technology" (no industry of
 * that name) is the whole sector.
 */
export function resolveIndustry(term: string): string[] {
  const key = normalizeLabel(term);
  return INDUSTRY_LABELS.get(key) ?? SECTOR_LABELS.get(key) ?? [];
}

// Labels that in a prompt often describe the product rather than the buyer ("help desk software",
// "legal billing"): the parser takes them as an industry only before a company noun ("software
// companies", "energy firms"). Request filters accept them as they are.
const PROMPT_AMBIGUOUS = new Set([
  'software',
  'hardware',
  'it',
  'legal',
  'energy',
  'media',
  'security',
  'insurance',
  'payments',
  'auto',
  'finance',
  'shipping',
  'travel',
  'food',
  'advisory',
  'consulting',
  'publishing',
  'gaming',
  'entertainment',
]);

export function isAmbiguousIndustryLabel(label: string): boolean {
  return PROMPT_AMBIGUOUS.has(label);
}

/** All labels (normalised) for the prompt parser, longest first; industry labels win over sectors. */
export function industryLabels(): [label: string, ids: string[]][] {
  const all = new Map(SECTOR_LABELS);
  for (const [k, v] of INDUSTRY_LABELS) all.set(k, v);
  return [...all.entries()].sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
}
