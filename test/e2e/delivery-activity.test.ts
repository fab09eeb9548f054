// deliverLead reads the recipient and the stored lead at once. Whichever read decides the outcome, the
// activity fails the way the workflow's retry policy expects, and the read it did not need is left
// without an unhandled rejection (vitest fails a file that has one).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDeliveryActivities } from '../../activities/delivery.js';
import { insertAccount } from '../../db/accounts.js';
import { insertFlow } from '../../db/flows.js';
import { insertLeadWithEvents } from '../../db/leads.js';
import { createPool, type Pool } from '../../db/pool.js';
import { insertRecipient, softDeleteRecipient } from '../../db/recipients.js';
import { assignIds, FlowConfigSchema, RecipientInputSchema } from '../../domain/flow.js';
import { newId } from '../../lib/ids.js';

let pool: Pool;
let buyer: Server;
const received: unknown[] = [];
let accountId: string;
let flowId: string;
let recipientId: string;

beforeAll(async () => {
  pool = createPool(inject('databaseUrl'), 4);
  buyer = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"accepted"}');
    });
  });
  await new Promise<void>((resolve) => buyer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(buyer.address() as AddressInfo).port}/leads`;
  accountId = (await insertAccount(pool, 'delivery activity')).id;
  const config = assignIds(FlowConfigSchema.parse({ settings: { required_fields: ['email'] } }));
  flowId = (
    await insertFlow(pool, accountId, { name: 'delivery', description: null, status: 'active' }, config)
  ).id;
  recipientId = (
    await insertRecipient(pool, accountId, RecipientInputSchema.parse({ name: 'buyer', config: { url } }))
  ).id;
});

afterAll(async () => {
  await pool.end();
  await new Promise<void>((resolve) => buyer.close(() => resolve()));
});

async function storeLead(lead: Record<string, unknown>): Promise<string> {
  const id = newId('lead');
  await insertLeadWithEvents(
    pool,
    {
      id,
      accountId,
      flowId,
      flowVersion: 1,
      status: 'accepted',
      source: null,
      sourceId: null,
      campaign: null,
      externalId: null,
      testMode: false,
      leadData: lead,
      createdAt: new Date().toISOString(),
    },
    [],
  );
  return id;
}

const failureType = async (promise: Promise<unknown>) => {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  expect((err as ApplicationFailure).nonRetryable).toBe(true);
  return (err as ApplicationFailure).type;
};

describe('deliverLead', () => {
  // Built once the pool exists (beforeAll runs after this body); run as an activity (it heartbeats).
  const deliverLead: ReturnType<typeof createDeliveryActivities>['deliverLead'] = (request) =>
    new MockActivityEnvironment().run(createDeliveryActivities({ pool }).deliverLead, request);

  it('sends the stored lead, with the real values of its sensitive fields laid over it', async () => {
    const leadId = await storeLead({ email: 'a@example.com', ssn: '***' });
    const result = await deliverLead({
      leadId,
      accountId,
      recipientId,
      sensitive: { ssn: '123-45-6789' },
      idempotencyKey: `${leadId}:1`,
      testMode: false,
    });
    expect(result.outcome).toBe('success');
    expect(received.at(-1)).toMatchObject({ email: 'a@example.com', ssn: '123-45-6789' });
  });

  it('fails for good on a lead that is not stored', async () => {
    const sent = received.length;
    const type = await failureType(
      deliverLead({ leadId: newId('lead'), accountId, recipientId, idempotencyKey: 'x', testMode: false }),
    );
    expect(type).toBe('LeadNotFound');
    expect(received).toHaveLength(sent);
  });

  it('fails for good on a deleted recipient, whether or not the lead is stored', async () => {
    const gone = (
      await insertRecipient(
        pool,
        accountId,
        RecipientInputSchema.parse({ name: 'gone', config: { url: 'http://127.0.0.1:9/' } }),
      )
    ).id;
    await softDeleteRecipient(pool, accountId, gone);
    const leadId = await storeLead({ email: 'b@example.com' });
    for (const id of [leadId, newId('lead')]) {
      const type = await failureType(
        deliverLead({ leadId: id, accountId, recipientId: gone, idempotencyKey: 'y', testMode: false }),
      );
      expect(type).toBe('RecipientNotFound');
    }
  });
});
