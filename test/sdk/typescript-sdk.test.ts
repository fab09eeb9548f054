import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp } from '../contract/harness.js';
import { testCorpusJsonl } from '../helpers/intent-corpus.js';
import { type ReceivedRequest, startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// The TypeScript SDK as a user gets it: the package is built (tsc: client/dist, JS + .d.ts) and these
// tests import the BUILT entry point, then call the API over real HTTP (the global fetch, the API on a
// real port) with the run's real Temporal and Postgres, and the intent service over an imported corpus.
type Sdk = typeof import('../../client/index.js');
const root = process.cwd();

describe('the TypeScript SDK (@leadrail/client, built) against the live stack', () => {
  let sdk: Sdk;
  let stack: TestStack;
  let served: Awaited<ReturnType<typeof serveApp>>;
  let client: InstanceType<Sdk['LeadrailClient']>;
  let key: string;
  let hooks: Awaited<ReturnType<typeof startRecipient>>;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;
  let buyerUp = false;

  /** Test arrangement goes through the API directly, not through the SDK under test. */
  async function post(path: string, body: unknown) {
    const res = await fetch(`${served.baseUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as { id: string };
  }

  async function webhookFor(leadId: string): Promise<ReceivedRequest> {
    let found: ReceivedRequest | undefined;
    await expect
      .poll(
        () => {
          found = hooks.requests.find((r) => (r.json() as { lead_id?: string }).lead_id === leadId);
          return found !== undefined;
        },
        { timeout: 60_000, interval: 50 },
      )
      .toBe(true);
    return found!;
  }

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'client'], {
      cwd: root,
      stdio: 'pipe',
      timeout: 120_000,
    });
    sdk = (await import(pathToFileURL(join(root, 'client/dist/index.js')).href)) as Sdk;
    stack = await startTestStack({ intent: {} });
    served = await serveApp(stack.app);
    ({ key } = await stack.createAccount());
    client = new sdk.LeadrailClient({ apiKey: key, baseUrl: served.baseUrl });
    hooks = await startRecipient(() => ({ status: 200, body: {} }));
    buyer = await startRecipient(() =>
      buyerUp ? { status: 200, body: { outcome: 'success' } } : { status: 500, body: { error: 'down' } },
    );
    const imported = await fetch(`${served.baseUrl}/intent/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/x-ndjson' },
      body: testCorpusJsonl(),
    });
    expect(imported.status).toBe(200);
  });
  afterAll(async () => {
    await hooks?.close();
    await buyer?.close();
    await served?.close();
    await stack?.stop();
  });

  it('is the built package: its entry point is the compiled JavaScript with declarations beside it', async () => {
    expect(Object.keys(sdk).sort()).toEqual(['LeadrailApiError', 'LeadrailClient', 'verifyWebhook']);
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: join(root, 'client'),
        encoding: 'utf8',
        timeout: 60_000,
      }),
    ) as { name: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(packed[0]!.name).toBe('@leadrail/client');
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/webhooks.js',
        'dist/generated/schema.d.ts',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('submits with camelCase options (idempotency key, external id), async and in batches', async () => {
    const flow = await post('/flows', { name: 'TS SDK' });
    const fields = { first_name: 'Ana', email: 'ana.ts@example.com' };
    const lead = await client.submitLead(flow.id, fields, { externalId: 'ts-1', idempotencyKey: 'ts-1' });
    expect(lead).toMatchObject({ id: expect.stringMatching(/^lead_/), status: 'accepted' });
    const again = await client.submitLead(flow.id, fields, { externalId: 'ts-1', idempotencyKey: 'ts-1' });
    expect(again.id).toBe(lead.id);
    expect((await client.getLead(lead.id)).external_id).toBe('ts-1');

    const accepted = await client.submitLead(flow.id, { email: 'later@example.com' }, { async: true });
    expect(accepted).toMatchObject({ status: 'received', location: `/leads/${accepted.id}` });

    const batch = await client.submitBatch(
      flow.id,
      [
        { lead: { email: 'one@example.com' }, externalId: 'ts-b1' },
        { lead: { email: 'two@example.com' }, externalId: 'ts-b2' },
      ],
      { continueOnError: true },
    );
    expect(batch).toMatchObject({ total_leads: 2, successful: 2 });
    expect(batch.results.map((r) => r.external_id)).toEqual(['ts-b1', 'ts-b2']);
  });

  it('searches with camelCase filters and pages through every match with iterateLeads', async () => {
    const flow = await post('/flows', { name: 'TS SDK paging' });
    const submitted = new Set<string>();
    for (let i = 0; i < 5; i++)
      submitted.add(
        (await client.submitLead(flow.id, { email: `p${i}@example.com` }, { externalId: `p${i}` })).id,
      );
    const page = await client.searchLeads({
      flowId: flow.id,
      limit: 2,
      createdAfter: new Date(Date.now() - 3_600_000),
    });
    expect(page).toMatchObject({ total_count: 5, per_page: 2 });
    expect(page.leads).toHaveLength(2);
    const paged: string[] = [];
    for await (const summary of client.iterateLeads({ flowId: flow.id, pageSize: 2 })) paged.push(summary.id);
    expect(paged).toHaveLength(5);
    expect(new Set(paged)).toEqual(submitted);
    const none: string[] = [];
    for await (const summary of client.iterateLeads({ flowId: flow.id, status: ['rejected'] }))
      none.push(summary.id);
    expect(none).toEqual([]);
    // The generated, typed transport for what the idiomatic layer does not wrap.
    const { data: caps, response } = await client.api.GET('/flows/{flow_id}/caps', {
      params: { path: { flow_id: flow.id } },
    });
    expect(response.status).toBe(200);
    expect(caps?.flow_id).toBe(flow.id);
    const byExternalId = await client.searchLeads({ flowId: flow.id, externalId: 'p3', testMode: false });
    expect(byExternalId.leads.map((l) => l.external_id)).toEqual(['p3']);
  });

  it('throws LeadrailApiError with status, code, message and request id', async () => {
    const missing = await client.getLead('lead_missing').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(sdk.LeadrailApiError);
    expect(missing).toMatchObject({ status: 404, code: 'not_found', message: expect.any(String) });
    expect((missing as InstanceType<Sdk['LeadrailApiError']>).requestId).toMatch(/^req_/);

    const invalid = await client.searchLeads({ limit: 5000 }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({
      status: 400,
      code: 'validation_failed',
      details: [expect.objectContaining({ field: 'limit' })],
    });
  });

  it('replays a failed delivery once the buyer recovered', async () => {
    const flow = await post('/flows', {
      name: 'TS SDK replay',
      delivery_retry: {
        maximum_attempts: 2,
        initial_interval_ms: 100,
        maximum_interval_ms: 100,
        replay_window_seconds: 3600,
      },
      steps: [{ type: 'delivery', recipient: { name: 'Night buyer', config: { url: buyer.url } } }],
    });
    const lead = await client.submitLead(flow.id, { email: 'night@example.com' });
    expect(lead.status).toBe('delivery_failed');
    buyerUp = true;
    const deliveriesBefore = buyer.requests.length;
    const replay = await client.replayLead(lead.id, {}, `replay-${lead.id}`);
    expect(replay).toMatchObject({
      lead_id: lead.id,
      status: 'delivered',
      attempts: [{ outcome: 'success' }],
    });
    // The same idempotency key answers the same replay, without delivering again.
    expect(await client.replayLead(lead.id, {}, `replay-${lead.id}`)).toEqual(replay);
    expect(buyer.requests.length - deliveriesBefore).toBe(1);
  });

  it('queries intent with camelCase filters, sent as the API names them', async () => {
    const ranked = await client.queryIntent({
      query: 'software companies hiring engineers',
      limit: 10,
      filters: { companySize: ['51-200'], jobTitles: ['engineer'] },
    });
    expect(ranked.leads.length).toBeGreaterThan(0);
    for (const company of ranked.leads) expect(company.company_size).toBe('51-200');
    expect(ranked.leads.length).toBeLessThanOrEqual(10);
    expect(ranked.metadata.total_leads).toBeGreaterThanOrEqual(ranked.leads.length);
    const refused = await client.queryIntent({ query: 'x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(sdk.LeadrailApiError);
    expect(refused).toMatchObject({ status: 400, requestId: expect.stringMatching(/^req_/) });
  });

  it('verifies webhooks with verifyWebhook across a secret rotation (two v1= in the overlap)', async () => {
    const flow = await post('/flows', {
      name: 'TS SDK webhooks',
      settings: { notifications: { webhook_url: hooks.url, events: ['lead.received'] } },
    });
    const before = (await client.getWebhookSecret()).secret;
    let hook = await webhookFor((await client.submitLead(flow.id, { email: 'w1@example.com' })).id);
    let signature = hook.headers['x-leadrail-signature'] as string;
    expect(signature.match(/v1=/g)).toHaveLength(1);
    expect(await sdk.verifyWebhook({ secret: before, rawBody: hook.body, signature })).toBe(true);
    expect(await sdk.verifyWebhook({ secret: 'whsec_wrong', rawBody: hook.body, signature })).toBe(false);
    expect(await sdk.verifyWebhook({ secret: before, rawBody: `${hook.body} `, signature })).toBe(false);

    const rotated = await client.rotateWebhookSecret({ overlapSeconds: 3600 });
    expect(rotated.previous?.secret).toBe(before);
    const after = rotated.secret;
    hook = await webhookFor((await client.submitLead(flow.id, { email: 'w2@example.com' })).id);
    signature = hook.headers['x-leadrail-signature'] as string;
    expect(signature.match(/v1=/g)).toHaveLength(2);
    // Bytes as received verify too (a receiver that does not decode the body first).
    const bytes = new TextEncoder().encode(hook.body);
    expect(await sdk.verifyWebhook({ secret: before, rawBody: bytes, signature })).toBe(true);
    expect(await sdk.verifyWebhook({ secret: after, rawBody: hook.body, signature })).toBe(true);

    const newest = (await client.rotateWebhookSecret({ overlapSeconds: 0 })).secret;
    hook = await webhookFor((await client.submitLead(flow.id, { email: 'w3@example.com' })).id);
    signature = hook.headers['x-leadrail-signature'] as string;
    expect(signature.match(/v1=/g)).toHaveLength(1);
    expect(await sdk.verifyWebhook({ secret: newest, rawBody: hook.body, signature })).toBe(true);
    expect(await sdk.verifyWebhook({ secret: after, rawBody: hook.body, signature })).toBe(false);

    const t = Number(/t=(\d+)/.exec(signature)![1]);
    expect(await sdk.verifyWebhook({ secret: newest, rawBody: hook.body, signature, now: t + 299 })).toBe(
      true,
    );
    expect(await sdk.verifyWebhook({ secret: newest, rawBody: hook.body, signature, now: t + 301 })).toBe(
      false,
    );
  });
});
