import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { verifyWebhook } from '../../client/webhooks.js';
import { capCount } from '../../db/caps.js';
import { listWebhookDeliveries } from '../../db/webhooks.js';
import { verifyBodySignature } from '../../lib/webhook-signature.js';
import { inOneWindow } from '../helpers/calendar-window.js';
import { startRecipient } from '../helpers/recipient.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';

type Recipient = Awaited<ReturnType<typeof startRecipient>>;

// Every path of the lead pipeline through the real API, real Temporal, real Postgres and real local
// HTTP servers standing in for buyers and webhook receivers.
describe('lead pipeline end to end', () => {
  let stack: TestStack;
  let key: string;
  let accountSecret: string;
  const servers: Recipient[] = [];

  const FAST_RETRY = { maximum_attempts: 3, initial_interval_ms: 200, maximum_interval_ms: 400 };

  async function buyer(...args: Parameters<typeof startRecipient>) {
    const server = await startRecipient(...args);
    servers.push(server);
    return server;
  }

  async function createFlow(body: Record<string, unknown>) {
    const res = await stack.call('POST', '/flows', key, {
      name: 'Test flow',
      delivery_retry: FAST_RETRY,
      ...body,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.id as string;
  }

  const delivery = (
    url: string,
    config: Record<string, unknown> = {},
    step: Record<string, unknown> = {},
  ) => ({
    type: 'delivery',
    recipient: { name: `Buyer ${servers.length}`, config: { url, ...config } },
    ...step,
  });

  let seq = 0;
  const lead = (extra: Record<string, unknown> = {}) => ({
    first_name: 'Pat',
    last_name: 'Lee',
    email: `pat.${Date.now()}.${seq++}@example.com`,
    phone: '(212) 555-0199',
    postal_code: '10001',
    state: 'NY',
    ...extra,
  });

  const submit = (flowId: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
    stack.call('POST', `/flows/${flowId}/leads`, key, body, headers);

  beforeAll(async () => {
    stack = await startTestStack();
    const created = await stack.createAccount();
    key = created.key;
    accountSecret = created.account.webhook_secret;
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await stack?.stop();
  });

  it('normalises, enhances, prices and delivers with field mapping and the buyer’s price', async () => {
    const crm = await buyer(() => ({
      status: 200,
      body: { result: { status: 'Accepted', price: '21.5', id: 'crm-1' } },
    }));
    const flowId = await createFlow({
      fields: [
        { name: 'email', type: 'email', required: true, require_valid: true },
        { name: 'phone', type: 'phone', required: true },
        { name: 'postal_code', type: 'postal_code' },
        { name: 'age', type: 'number' },
      ],
      settings: { acceptance_criteria: 'lead.age >= 21' },
      pricing: { purchase: { amount: 5, rules: [{ amount: 9, criteria: 'lead.state == "NY"' }] } },
      steps: [
        { type: 'enhancement', service: 'email_validation' },
        { type: 'enhancement', service: 'phone_validation' },
        delivery(crm.url, {
          field_mapping: { EmailAddress: 'email', Phone: 'phone', Zip: 'postal_code' },
          response: {
            outcome_path: 'result.status',
            success_values: ['accepted'],
            price_path: 'result.price',
            reference_path: 'result.id',
          },
        }),
      ],
    });
    const res = await submit(flowId, { lead: lead({ age: '34', email: ' Pat.Lee@Acme-Roofing.COM ' }) });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ status: 'delivered', pricing: { amount: 9, currency: 'USD' } });
    expect(res.json.quality_score).toBeGreaterThan(0);
    expect(res.json.events.map((e: { type: string }) => e.type)).toEqual([
      'received',
      'enhanced',
      'accepted',
      'delivered',
    ]);
    expect(res.json.events[1].enhancements).toEqual(['email_validation', 'phone_validation']);
    expect(crm.requests[0]!.json()).toEqual({
      EmailAddress: 'pat.lee@acme-roofing.com',
      Phone: '+12125550199',
      Zip: '10001',
    });

    const read = await stack.call('GET', `/leads/${res.json.id}`, key);
    expect(read.json).toMatchObject({
      status: 'delivered',
      lead_data: { email: 'pat.lee@acme-roofing.com', phone: '+12125550199', age: 34 },
      enhancements: {
        email_validation: { status: 'valid', is_free: false, quality_score: 0.8 }, // MX not checked here
        phone_validation: { status: 'valid', carrier: null },
      },
      pricing: { cost: 9, revenue: 21.5 },
    });
    expect(read.json.quality_metrics).toMatchObject({
      completeness: expect.any(Number),
      fraud_risk: expect.any(Number),
    });
    expect(read.json.events.at(-1)).toMatchObject({
      type: 'delivered',
      details: { price: 21.5, reference: 'crm-1' },
    });
    // Read back from Postgres, the events are the ones the submission answered (enhancements included).
    expect(read.json.events).toEqual(res.json.events);
    const flowEvents = await stack.call('GET', `/flows/${flowId}/events?event_type=enhanced`, key);
    expect(flowEvents.json.events[0]).toMatchObject({
      lead_id: res.json.id,
      enhancements: ['email_validation', 'phone_validation'],
    });
  });

  it('rejects by acceptance criteria (422) and records the rejected lead', async () => {
    const crm = await buyer();
    const flowId = await createFlow({
      settings: { acceptance_criteria: 'lead.income >= 50000' },
      steps: [delivery(crm.url)],
    });
    const res = await submit(flowId, { lead: lead({ income: '$42,000' }) });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: 'lead_rejected', lead_id: expect.stringMatching(/^lead_/) });
    expect(res.json.error.message).toMatch(/lead.income >= 50000/);
    const read = await stack.call('GET', `/leads/${res.json.error.lead_id}`, key);
    expect(read.json.status).toBe('rejected');
    expect(crm.requests).toHaveLength(0);
  });

  it('rejects invalid values where the flow requires valid ones (400 with per-field details)', async () => {
    const flowId = await createFlow({
      fields: [{ name: 'email', type: 'email', required: true, require_valid: true }],
    });
    const res = await submit(flowId, { lead: { email: 'not-an-email' } });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual([
      { field: 'email', code: 'invalid_format', message: 'Email format is invalid' },
    ]);
  });

  it('rejects a duplicate within the lookback with 409 duplicate_detected', async () => {
    const crm = await buyer();
    const flowId = await createFlow({
      steps: [
        {
          type: 'enhancement',
          service: 'duplicate_check',
          settings: { fields: ['email'], lookback_days: 30 },
        },
        delivery(crm.url),
      ],
    });
    const first = await submit(flowId, { lead: lead({ email: 'dup@example.com' }) });
    expect(first.status).toBe(201);
    const second = await submit(flowId, { lead: lead({ email: 'DUP@example.com' }) });
    expect(second.status).toBe(409);
    expect(second.json.error).toMatchObject({
      code: 'duplicate_detected',
      details: [{ duplicate_of: first.json.id }],
    });
    expect(crm.requests).toHaveLength(1);
  });

  it('rejects under the quality threshold', async () => {
    const flowId = await createFlow({ settings: { quality_threshold: 0.9 } });
    const res = await submit(flowId, { lead: { email: 'info@mailinator.com' } });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/below the flow's threshold 0.90/);
  });

  it('TrustedForm: checks the certificate URL, and the pluggable claim step rejects an old certificate', async () => {
    const cert = `https://cert.trustedform.com/${'a1b2c3d4e5'.repeat(4)}`;
    const claims = await buyer((req) => {
      const { match_lead } = req.json() as { match_lead: { email: string } };
      return {
        status: 200,
        body: {
          outcome: 'success',
          age_in_seconds: match_lead.email.startsWith('old') ? 120 * 86_400 : 3_600,
        },
      };
    });
    const crm = await buyer();
    const flowId = await createFlow({
      steps: [
        {
          type: 'enhancement',
          service: 'trustedform',
          settings: { require_valid: true, claim_url: claims.url, max_age_days: 90 },
        },
        delivery(crm.url),
      ],
    });
    const fresh = await submit(flowId, {
      lead: lead({ email: 'fresh@example.com' }),
      trusted_form_cert_url: cert,
    });
    expect(fresh.status, JSON.stringify(fresh.json)).toBe(201);
    expect(
      (await stack.call('GET', `/leads/${fresh.json.id}`, key)).json.enhancements.trustedform,
    ).toMatchObject({
      status: 'valid',
      cert_id: 'a1b2c3d4e5'.repeat(4),
      age_in_days: 0,
      claim: { status: 'claimed' },
    });
    expect(claims.requests[0]!.json()).toMatchObject({ cert_url: cert, reference: fresh.json.id });

    const old = await submit(flowId, {
      lead: lead({ email: 'old@example.com' }),
      trusted_form_cert_url: cert,
    });
    expect(old.status).toBe(422);
    expect(old.json.error.message).toBe('TrustedForm certificate is 120 days old (max 90)');
    const bad = await submit(flowId, {
      lead: lead({ trustedform_cert_url: 'https://example.com/not-a-cert' }),
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toBe('TrustedForm certificate URL is invalid');
    expect(crm.requests).toHaveLength(1);
  });

  it('buyer 500 then success: retried with the same idempotency key and delivered', async () => {
    const crm = await buyer((_req, attempt) =>
      attempt === 1 ? { status: 500 } : { status: 200, body: { ok: true } },
    );
    const flowId = await createFlow({ steps: [delivery(crm.url)] });
    const res = await submit(flowId, { lead: lead() });
    expect(res.status).toBe(201);
    expect(res.json.status).toBe('delivered');
    expect(crm.requests).toHaveLength(2);
    expect(crm.requests[0]!.headers['idempotency-key']).toBe(crm.requests[1]!.headers['idempotency-key']);
  });

  it('buyer 4xx: a definite decline, not retried; the lead ends delivery_failed', async () => {
    const crm = await buyer(() => ({ status: 422, body: { error: 'bad zip' } }));
    const flowId = await createFlow({ steps: [delivery(crm.url, { response: { reason_path: 'error' } })] });
    const res = await submit(flowId, { lead: lead() });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: 'delivery_failed', reason: 'bad zip' });
    expect(res.json.events.at(-1)).toMatchObject({
      type: 'delivery_failed',
      outcome: 'failure',
      response_code: 422,
    });
    expect(crm.requests).toHaveLength(1);
  });

  it('buyer down for every attempt: delivery_failed with an error outcome after the retries', async () => {
    const crm = await buyer(() => ({ status: 503 }));
    const flowId = await createFlow({ steps: [delivery(crm.url)] });
    const res = await submit(flowId, { lead: lead() });
    expect(res.json).toMatchObject({ status: 'delivery_failed', reason: 'Recipient answered HTTP 503' });
    expect(res.json.events.at(-1)).toMatchObject({ outcome: 'error', response_code: 503 });
    expect(crm.requests).toHaveLength(FAST_RETRY.maximum_attempts);
  });

  it('waterfall: the first buyer declines, the second buys, the third is never asked', async () => {
    const first = await buyer(() => ({ status: 200, body: { outcome: 'failure', reason: 'no coverage' } }));
    const second = await buyer(() => ({ status: 200, body: { outcome: 'success' } }));
    const third = await buyer();
    const parse = { response: { outcome_path: 'outcome', reason_path: 'reason' } };
    const flowId = await createFlow({
      distribution: { mode: 'waterfall' },
      steps: [delivery(first.url, parse), delivery(second.url, parse), delivery(third.url, parse)],
    });
    const res = await submit(flowId, { lead: lead() });
    expect(res.json.status).toBe('delivered');
    expect(
      res.json.events
        .filter((e: { recipient_id?: string }) => e.recipient_id)
        .map((e: { type: string; reason?: string }) => [e.type, e.reason ?? null]),
    ).toEqual([
      ['delivery_failed', 'no coverage'],
      ['delivered', null],
    ]);
    expect([first.requests.length, second.requests.length, third.requests.length]).toEqual([1, 1, 0]);
  });

  it('delivers to every matching recipient in "all" mode and skips one whose step criteria fail', async () => {
    const a = await buyer();
    const b = await buyer();
    const c = await buyer();
    const flowId = await createFlow({
      steps: [delivery(a.url), delivery(b.url, {}, { criteria: 'lead.state == "CA"' }), delivery(c.url)],
    });
    const res = await submit(flowId, { lead: lead() });
    expect(res.json.status).toBe('delivered');
    expect([a.requests.length, b.requests.length, c.requests.length]).toEqual([1, 0, 1]);
    expect(res.json.events.filter((e: { type: string }) => e.type === 'skipped')).toHaveLength(1);
  });

  // The day caps below are UTC days (the flow's default time zone): a scenario whose leads straddle
  // midnight would find a fresh window, so it runs once more, with a new buyer and flow, if so.
  it('a capped recipient is skipped and the lead stays accepted', () =>
    inOneWindow(stack.pool, { unit: 'day' }, async () => {
      const crm = await buyer();
      const flowId = await createFlow({ steps: [delivery(crm.url, { caps: [{ maximum: 1, per: 'day' }] })] });
      expect((await submit(flowId, { lead: lead() })).json.status).toBe('delivered');
      const second = await submit(flowId, { lead: lead() });
      expect(second.json).toMatchObject({ status: 'accepted' });
      expect(second.json.events.at(-1)).toMatchObject({ type: 'skipped', reason: 'Recipient cap reached' });
      expect(crm.requests).toHaveLength(1);
    }));

  it('flow cap under concurrency: exactly min(N, M) of N concurrent leads pass', () =>
    inOneWindow(stack.pool, { unit: 'day' }, async () => {
      const crm = await buyer();
      const M = 5;
      const N = 30;
      const flowId = await createFlow({
        settings: { volume_cap: { daily_limit: M } },
        steps: [delivery(crm.url)],
      });
      const results = await Promise.all(Array.from({ length: N }, () => submit(flowId, { lead: lead() })));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(M);
      expect(statuses.filter((s) => s === 422)).toHaveLength(N - M);
      expect(results.filter((r) => r.status === 422).every((r) => r.json.error.code === 'cap_reached')).toBe(
        true,
      );
      expect(crm.requests).toHaveLength(M);
      expect(await capCount(stack.pool, `flow:${flowId}:volume_cap_daily`)).toBe(M);
    }));

  it('a lead delivered nowhere releases its flow cap slot when it closes', async () => {
    const down = await buyer(() => ({ status: 400 }));
    const flowId = await createFlow({
      caps: [{ maximum: 1, per: 'hour' }],
      delivery_retry: { ...FAST_RETRY, replay_window_seconds: 1 },
      steps: [delivery(down.url)],
    });
    const first = await submit(flowId, { lead: lead() });
    expect(first.json.status).toBe('delivery_failed');
    // While it waits for a replay it keeps its slot; once the replay window closes it gives it back.
    expect(await capCount(stack.pool, `flow:${flowId}:cap_1`)).toBe(1);
    expect((await stack.client.workflow.getHandle(first.json.id).result()).status).toBe('failed');
    expect(await capCount(stack.pool, `flow:${flowId}:cap_1`)).toBe(0);
    expect((await submit(flowId, { lead: lead() })).json.status).toBe('delivery_failed'); // not cap_reached
  });

  it('signs webhooks; a dead webhook endpoint never delays or changes the outcome', async () => {
    const crm = await buyer();
    const hooks = await buyer();
    const flowId = await createFlow({
      settings: { notifications: { webhook_url: hooks.url, events: ['lead.delivered', 'lead.received'] } },
      steps: [delivery(crm.url)],
    });
    const res = await submit(flowId, { lead: lead() });
    expect(res.json.status).toBe('delivered');
    await stack.client.workflow.getHandle(res.json.id).result();
    const types = hooks.requests.map((r) => r.headers['x-leadrail-event']).sort();
    expect(types).toEqual(['lead.delivered', 'lead.received']);
    const deliveredHook = hooks.requests.find((r) => r.headers['x-leadrail-event'] === 'lead.delivered')!;
    expect(deliveredHook.json()).toMatchObject({
      event_type: 'lead.delivered',
      flow_id: flowId,
      lead_id: res.json.id,
      data: { recipient: { name: expect.any(String) }, quality_score: expect.any(Number) },
      signature: expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
    const signatureHeader = deliveredHook.headers['x-leadrail-signature'] as string;
    expect(signatureHeader).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(signatureHeader.slice(2, signatureHeader.indexOf(','))).toBe(
      deliveredHook.headers['x-leadrail-timestamp'],
    );
    expect(
      await verifyWebhook({ secret: accountSecret, rawBody: deliveredHook.body, signature: signatureHeader }),
    ).toBe(true);
    expect(
      await verifyWebhook({ secret: 'wrong', rawBody: deliveredHook.body, signature: signatureHeader }),
    ).toBe(false);
    // The body's own member (the reference's shape) is signed with the same secret.
    expect(
      verifyBodySignature({
        secret: accountSecret,
        rawBody: deliveredHook.body,
        timestamp: deliveredHook.headers['x-leadrail-timestamp'] as string,
      }),
    ).toBe(true);

    // Now the receiver is down: leads still complete at once.
    hooks.respondWith(() => ({ status: 503 }));
    const started = Date.now();
    const slow = await submit(flowId, { lead: lead() });
    expect(slow.status).toBe(201);
    expect(slow.json.status).toBe('delivered');
    expect(Date.now() - started).toBeLessThan(5000);
    await expect
      .poll(
        async () =>
          (await listWebhookDeliveries(stack.pool, slow.json.id)).some((w) => w.status === 'pending'),
        { timeout: 10_000 },
      )
      .toBe(true);
  });

  it('runs a lead against the flow version it arrived under', async () => {
    const slowBuyer = await buyer(() => ({ status: 200, delayMs: 800 }));
    const flowId = await createFlow({ steps: [delivery(slowBuyer.url)] });
    const inFlight = submit(flowId, { lead: lead() });
    // The lead is at the buyer, so its run has long since taken its flow version: change the flow now.
    await expect.poll(() => slowBuyer.requests.length, { timeout: 10_000, interval: 20 }).toBe(1);
    const put = await stack.call('PUT', `/flows/${flowId}/settings`, key, {
      settings: { acceptance_criteria: 'false' },
    });
    expect(put.status).toBe(200);
    expect(put.json.version).toBe(2);
    const first = await inFlight;
    expect(first.json.status).toBe('delivered');
    expect((await stack.call('GET', `/leads/${first.json.id}`, key)).json.flow_version).toBe(1);
    const after = await submit(flowId, { lead: lead() });
    expect(after.status).toBe(422);
  });

  it('updates only the settings a PUT /settings names; the others keep their values', async () => {
    const settings = {
      required_fields: ['email', 'phone'],
      acceptance_criteria: 'lead.age >= 21',
      quality_threshold: 0.4,
      volume_cap: { daily_limit: 500 },
      notifications: { webhook_url: 'https://hooks.example.com/leadrail', events: ['lead.delivered'] },
      time_zone: 'America/Chicago',
    };
    const flowId = await createFlow({ settings });
    const put = await stack.call('PUT', `/flows/${flowId}/settings`, key, {
      settings: { quality_threshold: 0.7 },
    });
    expect(put.status).toBe(200);
    expect(put.json.settings).toEqual({ ...settings, quality_threshold: 0.7 });
    const read = await stack.call('GET', `/flows/${flowId}`, key);
    expect(read.json.settings).toMatchObject({ ...settings, quality_threshold: 0.7 });
    // A setting is cleared only when the request says so.
    const cleared = await stack.call('PUT', `/flows/${flowId}/settings`, key, {
      settings: { acceptance_criteria: null, volume_cap: null },
    });
    expect(cleared.json.settings).toEqual({
      ...settings,
      quality_threshold: 0.7,
      acceptance_criteria: null,
      volume_cap: null,
    });
    expect(cleared.json.version).toBe(3);
  });

  it('feedback: a conversion fires lead.converted once; a return deducts revenue once; repeats change nothing', async () => {
    const crm = await buyer(() => ({ status: 200, body: {} }));
    const hooks = await buyer();
    const flowId = await createFlow({
      settings: { notifications: { webhook_url: hooks.url, events: ['lead.converted'] } },
      steps: [delivery(crm.url, { sale_price: 30 })],
    });
    const res = await submit(flowId, { lead: lead() });
    expect(res.json.status).toBe('delivered');
    const path = `/leads/${res.json.id}/feedback`;
    // Two conversions racing (a client retrying before the first answer) and one more after.
    const [first, racing] = await Promise.all([
      stack.call('POST', path, key, { type: 'conversion' }),
      stack.call('POST', path, key, { type: 'conversion' }),
    ]);
    expect([first.status, racing.status].sort()).toEqual([200, 201]);
    expect(first.json.id).toBe(racing.json.id);
    const again = await stack.call('POST', path, key, { type: 'conversion', reason: 'retry' });
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.json).toMatchObject({ id: first.json.id, type: 'conversion', reason: null });
    await expect
      .poll(() => hooks.requests.map((r) => r.json() as { event_type: string }).map((b) => b.event_type), {
        timeout: 10_000,
      })
      .toEqual(['lead.converted']);

    const ret = await stack.call('POST', path, key, { type: 'return', reason: 'wrong number' });
    expect(ret.status).toBe(201);
    expect(ret.json).toMatchObject({ type: 'return', amount: 30, reason: 'wrong number' });
    expect((await stack.call('GET', `/leads/${res.json.id}`, key)).json.pricing.revenue).toBe(0);
    const returnedAgain = await stack.call('POST', path, key, { type: 'return' });
    expect(returnedAgain.status).toBe(200);
    expect(returnedAgain.json).toMatchObject({ id: ret.json.id, amount: 30, reason: 'wrong number' });
    const detail = (await stack.call('GET', `/leads/${res.json.id}`, key)).json;
    expect(detail.pricing.revenue).toBe(0);
    const types = detail.events.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === 'converted')).toHaveLength(1);
    expect(types.filter((t: string) => t === 'returned')).toHaveLength(1);
    // Give a late duplicate webhook the chance to show up before asserting there is none.
    await new Promise((r) => setTimeout(r, 500));
    expect(hooks.requests).toHaveLength(1);
  });

  it('feedback for a lead that went to several recipients names one, or answers 422 recipient_required', async () => {
    const one = await buyer();
    const two = await buyer();
    const flowId = await createFlow({ steps: [delivery(one.url), delivery(two.url)] });
    const res = await submit(flowId, { lead: lead() });
    expect(res.json.status).toBe('delivered');
    const path = `/leads/${res.json.id}/feedback`;
    // Well formed, but this lead's state needs more: a 422 like not_delivered, not a 400.
    const unnamed = await stack.call('POST', path, key, { type: 'conversion' });
    expect(unnamed.status).toBe(422);
    expect(unnamed.json.error).toMatchObject({
      code: 'recipient_required',
      details: [{ field: 'recipient_id', code: 'missing_required' }],
    });
    const recipientId = res.json.events.find((e: { type: string }) => e.type === 'delivered').recipient_id;
    const named = await stack.call('POST', path, key, { type: 'conversion', recipient_id: recipientId });
    expect(named.status).toBe(201);
    expect(named.json).toMatchObject({ recipient_id: recipientId });
  });

  it('accepts form-encoded submissions from legacy lead sources', async () => {
    const crm = await buyer();
    const flowId = await createFlow({
      settings: { required_fields: ['email'] },
      steps: [delivery(crm.url, { format: 'form' })],
    });
    const body = new URLSearchParams({
      email: 'form@example.com',
      first_name: 'Form',
      'options.test_mode': 'false',
    }).toString();
    const res = await stack.call('POST', `/flows/${flowId}/leads`, key, body, {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(crm.requests[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(crm.requests[0]!.body).get('email')).toBe('form@example.com');
  });

  it('an async resubmission of a finished lead answers 202 with that lead (its run is closed)', async () => {
    const crm = await buyer();
    const flowId = await createFlow({ steps: [delivery(crm.url)] });
    const body = { external_id: `async-${Date.now()}`, lead: lead() };
    const first = await submit(flowId, body);
    expect(first.status).toBe(201);
    const again = await submit(flowId, { ...body, options: { async: true } });
    expect(again.status, JSON.stringify(again.json)).toBe(202);
    expect(again.json).toMatchObject({ id: first.json.id, location: `/leads/${first.json.id}` });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(crm.requests).toHaveLength(1);
  });

  it('external_id makes racing resubmissions return the same lead from one workflow', async () => {
    const crm = await buyer(() => ({ status: 200, delayMs: 300 }));
    const flowId = await createFlow({ steps: [delivery(crm.url)] });
    const body = { external_id: `ext-${Date.now()}`, lead: lead() };
    const [a, b] = await Promise.all([submit(flowId, body), submit(flowId, body)]);
    expect(a.json.id).toBe(b.json.id);
    expect([a.status, b.status]).toEqual([201, 201]);
    const again = await submit(flowId, body);
    expect(again.json.id).toBe(a.json.id);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(crm.requests).toHaveLength(1);
    const conflicting = await submit(flowId, { ...body, lead: lead() });
    expect(conflicting.status).toBe(409);
    expect(conflicting.json.error.code).toBe('idempotency_conflict');
  });

  it('a key stays with a rejected lead: the same request answers its rejection, corrected data needs a new key', async () => {
    const crm = await buyer();
    const flowId = await createFlow({
      fields: [{ name: 'email', type: 'email', required: true, require_valid: true }],
      steps: [delivery(crm.url)],
    });
    const externalId = `fix-${Date.now()}`;
    const bad = { external_id: externalId, lead: { email: 'not-an-email' } };
    const first = await submit(flowId, bad);
    expect(first.status).toBe(400);
    const leadId = first.json.error.lead_id;
    expect(leadId).toMatch(/^lead_/);
    const again = await submit(flowId, bad);
    expect(again.status).toBe(400);
    expect(again.json.error.lead_id).toBe(leadId);
    const corrected = await submit(flowId, { external_id: externalId, lead: { email: 'fixed@example.com' } });
    expect(corrected.status).toBe(409);
    expect(corrected.json.error.code).toBe('idempotency_conflict');
    const fresh = await submit(flowId, {
      external_id: `${externalId}-2`,
      lead: { email: 'fixed@example.com' },
    });
    expect(fresh.status).toBe(201);
    expect(fresh.json.id).not.toBe(leadId);
    expect(crm.requests).toHaveLength(1);
  });

  it('options.test_mode runs the pipeline, sends nothing, says so, and fires no webhook', async () => {
    const crm = await buyer();
    const hooks = await buyer();
    const flowId = await createFlow({
      settings: { notifications: { webhook_url: hooks.url } },
      steps: [delivery(crm.url)],
    });
    const res = await submit(flowId, { lead: lead(), options: { test_mode: true } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: 'accepted', test_mode: true });
    const skipped = res.json.events.filter((e: { type: string }) => e.type === 'skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0].reason).toBe('Test mode: not sent');
    // The run closes only after its webhooks: once it has, none was sent.
    await stack.client.workflow.getHandle(res.json.id).result();
    expect(crm.requests).toHaveLength(0);
    expect(hooks.requests).toHaveLength(0);
    // A live lead on the same flow does fire them (the flow subscribes to every event).
    await submit(flowId, { lead: lead() });
    await expect.poll(() => hooks.requests.length, { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('options.timeout: answers 202 when the outcome is not decided in time, and keeps processing', async () => {
    const slowBuyer = await buyer(() => ({ status: 200, delayMs: 1500 }));
    const flowId = await createFlow({ steps: [delivery(slowBuyer.url)] });
    const res = await submit(flowId, { lead: lead(), options: { timeout: 300 } });
    expect(res.status).toBe(202);
    expect(res.headers.get('Location')).toBe(`/leads/${res.json.id}`);
    const final = await stack.client.workflow.getHandle(res.json.id).result();
    expect(final.status).toBe('delivered');
  });

  it('batch: 207 with per-lead results in input order; continue_on_error=false skips the rest', async () => {
    const crm = await buyer();
    const flowId = await createFlow({ settings: { required_fields: ['email'] }, steps: [delivery(crm.url)] });
    const leads = [
      { external_id: 'b-1', lead: lead() },
      { external_id: 'b-2', lead: { first_name: 'No email' } },
      { external_id: 'b-3', lead: lead() },
    ];
    const res = await stack.call('POST', `/flows/${flowId}/leads/batch`, key, {
      leads,
      options: { max_concurrent: 1 },
    });
    expect(res.status).toBe(207);
    expect(res.json).toMatchObject({ total_leads: 3, successful: 2, failed: 1 });
    expect(
      res.json.results.map((r: { external_id: string; status: string }) => [r.external_id, r.status]),
    ).toEqual([
      ['b-1', 'success'],
      ['b-2', 'error'],
      ['b-3', 'success'],
    ]);
    expect(res.json.results[1].error.code).toBe('validation_failed');

    const strict = await stack.call('POST', `/flows/${flowId}/leads/batch`, key, {
      leads: [{ lead: { first_name: 'x' } }, { lead: lead() }],
      options: { continue_on_error: false, max_concurrent: 1 },
    });
    expect(strict.json.results.map((r: { status: string }) => r.status)).toEqual(['error', 'skipped']);

    const tooMany = await stack.call('POST', `/flows/${flowId}/leads/batch`, key, {
      leads: Array.from({ length: 1001 }, () => ({ lead: { email: 'a@b.co' } })),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.details[0]).toMatchObject({
      field: 'leads',
      message: 'A batch holds at most 1000 leads',
    });
  });

  it('batch: waits for outcomes within its budget, then answers the rest pending and still runs them', async () => {
    // The first lead is answered at once; the others take 600 ms each at the buyer, one at a time:
    // about 7 s in all, more than the 4 s budget, so the first is waited for and the last are not.
    const slow = await buyer((_req, n) => ({ status: 200, delayMs: n === 1 ? 0 : 600 }));
    const flowId = await createFlow({ steps: [delivery(slow.url)] });
    const app = createApp({
      pool: stack.pool,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      logger: silentLogger,
      batchWaitBudgetMs: 4000,
    });
    const res = await app.request(`/flows/${flowId}/leads/batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        leads: Array.from({ length: 12 }, (_, i) => ({ external_id: `slow-${i}`, lead: lead() })),
        options: { max_concurrent: 1, timeout: 60_000 },
      }),
    });
    expect(res.status).toBe(207);
    const json = (await res.json()) as { results: Array<{ status: string; lead_id: string }> };
    const statuses = json.results.map((r) => r.status);
    expect(statuses[0]).toBe('success');
    // Without the budget every lead would have been waited for (timeout 60 s): some are pending instead.
    expect(statuses).toContain('pending');
    // Pending leads were accepted all the same: every one is delivered.
    for (const r of json.results) {
      const final = await stack.client.workflow.getHandle(r.lead_id).result();
      expect(final.status).toBe('delivered');
    }
    expect(slow.requests).toHaveLength(12);
  });

  it('rejects a flow whose criteria do not compile, pointing at the error', async () => {
    const res = await stack.call('POST', '/flows', key, {
      name: 'bad',
      settings: { acceptance_criteria: 'lead.age >= ' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details[0]).toMatchObject({
      field: 'settings.acceptance_criteria',
      code: 'invalid_format',
    });
    expect(res.json.error.details[0].message).toMatch(/line 1, column \d+/);
  });
});
