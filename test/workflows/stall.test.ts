import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Activities } from '../../activities/index.js';
import { createPool, type Pool } from '../../db/pool.js';
import { summarizeEvaluation } from '../../domain/assessment.js';
import { assignIds, FlowConfigSchema } from '../../domain/flow.js';
import { evaluateLead } from '../../domain/pipeline.js';
import { sanitizeDatabaseFailures } from '../../temporal/activity-errors.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import type { leadWorkflow } from '../../workflows/lead.js';
import { type LeadWorkflowInput, resumeProcessingSignal, StalledStepAttr } from '../../workflows/shared.js';
import { decodedPayloads } from '../helpers/history-payloads.js';
import { testPayloadKeys } from '../helpers/payload-keys.js';

// A bookkeeping step Postgres keeps refusing does not loop, fail the run or leak the lead's data: the
// run stalls visibly (StalledStep), its failure carries only the SQLSTATE, and an operator's
// resume-processing signal retries it.
describe('a run whose Postgres write keeps failing stalls visibly', () => {
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let client: Client;
  let pool: Pool;

  beforeAll(async () => {
    connection = await Connection.connect({ address: inject('temporalAddress') });
    nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
    client = new Client({ connection, dataConverter: leadrailDataConverter(testPayloadKeys()) });
    pool = createPool(inject('databaseUrl'), 2);
  });
  afterAll(async () => {
    await pool?.end();
    await nativeConnection?.close();
    await connection?.close();
  });

  it('stalls on a data error without its text, and resumes on the signal', async () => {
    const email = `stalled-${randomUUID().slice(0, 8)}@example.com`;
    let refuse = true;
    let attempts = 0;
    const notUsed = async () => {
      throw new Error('not used here');
    };
    const activities = {
      // A real Postgres refusal that quotes the lead: NUL in a jsonb document.
      recordLeadReceived: async () => {
        attempts++;
        if (refuse) await pool.query('SELECT $1::jsonb', [`{"email":"${email}\\u0000"}`]);
      },
      recordLeadProgress: async () => {},
      evaluateLead: async (i: Parameters<typeof evaluateLead>[0]) => evaluateLead(i),
      assessLead: async (i: Parameters<typeof evaluateLead>[0]) => summarizeEvaluation(evaluateLead(i)),
      checkEmailDomain: async () => 'unknown' as const,
      reserveFlowCaps: async () => ({ granted: true, capId: null, reason: null }),
      releaseCapSlots: async () => 0,
      sendWebhook: async () => ({ responseCode: 200 }),
      markWebhookFailed: async () => {},
      deliverLead: notUsed,
    } as unknown as Activities;

    const leadId = `lead_${randomUUID().replace(/-/g, '').slice(0, 26)}`;
    const input: LeadWorkflowInput = {
      leadId,
      accountId: 'acct_x',
      flowId: 'flow_x',
      flowVersion: 1,
      flow: assignIds(FlowConfigSchema.parse({})),
      lead: { email },
      source: null,
      campaign: null,
      externalId: null,
      testMode: false,
      receivedAt: new Date().toISOString(),
    };
    const taskQueue = `stall-${randomUUID()}`;
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      activities,
      interceptors: { activity: [sanitizeDatabaseFailures] },
      dataConverter: leadrailDataConverter(testPayloadKeys()),
      workflowBundle: { codePath: inject('workflowBundlePath') },
    });
    await worker.runUntil(async () => {
      const handle = await client.workflow.start<typeof leadWorkflow>('leadWorkflow', {
        taskQueue,
        workflowId: leadId,
        args: [input],
      });
      // Stalled at once (a data error is not retried), named by the search attribute.
      await expect
        .poll(async () => (await handle.describe()).searchAttributes.StalledStep, { timeout: 15_000 })
        .toEqual(['recordLeadReceived']);
      expect(attempts).toBe(1);
      // Operators find stalled runs with the documented query.
      const stalled = async () => {
        const ids: string[] = [];
        for await (const wf of client.workflow.list({
          query: `StalledStep IS NOT NULL AND WorkflowId="${leadId}"`,
        }))
          ids.push(wf.workflowId);
        return ids;
      };
      await expect.poll(stalled, { timeout: 10_000 }).toEqual([leadId]);
      // The failure in history names the SQLSTATE, not the row (read decrypted: failure messages are
      // encrypted like payloads).
      const history = await handle.fetchHistory();
      expect(JSON.stringify(history)).not.toContain(email);
      const failures = (await decodedPayloads(history, testPayloadKeys()))
        .filter(([where]) => where.includes('encodedAttributes'))
        .map(([, json]) => json)
        .join('\n');
      expect(failures).toContain('22P05'); // the SQLSTATE: untranslatable character
      expect(failures).not.toContain(email);
      expect((await handle.describe()).status.name).toBe('RUNNING');

      refuse = false;
      await handle.signal(resumeProcessingSignal);
      const result = await handle.result();
      expect(result.status).toBe('accepted');
      expect(attempts).toBe(2);
      const after = await handle.describe();
      expect(after.typedSearchAttributes.get(StalledStepAttr)).toBeUndefined();
    });
  });
});
