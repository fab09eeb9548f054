import { describe, expect, it } from 'vitest';
import { IntentEngine } from '../../intent/engine.js';
import { OpenAICompatibleParser } from '../../intent/llm.js';
import { seededCorpus } from './helpers.js';

function stubFetch(content: string, delayMs = 0): { fetch: typeof fetch; calls: number } {
  const state = { calls: 0, fetch: undefined as unknown as typeof fetch };
  state.fetch = (async (_url: string, init?: RequestInit) => {
    state.calls++;
    await new Promise((resolve, reject) => {
      const t = setTimeout(resolve, delayMs);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(t);
        reject(Object.assign(new Error('timeout'), { name: 'TimeoutError' }));
      });
    });
    return new Response(
      JSON.stringify({
        choices: [{ message: { content } }],
        usage: { prompt_tokens: 400, completion_tokens: 60 },
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );
  }) as typeof fetch;
  return state;
}

const ANSWER = JSON.stringify({
  categories: ['crm'],
  company_sizes: ['51-200'],
  locations: ['Germany'],
  keywords: ['pipeline'],
});

describe('optional OpenAI-compatible parser', () => {
  it('uses the model answer, counts tokens, caches by prompt', async () => {
    const stub = stubFetch(ANSWER);
    const parser = new OpenAICompatibleParser({
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'stub',
      fetch: stub.fetch,
    });
    const a = await parser.parse('companies that want to get their sales pipeline in order');
    expect(a.parsed.parser).toBe('llm');
    expect(a.parsed.categories[0]?.id).toBe('crm');
    expect(a.parsed.sizes).toEqual([[51, 200]]);
    expect(a.parsed.locations).toEqual(['germany']);
    expect(a.usage).toEqual({ calls: 1, inputTokens: 400, outputTokens: 60 });
    const b = await parser.parse('companies that want to get their sales pipeline in order');
    expect(b.usage.calls).toBe(0);
    expect(stub.calls).toBe(1);
  });

  it('falls back to the lexicon parser on timeout, bad answers and budget', async () => {
    const slow = new OpenAICompatibleParser({
      baseUrl: 'http://x/v1',
      model: 'stub',
      timeoutMs: 20,
      fetch: stubFetch(ANSWER, 500).fetch,
    });
    const t = await slow.parse('Find companies looking for CRM software');
    expect(t.fallback).toBe('timeout');
    expect(t.parsed.parser).toBe('lexicon');
    const bad = new OpenAICompatibleParser({
      baseUrl: 'http://x/v1',
      model: 'stub',
      fetch: stubFetch('not json').fetch,
    });
    expect((await bad.parse('Find companies looking for CRM software')).fallback).toBe('error');
    const stub = stubFetch(ANSWER);
    const poor = new OpenAICompatibleParser({
      baseUrl: 'http://x/v1',
      model: 'stub',
      maxUsdPerQuery: 1e-9,
      fetch: stub.fetch,
    });
    const p = await poor.parse('Find companies looking for CRM software');
    expect(p.fallback).toBe('budget');
    expect(stub.calls).toBe(0);
  });

  it('reports llm_calls and LLM cost in the engine metadata', async () => {
    const { corpus } = seededCorpus(300, 2);
    const parser = new OpenAICompatibleParser({
      baseUrl: 'http://x/v1',
      model: 'stub',
      fetch: stubFetch(ANSWER).fetch,
    });
    const engine = IntentEngine.fromCorpus(corpus, { parser });
    const res = await engine.query({
      query: 'companies that want to get their sales pipeline in order',
      limit: 5,
    });
    expect(res.metadata.llm_calls).toBe(1);
    expect(res.metadata.cost_usd).toBeGreaterThan((400 * 0.15 + 60 * 0.6) / 1e6 - 1e-12);
    const lexicon = IntentEngine.fromCorpus(corpus);
    expect(
      (await lexicon.query({ query: 'Find companies looking for CRM software' })).metadata.llm_calls,
    ).toBe(0);
  });
});
