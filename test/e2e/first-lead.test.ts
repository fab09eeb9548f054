import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// The first lead end to end: the Hono API, a real Temporal workflow, real Postgres and a real local
// HTTP server standing in for the buyer.
describe('first lead end to end', () => {
  let stack: TestStack;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;
  let key: string;
  let flowId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    buyer = await startRecipient();
    ({ key } = await stack.createAccount());
    const created = await stack.call('POST', '/flows', key, {
      name: 'Solar leads',
      settings: { required_fields: ['email', 'phone'] },
      steps: [{ type: 'delivery', recipient: { name: 'Buyer CRM', config: { url: buyer.url } } }],
    });
    expect(created.status).toBe(201);
    flowId = created.json.id;
  });

  afterAll(async () => {
    await buyer?.close();
    await stack?.stop();
  });

  it('delivers a lead synchronously and answers 201 with its events', async () => {
    const lead = {
      first_name: 'John',
      email: 'john.doe@example.com',
      phone: '5551234567',
      source: 'website_form',
    };
    const res = await stack.call('POST', `/flows/${flowId}/leads`, key, { lead });

    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: 'delivered', flow_id: flowId, pricing: { currency: 'USD' } });
    expect(res.json.id).toMatch(/^lead_[0-9a-z]{26}$/);
    expect(res.json.events.map((e: { type: string }) => e.type)).toEqual([
      'received',
      'accepted',
      'delivered',
    ]);
    expect(res.json.events.at(-1)).toMatchObject({
      outcome: 'success',
      recipient: 'Buyer CRM',
      response_code: 200,
    });
    expect(res.headers.get('X-Request-Id')).toMatch(/^req_/);

    // The buyer got the normalised lead body, with an idempotency key for safe retries.
    const normalised = { ...lead, phone: '+15551234567' };
    expect(buyer.requests).toHaveLength(1);
    expect(buyer.requests[0]!.json()).toEqual(normalised);
    expect(buyer.requests[0]!.headers['idempotency-key']).toBe(`${res.json.id}:step_1`);

    // Read back from Postgres.
    const read = await stack.call('GET', `/leads/${res.json.id}`, key);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({
      id: res.json.id,
      status: 'delivered',
      source: 'website_form',
      lead_data: normalised,
    });
    expect(read.json.events.map((e: { type: string }) => e.type)).toEqual([
      'received',
      'accepted',
      'delivered',
    ]);
  });

  it('runs as a Temporal workflow findable by its FlowId search attribute', async () => {
    const res = await stack.call('POST', `/flows/${flowId}/leads`, key, {
      lead: { email: 'sa@example.com', phone: '5550001111', source: 'ppc' },
    });
    expect(res.status).toBe(201);
    const query = `FlowId="${flowId}" AND LeadStatus="delivered" AND Source="ppc"`;
    let ids: string[] = [];
    for (let i = 0; i < 50 && !ids.includes(res.json.id); i++) {
      ids = [];
      for await (const wf of stack.client.workflow.list({ query })) ids.push(wf.workflowId);
      if (!ids.includes(res.json.id)) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ids).toContain(res.json.id);
    const description = await stack.client.workflow.getHandle(res.json.id).describe();
    expect(description.type).toBe('leadWorkflow');
    expect(description.status.name).toBe('COMPLETED');
  });

  it('rejects a lead missing required fields with 400 validation_failed and still records it', async () => {
    const res = await stack.call('POST', `/flows/${flowId}/leads`, key, { lead: { email: 'x@example.com' } });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'phone', code: 'missing_required', message: 'Phone is required' }],
    });
    expect(res.json.error.request_id).toBe(res.headers.get('X-Request-Id'));
    const leadId = res.headers.get('X-Lead-Id');
    const read = await stack.call('GET', `/leads/${leadId}`, key);
    expect(read.json).toMatchObject({ status: 'rejected', reason: 'Missing required fields: phone' });
  });

  it('answers 202 with a Location for async submissions and finishes in the background', async () => {
    const res = await stack.call('POST', `/flows/${flowId}/leads`, key, {
      lead: { email: 'async@example.com', phone: '5552223333' },
      options: { async: true },
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('Location')).toBe(`/leads/${res.json.id}`);
    await stack.client.workflow.getHandle(res.json.id).result();
    const read = await stack.call('GET', `/leads/${res.json.id}`, key);
    expect(read.json.status).toBe('delivered');
  });

  it('requires a valid API key and hides other accounts’ leads', async () => {
    expect((await stack.call('GET', '/flows', null)).status).toBe(401);
    expect((await stack.call('GET', '/flows', 'lr_live_not-a-real-key')).json.error.code).toBe(
      'unauthorized',
    );
    const other = await stack.createAccount();
    const res = await stack.call('POST', `/flows/${flowId}/leads`, other.key, {
      lead: { email: 'a@b.co', phone: '1' },
    });
    expect(res.status).toBe(404);
  });
});
