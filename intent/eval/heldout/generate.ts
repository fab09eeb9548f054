import type { CompanyRecord, ContactRecord, IntentCorpus, SignalRecord } from '../../types.js';
import { syntheticSignal } from '../../types.js';
import {
  BUYER,
  type Half,
  HELDOUT_CATEGORIES,
  type HeldoutCategory,
  INDIRECT,
  INDUSTRY_IDS,
  LEAVING,
  NAME_PARTS,
  NOISE,
  PLACES,
  type Pool,
  PRESS,
  SATISFIED,
  SERVICES,
  VENDOR,
} from './world.js';

// Generator of the held-out evaluation corpus: companies, contacts and dated signals in the import
// data model, plus the hidden truth the labels come from. Its own PRNG and vocabulary (world.ts);
// nothing from the ranker or the seed generator. Deterministic for a seed.
//
// Each ordinary company may be in market for a category (5 % per category), and shows it by exactly
// one kind of evidence:
//   explicit  - job posts / website / news that name the category in its own words
//   leaving   - text about leaving a named product (and that product in its stack, or removed)
//   removed   - only a technology change: a product of the category removed from its stack
//   trigger   - only growth of the category's department (headcount) or funding earmarked for it
//   admin     - only a job post for an administrator of a product of the category
//   pain      - only a statement of the problem, without the category's words
// Distractors: services firms that sell the category (partners, consultancies, resellers), press
// about another company's purchase, software vendors of the category, satisfied users, and noise.

export type EvidenceKind = 'explicit' | 'leaving' | 'removed' | 'trigger' | 'admin' | 'pain';
export const EVIDENCE_KINDS: EvidenceKind[] = ['explicit', 'leaving', 'removed', 'trigger', 'admin', 'pain'];

export interface HeldoutTruth {
  company_id: string;
  role: 'buyer' | 'services' | 'press' | 'vendor';
  half: Half;
  market: { category: string; evidence: EvidenceKind; leaving: string | null }[];
  satisfied: string[];
  /** Categories a services firm, press outlet or vendor talks about as a seller or reporter. */
  sells: string[];
}

export interface HeldoutData {
  corpus: IntentCorpus;
  truth: HeldoutTruth[];
}

/** mulberry32 over a string seed. */
class Random {
  private s: number;
  constructor(seed: string) {
    let h = 2166136261;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
    this.s = h >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  weighted<T>(xs: readonly T[], w: (x: T) => number): T {
    const total = xs.reduce((a, x) => a + w(x), 0);
    let r = this.next() * total;
    for (const x of xs) {
      r -= w(x);
      if (r <= 0) return x;
    }
    return xs[xs.length - 1]!;
  }
}

const SIZE_MIX: [lo: number, hi: number, share: number][] = [
  [1, 10, 0.3],
  [11, 50, 0.3],
  [51, 200, 0.2],
  [201, 1000, 0.13],
  [1001, 20000, 0.07],
];

const CONTACT_TITLES = [
  'Chief Executive Officer',
  'Chief Financial Officer',
  'VP of Sales',
  'Head of Marketing',
  'IT Manager',
  'Director of Operations',
  'HR Manager',
  'General Counsel',
  'Head of Customer Service',
  'Security Lead',
  'Controller',
  'Talent Acquisition Lead',
];
const GIVEN =
  'Avery Blake Casey Devon Emerson Finley Harper Jordan Kendall Logan Morgan Parker Quinn Reese Rowan Sawyer Taylor'.split(
    ' ',
  );
const FAMILY =
  'Abbott Barrow Calder Dunn Ellery Frost Garland Hale Ives Jessop Kerr Lowell Marsh Nolan Orr Pryce Quill Rook'.split(
    ' ',
  );
const ROUNDS = ['Series A', 'Series B', 'Series C', 'growth round', 'seed round'];
const OTHER_COMPANIES =
  'Globex Initech Umbrella Corp Hooli Vandelay Industries Stark Freight Wayne Health Tyrell Insurance Soylent Foods Acme Retail Cyberdyne Logistics'.split(
    ' ',
  );
const DEPARTMENTS = [
  'Sales',
  'Marketing',
  'Finance',
  'IT',
  'Engineering',
  'Operations',
  'Customer Service',
  'Legal',
  'Human Resources',
  'Security',
  'Data',
  'Talent Acquisition',
];

function fill(template: string, v: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? `{${k}}`);
}

export function generateHeldout(
  options: { companies?: number; seed?: number; asOf?: string } = {},
): HeldoutData {
  const n = options.companies ?? 8000;
  const seed = options.seed ?? 20261015;
  const asOf = options.asOf ?? '2026-10-15';
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const dateAgo = (days: number) => new Date(asOfMs - days * 86_400_000).toISOString().slice(0, 10);
  const corpus: IntentCorpus = { asOf, companies: [], contacts: [], signals: [] };
  const truth: HeldoutTruth[] = [];
  const usedNames = new Set<string>();

  for (let i = 0; i < n; i++) {
    const rng = new Random(`heldout:${seed}:${i}`);
    const id = `h${String(i).padStart(5, '0')}`;
    const roll = rng.next();
    const role: HeldoutTruth['role'] =
      roll < 0.04 ? 'services' : roll < 0.06 ? 'press' : roll < 0.08 ? 'vendor' : 'buyer';
    const industry =
      role === 'services'
        ? rng.pick(['it_services', 'professional_services', 'it_services'])
        : role === 'press'
          ? rng.pick(['media', 'marketing_advertising'])
          : role === 'vendor'
            ? 'software'
            : rng.pick(INDUSTRY_IDS);
    const [lo, hi] = rng.weighted(SIZE_MIX, (s) => s[2]);
    const employees = Math.max(
      lo,
      Math.min(hi, Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi + 1) - Math.log(lo))))),
    );
    const place = rng.weighted(PLACES, (p) => p.weight);
    let name = `${rng.pick(NAME_PARTS.first)} ${rng.pick(NAME_PARTS.second)}`;
    if (usedNames.has(name)) name = `${name} ${i}`;
    usedNames.add(name);
    const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
    const half: Half = rng.chance(0.5) ? 'dev' : 'test';
    const stack = new Set<string>();
    for (let k = rng.int(1, 4); k > 0; k--) stack.add(rng.pick(NOISE.tools));
    const t: HeldoutTruth = { company_id: id, role, half, market: [], satisfied: [], sells: [] };
    const signals: SignalRecord[] = [];
    let sn = 0;
    const add = (s: Partial<SignalRecord> & Pick<SignalRecord, 'type' | 'text'>, daysAgo: number) =>
      signals.push(
        syntheticSignal(
          {
            signal_id: `${id}-s${sn++}`,
            company_id: id,
            type: s.type,
            occurred_on: dateAgo(Math.max(0, Math.round(daysAgo))),
          },
          s,
        ),
      );
    const say = (p: Pool) => rng.pick(p[half]);
    const vars = (cat: HeldoutCategory, product = rng.pick(cat.products)) => ({
      thing: rng.pick(cat.thing[half]),
      product,
      team: cat.department,
      co: name,
      other: rng.pick(OTHER_COMPANIES),
    });

    if (role === 'buyer') {
      for (const cat of HELDOUT_CATEGORIES) {
        const r = rng.next();
        if (r < 0.03) {
          const evidence = rng.weighted(
            [
              ['explicit', 0.34],
              ['leaving', 0.22],
              ['removed', 0.1],
              ['trigger', 0.1],
              ['admin', 0.1],
              ['pain', 0.14],
            ] as [EvidenceKind, number][],
            (x) => x[1],
          )[0];
          const product = rng.pick(cat.products);
          const v = vars(cat, product);
          const recent = () => rng.int(2, 80);
          let leaving: string | null = null;
          switch (evidence) {
            case 'explicit': {
              const kinds = rng.int(1, 3);
              for (let k = 0; k < kinds; k++) {
                const type = rng.pick(['job_post', 'website_text', 'news'] as const);
                if (type === 'job_post')
                  add(
                    {
                      type,
                      title: fill(say(BUYER.jobTitle), v),
                      text: fill(say(BUYER.job), v),
                      department: cat.department,
                    },
                    recent(),
                  );
                else if (type === 'website_text') add({ type, text: fill(say(BUYER.website), v) }, recent());
                else add({ type, title: fill(say(BUYER.news), v), text: '' }, recent());
              }
              if (rng.chance(0.3)) stack.add(product);
              break;
            }
            case 'leaving': {
              leaving = product;
              const type = rng.pick(['job_post', 'website_text', 'news'] as const);
              if (type === 'job_post')
                add(
                  {
                    type,
                    title: fill(say(BUYER.jobTitle), v),
                    text: fill(say(LEAVING.job), v),
                    department: cat.department,
                  },
                  recent(),
                );
              else if (type === 'website_text') add({ type, text: fill(say(LEAVING.website), v) }, recent());
              else add({ type, title: fill(say(LEAVING.news), v), text: '' }, recent());
              if (rng.chance(0.4))
                add(
                  {
                    type: 'technology_change',
                    text: `${product} removed`,
                    tech: product,
                    tech_change: 'removed',
                  },
                  recent(),
                );
              else stack.add(product);
              break;
            }
            case 'removed':
              leaving = product;
              add(
                {
                  type: 'technology_change',
                  text: `${product} removed`,
                  tech: product,
                  tech_change: 'removed',
                },
                recent(),
              );
              break;
            case 'trigger':
              if (rng.chance(0.6))
                add(
                  {
                    type: 'hiring',
                    text: fill(say(INDIRECT.hiring), v),
                    department: cat.department,
                    growth_pct: rng.int(35, 120),
                  },
                  recent(),
                );
              else {
                const round = rng.pick(ROUNDS);
                add(
                  {
                    type: 'funding',
                    text: fill(say(INDIRECT.funding), { ...v, round }),
                    funding_round: round,
                    amount_usd: rng.int(2, 80) * 1_000_000,
                  },
                  recent(),
                );
              }
              break;
            case 'admin':
              stack.add(product);
              add(
                {
                  type: 'job_post',
                  title: fill(say(INDIRECT.adminTitle), v),
                  text: fill(say(INDIRECT.adminBody), v),
                  department: cat.department,
                },
                recent(),
              );
              break;
            case 'pain': {
              const type = rng.pick(['job_post', 'website_text', 'news'] as const);
              const pain = say(cat.pains);
              if (type === 'job_post')
                add(
                  {
                    type,
                    title: `${cat.department} Operations Specialist`,
                    text: `Why this role exists: ${pain} You will help us fix that.`,
                    department: cat.department,
                  },
                  recent(),
                );
              else if (type === 'website_text')
                add({ type, text: `A candid note from our ${cat.department} lead: ${pain}` }, recent());
              else add({ type, title: `${name} on growing pains`, text: pain }, recent());
              break;
            }
          }
          t.market.push({ category: cat.id, evidence, leaving });
        } else if (r < 0.07) {
          // Satisfied user: runs the category, bought long ago.
          const v = vars(cat);
          stack.add(v.product);
          t.satisfied.push(cat.id);
          if (rng.chance(0.6)) add({ type: 'website_text', text: fill(say(SATISFIED), v) }, rng.int(30, 500));
          if (rng.chance(0.5))
            add(
              {
                type: 'technology_change',
                text: `${v.product} added`,
                tech: v.product,
                tech_change: 'added',
              },
              rng.int(500, 1500),
            );
        }
      }
    } else {
      const cats = [rng.pick(HELDOUT_CATEGORIES)];
      if (rng.chance(0.4)) cats.push(rng.pick(HELDOUT_CATEGORIES));
      for (const cat of new Set(cats)) {
        t.sells.push(cat.id);
        for (let k = rng.int(2, 4); k > 0; k--) {
          const v = vars(cat);
          if (role === 'services') {
            stack.add(v.product);
            const type = rng.pick(['website_text', 'job_post', 'news'] as const);
            if (type === 'website_text') add({ type, text: fill(say(SERVICES.website), v) }, rng.int(1, 200));
            else if (type === 'job_post')
              add(
                { type, title: fill(say(SERVICES.jobTitle), v), text: fill(say(SERVICES.job), v) },
                rng.int(1, 90),
              );
            else add({ type, title: fill(say(SERVICES.news), v), text: '' }, rng.int(1, 200));
          } else if (role === 'press')
            add({ type: 'news', title: fill(say(PRESS.news), v), text: '' }, rng.int(1, 120));
          else add({ type: 'website_text', text: fill(say(VENDOR), v) }, rng.int(1, 300));
        }
      }
    }

    // Noise for everyone.
    for (let k = rng.int(2, 5); k > 0; k--) {
      const type = rng.pick(['job_post', 'website_text', 'news', 'technology_change'] as const);
      const ago = rng.int(1, 700);
      if (type === 'job_post') add({ type, title: rng.pick(NOISE.jobTitle), text: rng.pick(NOISE.job) }, ago);
      else if (type === 'website_text') add({ type, text: rng.pick(NOISE.website) }, ago);
      else if (type === 'news') add({ type, title: fill(rng.pick(NOISE.news), { co: name }), text: '' }, ago);
      else {
        const tool = rng.pick(NOISE.tools);
        stack.add(tool);
        add({ type, text: `${tool} added`, tech: tool, tech_change: 'added' }, ago);
      }
    }
    if (rng.chance(0.08)) {
      const round = rng.pick(ROUNDS);
      add(
        {
          type: 'funding',
          text: `Raised a ${round}.`,
          funding_round: round,
          amount_usd: rng.int(1, 50) * 1_000_000,
        },
        rng.int(1, 300),
      );
    }
    if (rng.chance(0.12)) {
      const dept = rng.pick(DEPARTMENTS);
      add(
        { type: 'hiring', text: `${dept} headcount changed.`, department: dept, growth_pct: rng.int(5, 30) },
        rng.int(1, 300),
      );
    }

    const company: CompanyRecord = {
      company_id: id,
      name,
      domain,
      industry,
      employee_count: employees,
      city: place.city,
      region: place.region,
      country: place.country,
      technologies: [...stack],
      description: null,
      founded_year: 1950 + rng.int(0, 74),
      synthetic: true,
      name_source: 'heldout',
    };
    corpus.companies.push(company);
    for (let k = rng.int(1, 3); k > 0; k--) {
      const c: ContactRecord = {
        contact_id: `${id}-c${k}`,
        company_id: id,
        name: `${rng.pick(GIVEN)} ${rng.pick(FAMILY)}`,
        title: rng.pick(CONTACT_TITLES),
        email: `contact${k}@${domain}`,
        phone: `+1-555-01${String(rng.int(0, 99)).padStart(2, '0')}`,
        synthetic: true,
      };
      corpus.contacts.push(c);
    }
    corpus.signals.push(...signals);
    truth.push(t);
  }
  return { corpus, truth };
}
