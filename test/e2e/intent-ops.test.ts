import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { importIntentData } from '../../intent/import.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';

// The intent API's operations through the real stack: the import endpoint (row errors, idempotence,
// index rebuilt and swapped), /metrics and /healthz with an OpenAI-compatible provider (a local stub
// server standing in for it), and 503 when the intent service is not running.

const run = `t${randomBytes(4).toString('hex')}`;
const NDJSON = { 'Content-Type': 'application/x-ndjson' };

/** An OpenAI-compatible stub: GET /v1/models, POST /v1/chat/completions naming the CRM category. */
async function startLlmStub() {
  let completions = 0;
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/models') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":[{"id":"stub"}]}');
      return;
    }
    if (req.method === 'POST' && req.url === '/v1/chat/completions') {
      completions++;
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(
          JSON.stringify({
            choices: [{ message: { content: JSON.stringify({ categories: ['crm'], keywords: ['crm'] }) } }],
            usage: { prompt_tokens: 400, completion_tokens: 30 },
          }),
        );
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    completions: () => completions,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('intent operations', () => {
  let stack: TestStack;
  let llm: Awaited<ReturnType<typeof startLlmStub>>;
  let admin: string;

  beforeAll(async () => {
    llm = await startLlmStub();
    stack = await startTestStack({
      intent: { llm: { baseUrl: llm.baseUrl, model: 'stub', timeoutMs: 5000, statusCacheMs: 0 } },
    });
    ({ key: admin } = await stack.createAccount({ scopes: ['admin'] }));
    const imported = await stack.importIntentCorpus(admin);
    expect(imported.status).toBe(200);
  });
  afterAll(async () => {
    await stack?.stop();
    await llm?.close();
  });

  it('imports JSONL: reports bad rows with their line, keeps good ones, rebuilds and swaps the index', async () => {
    const id = `${run}-desk`;
    const rows = [
      {
        kind: 'company',
        company_id: id,
        name: 'Zorblax Logistics',
        domain: `${run}-zorblax.example`,
        industry: 'logistics',
        employee_count: 140,
        city: 'Denver',
        region: 'CO',
        country: 'US',
        technologies: [`Zorblax${run} Desk`],
      },
      {
        kind: 'company',
        company_id: `${run}-bad`,
        name: 'Bad',
        domain: 'bad.example',
        industry: 'software',
        employee_count: -5,
        country: 'US',
      },
      {
        kind: 'contact',
        company_id: id,
        name: 'Robin Vega',
        title: 'Head of Sales Operations',
        email: `robin@${run}-zorblax.example`,
      },
      { kind: 'contact', company_id: `${run}-nobody`, name: 'Ghost', title: 'CTO' },
      {
        kind: 'signal',
        company_id: id,
        type: 'job_post',
        occurred_on: '2026-10-20',
        title: 'CRM Administrator',
        text: 'We are evaluating CRM software to replace our legacy customer relationship management system.',
      },
    ];
    const body = `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
    const before = stack.intent!.index.info!;
    const res = await stack.call('POST', '/intent/import', admin, body, NDJSON);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, error_count: 2, reloaded: true });
    expect(res.json.errors).toEqual([
      { line: 2, field: 'employee_count', message: expect.any(String) },
      { line: 4, field: 'company_id', message: expect.stringContaining('unknown company') },
    ]);
    expect(res.json.engine.generation).toBeGreaterThan(before.generation);
    expect(res.json.engine.companies).toBeGreaterThan(before.companies);
    expect(stack.intent!.index.info!.generation).toBe(res.json.engine.generation);

    // The new company is served by the swapped index (this stack's LLM stub parses every prompt as CRM).
    const q = await stack.call('POST', '/query', admin, {
      query: 'Companies replacing their CRM software',
      filters: { technologies: [`zorblax${run}`] },
    });
    expect(q.status).toBe(200);
    expect(q.json.leads).toHaveLength(1);
    expect(q.json.leads[0]).toMatchObject({
      lead_id: `lead_${id}`,
      company_name: 'Zorblax Logistics',
      location: 'Denver, CO',
      contact_info: { name: 'Robin Vega', title: 'Head of Sales Operations' },
    });

    // Re-importing the same file changes nothing, and the index is not rebuilt.
    const again = await stack.call('POST', '/intent/import', admin, body, NDJSON);
    expect(again.json).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
      error_count: 2,
      reloaded: false,
    });
    expect(again.json.engine.generation).toBe(res.json.engine.generation);
  });

  it('rebuilds the index when another process imports (the CLI, another replica), not for its own', async () => {
    const service = stack.intent!;
    // The API's own import reloads once, in the request; its own notification adds no second reload.
    const own = await stack.call(
      'POST',
      '/intent/import?kind=company',
      admin,
      `company_id,name,domain,industry,employee_count,country\n${run}-own,Own Import Co,${run}-own.example,software,40,US\n`,
      { 'Content-Type': 'text/csv' },
    );
    expect(own.json).toMatchObject({ inserted: 1, reloaded: true });
    await new Promise((r) => setTimeout(r, 500));
    expect(service.index.info!.generation).toBe(own.json.engine.generation);

    // What `npm run intent:import` does: import straight into Postgres; the NOTIFY reaches this service.
    const before = service.index.info!;
    const row = {
      kind: 'company',
      company_id: `${run}-elsewhere`,
      name: 'Elsewhere Imports Ltd',
      domain: `${run}-elsewhere.example`,
      industry: 'software',
      employee_count: 60,
      country: 'US',
    };
    const result = await importIntentData(stack.pool, `${JSON.stringify(row)}\n`, {
      format: 'jsonl',
      channel: service.corpusChannel,
    });
    expect(result).toMatchObject({ inserted: 1, changed: true });
    await expect
      .poll(() => service.index.info!.generation, { timeout: 15_000, interval: 100 })
      .toBeGreaterThan(before.generation);
    expect(service.index.info!.companies).toBe(before.companies + 1);

    // Nothing changed, nothing sent: the index stays as it is.
    const same = await importIntentData(stack.pool, `${JSON.stringify(row)}\n`, {
      format: 'jsonl',
      channel: service.corpusChannel,
    });
    expect(same).toMatchObject({ inserted: 0, unchanged: 1, changed: false });
    const settled = service.index.info!.generation;
    await new Promise((r) => setTimeout(r, 500));
    expect(service.index.info!.generation).toBe(settled);
  });

  it('lets only the accounts the operator names import the shared corpus when INTENT_IMPORT_ACCOUNTS is set', async () => {
    const operator = await stack.createAccount({ scopes: ['admin'] });
    const app = createApp({
      pool: stack.pool,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      logger: silentLogger,
      intent: stack.intent!,
      intentImportAccounts: [operator.accountId],
    });
    const csv = `company_id,name,domain,industry,employee_count,country\n${run}-gate,Gate Co,${run}-gate.example,software,20,US\n`;
    const post = (key: string) =>
      app.request('/intent/import?kind=company', {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'text/csv' },
        body: csv,
      });
    const tenant = await post(admin);
    expect(tenant.status).toBe(403);
    expect(((await tenant.json()) as { error: { code: string; details: unknown } }).error).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'import_not_allowed' },
    });
    const allowed = await post(operator.key);
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { inserted: number }).inserted).toBe(1);
  });

  it('imports CSV of one kind (?kind=company) and rejects other media types', async () => {
    const csv = [
      'company_id,name,domain,industry,employee_count,city,region,country,technologies',
      `${run}-csv,"Quill, Ink & Co",${run}-quill.example,SaaS,35,Austin,TX,US,HubSpot CRM;Slack`,
      `${run}-csv2,No Country,${run}-nc.example,software,12,,,,`,
    ].join('\n');
    const res = await stack.call('POST', '/intent/import?kind=company', admin, csv, {
      'Content-Type': 'text/csv',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ inserted: 1, error_count: 1, reloaded: true });
    expect(res.json.errors[0]).toMatchObject({ line: 3, field: 'country' });
    const { rows } = await stack.pool.query(
      'SELECT name, technologies FROM intent_companies WHERE company_id = $1',
      [`${run}-csv`],
    );
    expect(rows[0]).toEqual({ name: 'Quill, Ink & Co', technologies: ['HubSpot CRM', 'Slack'] });

    const xml = await stack.call('POST', '/intent/import', admin, '<rows/>', {
      'Content-Type': 'application/xml',
    });
    expect(xml.status).toBe(415);
    expect(xml.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const badKind = await stack.call('POST', '/intent/import?kind=lead', admin, csv, {
      'Content-Type': 'text/csv',
    });
    expect(badKind.status).toBe(400);
    expect(badKind.json).toMatchObject({ error: { code: 'INVALID_REQUEST', details: { field: 'kind' } } });
  });

  it('refuses an import without a file (no body, or an empty one) with 400 INVALID_REQUEST', async () => {
    for (const [path, headers] of [
      ['/intent/import?format=jsonl', {}],
      ['/intent/import', NDJSON],
      ['/intent/import?kind=company', { 'Content-Type': 'text/csv' }],
    ] as const) {
      const res = await stack.call('POST', path, admin, undefined, headers);
      expect(res.status, path).toBe(400);
      expect(res.json).toEqual({
        error: {
          code: 'INVALID_REQUEST',
          message: expect.stringContaining('empty'),
          details: { field: '(body)' },
        },
        timestamp: expect.any(String),
        request_id: expect.stringMatching(/^req_/),
      });
      const empty = await stack.call('POST', path, admin, '', headers);
      expect(empty.status, path).toBe(400);
    }
  });

  it('counts real LLM calls and their tokens in cost_usd; /healthz reports the provider', async () => {
    const health = await stack.call('GET', '/healthz', null);
    expect(health.json.llm_service).toBe('available');

    const prompt = `Which companies need a better way to manage customer relationships ${run}`;
    const calls = llm.completions();
    const first = await stack.call('POST', '/query', admin, { query: prompt });
    expect(first.status).toBe(200);
    expect(llm.completions()).toBe(calls + 1);
    expect(first.json.metadata.llm_calls).toBe(1);
    // 400 input and 30 output tokens at 0.15 / 0.60 $ per million, plus the measured CPU.
    expect(first.json.metadata.cost_usd).toBeGreaterThan((400 * 0.15 + 30 * 0.6) / 1e6);
    expect(first.json.leads.length).toBeGreaterThan(0);
    // The parse is cached by prompt: no second call.
    const second = await stack.call('POST', '/query', admin, { query: prompt });
    expect(second.json.metadata.llm_calls).toBe(0);
    expect(llm.completions()).toBe(calls + 1);

    await llm.close();
    const down = await stack.call('GET', '/healthz', null);
    expect(down.json.llm_service).toBe('unavailable');
  });

  it('exposes the documented metrics with real values', async () => {
    const res = await stack.call('POST', '/query', admin, {
      query: 'Find companies looking for CRM software',
      limit: 100,
    });
    expect(res.status).toBe(200);
    const text = (await stack.call('GET', '/metrics', null)).text;
    expect(text).toMatch(
      /^leadpoet_api_requests_total\{endpoint="\/query",method="POST",status="200"\} \d+$/m,
    );
    expect(text).toMatch(
      /^leadpoet_api_request_duration_seconds_bucket\{le="0\.1",endpoint="\/query",method="POST"\} \d+$/m,
    );
    expect(text).toMatch(
      /^leadpoet_api_request_duration_seconds_bucket\{le="0\.4",endpoint="\/query",method="POST"\} \d+$/m,
    );
    // The gauge is the cost per lead of the last query.
    const gauge = Number(/^leadpoet_cost_per_lead_usd (\S+)$/m.exec(text)?.[1]);
    expect(gauge).toBeCloseTo(res.json.metadata.cost_usd / res.json.leads.length, 12);
    expect(gauge).toBeGreaterThan(0);
    expect(text).toMatch(/^leadrail_intent_queries_total\{outcome="ok",cache="(hit|miss)"\} \d+$/m);
    expect(Number(/^leadrail_intent_llm_calls_total (\S+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(/^leadrail_intent_cache_hits_total (\S+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(/^leadrail_intent_leads_returned_total (\S+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(
      res.json.leads.length,
    );
    // Admission and ranking ahead (decision 21): the limit now, nothing in flight between queries, and
    // the query's ranking started on arrival and taken by its run.
    expect(Number(/^leadrail_intent_admission_limit (\S+)$/m.exec(text)?.[1])).toBe(
      stack.intent!.shedder.limit,
    );
    expect(Number(/^leadrail_intent_in_flight (\S+)$/m.exec(text)?.[1])).toBe(0);
    expect(
      Number(/^leadrail_intent_rankings_ahead_total\{outcome="taken"\} (\S+)$/m.exec(text)?.[1]),
    ).toBeGreaterThanOrEqual(1);
  });

  it('answers 503 SERVICE_UNAVAILABLE when the intent service is not running', async () => {
    const app = createApp({
      pool: stack.pool,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      logger: silentLogger,
    });
    const res = await app.request('/query', {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'Find companies looking for CRM software' }),
    });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
    const health = (await (await app.request('/healthz')).json()) as { llm_service: string };
    expect(health.llm_service).toBe('disabled');
  });
});
