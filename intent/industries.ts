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
    'saas;software as a service;software company;software companies;software firms;software businesses;software vendors;b2b software;enterprise software',
  ],
  ['it_services', 'IT Services', 'technology', 'it;it consulting;managed services;msp;systems integrator'],
  [
    'hardware',
    'Computer Hardware & Electronics',
    'technology',
    'electronics;semiconductors;hardware;networking equipment',
  ],
  ['telecommunications', 'Telecommunications', 'technology', 'telecom;telco;wireless;isp'],
  ['fintech', 'Fintech', 'finance', 'financial technology;payments company'],
  [
    'banking',
    'Banking & Financial Services',
    'finance',
    'financial services;bank;banks;credit union;lending;wealth management;asset management',
  ],
  ['insurance', 'Insurance', 'finance', 'insurer;insurtech;insurance carrier;insurance broker'],
  [
    'healthcare',
    'Healthcare Providers',
    'healthcare',
    'hospital;hospitals;health system;clinic;clinics;medical practice;health care',
  ],
  [
    'pharma_biotech',
    'Pharma & Biotech',
    'healthcare',
    'pharmaceutical;pharmaceuticals;biotech;biotechnology;life sciences',
  ],
  ['medical_devices', 'Medical Devices', 'healthcare', 'medtech;medical device;medical equipment'],
  [
    'manufacturing',
    'Manufacturing',
    'industrial',
    'manufacturer;manufacturers;industrial manufacturing;factory;factories',
  ],
  ['automotive', 'Automotive', 'industrial', 'auto;car maker;auto parts'],
  ['aerospace_defense', 'Aerospace & Defense', 'industrial', 'aerospace;defense;defence'],
  [
    'construction',
    'Construction',
    'industrial',
    'builder;contractor;contractors;engineering and construction',
  ],
  [
    'energy_utilities',
    'Energy & Utilities',
    'industrial',
    'energy;utilities;utility;oil and gas;renewables;solar',
  ],
  [
    'logistics',
    'Logistics & Transportation',
    'industrial',
    'logistics;transportation;trucking;freight;shipping;supply chain;3pl',
  ],
  ['retail', 'Retail', 'consumer', 'retailer;retailers;stores;brick and mortar'],
  [
    'ecommerce',
    'E-commerce',
    'consumer',
    'ecommerce;e commerce;online retail;d2c;dtc;direct to consumer;online store',
  ],
  ['consumer_goods', 'Consumer Goods', 'consumer', 'cpg;consumer packaged goods;fmcg;consumer products'],
  ['food_beverage', 'Food & Beverage', 'consumer', 'food;beverage;restaurants;restaurant;food and beverage'],
  ['hospitality', 'Hospitality & Travel', 'consumer', 'hotels;hotel;travel;tourism;hospitality'],
  ['real_estate', 'Real Estate', 'services', 'property management company;proptech;real estate;realtors'],
  [
    'professional_services',
    'Professional Services',
    'services',
    'consulting;consultancy;accounting firm;advisory',
  ],
  ['legal', 'Legal Services', 'services', 'law firm;law firms;legal'],
  [
    'marketing_advertising',
    'Marketing & Advertising',
    'services',
    'agency;agencies;marketing agency;advertising agency;ad agency',
  ],
  ['staffing', 'Staffing & Recruiting', 'services', 'staffing agency;recruiting firm;recruitment agency'],
  [
    'media',
    'Media & Entertainment',
    'services',
    'media;publishing;entertainment;broadcasting;gaming;media company',
  ],
  ['education', 'Education', 'public', 'edtech;schools;school;universities;university;higher education;k 12'],
  [
    'government',
    'Government & Public Sector',
    'public',
    'public sector;government agency;municipality;city government',
  ],
  ['nonprofit', 'Nonprofit', 'public', 'non profit;charity;charities;ngo;foundation'],
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

/** Normalised label -> industry ids it names (an industry, alias or whole sector). */
const LABEL_TO_IDS: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  const add = (label: string, id: string) => {
    const key = normalizeLabel(label);
    if (key === '') return;
    const list = m.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    m.set(key, list);
  };
  for (const ind of INDUSTRIES) {
    add(ind.id.replace(/_/g, ' '), ind.id);
    add(ind.name, ind.id);
    for (const a of ind.aliases) add(a, ind.id);
  }
  for (const [sector, names] of Object.entries(SECTOR_NAMES)) {
    for (const ind of INDUSTRIES.filter((i) => i.sector === sector)) {
      for (const n of names.split(';')) add(n, ind.id);
    }
  }
  return m;
})();

/** Industry ids a filter term names; [] when the term is unknown (so an unknown term matches nothing). */
export function resolveIndustry(term: string): string[] {
  return LABEL_TO_IDS.get(normalizeLabel(term)) ?? [];
}

// Labels that in a prompt often describe the product rather than the buyer ("help desk software",
// "legal billing"): the parser takes them as an industry only before a company noun ("software
// companies", "energy firms"). Request filters accept them as they are.
const PROMPT_AMBIGUOUS = new Set([
  'software',
  'it',
  'legal',
  'energy',
  'media',
  'security',
  'insurance',
  'payments',
  'auto',
]);

export function isAmbiguousIndustryLabel(label: string): boolean {
  return PROMPT_AMBIGUOUS.has(label);
}

/** All labels (normalised) for the prompt parser, longest first. */
export function industryLabels(): [label: string, ids: string[]][] {
  return [...LABEL_TO_IDS.entries()].sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
}
