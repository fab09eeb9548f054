import { randomUUID } from 'node:crypto';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DeliveryRequest, DeliveryResult } from '../../activities/delivery.js';
import type { Activities } from '../../activities/index.js';
import type { LeadProgress } from '../../activities/lead-records.js';
import type { WebhookRequest } from '../../activities/webhooks.js';
import { summarizeEvaluation } from '../../domain/assessment.js';
import { assignIds, type FlowConfigInput, FlowConfigSchema } from '../../domain/flow.js';
import { evaluateLead } from '../../domain/pipeline.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import type { leadWorkflow } from '../../workflows/lead.js';
import {
  AccountIdAttr,
  awaitOutcomeUpdate,
  LeadStatusAttr,
  type LeadWorkflowInput,
  replayDeliveryUpdate,
  resumeProcessingSignal,
} from '../../workflows/shared.js';
import { testPayloadKeys } from '../helpers/payload-keys.js';

// Workflow logic on the real Temporal dev server, with activities stubbed so each path is direct.
describe('leadWorkflow (stubbed activities)', () => {
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let client: Client;

  beforeAll(async () => {
    connection = await Connection.connect({ address: inject('temporalAddress') });
    nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
    client = new Client({ connection, dataConverter: leadrailDataConverter(testPayloadKeys()) });
  });
  afterAll(async () => {
    await nativeConnection?.close();
    await connection?.close();
  });

  const accepted = (name = 'Buyer'): DeliveryResult => ({
    outcome: 'success',
    reason: null,
    recipientName: name,
    responseCode: 200,
    durationMs: 5,
    price: 10,
    reference: null,
  });

  function stubs(overrides: Partial<Activities> = {}) {
    const progress: LeadProgress[] = [];
    const deliveries: DeliveryRequest[] = [];
    const webhooks: WebhookRequest[] = [];
    const released: string[] = [];
    const activities: Activities = {
      recordLeadReceived: async () => {},
      recordLeadFeedback: async () => 'recorded',
      recordLeadProgress: async (p) => {
        progress.push(p);
      },
      evaluateLead: async (input) => evaluateLead(input),
      assessLead: async ({ lead, ...input }) =>
        summarizeEvaluation(evaluateLead({ ...input, lead: lead ?? {} })),
      claimDuplicateFields: async () => ({ duplicate: null, checked: [] }),
      checkEmailDomain: async () => 'unknown',
      reserveFlowCaps: async () => ({ granted: true, capId: null, reason: null }),
      reserveRecipientCaps: async () => ({ granted: true, capId: null }),
      releaseCapSlots: async (_leadId, prefix) => {
        released.push(prefix);
        return 1;
      },
      recipientSalePrices: async () => ({}),
      claimDuplicateKeys: async () => null,
      releaseDuplicateKeys: async () => {},
      deliverLead: async (req) => {
        deliveries.push(req);
        return accepted();
      },
      sendWebhook: async (req) => {
        webhooks.push(req);
        return { responseCode: 200 };
      },
      markWebhookFailed: async () => {},
      loadLeadForRedelivery: async () => null,
      loadRedeliveryContext: async () => null,
      findReplayCandidates: async () => [],
      replayOneLead: async () => {
        throw new Error('not used here');
      },
      claimTrustedForm: async () => ({ status: 'claimed', ageInDays: 1, expiresAt: null, reason: null }),
      pruneExpiredRecords: async () => {
        throw new Error('not used here');
      },
      checkSuppressionLists: async () => ({ lists: [], missing: [] }),
      // Auctions run on the real stack (test/e2e/auction.test.ts).
      auctionBidders: async () => ({}),
      recipientCapsReached: async () => ({}),
      pingBidder: async () => {
        throw new Error('not used here');
      },
      recordAuctionBids: async () => {},
      postToBidder: async () => {
        throw new Error('not used here');
      },
      ...overrides,
    };
    return { activities, progress, deliveries, webhooks, released };
  }

  function flow(config: FlowConfigInput = {}) {
    return assignIds(
      FlowConfigSchema.parse({
        settings: { required_fields: ['email'] },
        steps: [{ type: 'delivery', recipient_id: 'rcp_1' }],
        delivery_retry: { maximum_attempts: 3, initial_interval_ms: 100, maximum_interval_ms: 200 },
        ...config,
      }),
    );
  }

  async function withWorker<T>(activities: Activities, fn: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      activities,
      dataConverter: leadrailDataConverter(testPayloadKeys()),
      workflowBundle: { codePath: inject('workflowBundlePath') },
    });
    return worker.runUntil(fn(taskQueue));
  }

  function input(overrides: Partial<LeadWorkflowInput> = {}): LeadWorkflowInput {
    return {
      leadId: `lead_${randomUUID().replace(/-/g, '').slice(0, 26)}`,
      accountId: 'acct_x',
      flowId: 'flow_x',
      flowVersion: 1,
      flow: flow(),
      lead: { email: 'pat@example.com', phone: '2125550123' },
      source: null,
      campaign: null,
      externalId: null,
      testMode: false,
      receivedAt: new Date().toISOString(),
      ...overrides,
    };
  }

  const run = (activities: Activities, args: LeadWorkflowInput = input()) =>
    withWorker(activities, (taskQueue) =>
      client.workflow.execute<typeof leadWorkflow>('leadWorkflow', {
        taskQueue,
        workflowId: args.leadId,
        args: [args],
      }),
    );

  it('rejects a lead missing required fields without delivering it', async () => {
    const s = stubs();
    const result = await run(s.activities, input({ lead: { phone: '1' } }));
    expect(result.status).toBe('rejected');
    expect(result.rejection).toMatchObject({
      kind: 'validation',
      errors: [{ field: 'email', code: 'missing_required', message: 'Email is required' }],
    });
    expect(s.deliveries).toHaveLength(0);
    expect(s.progress.map((p) => [p.status, p.decided])).toEqual([['rejected', true]]);
    // Decided in the first task, on the evaluation's result, which is in history only once that task
    // is: the decided write hands over no snapshot (null: ask the run).
    expect(s.progress[0]!.outcome).toBeNull();
  });

  it('delivers, records cost and revenue, and keeps event ids unique', async () => {
    const s = stubs();
    const result = await run(
      s.activities,
      input({
        flow: flow({
          pricing: {
            purchase: { amount: 4, rules: [{ amount: 7, criteria: 'lead.email.endsWith("@example.com")' }] },
          },
        }),
      }),
    );
    expect(result.status).toBe('delivered');
    expect(result.events.map((e) => e.type)).toEqual(['received', 'accepted', 'delivered']);
    expect(new Set(result.events.map((e) => e.id)).size).toBe(3);
    expect(result.pricing.amount).toBe(7);
    expect(result.revenue).toBe(10);
    expect(s.deliveries[0]).toMatchObject({ recipientId: 'rcp_1', idempotencyKey: `${result.id}:step_1` });
    expect(s.progress.map((p) => [p.status, p.decided, p.seq])).toEqual([
      ['accepted', false, 2],
      ['delivered', true, 3],
    ]);
    // The decided write, in the task after the delivery (whose result is in history), carries what the
    // outcome update answers (a submitter waiting where it runs takes its answer from it); no other
    // write does.
    expect(s.progress.map((p) => p.outcome !== undefined)).toEqual([false, true]);
    expect(s.progress[1]!.outcome).toEqual(result);
  });

  it('rejects by acceptance criteria with the failing condition as reason', async () => {
    const s = stubs();
    const result = await run(
      s.activities,
      input({
        flow: flow({ settings: { required_fields: ['email'], acceptance_criteria: 'lead.age >= 21' } }),
        lead: { email: 'a@example.com', age: '19' },
      }),
    );
    expect(result.rejection?.kind).toBe('criteria');
    expect(result.reason).toMatch(/lead.age >= 21/);
  });

  it('rejects a duplicate and releases nothing it did not claim', async () => {
    const s = stubs({
      claimDuplicateFields: async () => ({
        duplicate: { duplicateOf: 'lead_first', kind: 'email' },
        checked: ['email'],
      }),
    });
    const result = await run(
      s.activities,
      input({
        flow: flow({
          steps: [
            { type: 'enhancement', service: 'duplicate_check' },
            { type: 'delivery', recipient_id: 'rcp_1' },
          ],
        }),
      }),
    );
    expect(result.rejection).toMatchObject({ kind: 'duplicate', duplicate_of: 'lead_first' });
    expect(s.deliveries).toHaveLength(0);
  });

  it('rejects at a full flow cap; a lead delivered nowhere gives its cap slot back', async () => {
    const capped = stubs({
      reserveFlowCaps: async () => ({ granted: false, capId: 'cap_1', reason: 'cap_reached' }),
    });
    const capFlow = flow({
      caps: [{ maximum: 1, per: 'day' }],
      delivery_retry: { maximum_attempts: 1, replay_window_seconds: 1 },
    });
    const rejected = await run(capped.activities, input({ flow: capFlow }));
    expect(rejected.rejection).toMatchObject({ kind: 'cap', reason: 'cap_reached' });
    // A cap denial is not in history until its task is: a retried task could be granted, so the
    // decided write hands over no snapshot.
    expect(capped.progress.at(-1)).toMatchObject({ status: 'rejected', outcome: null });

    const failing = stubs({
      deliverLead: async () => {
        throw ApplicationFailure.nonRetryable('gone', 'RecipientNotFound');
      },
    });
    const failed = await run(failing.activities, input({ flow: capFlow }));
    expect(failed.status).toBe('failed'); // delivery_failed, then closed when the replay window ended
    // Only the first decided write (delivery_failed: what the submitter is answered) carries the outcome.
    expect(failing.progress.map((p) => [p.status, p.outcome?.status ?? null])).toEqual([
      ['accepted', null],
      ['delivery_failed', 'delivery_failed'],
      ['failed', null],
    ]);
    expect(failing.released).toContain('flow:flow_x:');
    expect(failing.released).toContain('recipient:rcp_1:');
  });

  it('retries a delivery error and then succeeds', async () => {
    let attempts = 0;
    const s = stubs({
      deliverLead: async () => {
        attempts++;
        if (attempts === 1)
          throw ApplicationFailure.retryable('Recipient answered HTTP 503', 'RecipientUnavailable');
        return accepted();
      },
    });
    const result = await run(s.activities);
    expect(attempts).toBe(2);
    expect(result.status).toBe('delivered');
  });

  it('waterfall: a declined first buyer hands the lead to the second', async () => {
    const s = stubs({
      deliverLead: async (req) =>
        req.recipientId === 'rcp_1'
          ? {
              ...accepted('First'),
              outcome: 'failure',
              reason: 'Recipient declined with HTTP 400',
              responseCode: 400,
            }
          : accepted('Second'),
    });
    const result = await run(
      s.activities,
      input({
        flow: flow({
          distribution: { mode: 'waterfall' },
          steps: [
            { type: 'delivery', recipient_id: 'rcp_1' },
            { type: 'delivery', recipient_id: 'rcp_2' },
            { type: 'delivery', recipient_id: 'rcp_3' },
          ],
        }),
      }),
    );
    expect(result.status).toBe('delivered');
    expect(result.events.filter((e) => e.recipient_id).map((e) => [e.recipient_id, e.type])).toEqual([
      ['rcp_1', 'delivery_failed'],
      ['rcp_2', 'delivered'],
    ]);
  });

  it('answers the outcome update while a webhook is still failing', async () => {
    let webhookCalls = 0;
    const s = stubs({
      sendWebhook: async () => {
        webhookCalls++;
        throw ApplicationFailure.retryable('down', 'WebhookUnavailable');
      },
    });
    const args = input({
      flow: flow({
        settings: { required_fields: [], notifications: { webhook_url: 'http://127.0.0.1:9/hook' } },
      }),
    });
    await withWorker(s.activities, async (taskQueue) => {
      const snapshot = await client.workflow.executeUpdateWithStart(awaitOutcomeUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation<typeof leadWorkflow>('leadWorkflow', {
          taskQueue,
          workflowId: args.leadId,
          args: [args],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      });
      expect(snapshot.status).toBe('delivered');
      // The answer came while the run still waits on the failing webhook (no timing assertion: the
      // machine is shared and timings are noisy).
      const handle = client.workflow.getHandle(args.leadId);
      expect((await handle.describe()).status.name).toBe('RUNNING');
      await handle.terminate('test done');
    });
    expect(webhookCalls).toBeGreaterThanOrEqual(1);
  });
  it('a lead waiting for replays continues as new after its replays per run, losing nothing', async () => {
    // The buyer declines the first delivery and four replays, then buys on the fifth replay.
    let calls = 0;
    const s = stubs({
      deliverLead: async () => {
        calls++;
        if (calls > 5) return accepted();
        return {
          ...accepted(),
          outcome: 'failure',
          reason: `Declined ${calls}`,
          responseCode: 400,
          price: 0,
        };
      },
    });
    const args = input({ replaysPerRun: 2 });
    await withWorker(s.activities, async (taskQueue) => {
      const handle = await client.workflow.start<typeof leadWorkflow>('leadWorkflow', {
        taskQueue,
        workflowId: args.leadId,
        args: [args],
        typedSearchAttributes: [{ key: AccountIdAttr, value: args.accountId }],
      });
      const decided = await handle.executeUpdate(awaitOutcomeUpdate);
      expect(decided.status).toBe('delivery_failed');
      const answers = [];
      for (let i = 1; i <= 5; i++) {
        answers.push(
          await client.workflow.getHandle(args.leadId).executeUpdate(replayDeliveryUpdate, {
            args: [{ requestedBy: `op-${i}` }],
            updateId: `replay-${i}`,
          }),
        );
        if (i === 3) {
          // replay-2 was answered by the first run, which then continued as new: the same update id
          // sent again (a caller retrying) gets that answer from the new run, and nothing is replayed.
          const callsBefore = calls;
          const retried = await client.workflow
            .getHandle(args.leadId)
            .executeUpdate(replayDeliveryUpdate, { args: [{ requestedBy: 'op-2' }], updateId: 'replay-2' });
          expect(retried).toEqual(answers[1]);
          expect(calls).toBe(callsBefore);
        }
      }
      expect(answers.map((a) => a.status)).toEqual([
        'delivery_failed',
        'delivery_failed',
        'delivery_failed',
        'delivery_failed',
        'delivered',
      ]);
      const result = await client.workflow.getHandle<typeof leadWorkflow>(args.leadId).result();
      // Five replays in runs of two: the first run and the second continued as new, the third finished.
      const first = client.workflow.getHandle(args.leadId, handle.firstExecutionRunId);
      expect((await first.describe()).status.name).toBe('CONTINUED_AS_NEW');
      const last = await client.workflow.getHandle(args.leadId).describe();
      expect(last.runId).not.toBe(handle.firstExecutionRunId);
      expect(last.status.name).toBe('COMPLETED');
      // The search attributes went along: the API finds the lead's account and status on the last run.
      expect(last.typedSearchAttributes.get(AccountIdAttr)).toBe(args.accountId);
      expect(last.typedSearchAttributes.get(LeadStatusAttr)).toBe('delivered');
      // Nothing lost: every delivery and every replay is in the lead's events, each once.
      expect(result.status).toBe('delivered');
      expect(result.events.filter((e) => e.type === 'delivery_failed').map((e) => e.reason)).toEqual([
        'Declined 1',
        'Declined 2',
        'Declined 3',
        'Declined 4',
        'Declined 5',
      ]);
      expect(result.events.filter((e) => e.type === 'replayed').map((e) => e.details?.requested_by)).toEqual([
        'op-1',
        'op-2',
        'op-3',
        'op-4',
        'op-5',
      ]);
      expect(result.events.filter((e) => e.type === 'delivered')).toHaveLength(1);
      expect(new Set(result.events.map((e) => e.id)).size).toBe(result.events.length);
      expect(result.revenue).toBe(10);
      // And Postgres was told each step once: the received lead, its acceptance, the first outcome
      // and one write per replay.
      expect(s.progress.map((p) => p.status)).toEqual([
        'accepted',
        'delivery_failed',
        'delivery_failed',
        'delivery_failed',
        'delivery_failed',
        'delivery_failed',
        'delivered',
      ]);
      // Each write's step number is newer than the last, across continue-as-new too, so Postgres
      // can refuse a late stale attempt (db/leads.ts).
      const seqs = s.progress.map((p) => p.seq!);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);
    });
  });

  it('a suppression probe that keeps failing stalls the run: the lead is neither let through nor rejected', async () => {
    let failing = true;
    const requests: unknown[] = [];
    const s = stubs({
      checkSuppressionLists: async (request) => {
        requests.push(request);
        if (failing) throw ApplicationFailure.nonRetryable('database unavailable', 'ProbeFailed');
        return {
          lists: [{ list_id: 'list_1', name: 'DNC', type: 'phone', hit: true, fields: ['phone'] }],
          missing: [],
        };
      },
    });
    const args = input({
      flow: flow({
        steps: [
          { type: 'list_check', list_ids: ['list_1'] },
          { type: 'delivery', recipient_id: 'rcp_1' },
        ],
      }),
    });
    const result = await withWorker(s.activities, async (taskQueue) => {
      const handle = await client.workflow.start<typeof leadWorkflow>('leadWorkflow', {
        taskQueue,
        workflowId: args.leadId,
        args: [args],
      });
      await expect
        .poll(async () => (await handle.describe()).searchAttributes.StalledStep, { timeout: 15_000 })
        .toEqual(['checkSuppressionLists']);
      expect(s.deliveries).toHaveLength(0);
      expect(s.progress).toHaveLength(0);
      failing = false;
      await handle.signal(resumeProcessingSignal);
      return handle.result();
    });
    // The probe got ids only: the activity reads the lead's values itself.
    expect(requests[0]).toEqual({
      accountId: 'acct_x',
      leadId: args.leadId,
      listIds: ['list_1'],
      fields: null,
      definitions: [],
    });
    expect(result.status).toBe('rejected');
    expect(result.rejection).toMatchObject({
      kind: 'suppressed',
      reason: 'On suppression list "DNC" (phone)',
      details: { list_id: 'list_1', list_name: 'DNC', fields: ['phone'], step_id: 'step_1' },
    });
    expect(s.deliveries).toHaveLength(0);
    // Rejected on a regular activity's result, which is in history before the task that reads it: the
    // decided write hands the run's snapshot over (a local answer for an eager submitter).
    expect(s.progress.at(-1)!.outcome).toEqual(result);
  });
});
