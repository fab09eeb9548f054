import { CITIES } from '../geo.js';
import { INDUSTRIES } from '../industries.js';
import { CATEGORIES, type Category } from '../taxonomy.js';
import type { CompanyRecord, ContactRecord, SignalRecord, SignalType } from '../types.js';
import { dayNumber, dayToDate, syntheticSignal } from '../types.js';
import { loadOrgNames, type OrgName, slugify, syntheticCompanyName, syntheticPerson } from './names.js';
import { Rng } from './prng.js';
import {
  BUYER_TEMPLATES,
  DEPARTMENTS,
  GENERIC_JOB_TEXT,
  GENERIC_JOBS,
  GENERIC_NEWS,
  GENERIC_WEBSITE,
  type Split,
  TRIGGERS,
  USER_TEMPLATES,
  VENDOR_TEMPLATES,
  WORLD,
  type WorldCategory,
} from './world.js';

// Deterministic synthetic corpus. Every company has a hidden latent state per product category:
//   active  - in market now (strength u in [0.4, 1]); emits 1-6 recent, category-specific signals
//   early   - starting to look (weak timing): one weak recent signal
//   past    - was in market 9-24 months ago and bought: stale signals only, incl. "added <tool>"
//   vendor  - sells the category: website / news / job text written like a seller
// The probability of each state depends on firmographics (the category's industries and size range,
// damped outside them). Every company also emits category-free noise, a few emit passive mentions of a
// category (satisfied users, decoys), and funding / headcount growth happen at a base rate too.
// Text comes from the world vocabulary (world.ts), in the company's template split (dev or test).
// The latent state is written only to the truth file; the ranker never reads it.

export interface SeedOptions {
  companies: number;
  seed: number;
  asOf: string;
  /** Use the committed real organisation names for ~4% of companies (default true). */
  realNames?: boolean;
}

export interface LatentCategory {
  category: string;
  stage: 'active' | 'early';
  strength: number;
}

export interface TruthRecord {
  company_id: string;
  template_split: Split;
  in_market: LatentCategory[];
  past: string[];
  vendor_of: string[];
}

export interface SeedSinks {
  row(record: Record<string, unknown>): void;
  truth(record: TruthRecord): void;
}

const INDUSTRY_WEIGHTS: Record<string, number> = {
  software: 12,
  it_services: 6,
  hardware: 2,
  telecommunications: 1.5,
  fintech: 2,
  banking: 3,
  insurance: 2,
  healthcare: 6,
  pharma_biotech: 2,
  medical_devices: 1.5,
  manufacturing: 9,
  automotive: 1.5,
  aerospace_defense: 0.8,
  construction: 5,
  energy_utilities: 1.5,
  logistics: 3.5,
  retail: 6,
  ecommerce: 4,
  consumer_goods: 3,
  food_beverage: 3.5,
  hospitality: 3,
  real_estate: 4,
  professional_services: 7,
  legal: 2,
  marketing_advertising: 3,
  staffing: 1.5,
  media: 2,
  education: 3,
  government: 1,
  nonprofit: 2,
};

const SIZE_MIX: [lo: number, hi: number, weight: number][] = [
  [1, 10, 35],
  [11, 50, 30],
  [51, 200, 20],
  [201, 1000, 10],
  [1001, 60000, 5],
];

const EXEC_TITLES = [
  'CEO',
  'Founder & CEO',
  'COO',
  'CFO',
  'CTO',
  'VP Engineering',
  'VP Sales',
  'VP Marketing',
  'Head of Operations',
  'IT Director',
  'HR Director',
  'Operations Manager',
  'Office Manager',
  'General Manager',
];

const ROUNDS = ['Seed', 'Series A', 'Series B', 'Series C', 'Growth round'];

const WORLD_BY_ID = new Map(WORLD.map((w) => [w.id, w]));

function icpAffinity(cat: Category, industry: string, employees: number): number {
  const ind = cat.industries.length === 0 || cat.industries.includes(industry) ? 1 : 0.2;
  const size = employees >= cat.minEmployees && employees <= cat.maxEmployees ? 1 : 0.3;
  return ind * size;
}

const ACRONYMS = new Set(
  'hr it vp ceo cto cfo coo cmo cio ciso cmio cro cdo soc sre bi crm erp iam ehr lms cx esg grc ar ap l&d sdr av ux'.split(
    ' ',
  ),
);

/** "hr director" -> "HR Director"; titles already capitalised are kept. */
function titleCase(title: string): string {
  if (title !== title.toLowerCase()) return title;
  return title
    .split(' ')
    .map((w) =>
      ACRONYMS.has(w)
        ? w.toUpperCase()
        : w === 'of' || w === 'and'
          ? w
          : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join(' ');
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}

function sectorOf(industry: string): string {
  return INDUSTRIES.find((i) => i.id === industry)?.sector ?? 'services';
}

/** Generates the corpus; rows go to `sinks.row` in import format, latent state to `sinks.truth`. */
export function generateCorpus(
  options: SeedOptions,
  sinks: SeedSinks,
): { companies: number; contacts: number; signals: number } {
  const asOfDay = dayNumber(options.asOf);
  if (Number.isNaN(asOfDay)) throw new Error(`invalid asOf ${options.asOf}`);
  const orgNames: OrgName[] = options.realNames === false ? [] : loadOrgNames();
  const industries = Object.keys(INDUSTRY_WEIGHTS);
  const industryWeights = industries.map((i) => INDUSTRY_WEIGHTS[i]!);
  const cityWeights = CITIES.map((c) => c.weight);
  const usedSlugs = new Set<string>();
  const categoryTools = new Map(CATEGORIES.map((c) => [c.id, c.tools]));
  const generalTech =
    'Google Workspace;Microsoft 365;Slack;Zoom;Google Analytics;Cloudflare;React;Node.js;PostgreSQL;AWS;GitHub;Figma;Zapier;Calendly;Dropbox;1Password;Loom;Miro;Airtable;Twilio'.split(
      ';',
    );
  let nContacts = 0;
  let nSignals = 0;
  let realIdx = 0;

  sinks.row({ kind: 'meta', as_of: options.asOf });

  for (let i = 0; i < options.companies; i++) {
    const rng = new Rng(`${options.seed}:company:${i}`);
    const companyId = `co_${String(i).padStart(7, '0')}`;
    const industry = rng.weighted(industries, industryWeights);
    const sector = sectorOf(industry);
    const [lo, hi] = rng.weighted(
      SIZE_MIX,
      SIZE_MIX.map((s) => s[2]),
    );
    const employees = hi <= 10 ? rng.int(lo, hi) : rng.logInt(lo, hi);
    let city = rng.weighted(CITIES, cityWeights);
    let name: string;
    let nameSource: string | null = null;
    if (orgNames.length > 0 && i % 25 === 7 && realIdx < orgNames.length) {
      const org = orgNames[realIdx++]!;
      name = org.name;
      nameSource = 'ieee-oui';
      const inCountry = CITIES.filter((c) => c.country === org.country);
      if (inCountry.length > 0)
        city = rng.weighted(
          inCountry,
          inCountry.map((c) => c.weight),
        );
    } else {
      name = syntheticCompanyName(rng, sector);
    }
    let slug = slugify(name) || `company-${i}`;
    if (usedSlugs.has(slug)) slug = `${slug}-${i.toString(36)}`;
    usedSlugs.add(slug);
    // A reserved TLD (RFC 2606): synthetic domains and emails can never reach a real organisation.
    const domain = `${slug}.example`;
    const split: Split = rng.chance(0.5) ? 'dev' : 'test';

    // Latent state.
    const inMarket: LatentCategory[] = [];
    const past: string[] = [];
    const vendorOf: string[] = [];
    for (const cat of CATEGORIES) {
      const aff = icpAffinity(cat, industry, employees);
      const r = rng.next();
      if (r < 0.012 * aff)
        inMarket.push({ category: cat.id, stage: 'active', strength: 0.4 + 0.6 * rng.next() });
      else if (r < 0.018 * aff)
        inMarket.push({ category: cat.id, stage: 'early', strength: 0.1 + 0.2 * rng.next() });
      else if (r < 0.03 * aff) past.push(cat.id);
    }
    if (industry === 'software' || industry === 'it_services') {
      const nVendor = rng.chance(0.3) ? 1 : 0;
      for (let k = 0; k < nVendor; k++) {
        const cat = rng.pick(CATEGORIES).id;
        if (!vendorOf.includes(cat) && !inMarket.some((m) => m.category === cat)) vendorOf.push(cat);
      }
    }

    // Stack: general tools plus some category tools (installed base).
    const stack = new Set<string>();
    for (let k = rng.int(2, 6); k > 0; k--) stack.add(rng.pick(generalTech));
    for (let k = rng.int(0, 3); k > 0; k--) {
      const cat = rng.pick(CATEGORIES);
      stack.add(rng.pick(cat.tools));
    }
    const legacyTool = new Map<string, string>();
    for (const m of inMarket) {
      const tool = rng.pick(categoryTools.get(m.category)!);
      legacyTool.set(m.category, tool);
      if (m.stage === 'active' && rng.chance(0.6)) stack.add(tool);
    }
    const boughtTool = new Map<string, string>();
    for (const cat of past) {
      const tool = rng.pick(categoryTools.get(cat)!);
      boughtTool.set(cat, tool);
      stack.add(tool);
    }

    const company: CompanyRecord = {
      company_id: companyId,
      name,
      domain,
      industry,
      employee_count: employees,
      city: city.name,
      region: city.region || null,
      country: city.country,
      technologies: [...stack].sort(),
      description: `${name}: ${INDUSTRIES.find((x) => x.id === industry)!.name} company based in ${city.name}.`,
      founded_year: 2024 - rng.logInt(1, 80),
      synthetic: true,
      name_source: nameSource,
    };
    sinks.row({ kind: 'company', ...company });

    // Contacts: executives plus buyer personas (some matching current in-market categories).
    const nCt = employees <= 10 ? rng.int(1, 2) : employees <= 50 ? rng.int(2, 3) : rng.int(3, 5);
    const titles: string[] = [];
    for (let k = 0; k < nCt; k++) {
      const m = inMarket[k];
      if (m && rng.chance(0.7)) titles.push(rng.pick(CATEGORIES.find((c) => c.id === m.category)!.personas));
      else if (rng.chance(0.55)) titles.push(rng.pick(EXEC_TITLES));
      else titles.push(rng.pick(rng.pick(CATEGORIES).personas));
    }
    const usedEmails = new Set<string>();
    titles.forEach((rawTitle, k) => {
      const person = syntheticPerson(rng);
      const title = titleCase(rawTitle);
      let local = `${person.first}.${person.last}`.toLowerCase();
      if (usedEmails.has(local)) local = `${local}${k}`;
      usedEmails.add(local);
      const contact: ContactRecord = {
        contact_id: `${companyId}-c${k}`,
        company_id: companyId,
        name: `${person.first} ${person.last}`,
        title,
        email: `${local}@${domain}`,
        phone: `+1-555-01${String(rng.int(0, 99)).padStart(2, '0')}`,
        synthetic: true,
      };
      sinks.row({ kind: 'contact', ...contact });
      nContacts++;
    });

    // Signals.
    let sk = 0;
    const emit = (type: SignalType, age: number, fields: Partial<SignalRecord>) => {
      const a = Math.max(0, Math.round(age));
      const sig = syntheticSignal(
        {
          signal_id: `${companyId}-s${sk++}`,
          company_id: companyId,
          type,
          occurred_on: dayToDate(asOfDay - a),
        },
        fields,
      );
      sinks.row({ kind: 'signal', ...sig });
      nSignals++;
    };
    const vars = (w: WorldCategory, tool: string): Record<string, string> => ({
      company: name,
      noun: rng.pick(w.nouns[split]),
      job: rng.pick(w.jobs[split]),
      tool,
      trigger: rng.pick(TRIGGERS),
      city: city.name,
    });
    const removed = new Set<string>();
    const buyerSignal = (catId: string, age: number, allowTech: boolean) => {
      const w = WORLD_BY_ID.get(catId)!;
      const cat = CATEGORIES.find((c) => c.id === catId)!;
      const tool = legacyTool.get(catId) ?? rng.pick(cat.tools);
      const v = vars(w, tool);
      const r = rng.next();
      if (r < 0.42) {
        emit('job_post', age, {
          title: v.job!,
          text: fill(rng.pick(BUYER_TEMPLATES.job[split]), v),
          department: cat.department,
          source: 'job_board',
        });
      } else if (r < 0.64) {
        emit('website_text', age, {
          text: fill(rng.pick(BUYER_TEMPLATES.website[split]), v),
          source: 'company_website',
        });
      } else if (r < 0.8) {
        emit('news', age, {
          title: fill(rng.pick(BUYER_TEMPLATES.news[split]), v),
          text: '',
          source: 'news',
        });
      } else if (r < 0.93 && allowTech && !removed.has(catId)) {
        removed.add(catId);
        emit('technology_change', age, {
          tech: tool,
          tech_change: 'removed',
          text: `${tool} no longer detected on ${domain}`,
          source: 'technographics',
        });
      } else {
        emit('hiring', age, {
          growth_pct: 10 + rng.int(0, 40),
          department: cat.department,
          text: `${cat.department} team headcount growing; new roles include ${v.job}`,
          source: 'headcount',
        });
      }
    };

    for (const m of inMarket) {
      if (m.stage === 'active') {
        const n = 1 + rng.poisson(2.5 * m.strength);
        for (let k = 0; k < n; k++)
          buyerSignal(m.category, Math.min(150, rng.exp(25 + 20 * (1 - m.strength))), true);
        if (rng.chance(0.35)) {
          if (rng.chance(0.5)) {
            emit('funding', rng.int(5, 150), {
              amount_usd: rng.logInt(1, 200) * 1_000_000,
              funding_round: rng.pick(ROUNDS),
              text: `${name} raised new funding to accelerate growth`,
              source: 'news',
            });
          } else {
            emit('hiring', rng.int(5, 150), {
              growth_pct: 15 + rng.int(0, 60),
              department: rng.pick(DEPARTMENTS),
              text: `${name} headcount grew over the last six months`,
              source: 'headcount',
            });
          }
        }
      } else {
        // Early: one weak, recent signal, often without buying language.
        const w = WORLD_BY_ID.get(m.category)!;
        const tool = legacyTool.get(m.category)!;
        if (rng.chance(0.5)) buyerSignal(m.category, rng.int(0, 60), false);
        else
          emit('website_text', rng.int(0, 60), {
            text: fill(rng.pick(USER_TEMPLATES), vars(w, tool)),
            source: 'company_website',
          });
      }
    }
    for (const catId of past) {
      const n = rng.int(1, 3);
      for (let k = 0; k < n; k++) buyerSignal(catId, rng.int(270, 720), false);
      emit('technology_change', rng.int(200, 420), {
        tech: boughtTool.get(catId)!,
        tech_change: 'added',
        text: `${boughtTool.get(catId)} detected on ${domain}`,
        source: 'technographics',
      });
    }
    for (const catId of vendorOf) {
      const w = WORLD_BY_ID.get(catId)!;
      const cat = CATEGORIES.find((c) => c.id === catId)!;
      const n = rng.int(2, 4);
      for (let k = 0; k < n; k++) {
        const v = vars(w, rng.pick(cat.tools));
        const r = rng.next();
        if (r < 0.55)
          emit('website_text', rng.int(0, 365), {
            text: fill(rng.pick(VENDOR_TEMPLATES[split]), v),
            source: 'company_website',
          });
        else if (r < 0.75)
          emit('news', rng.int(0, 365), {
            title: fill(rng.pick(VENDOR_TEMPLATES[split]), v).split('. ')[0]!,
            text: '',
            source: 'news',
          });
        else
          emit('job_post', rng.int(0, 120), {
            title: rng.chance(0.5) ? `Account Executive, ${v.noun}` : `Product Manager - ${v.noun}`,
            text: `Sell our ${v.noun} to mid-market customers. You will work with our customers and our platform team.`,
            department: 'Sales',
            source: 'job_board',
          });
      }
    }
    // Noise: category-free signals every company emits.
    const nNoise = 1 + rng.poisson(1.3);
    for (let k = 0; k < nNoise; k++) {
      const r = rng.next();
      const age = rng.int(0, 720);
      const v = {
        company: name,
        job: rng.pick(GENERIC_JOBS),
        city: rng.pick(CITIES).name,
        years: String(rng.int(5, 50)),
        industry: INDUSTRIES.find((x) => x.id === industry)!.name.toLowerCase(),
      };
      if (r < 0.5)
        emit('job_post', age, {
          title: v.job,
          text: fill(rng.pick(GENERIC_JOB_TEXT), v),
          source: 'job_board',
        });
      else if (r < 0.72)
        emit('news', age, { title: fill(rng.pick(GENERIC_NEWS), v), text: '', source: 'news' });
      else if (r < 0.87)
        emit('website_text', age, { text: fill(rng.pick(GENERIC_WEBSITE), v), source: 'company_website' });
      else {
        const tech = rng.pick(generalTech);
        emit('technology_change', age, {
          tech,
          tech_change: 'added',
          text: `${tech} detected on ${domain}`,
          source: 'technographics',
        });
      }
    }
    // Decoys: satisfied users mentioning a category (no buying intent).
    if (rng.chance(0.06)) {
      const cat = rng.pick(CATEGORIES);
      const w = WORLD_BY_ID.get(cat.id)!;
      emit('website_text', rng.int(0, 720), {
        text: fill(rng.pick(USER_TEMPLATES), vars(w, rng.pick(cat.tools))),
        source: 'company_website',
      });
    }
    // Base-rate timing events, unrelated to any category.
    if (rng.chance(0.06)) {
      emit('funding', rng.int(0, 720), {
        amount_usd: rng.logInt(1, 100) * 1_000_000,
        funding_round: rng.pick(ROUNDS),
        text: `${name} closed a funding round`,
        source: 'news',
      });
    }
    if (rng.chance(0.08)) {
      emit('hiring', rng.int(0, 720), {
        growth_pct: 5 + rng.int(0, 40),
        department: rng.pick(DEPARTMENTS),
        text: `${name} headcount grew`,
        source: 'headcount',
      });
    }

    sinks.truth({
      company_id: companyId,
      template_split: split,
      in_market: inMarket,
      past,
      vendor_of: vendorOf,
    });
  }
  return { companies: options.companies, contacts: nContacts, signals: nSignals };
}
