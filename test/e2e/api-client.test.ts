import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeadrailApiError, LeadrailClient } from '../../client/index.js';
import { inOneWindow } from '../helpers/calendar-window.js';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// The typed client against the real stack: its fetch calls app.request.
describe('LeadrailClient through the API', () => {
  let stack: TestStack;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;
  let client: LeadrailClient;

  const clientFor = (apiKey: string) =>
    new LeadrailClient({
      apiKey,
      baseUrl: 'http://leadrail.test',
      fetch: async (input, init) => stack.app.request(input, init),
    });

  beforeAll(async () => {
    stack = await startTestStack();
    buyer = await startRecipient();
    client = clientFor((await stack.createAccount()).key);
  });
  afterAll(async () => {
    await buyer?.close();
    await stack?.stop();
  });

  it('walks the documented flow: recipient, flow, lead, reads, events and analytics', async () => {
    const recipient = await client.createRecipient({
      name: 'Buyer CRM',
      config: { url: buyer.url, headers: { 'X-Token': 'secret-token-1234' } },
    });
    expect(recipient.config).toMatchObject({ headers: { 'X-Token': '****1234' } });
    expect(await client.getRecipient(recipient.id)).toEqual(recipient);
    expect((await client.listRecipients()).map((r) => r.id)).toEqual([recipient.id]);

    const flow = await client.createFlow({
      name: 'Solar leads',
      settings: { required_fields: ['email'] },
      steps: [{ type: 'delivery', recipient_id: recipient.id }],
    });
    expect(flow.id).toMatch(/^flow_/);
    expect((await client.getFlow(flow.id)).name).toBe('Solar leads');
    expect((await client.listFlows()).map((f) => f.id)).toContain(flow.id);
    const settings = await client.updateFlowSettings(flow.id, { quality_threshold: 0.1 });
    expect(settings).toMatchObject({ flow_id: flow.id, settings: { quality_threshold: 0.1 } });

    // The API reference's SDK usage: submitLead returns the lead.
    const lead = await client.submitLead(flow.id, {
      first_name: 'John',
      last_name: 'Doe',
      email: 'john@example.com',
      phone: '5551234567',
      source: 'website_form',
    });
    expect(lead.id).toMatch(/^lead_/);
    expect(lead.status).toBe('delivered');
    expect(buyer.requests).toHaveLength(1);

    const detail = await client.getLead(lead.id);
    expect(detail).toMatchObject({ id: lead.id, flow_id: flow.id, source: 'website_form' });
    const found = await client.searchLeads({ flow_id: flow.id, status: ['delivered'] });
    expect(found).toMatchObject({ total_count: 1, leads: [{ id: lead.id }] });
    const events = await client.getFlowEvents(flow.id, { event_type: 'delivered' });
    expect(events.events[0]).toMatchObject({
      lead_id: lead.id,
      recipient: { id: recipient.id, name: 'Buyer CRM' },
    });
    const analytics = await client.getAnalytics({
      flow_id: flow.id,
      group_by: 'source',
      metric: 'delivered_leads',
    });
    expect(analytics.metrics).toMatchObject([{ source: 'website_form', delivered_leads: 1, total_leads: 1 }]);
    expect(client.rateLimit!.remaining).toBeLessThan(client.rateLimit!.limit);
    expect(client.rateLimit!.reset % 3600).toBe(0);
  });

  // "46 left" counts four requests in one hour window of the key's limit: once more, with a new
  // account, if the hour ended while they ran.
  it('works under the reference base path /api/v1 as at the root, one rate limit for both', () =>
    inOneWindow(stack.pool, { unit: 'hour' }, async () => {
      const { key } = await stack.createAccount({ rateLimit: { perHour: 50 } });
      const v1 = new LeadrailClient({
        apiKey: key,
        baseUrl: 'http://leadrail.test/api/v1',
        fetch: async (input, init) => stack.app.request(input, init),
      });
      const flow = await v1.createFlow({ name: 'Versioned path' });
      expect((await clientFor(key).getFlow(flow.id)).name).toBe('Versioned path');
      const lead = await v1.submitLead(flow.id, { email: 'v1@example.com' });
      expect((await v1.getLead(lead.id)).flow_id).toBe(flow.id);
      // Both paths count against the same key's limit: 4 requests so far, 46 left.
      expect(v1.rateLimit).toMatchObject({ limit: 50, remaining: 46 });
      await expect(v1.request('GET', '/nope')).rejects.toMatchObject({ status: 404, code: 'not_found' });
      const doc = (await (await stack.app.request('/api/v1/openapi.json')).json()) as { servers: unknown[] };
      expect(doc.servers).toEqual([
        { url: '/', description: expect.any(String) },
        { url: '/api/v1', description: expect.any(String) },
      ]);
    }));

  it('submits asynchronously and in batches', async () => {
    const flow = await client.createFlow({ name: 'Async' });
    const accepted = await client.submitLead(flow.id, { email: 'a@example.com' }, { async: true });
    expect(accepted.status).toBe('received');
    expect('location' in accepted && accepted.location).toBe(`/leads/${accepted.id}`);
    await stack.client.workflow.getHandle(accepted.id).result();
    expect((await client.getLead(accepted.id)).status).toBe('accepted');

    const batch = await client.submitBatch(flow.id, [
      { external_id: 'one', lead: { email: 'one@example.com' } },
      { external_id: 'two', lead: { email: 'two@example.com' } },
    ]);
    expect(batch.total_leads).toBe(2);
    expect(batch.results.map((r) => r.external_id)).toEqual(['one', 'two']);
  });

  it('manages API keys and recipients', async () => {
    const created = await client.createApiKey({ name: 'Reporting', scopes: ['analytics:read'] });
    expect(created.key).toMatch(/^lr_live_/);
    expect((await client.listApiKeys()).find((k) => k.id === created.id)).not.toHaveProperty('key');
    expect((await client.getApiKey(created.id)).prefix).toBe(created.prefix);
    const reporting = clientFor(created.key);
    expect((await reporting.getAnalytics()).metrics).toHaveLength(1);
    const renamed = await client.updateApiKey(created.id, {
      name: 'Reporting (BI)',
      rate_limit: { per_hour: 50 },
    });
    expect(renamed).toMatchObject({ name: 'Reporting (BI)', rate_limit: { per_hour: 50 } });
    const rotated = await client.rotateApiKey(created.id, { grace_period_seconds: 60 });
    expect(rotated.previous_key_expires_at).not.toBeNull();
    expect((await clientFor(rotated.key).getAnalytics()).period).toBeDefined();
    expect((await client.revokeApiKey(created.id)).status).toBe('revoked');
    await expect(reporting.getAnalytics()).rejects.toMatchObject({ status: 401, code: 'unauthorized' });

    const recipient = await client.createRecipient({ name: 'Temp', config: { url: buyer.url } });
    expect(
      (await client.updateRecipient(recipient.id, { name: 'Renamed', config: { url: buyer.url } })).name,
    ).toBe('Renamed');
    expect((await client.deleteRecipient(recipient.id)).id).toBe(recipient.id);
  });

  it('throws LeadrailApiError with status, code, details and request id', async () => {
    const notFound = await client.getLead('lead_missing').catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(LeadrailApiError);
    expect(notFound).toMatchObject({ status: 404, code: 'not_found' });
    expect((notFound as LeadrailApiError).requestId).toMatch(/^req_/);

    const invalid = await client.searchLeads({ limit: 5000 }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(LeadrailApiError);
    expect(invalid).toMatchObject({ status: 400, code: 'validation_failed' });
    expect((invalid as LeadrailApiError).details).toEqual([expect.objectContaining({ field: 'limit' })]);

    const { key: reader } = await stack.createAccount({ scopes: ['leads:read'] });
    await expect(clientFor(reader).createFlow({ name: 'x' })).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
      details: [{ required_scope: 'flows:write' }],
    });
  });
});
