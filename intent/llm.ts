import { LruCache } from './cache.js';
import { type CostConfig, DEFAULT_COST, type LlmUsage, llmCostUsd, NO_LLM } from './cost.js';
import { parseSizeTerm } from './filters.js';
import { COUNTRIES } from './geo.js';
import { resolveIndustry } from './industries.js';
import { expandTerms, incumbentWords, type ParsedQuery, parsePrompt } from './parser.js';
import { CATEGORIES, CATEGORY_BY_ID, technologyKey } from './taxonomy.js';
import { normalizeLabel } from './text.js';
import { normalizeTitle } from './titles.js';

// Query parsing providers. The default is the deterministic lexicon parser (no network, no cost).
// `OpenAICompatibleParser` is optional and off unless configured: it asks an OpenAI-compatible
// /chat/completions endpoint for a JSON interpretation of the prompt, under a timeout and a per-query
// budget, and falls back to the lexicon parser on any failure. Parses are cached by prompt.

export interface ParseOutcome {
  parsed: ParsedQuery;
  usage: LlmUsage;
  fallback?: string;
}

export interface QueryParserProvider {
  readonly name: string;
  parse(prompt: string): Promise<ParseOutcome>;
}

export const lexiconParser: QueryParserProvider = {
  name: 'lexicon',
  async parse(prompt) {
    return { parsed: parsePrompt(prompt), usage: NO_LLM };
  },
};

export interface OpenAICompatibleOptions {
  baseUrl: string; // e.g. http://localhost:11434/v1
  apiKey?: string;
  model: string;
  timeoutMs?: number; // default 500
  maxUsdPerQuery?: number; // default 0.0005; estimated before the call
  maxOutputTokens?: number; // default 300
  cost?: CostConfig;
  cacheEntries?: number;
  fetch?: typeof fetch; // injectable for tests
}

interface LlmFields {
  categories?: string[];
  company_sizes?: string[];
  locations?: string[];
  industries?: string[];
  excluded_industries?: string[];
  technologies?: string[];
  job_titles?: string[];
  keywords?: string[];
}

const SYSTEM_PROMPT = `You turn a B2B lead-search prompt into JSON. Fields: categories (ids from: ${CATEGORIES.map((c) => c.id).join(', ')}), company_sizes (ranges like "51-200" or "1000+"), locations (country/state/city names), industries, excluded_industries, technologies (tools the companies use), job_titles, keywords. Omit what the prompt does not say. Answer with JSON only.`;

export class OpenAICompatibleParser implements QueryParserProvider {
  readonly name = 'openai-compatible';
  private readonly cache: LruCache<ParseOutcome>;
  private readonly opts: Required<Omit<OpenAICompatibleOptions, 'apiKey' | 'fetch'>> &
    Pick<OpenAICompatibleOptions, 'apiKey' | 'fetch'>;

  constructor(options: OpenAICompatibleOptions) {
    this.opts = {
      timeoutMs: 500,
      maxUsdPerQuery: 0.0005,
      maxOutputTokens: 300,
      cost: DEFAULT_COST,
      cacheEntries: 10_000,
      ...options,
    };
    this.cache = new LruCache(this.opts.cacheEntries);
  }

  /** Rough token estimate (4 characters per token), used only for the pre-call budget check. */
  static estimateTokens(text: string): number {
    return Math.ceil(text.length / 4);
  }

  async parse(prompt: string): Promise<ParseOutcome> {
    const cached = this.cache.get(prompt);
    if (cached) return { ...cached, usage: NO_LLM };
    const lexicon = parsePrompt(prompt);
    const estimate: LlmUsage = {
      calls: 1,
      inputTokens: OpenAICompatibleParser.estimateTokens(SYSTEM_PROMPT + prompt) + 20,
      outputTokens: this.opts.maxOutputTokens,
    };
    if (llmCostUsd(estimate, this.opts.cost) > this.opts.maxUsdPerQuery) {
      return { parsed: lexicon, usage: NO_LLM, fallback: 'budget' };
    }
    const doFetch = this.opts.fetch ?? fetch;
    let usage: LlmUsage = { calls: 1, inputTokens: estimate.inputTokens, outputTokens: 0 };
    try {
      const res = await doFetch(`${this.opts.baseUrl.replace(/\/$/, '')}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.opts.apiKey ? { authorization: `Bearer ${this.opts.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.opts.model,
          temperature: 0,
          max_tokens: this.opts.maxOutputTokens,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            { role: 'user', content: prompt },
          ],
        }),
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      if (!res.ok) return { parsed: lexicon, usage, fallback: `http ${res.status}` };
      const body = (await res.json()) as {
        choices?: { message?: { content?: string } }[];
        usage?: { prompt_tokens?: number; completion_tokens?: number };
      };
      usage = {
        calls: 1,
        inputTokens: body.usage?.prompt_tokens ?? usage.inputTokens,
        outputTokens: body.usage?.completion_tokens ?? 0,
      };
      const content = body.choices?.[0]?.message?.content ?? '';
      const fields = JSON.parse(content) as LlmFields;
      const parsed = mergeLlmFields(lexicon, fields);
      if (!parsed) return { parsed: lexicon, usage, fallback: 'no category' };
      const outcome = { parsed, usage };
      this.cache.set(prompt, outcome);
      return outcome;
    } catch (err) {
      const reason = err instanceof Error && err.name === 'TimeoutError' ? 'timeout' : 'error';
      return { parsed: lexicon, usage, fallback: reason };
    }
  }
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** The LLM's fields, validated against the taxonomy, on top of the lexicon parse. Null if unusable. */
export function mergeLlmFields(lexicon: ParsedQuery, fields: LlmFields): ParsedQuery | null {
  const cats = strings(fields.categories).filter((id) => CATEGORY_BY_ID.has(id));
  if (cats.length === 0) return null;
  const categories = cats.slice(0, 3).map((id, i) => ({ id, weight: i === 0 ? 1 : 0.7, matched: '(llm)' }));
  const sizes = strings(fields.company_sizes)
    .map(parseSizeTerm)
    .filter((r): r is [number, number] => r !== null);
  const countryNames = new Set(COUNTRIES.map((c) => normalizeLabel(c.name)));
  const locations = strings(fields.locations)
    .map(normalizeLabel)
    .filter((l) => l !== '' || countryNames.has(l));
  const keywords = strings(fields.keywords).flatMap((k) => normalizeLabel(k).split(' '));
  return {
    ...lexicon,
    categories,
    terms: expandTerms(categories, [...lexicon.extraTerms, ...keywords], incumbentWords(lexicon)),
    sizes: sizes.length > 0 ? sizes : lexicon.sizes,
    locations: locations.length > 0 ? locations : lexicon.locations,
    industries: [...new Set(strings(fields.industries).flatMap(resolveIndustry))],
    excludedIndustries: [...new Set(strings(fields.excluded_industries).flatMap(resolveIndustry))],
    technologies: strings(fields.technologies).map(technologyKey),
    titles: strings(fields.job_titles).map(normalizeTitle),
    parser: 'llm',
  };
}
