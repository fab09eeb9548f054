import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeadrailClient } from '../../client/index.js';
import { IntentQueryIdsAttr } from '../../workflows/shared.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// POST /query through the real stack: the Hono app, the intent worker on its own task queue of the shared
// Temporal dev server (one `intentQueryWorkflow` per query), the index built from the shared Postgres
// after importing a small generated corpus through POST /intent/import.

const LEAD_FIELDS = [
  'lead_id',
  'company_name',
  'domain',
  'industry',
  'company_size',
  'location',
  'score',
  'confidence',
  'contact_info',
  'intent_signals',
].sort();
const METADATA_FIELDS = [
  'total_leads',
  'query_processed',
  'processing_time_ms',
  'cost_usd',
  'llm_calls',
  'cache_hit_rate',
].sort();

interface CompanyRow {
  company_id: string;
  domain: string;
  industry: string;
  employee_count: number;
  country: string;
  region: string | null;
  technologies: string[];
}

describe('POST /query', () => {
  let stack: TestStack;
  let key: string;

  beforeAll(async () => {
    stack = await startTestStack({ intent: {} });
    ({ key } = await stack.createAccount());
    const imported = await stack.importIntentCorpus(key);
    expect(imported.status).toBe(200);
    expect(imported.json.error_count).toBe(0);
    expect(imported.json.engine.companies).toBeGreaterThanOrEqual(1500);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const query = (body: unknown, k: string | null = key, headers?: Record<string, string>) =>
    stack.call('POST', '/query', k, body, headers);

  async function companies(leadIds: string[]): Promise<Map<string, CompanyRow>> {
    const { rows } = await stack.pool.query<CompanyRow>(
      `SELECT company_id, domain, industry, employee_count, country, region, technologies
         FROM intent_companies WHERE company_id = ANY($1::text[])`,
      [leadIds.map((id) => id.replace(/^lead_/, ''))],
    );
    return new Map(rows.map((r) => [`lead_${r.company_id}`, r]));
  }

  it('answers exactly the documented lead fields and real metadata', async () => {
    const started = performance.now();
    const sentAtS = Math.floor(Date.now() / 1000);
    const res = await query({ query: 'Find companies looking for CRM software', limit: 25 });
    const elapsed = performance.now() - started;
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(['leads', 'metadata']);
    const { leads, metadata } = res.json;
    expect(leads.length).toBeGreaterThan(0);
    expect(leads.length).toBeLessThanOrEqual(25);
    for (const lead of leads) {
      expect(Object.keys(lead).sort()).toEqual(LEAD_FIELDS);
      expect(Object.keys(lead.contact_info).sort()).toEqual(['email', 'name', 'phone', 'title']);
      expect(lead.lead_id).toMatch(/^lead_/);
      expect(['1-10', '11-50', '51-200', '201-1000', '1000+']).toContain(lead.company_size);
      expect(lead.score).toBeGreaterThan(0);
      expect(lead.score).toBeLessThanOrEqual(1);
      expect(lead.confidence).toBeGreaterThan(0);
      expect(lead.confidence).toBeLessThanOrEqual(1);
      expect(lead.intent_signals.length).toBeGreaterThan(0);
    }
    const scores = leads.map((l: { score: number }) => l.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(Object.keys(metadata).sort()).toEqual(METADATA_FIELDS);
    expect(metadata.query_processed).toBe('Find companies looking for CRM software');
    expect(metadata.total_leads).toBeGreaterThanOrEqual(leads.length);
    expect(metadata.llm_calls).toBe(0);
    expect(metadata.cost_usd).toBeGreaterThan(0);
    // The API's own end-to-end time: more than nothing, less than what the caller waited.
    expect(metadata.processing_time_ms).toBeGreaterThan(0);
    expect(Number.isInteger(metadata.processing_time_ms)).toBe(true); // whole ms, as the reference
    expect(metadata.processing_time_ms).toBeLessThanOrEqual(elapsed);
    expect(metadata.cache_hit_rate).toBeGreaterThanOrEqual(0);
    expect(metadata.cache_hit_rate).toBeLessThanOrEqual(1);
    expect(res.headers.get('X-RateLimit-Limit')).toBe('1000');
    expect(Number(res.headers.get('X-RateLimit-Remaining'))).toBeLessThan(1000);
    // The bucket is full again at or after the request was admitted (not "within 5 s of now": a slow
    // query on a loaded machine answered later than that).
    expect(Number(res.headers.get('X-RateLimit-Reset'))).toBeGreaterThanOrEqual(sentAtS);
    expect(res.headers.get('X-Query-Id')).toMatch(/^q_[0-9a-z]{26}$/);
    const timing = res.headers.get('Server-Timing')!;
    for (const phase of ['auth', 'limits', 'parse', 'workflow', 'serialize', 'log', 'total']) {
      expect(timing).toMatch(new RegExp(`(^|, )${phase};dur=\\d+\\.\\d{2}`));
    }
  });

  it('defaults the limit to 25 and honours limits up to 2000', async () => {
    const prompt = 'Companies shopping for a new ERP system this quarter';
    const def = await query({ query: prompt });
    expect(def.status).toBe(200);
    expect(def.json.leads.length).toBe(Math.min(25, def.json.metadata.total_leads));
    const all = await query({ query: prompt, limit: 2000 });
    expect(all.json.leads.length).toBe(Math.min(2000, all.json.metadata.total_leads));
    expect(all.json.leads.length).toBeGreaterThan(25);
    // K=25 is the prefix of K=2000 (same ranking, one cache entry).
    expect(all.json.leads.slice(0, def.json.leads.length)).toEqual(def.json.leads);
  });

  it('answers INVALID_QUERY in the documented error format', async () => {
    const short = await query({ query: 'CRM' });
    expect(short.status).toBe(400);
    expect(Object.keys(short.json).sort()).toEqual(['error', 'request_id', 'timestamp']);
    expect(short.json.error).toEqual({
      code: 'INVALID_QUERY',
      message: 'Query must be at least 10 characters long',
      details: { field: 'query', min_length: 10, provided_length: 3 },
    });
    expect(short.json.request_id).toBe(short.headers.get('X-Request-Id'));
    expect(new Date(short.json.timestamp).toISOString()).toBe(short.json.timestamp);

    const cases: [unknown, string][] = [
      [{}, 'query'],
      [{ query: 'Find companies looking for CRM software', limit: 2001 }, 'limit'],
      [{ query: 'Find companies looking for CRM software', limit: 0 }, 'limit'],
      [{ query: 'Find companies looking for CRM software', filters: { colour: ['red'] } }, 'filters'],
      [
        { query: 'Find companies looking for CRM software', filters: { industries: 'technology' } },
        'filters.industries',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await query(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('INVALID_QUERY');
      expect(res.json.error.details.field).toBe(field);
    }
    const malformed = await query('{"query": "Find companies', key);
    expect(malformed.status).toBe(400);
    expect(malformed.json.error).toMatchObject({ code: 'INVALID_QUERY', details: { field: '(body)' } });
    const form = await query('query=Find+companies+looking+for+CRM', key, {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(form.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers UNAUTHORIZED and FORBIDDEN in the intent format; admin implies intent:query', async () => {
    const body = { query: 'Find companies looking for CRM software' };
    const none = await query(body, null);
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ error: { code: 'UNAUTHORIZED' }, request_id: expect.any(String) });
    expect(none.json.timestamp).toEqual(expect.any(String));
    const bad = await query(body, 'lr_live_notakeynotakeynotakeynotakeynotakeynot');
    expect(bad.status).toBe(401);
    expect(bad.json.error.code).toBe('UNAUTHORIZED');
    const { key: reader } = await stack.createAccount({ scopes: ['leads:read', 'flows:read'] });
    const denied = await query(body, reader);
    expect(denied.status).toBe(403);
    expect(denied.json.error).toMatchObject({
      code: 'FORBIDDEN',
      details: { required_scope: 'intent:query' },
    });
    for (const path of ['/query-quality/reputation', '/query-quality/alerts']) {
      const res = await stack.call('GET', path, reader);
      expect(res.status, path).toBe(403);
      expect(res.json.error.code).toBe('FORBIDDEN');
    }
    const { key: admin } = await stack.createAccount({ scopes: ['admin'] });
    expect((await query(body, admin)).status).toBe(200);
    const { key: intentOnly } = await stack.createAccount({ scopes: ['intent:query'] });
    expect((await query(body, intentOnly)).status).toBe(200);
    const imp = await stack.call('POST', '/intent/import', intentOnly, '{}', {
      'Content-Type': 'application/x-ndjson',
    });
    expect(imp.status).toBe(403);
    expect(imp.json.error).toMatchObject({ code: 'FORBIDDEN', details: { required_scope: 'admin' } });
  });

  it('honours industry, size, location and exclude filters on every returned lead', async () => {
    const prompt = 'Find companies looking for CRM software';
    const first = await query({ query: prompt, limit: 2000 });
    const excluded = first.json.leads.slice(0, 3).map((l: { domain: string }) => l.domain);
    expect(excluded.length).toBe(3);
    const res = await query({
      query: prompt,
      limit: 2000,
      filters: {
        industries: ['technology', 'healthcare'],
        company_size: ['11-50', '51-200'],
        location: 'United States',
        exclude: [`https://www.${excluded[0]}/pricing`, excluded[1], excluded[2].toUpperCase()],
      },
    });
    expect(res.status).toBe(200);
    const leads: { lead_id: string; domain: string; company_size: string }[] = res.json.leads;
    expect(leads.length).toBeGreaterThan(0);
    const rows = await companies(leads.map((l) => l.lead_id));
    // As docs/intent-engine.md says: "technology" is a sector (software, IT services, hardware,
    // telecom); "healthcare" is exactly the healthcare providers, not pharma or medical devices.
    const allowedIndustries = ['software', 'it_services', 'hardware', 'telecommunications', 'healthcare'];
    for (const lead of leads) {
      const c = rows.get(lead.lead_id)!;
      expect(c, lead.lead_id).toBeDefined();
      expect(allowedIndustries, `${lead.lead_id} ${c.industry}`).toContain(c.industry);
      // The documented buckets: 11-50 and 51-200 employees.
      expect(c.employee_count).toBeGreaterThanOrEqual(11);
      expect(c.employee_count).toBeLessThanOrEqual(200);
      expect(lead.company_size).toBe(c.employee_count <= 50 ? '11-50' : '51-200');
      expect(c.country).toBe('US');
      expect(lead.domain).toBe(c.domain);
    }
    for (const domain of excluded) expect(leads.map((l) => l.domain)).not.toContain(domain);
  });

  it('honours technologies and job_titles filters', async () => {
    const tech = await query({
      query: 'Companies replacing their help desk software',
      limit: 2000,
      filters: { technologies: ['zendesk', 'freshdesk'] },
    });
    expect(tech.status).toBe(200);
    expect(tech.json.leads.length).toBeGreaterThan(0);
    const rows = await companies(tech.json.leads.map((l: { lead_id: string }) => l.lead_id));
    for (const lead of tech.json.leads) {
      const stack = rows.get(lead.lead_id)!.technologies.map((t) => t.toLowerCase());
      expect(
        stack.some((t) => t.startsWith('zendesk') || t.startsWith('freshdesk')),
        `${lead.lead_id}: ${stack.join(', ')}`,
      ).toBe(true);
    }

    const titles = ['CFO', 'Controller', 'VP Finance'];
    const byTitle = await query({
      query: 'Companies shopping for a new ERP system this quarter',
      limit: 2000,
      filters: { job_titles: titles },
    });
    expect(byTitle.status).toBe(200);
    expect(byTitle.json.leads.length).toBeGreaterThan(0);
    // The documented semantics for these three: the contact's title holds one of them, or its
    // spelled-out form (CFO, VP), as whole words.
    const financeTitle = /\b(cfo|chief financial officer|controller|(vp|vice president),? (of )?finance)\b/i;
    for (const lead of byTitle.json.leads) expect(lead.contact_info.title).toMatch(financeTitle);
  });

  it('runs each query as an intentQueryWorkflow on the intent task queue, results kept out of history', async () => {
    const prompt = `Find companies evaluating marketing automation platforms ${Date.now()}`;
    const res = await query({ query: prompt, limit: 2000 });
    expect(res.status).toBe(200);
    const id = res.headers.get('X-Query-Id')!;
    const taskQueue = stack.intent!.taskQueue;
    const handle = stack.client.workflow.getHandle(id);
    const description = await handle.describe();
    expect(description.type).toBe('intentQueryWorkflow');
    expect(description.taskQueue).toBe(taskQueue);
    expect(description.status.name).toBe('COMPLETED');
    expect(await description.staticSummary()).toBe(prompt);
    const summary = await handle.result();
    expect(summary.lead_ids).toEqual(res.json.leads.map((l: { lead_id: string }) => l.lead_id));
    expect(summary.metadata.total_leads).toBe(res.json.metadata.total_leads);
    // The history holds ids and scores, never the leads themselves.
    const history = JSON.stringify(await handle.fetchHistory());
    const first = res.json.leads[0];
    expect(history).not.toContain(first.company_name);
    expect(history).not.toContain(first.intent_signals[0]);
    if (first.contact_info.email) expect(history).not.toContain(first.contact_info.email);
    // Listed by task queue and type (visibility is eventually consistent).
    await expect
      .poll(
        async () => {
          const ids: string[] = [];
          for await (const wf of stack.client.workflow.list({
            query: `TaskQueue = '${taskQueue}' AND WorkflowType = 'intentQueryWorkflow'`,
          })) {
            ids.push(wf.workflowId);
          }
          return ids;
        },
        { timeout: 10_000, interval: 250 },
      )
      .toContain(id);
  });

  it('coalesces queries that arrive while runs are under way: one run answers several, each findable by its id', async () => {
    const tag = Date.now();
    const prompts = Array.from(
      { length: 12 },
      (_, i) => `Companies evaluating CRM software, batch ${tag} ${i}`,
    );
    // Sent together: the first ones start runs of their own (2 slots by default), the rest wait and share.
    const answers = await Promise.all(prompts.map((p, i) => query({ query: p, limit: i % 2 ? 100 : 25 })));
    expect(answers.map((a) => a.status)).toEqual(prompts.map(() => 200));
    const ids = answers.map((a) => a.headers.get('X-Query-Id')!);
    expect(new Set(ids).size).toBe(ids.length);

    const runsListing = async (id: string) => {
      const found = [];
      for await (const wf of stack.client.workflow.list({ query: `IntentQueryIds = '${id}'` }))
        found.push(wf);
      return found;
    };
    const batchRuns = new Map<string, string[]>();
    for (const [i, id] of ids.entries()) {
      // Each query is found by its id: its own run (workflow id = query id), or the run whose
      // IntentQueryIds search attribute lists it.
      let summary: { query_id: string; lead_ids: string[] } | undefined;
      const own = await stack.client.workflow
        .getHandle(id)
        .describe()
        .catch(() => null);
      if (own) {
        expect(own.type).toBe('intentQueryWorkflow');
        summary = await stack.client.workflow.getHandle(id).result();
      } else {
        await expect.poll(() => runsListing(id), { timeout: 10_000, interval: 250 }).toHaveLength(1);
        const [run] = await runsListing(id);
        if (!run) throw new Error(`no run lists ${id}`);
        expect(run.type).toBe('intentQueryBatchWorkflow');
        expect(run.taskQueue).toBe(stack.intent!.taskQueue);
        const listed = [...(run.typedSearchAttributes.get(IntentQueryIdsAttr) ?? [])];
        expect(listed).toContain(id);
        batchRuns.set(run.workflowId, listed);
        const outcomes: { query_id: string; lead_ids: string[] }[] = await stack.client.workflow
          .getHandle(run.workflowId)
          .result();
        summary = outcomes.find((o) => o.query_id === id);
      }
      expect(summary?.query_id).toBe(id);
      expect(summary?.lead_ids).toEqual(answers[i]!.json.leads.map((l: { lead_id: string }) => l.lead_id));
    }
    // Some queries shared a run, and every id a run lists is one of ours (one account's queries).
    expect(batchRuns.size).toBeGreaterThanOrEqual(1);
    for (const listed of batchRuns.values()) {
      expect(listed.length).toBeGreaterThan(1);
      for (const id of listed) expect(ids).toContain(id);
    }
    // A query answered in a shared run gets the same leads as when it runs alone.
    const lastInBatch = [...batchRuns.values()][0]!.at(-1)!;
    const at = ids.indexOf(lastInBatch);
    const alone = await query({ query: prompts[at], limit: at % 2 ? 100 : 25 });
    expect(alone.json.leads).toEqual(answers[at]!.json.leads);
  });

  it('moves the cache hit rate: a repeated query (any limit) is a cache hit', async () => {
    const prompt = `Companies looking for payroll software in Texas ${Date.now()}`;
    const first = await query({ query: prompt, limit: 25 });
    const second = await query({ query: `  ${prompt}  `, limit: 100 });
    const third = await query({ query: prompt, limit: 25 });
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    // The rate is the engine's hits / lookups since it loaded (the engine is in the ranking thread).
    expect(second.json.metadata.cache_hit_rate).toBeGreaterThan(first.json.metadata.cache_hit_rate);
    expect(third.json.metadata.cache_hit_rate).toBeGreaterThan(second.json.metadata.cache_hit_rate);
    expect(third.json.leads).toEqual(first.json.leads);
    const logged = await stack.pool.query<{ cache_hit: boolean }>(
      'SELECT cache_hit FROM intent_queries WHERE id = ANY($1::text[]) ORDER BY received_at',
      [[first, second, third].map((r) => r.headers.get('X-Query-Id'))],
    );
    expect(logged.rows.map((r) => r.cache_hit)).toEqual([false, true, true]);
  });

  it('is usable from the typed client: query, reputation, alerts, and errors as LeadrailApiError', async () => {
    const client = new LeadrailClient({
      apiKey: key,
      baseUrl: 'http://leadrail.test/api/v1', // the reference's base path
      fetch: async (input, init) => stack.app.request(input, init),
    });
    const answer = await client.queryIntent({
      query: 'Companies evaluating a new CRM platform',
      limit: 5,
      filters: { company_size: ['51-200', '201-1000'] },
    });
    expect(answer.leads.length).toBeGreaterThan(0);
    expect(answer.leads.length).toBeLessThanOrEqual(5);
    for (const lead of answer.leads) expect(['51-200', '201-1000']).toContain(lead.company_size);
    expect(answer.metadata.query_processed).toBe('Companies evaluating a new CRM platform');

    const reputation = await client.getQueryReputation();
    expect(reputation.total_queries).toBeGreaterThan(0);
    const alerts = await client.getQueryAlerts('all');
    expect(Array.isArray(alerts.alerts)).toBe(true);

    await expect(client.queryIntent({ query: 'short' })).rejects.toMatchObject({
      name: 'LeadrailApiError',
      status: 400,
      code: 'INVALID_QUERY',
      details: { field: 'query', min_length: 10, provided_length: 5 },
    });
  });
});
