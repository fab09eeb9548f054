// The lead workflow's long waits, on the time-skipping test server: a stalled step's automatic
// retries (30 s, then 60 s, then 120 s) and a replay window of days, with no real waiting.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Activities } from '../../activities/index.js';
import { summarizeEvaluation } from '../../domain/assessment.js';
import { assignIds, type FlowConfigInput, FlowConfigSchema } from '../../domain/flow.js';
import { evaluateLead } from '../../domain/pipeline.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import type { leadWorkflow } from '../../workflows/lead.js';
import type { LeadWorkflowInput } from '../../workflows/shared.js';
import { testPayloadKeys } from '../helpers/payload-keys.js';
import { timeSkippingEnvironment } from '../helpers/time-skipping.js';

describe('long timers (time-skipping test server)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const input = (flow: FlowConfigInput = {}): LeadWorkflowInput => ({
    leadId: `lead_${randomUUID().replace(/-/g, '').slice(0, 26)}`,
    accountId: 'acct_x',
    flowId: 'flow_x',
    flowVersion: 1,
    flow: assignIds(FlowConfigSchema.parse(flow)),
    lead: { email: 'pat@example.com' },
    source: null,
    campaign: null,
    externalId: null,
    testMode: false,
    receivedAt: new Date().toISOString(),
  });

  const baseActivities = {
    recordLeadReceived: async () => {},
    recordLeadProgress: async () => {},
    assessLead: async (i: Parameters<typeof evaluateLead>[0]) => summarizeEvaluation(evaluateLead(i)),
    reserveFlowCaps: async () => ({ granted: true, capId: null, reason: null }),
    reserveRecipientCaps: async () => ({ granted: true, capId: null }),
    releaseCapSlots: async () => 1,
    sendWebhook: async () => ({ responseCode: 200 }),
    markWebhookFailed: async () => {},
  };

  async function run(activities: Partial<Activities>, args: LeadWorkflowInput) {
    const taskQueue = `long-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities: { ...baseActivities, ...activities } as Activities,
      dataConverter: leadrailDataConverter(testPayloadKeys()),
      workflowBundle: { codePath: inject('workflowBundlePath') },
    });
    return worker.runUntil(
      env.client.workflow.execute<typeof leadWorkflow>('leadWorkflow', {
        taskQueue,
        workflowId: args.leadId,
        args: [args],
      }),
    );
  }

  it('a stalled step retries on its own after 30 s, then 60 s, then 120 s', async () => {
    const triedAt: number[] = [];
    const result = await run(
      {
        // Postgres still down after the step's own retries, three times over.
        recordLeadReceived: async () => {
          triedAt.push(await env.currentTimeMs());
          if (triedAt.length <= 3)
            throw ApplicationFailure.nonRetryable('connection refused', 'DatabaseUnavailable');
        },
      },
      input(),
    );
    expect(result.status).toBe('accepted');
    expect(triedAt).toHaveLength(4);
    const waits = triedAt.slice(1).map((at, i) => at - triedAt[i]!);
    // Each wait is its timer (workflow time, not the machine's), never the next one's.
    expect(waits[0]).toBeGreaterThanOrEqual(30_000);
    expect(waits[0]).toBeLessThan(60_000);
    expect(waits[1]).toBeGreaterThanOrEqual(60_000);
    expect(waits[1]).toBeLessThan(120_000);
    expect(waits[2]).toBeGreaterThanOrEqual(120_000);
    expect(waits[2]).toBeLessThan(300_000);
  });

  it('a lead nobody replays closes as failed when its 7-day window ends, giving back its caps', async () => {
    const released: string[] = [];
    let start = 0;
    let closedAt = 0;
    const result = await run(
      {
        recordLeadReceived: async () => {
          start = await env.currentTimeMs();
        },
        recordLeadProgress: async (p) => {
          if (p.status === 'failed') closedAt = await env.currentTimeMs();
        },
        deliverLead: async () => {
          throw ApplicationFailure.nonRetryable('gone', 'RecipientNotFound');
        },
        releaseCapSlots: async (_leadId, prefix) => {
          released.push(prefix);
          return 1;
        },
      },
      input({
        caps: [{ maximum: 10, per: 'day' }],
        steps: [{ type: 'delivery', recipient_id: 'rcp_1' }],
        delivery_retry: { maximum_attempts: 1 },
      }),
    );
    expect(result.status).toBe('failed');
    expect(result.events.at(-1)).toMatchObject({
      type: 'closed',
      reason: 'Replay window ended without a delivery',
    });
    expect(closedAt - start).toBeGreaterThanOrEqual(7 * 24 * 3600 * 1000);
    expect(released).toEqual(['recipient:rcp_1:', 'flow:flow_x:']);
  });
});
