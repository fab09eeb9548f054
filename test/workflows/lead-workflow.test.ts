import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DeliveryRequest } from '../../activities/delivery.js';
import type { Activities } from '../../activities/index.js';
import type { LeadProgress } from '../../activities/lead-records.js';
import type { leadWorkflow } from '../../workflows/lead.js';
import type { LeadWorkflowInput } from '../../workflows/shared.js';

// Workflow logic on the real Temporal dev server, with activities stubbed so each path is direct.
describe('leadWorkflow (stubbed activities)', () => {
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let client: Client;

  beforeAll(async () => {
    connection = await Connection.connect({ address: inject('temporalAddress') });
    nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
    client = new Client({ connection });
  });
  afterAll(async () => {
    await nativeConnection?.close();
    await connection?.close();
  });

  function stubActivities(
    deliver: (req: DeliveryRequest) => Promise<Awaited<ReturnType<Activities['deliverLead']>>>,
  ) {
    const progress: LeadProgress[] = [];
    const activities: Activities = {
      recordLeadReceived: async () => {},
      recordLeadProgress: async (p) => {
        progress.push(p);
      },
      deliverLead: deliver,
    };
    return { activities, progress };
  }

  async function run(activities: Activities, input: Partial<LeadWorkflowInput> = {}) {
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      activities,
      workflowBundle: { codePath: inject('workflowBundlePath') },
    });
    const leadId = `lead_${randomUUID().replace(/-/g, '').slice(0, 26)}`;
    const args: LeadWorkflowInput = {
      leadId,
      accountId: 'acct_x',
      flowId: 'flow_x',
      flowVersion: 1,
      flow: {
        settings: { required_fields: ['email'] },
        steps: [{ id: 'step_1', type: 'delivery', recipient_id: 'rcp_1' }],
      },
      lead: { email: 'a@b.co' },
      source: null,
      campaign: null,
      externalId: null,
      testMode: false,
      receivedAt: new Date().toISOString(),
      ...input,
    };
    return worker.runUntil(
      client.workflow.execute<typeof leadWorkflow>('leadWorkflow', {
        taskQueue,
        workflowId: leadId,
        args: [args],
      }),
    );
  }

  it('rejects a lead missing required fields without delivering it', async () => {
    let delivered = 0;
    const { activities, progress } = stubActivities(async () => {
      delivered++;
      throw new Error('must not be called');
    });
    const result = await run(activities, { lead: { phone: '1' } });
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      { field: 'email', code: 'missing_required', message: 'Email is required' },
    ]);
    expect(delivered).toBe(0);
    expect(progress.map((p) => [p.status, p.decided])).toEqual([['rejected', true]]);
  });

  it('records delivered when the recipient accepts', async () => {
    const { activities, progress } = stubActivities(async (req) => ({
      outcome: 'success',
      reason: null,
      recipientName: `Buyer for ${req.recipientId}`,
      responseCode: 200,
      durationMs: 12,
    }));
    const result = await run(activities);
    expect(result.status).toBe('delivered');
    expect(result.events.map((e) => e.type)).toEqual(['received', 'accepted', 'delivered']);
    expect(new Set(result.events.map((e) => e.id)).size).toBe(3);
    expect(progress.map((p) => [p.status, p.decided])).toEqual([
      ['accepted', false],
      ['delivered', true],
    ]);
  });

  it('records delivery_failed with the reason when delivery fails for good', async () => {
    const { activities } = stubActivities(async () => {
      throw ApplicationFailure.nonRetryable('Recipient rcp_1 not found', 'RecipientNotFound');
    });
    const result = await run(activities);
    expect(result.status).toBe('delivery_failed');
    expect(result.events.at(-1)).toMatchObject({
      type: 'delivery_failed',
      outcome: 'error',
      reason: 'Recipient rcp_1 not found',
    });
  });

  it('retries a delivery error and then succeeds', async () => {
    let attempts = 0;
    const { activities } = stubActivities(async () => {
      attempts++;
      if (attempts === 1)
        throw ApplicationFailure.retryable('Recipient answered HTTP 503', 'RecipientUnavailable');
      return { outcome: 'success', reason: null, recipientName: 'Buyer', responseCode: 200, durationMs: 5 };
    });
    const result = await run(activities);
    expect(attempts).toBe(2);
    expect(result.status).toBe('delivered');
  });
});
