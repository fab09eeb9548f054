import type { IntentFilters } from '../filters.js';
import { Rng } from '../seed/prng.js';
import { WORLD } from '../seed/world.js';
import { CATEGORIES } from '../taxonomy.js';

// The labelled query set: for every category, one dev and two test queries (150 in all), with
// disjoint phrasing templates and disjoint category wording per split (dev queries use the world's dev
// nouns, test queries its test nouns or the category's display name). Constraint variants cycle:
// plain, size in the prompt, location in the prompt, industry in the prompt, request filters of
// several kinds (size + location, industries + exclude, technologies + job titles), short prompts and
// negated industries. Labels come from the hidden state (labels.ts), never from the ranker.

export interface PromptConstraints {
  sizes: [number, number][];
  /** Normalised location key (see geo.locationKeys). */
  location: string | null;
  industries: string[];
  notIndustries: string[];
}

export interface EvalQuery {
  id: string;
  split: 'dev' | 'test';
  category: string;
  variant: string;
  query: string;
  filters?: IntentFilters;
  prompt: PromptConstraints;
  /** For exclude filters: pick this many in-market companies' domains (filled in by the runner). */
  excludeInMarket?: number;
}

const TEMPLATES = {
  dev: [
    'Find companies looking for {noun}',
    'Companies that are shopping for a new {noun}',
    'Which businesses are evaluating {noun} right now?',
    'Identify accounts in market for {noun}',
  ],
  test: [
    'Show me organizations that need {noun}',
    'Accounts likely to buy {noun} this quarter',
    'Who is actively searching for {noun}?',
    'List prospects planning to invest in {noun}',
  ],
};

const SIZE_PHRASES: [text: string, range: [number, number]][] = [
  ['with 11-50 employees', [11, 50]],
  ['with 50-200 employees', [50, 200]],
  ['with 200-1000 employees', [200, 1000]],
  ['with more than 1000 employees', [1001, Number.MAX_SAFE_INTEGER]],
];

const LOCATIONS: [text: string, key: string][] = [
  ['in the United States', 'united states'],
  ['in California', 'california'],
  ['in Texas', 'texas'],
  ['in the United Kingdom', 'united kingdom'],
  ['in Germany', 'germany'],
  ['in New York', 'new york'],
  ['in Canada', 'canada'],
  ['based in Boston', 'boston'],
];

const INDUSTRY_WORDS: Record<string, string> = {
  software: 'SaaS',
  it_services: 'IT services',
  manufacturing: 'manufacturing',
  retail: 'retail',
  healthcare: 'hospitals and clinics',
  logistics: 'logistics',
  banking: 'banking',
  insurance: 'insurance',
  ecommerce: 'ecommerce',
  professional_services: 'consulting',
  construction: 'construction',
  real_estate: 'real estate',
  education: 'education',
  food_beverage: 'food and beverage',
  hospitality: 'hospitality',
  fintech: 'fintech',
  consumer_goods: 'CPG',
  energy_utilities: 'energy',
  legal: 'law firm',
  media: 'media',
};

const TITLES = ['CFO', 'CTO', 'IT Director', 'VP Sales', 'Operations Manager', 'HR Director', 'COO'];

const VARIANTS = [
  'plain',
  'prompt_size',
  'prompt_location',
  'prompt_industry',
  'filters_size_location',
  'filters_industry_exclude',
  'filters_tech_titles',
  'short',
  'negated',
];

export function buildEvalQueries(seed = 7): EvalQuery[] {
  const rng = new Rng(`eval-queries:${seed}`);
  const out: EvalQuery[] = [];
  CATEGORIES.forEach((cat, ci) => {
    const world = WORLD.find((w) => w.id === cat.id)!;
    (['dev', 'test', 'test'] as const).forEach((split, slot) => {
      // Every split sees every variant across categories.
      const variant = VARIANTS[(ci + 3 * slot) % VARIANTS.length]!;
      const nouns = split === 'dev' ? world.nouns.dev : [...world.nouns.test, cat.name];
      const noun = rng.pick(nouns);
      const template = rng.pick(TEMPLATES[split]);
      let query = template.replace('{noun}', noun);
      const prompt: PromptConstraints = { sizes: [], location: null, industries: [], notIndustries: [] };
      const icpIndustries = cat.industries.filter((i) => INDUSTRY_WORDS[i]);
      const industry =
        icpIndustries.length > 0 ? rng.pick(icpIndustries) : rng.pick(Object.keys(INDUSTRY_WORDS));
      let filters: IntentFilters | undefined;
      let excludeInMarket: number | undefined;
      switch (variant) {
        case 'prompt_size': {
          const [text, range] = rng.pick(SIZE_PHRASES);
          query = `${query.replace(/[?]$/, '')} ${text}`;
          prompt.sizes.push(range);
          break;
        }
        case 'prompt_location': {
          const [text, key] = rng.pick(LOCATIONS);
          query = `${query.replace(/[?]$/, '')} ${text}`;
          prompt.location = key;
          break;
        }
        case 'prompt_industry': {
          query = `${INDUSTRY_WORDS[industry]} ${query.charAt(0).toLowerCase()}${query.slice(1)}`;
          prompt.industries.push(industry);
          break;
        }
        case 'filters_size_location':
          filters = {
            company_size: rng.chance(0.5) ? ['51-200', '201-1000'] : ['11-50', '51-200'],
            location: 'United States',
          };
          break;
        case 'filters_industry_exclude':
          filters = { industries: [industry] };
          excludeInMarket = 3;
          break;
        case 'filters_tech_titles':
          filters = { technologies: [rng.pick(cat.tools)], job_titles: [rng.pick(TITLES)] };
          if (rng.chance(0.5)) delete filters.job_titles;
          break;
        case 'short':
          query = split === 'dev' ? `${noun} buyers` : `need ${noun}`;
          if (query.length < 10) query = `companies ${query}`;
          break;
        case 'negated': {
          const not = rng.pick(Object.keys(INDUSTRY_WORDS).filter((i) => i !== industry));
          query = `${query.replace(/[?]$/, '')}, but not in ${INDUSTRY_WORDS[not]}`;
          prompt.notIndustries.push(not);
          break;
        }
      }
      out.push({
        id: `${split}-${cat.id}-${variant}`,
        split,
        category: cat.id,
        variant,
        query,
        prompt,
        ...(filters ? { filters } : {}),
        ...(excludeInMarket ? { excludeInMarket } : {}),
      });
    });
  });
  return out;
}
