import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { DecidedLeads } from '../../api/decided-leads.js';
import { leadEagerAnswers, leadEagerStarts } from '../../lib/metrics.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import { testPayloadKeys } from '../helpers/payload-keys.js';
import { startRecipient } from '../helpers/recipient.js';
import { countServiceCalls } from '../helpers/service-calls.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';

// With a lead worker in the API's process (LEAD_EAGER_START, decisions 22 and 24), a synchronous
// submission starts its run eagerly there and takes its answer from the run's decided write in this
// process (the outcome update only as a fallback): the same answers as update-with-start, the same
// single run per lead, and the first workflow task never queued.
describe('synchronous leads started eagerly on the in-process worker', () => {
  let stack: TestStack;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;
  let failing: Awaited<ReturnType<typeof startRecipient>>;
  let key: string;
  let flowId: string;
  let failingFlowId: string;

  const eagerStarts = async (eager: 'true' | 'false') =>
    (await leadEagerStarts.get()).values.find((v) => v.labels.eager === eager)?.value ?? 0;
  const answersVia = async (via: 'local' | 'update') =>
    (await leadEagerAnswers.get()).values.find((v) => v.labels.via === via)?.value ?? 0;
  const updatesIn = async (leadId: string) =>
    (await historyOf(leadId)).events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
  const historyOf = (leadId: string) => stack.client.workflow.getHandle(leadId).fetchHistory();
  const submit = (lead: Record<string, unknown>, headers: Record<string, string> = {}, id = flowId) =>
    stack.call('POST', `/flows/${id}/leads`, key, { lead }, headers);

  beforeAll(async () => {
    stack = await startTestStack({ eagerLeads: true });
    buyer = await startRecipient();
    failing = await startRecipient(() => ({ status: 500, body: { error: 'down' } }));
    ({ key } = await stack.createAccount());
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Eager',
      settings: { required_fields: ['email'], acceptance_criteria: 'lead.state != "TX"' },
      steps: [{ type: 'delivery', recipient: { name: 'Buyer', config: { url: buyer.url } } }],
    });
    expect(flow.status, flow.text).toBe(201);
    flowId = flow.json.id;
    const down = await stack.call('POST', '/flows', key, {
      name: 'Eager, buyer down',
      delivery_retry: { maximum_attempts: 1 },
      steps: [{ type: 'delivery', recipient: { name: 'Down', config: { url: failing.url } } }],
    });
    expect(down.status, down.text).toBe(201);
    failingFlowId = down.json.id;
  });

  afterAll(async () => {
    await buyer?.close();
    await failing?.close();
    await stack?.stop();
  });

  it('a delivered lead: its run was started eagerly and the answer is its outcome', async () => {
    const before = await eagerStarts('true');
    const localBefore = await answersVia('local');
    const res = await submit({ email: `eager-${randomUUID()}@example.com`, state: 'CA' });
    expect(res.status, res.text).toBe(201);
    expect(res.json.status).toBe('delivered');
    expect(res.json.events.map((e: { type: string }) => e.type)).toEqual([
      'received',
      'accepted',
      'delivered',
    ]);
    expect(await eagerStarts('true')).toBe(before + 1);

    const history = await historyOf(res.json.id);
    const started = history.events![0]!.workflowExecutionStartedEventAttributes!;
    expect(started.eagerExecutionAccepted).toBe(true);
    // One run, which closes (it may still be finishing its last task when the answer, taken from its
    // decided write, goes out); no update was sent to it.
    const result = await stack.client.workflow.getHandle(res.json.id).result();
    expect(result.status).toBe('delivered');
    expect(await updatesIn(res.json.id)).toBe(0);
    expect(await answersVia('local')).toBe(localBefore + 1);
    // Postgres holds the same outcome.
    const read = await stack.call('GET', `/leads/${res.json.id}`, key);
    expect(read.json.status).toBe('delivered');
    expect(stack.eagerLeadStart!.decided.size).toBe(0);
  });

  // The local answer is the run's own snapshot: a resubmission, answered from the closed run's result
  // or, for a run still open, by its outcome update, gets the very same body. A lead decided in its
  // first task rests on local results not yet in history (the evaluation, claims, caps): the run says
  // so, and the submission asks the run at once (its update, or its result once it closed), answered
  // once that task is recorded.
  it('the answer is the one the run gives, for each outcome, locally once it rests on recorded results', async () => {
    const cases = [
      {
        flow: flowId,
        lead: { email: `same-${randomUUID()}@example.com`, state: 'CA' },
        status: 201,
        via: 'local',
      },
      {
        flow: flowId,
        lead: { email: `same-${randomUUID()}@example.com`, state: 'TX' },
        status: 422,
        via: 'run',
      },
      { flow: flowId, lead: { state: 'CA' }, status: 400, via: 'run' },
      { flow: failingFlowId, lead: { email: `same-${randomUUID()}@example.com` }, status: 201, via: 'local' },
    ] as const;
    for (const c of cases) {
      const headers = { 'Idempotency-Key': `same-${randomUUID()}` };
      const localBefore = await answersVia('local');
      const first = await submit(c.lead, headers, c.flow);
      expect(first.status, first.text).toBe(c.status);
      const leadId = first.headers.get('X-Lead-Id') ?? first.json.id;
      expect(await answersVia('local')).toBe(localBefore + (c.via === 'local' ? 1 : 0));
      const open = c.flow === failingFlowId; // delivery_failed: the run waits for replays
      if (!open) await stack.client.workflow.getHandle(leadId).result();
      const updatesAfterFirst = await updatesIn(leadId);
      if (c.via === 'local') expect(updatesAfterFirst).toBe(0);
      const again = await submit(c.lead, headers, c.flow);
      expect(again.status, again.text).toBe(c.status);
      // Error bodies carry each request's own request_id.
      const withoutRequestId = (body: { error?: { request_id?: string } }) =>
        body.error ? { ...body, error: { ...body.error, request_id: undefined } } : body;
      expect(withoutRequestId(again.json)).toEqual(withoutRequestId(first.json));
      // The resubmission of the open run asked it by update; of a closed one, read its result.
      expect(await updatesIn(leadId)).toBe(updatesAfterFirst + (open ? 1 : 0));
    }
  });

  it('a run whose decided write is not heard here is answered by the outcome update', async () => {
    // A buyer slow enough that the run is still open when the fallback update arrives.
    const slow = await startRecipient(() => ({ status: 200, delayMs: 300 }));
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Eager, answered by update',
      steps: [{ type: 'delivery', recipient: { name: 'Slowish', config: { url: slow.url } } }],
    });
    expect(flow.status, flow.text).toBe(201);
    // The app listens to a registry the worker does not tell: as when the run left this process.
    const app = createApp({
      pool: stack.pool,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      eagerLeadStart: {
        client: stack.eagerLeadStart!.client,
        decided: new DecidedLeads(),
        updateAfterMs: 50,
      },
      logger: silentLogger,
    });
    const updatesBefore = await answersVia('update');
    try {
      const res = await app.request(`/flows/${flow.json.id}/leads`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ lead: { email: `elsewhere-${randomUUID()}@example.com` } }),
      });
      expect(res.status).toBe(201);
      const body = (await res.json()) as { id: string; status: string };
      expect(body.status).toBe('delivered');
      expect(await answersVia('update')).toBe(updatesBefore + 1);
      expect(await updatesIn(body.id)).toBe(1);
    } finally {
      await slow.close();
    }
  });

  it('a rejected lead answers 422, as without eager start', async () => {
    const res = await submit({ email: `tx-${randomUUID()}@example.com`, state: 'TX' });
    expect(res.status, res.text).toBe(422);
    expect(res.json.error.code).toBe('lead_rejected');
    const leadId = res.headers.get('X-Lead-Id')!;
    const started = (await historyOf(leadId)).events![0]!.workflowExecutionStartedEventAttributes!;
    expect(started.eagerExecutionAccepted).toBe(true);
  });

  it('a failed delivery answers delivery_failed while the run stays open for replays', async () => {
    const res = await submit({ email: `down-${randomUUID()}@example.com` }, {}, failingFlowId);
    expect(res.status, res.text).toBe(201);
    expect(res.json.status).toBe('delivery_failed');
    const description = await stack.client.workflow.getHandle(res.json.id).describe();
    expect(description.status.name).toBe('RUNNING');
  });

  it('a resubmission of a finished lead answers that lead and starts nothing', async () => {
    const headers = { 'Idempotency-Key': `eager-${randomUUID()}` };
    const lead = { email: `again-${randomUUID()}@example.com`, state: 'NY' };
    const first = await submit(lead, headers);
    expect(first.status, first.text).toBe(201);
    // Closed (the answer may come a moment before the run's last task is recorded).
    await stack.client.workflow.getHandle(first.json.id).result();
    const runId = (await stack.client.workflow.getHandle(first.json.id).describe()).runId;
    const deliveries = buyer.requests.length;
    const eagerBefore = await eagerStarts('true');

    const again = await submit(lead, headers);
    expect(again.status, again.text).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.json).toMatchObject({ id: first.json.id, status: 'delivered' });
    expect((await stack.client.workflow.getHandle(first.json.id).describe()).runId).toBe(runId);
    expect(buyer.requests.length).toBe(deliveries);
    expect(await eagerStarts('true')).toBe(eagerBefore);
  });

  it('two submissions of one lead at once share its single run', async () => {
    const headers = { 'Idempotency-Key': `race-${randomUUID()}` };
    const lead = { email: `race-${randomUUID()}@example.com`, state: 'NY' };
    const deliveries = buyer.requests.length;
    const [localBefore, updatesBefore] = [await answersVia('local'), await answersVia('update')];
    const [a, b] = await Promise.all([submit(lead, headers), submit(lead, headers)]);
    expect([a.status, b.status], `${a.text} ${b.text}`).toEqual([201, 201]);
    expect(a.json.id).toBe(b.json.id);
    expect(a.json.status).toBe('delivered');
    expect(b.json.status).toBe('delivered');
    expect(buyer.requests.length).toBe(deliveries + 1);
    // The one that started the run heard its decided write; the one that joined it asked by update.
    expect(await answersVia('local')).toBe(localBefore + 1);
    expect(await answersVia('update')).toBe(updatesBefore + 1);
  });

  it('a lead not decided within options.timeout answers 202 on time; no update poll outlives it', async () => {
    const slow = await startRecipient(() => ({ status: 200, delayMs: 5000 }));
    // The API's own client, on a connection whose update calls in flight are counted.
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    const calls = countServiceCalls(connection, ['updateWorkflowExecution', 'pollWorkflowExecutionUpdate']);
    try {
      const app = createApp({
        pool: stack.pool,
        temporal: new Client({
          connection,
          namespace: 'default',
          dataConverter: leadrailDataConverter(testPayloadKeys()),
        }),
        taskQueue: stack.taskQueue,
        // The fallback update goes out at once, so that there is a poll for the 202 to cancel.
        eagerLeadStart: { ...stack.eagerLeadStart!, updateAfterMs: 0 },
        logger: silentLogger,
      });
      const flow = await stack.call('POST', '/flows', key, {
        name: 'Eager, slow buyer',
        steps: [{ type: 'delivery', recipient: { name: 'Slow', config: { url: slow.url } } }],
      });
      const began = performance.now();
      const res = await app.request(`/flows/${flow.json.id}/leads`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          lead: { email: `slow-${randomUUID()}@example.com` },
          options: { timeout: 500 },
        }),
      });
      expect(res.status).toBe(202);
      // Answered before the buyer did (it takes 5 s).
      expect(performance.now() - began).toBeLessThan(4000);
      const { id } = (await res.json()) as { id: string };
      expect(calls.made()).toBeGreaterThan(0);
      // Cancelled with the answer (a poll left running would last until the lead is decided).
      await expect.poll(() => calls.inFlight(), { timeout: 2000, interval: 50 }).toBe(0);
      const result = await stack.client.workflow.getHandle(id).result();
      expect(result.status).toBe('delivered');
    } finally {
      await connection.close();
      await slow.close();
    }
  });

  it('an async submission still answers 202 and its run delivers', async () => {
    const res = await stack.call('POST', `/flows/${flowId}/leads`, key, {
      lead: { email: `async-${randomUUID()}@example.com`, state: 'CA' },
      options: { async: true },
    });
    expect(res.status, res.text).toBe(202);
    const result = await stack.client.workflow.getHandle(res.json.id).result();
    expect(result.status).toBe('delivered');
  });
});
