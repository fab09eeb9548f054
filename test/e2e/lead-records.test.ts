// The lead-record activities write each step in ONE statement (a lead with its first event, a status
// change with its events): retried, they change nothing; failing, they change nothing either.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLeadRecordActivities } from '../../activities/lead-records.js';
import { insertAccount } from '../../db/accounts.js';
import { insertFlow } from '../../db/flows.js';
import { createPool, type Pool } from '../../db/pool.js';
import { assignIds, FlowConfigSchema } from '../../domain/flow.js';
import type { LeadEvent } from '../../domain/lead.js';
import { newId } from '../../lib/ids.js';
import type { LeadSnapshot, LeadWorkflowInput } from '../../workflows/shared.js';

let pool: Pool;
let input: LeadWorkflowInput;
const activities = () => createLeadRecordActivities({ pool });
const ev = (type: LeadEvent['type'], extra: Partial<LeadEvent> = {}): LeadEvent => ({
  id: newId('evt'),
  type,
  outcome: 'success',
  timestamp: new Date().toISOString(),
  ...extra,
});

beforeAll(async () => {
  pool = createPool(inject('databaseUrl'), 2);
  const account = await insertAccount(pool, 'lead records');
  const config = assignIds(FlowConfigSchema.parse({ settings: { required_fields: ['email'] } }));
  const flow = await insertFlow(
    pool,
    account.id,
    { name: 'records', description: null, status: 'active' },
    config,
  );
  input = {
    leadId: newId('lead'),
    accountId: account.id,
    flowId: flow.id,
    flowVersion: 1,
    flow: config,
    lead: { email: 'a@example.com' },
    source: 'test',
    campaign: null,
    externalId: null,
    testMode: false,
    receivedAt: new Date().toISOString(),
  };
});
afterAll(async () => {
  await pool.end();
});

const leadRow = async () =>
  (await pool.query('SELECT status, reason, decided_at, revenue FROM leads WHERE id = $1', [input.leadId]))
    .rows;
const eventTypes = async () =>
  (
    await pool.query('SELECT type FROM lead_events WHERE lead_id = $1 ORDER BY started_at, seq', [
      input.leadId,
    ])
  ).rows.map((r) => r.type as string);

describe('lead records', () => {
  it('a lead and its received event: once, however often the activity runs', async () => {
    const received = ev('received');
    await activities().recordLeadReceived(input, received);
    await activities().recordLeadReceived(input, received);
    expect(await leadRow()).toEqual([expect.objectContaining({ status: 'received', decided_at: null })]);
    expect(await eventTypes()).toEqual(['received']);
  });

  it('a status change and its events: together, once; a failing write changes neither', async () => {
    const scope = { leadId: input.leadId, accountId: input.accountId, flowId: input.flowId };
    const accepted = [ev('enhanced'), ev('accepted')];
    const progress = {
      ...scope,
      status: 'accepted' as const,
      reason: null,
      decided: false,
      events: accepted,
    };
    await activities().recordLeadProgress(progress);
    await activities().recordLeadProgress(progress);
    expect(await eventTypes()).toEqual(['received', 'enhanced', 'accepted']);
    expect(await leadRow()).toEqual([expect.objectContaining({ status: 'accepted', decided_at: null })]);

    // An event Postgres refuses (response_code is an integer column): the status change is not applied,
    // and a submitter waiting for the outcome is not told of it.
    const heard: Array<[string, unknown]> = [];
    const listening = createLeadRecordActivities({ pool, onLeadDecided: (id, s) => heard.push([id, s]) });
    const outcome = { id: input.leadId, status: 'delivered' } as unknown as LeadSnapshot;
    const broken = ev('delivered', { response_code: 'two hundred' as unknown as number });
    await expect(
      listening.recordLeadProgress({
        ...scope,
        status: 'delivered',
        reason: null,
        decided: true,
        events: [broken],
        outcome,
      }),
    ).rejects.toThrow();
    expect(await leadRow()).toEqual([expect.objectContaining({ status: 'accepted', decided_at: null })]);
    expect(await eventTypes()).toEqual(['received', 'enhanced', 'accepted']);
    expect(heard).toEqual([]);

    await listening.recordLeadProgress({
      ...scope,
      status: 'delivered',
      reason: null,
      decided: true,
      revenue: 12.5,
      events: [ev('delivered', { response_code: 200 })],
      outcome,
    });
    // Told once the write is in.
    expect(heard).toEqual([[input.leadId, outcome]]);
    expect(await leadRow()).toEqual([
      expect.objectContaining({ status: 'delivered', decided_at: expect.any(Date), revenue: 12.5 }),
    ]);
    expect(await eventTypes()).toEqual(['received', 'enhanced', 'accepted', 'delivered']);
  });

  it('writes are ordered: a late attempt of an older write does not move the lead backwards', async () => {
    const lead = { ...input, leadId: newId('lead') };
    const scope = { leadId: lead.leadId, accountId: lead.accountId, flowId: lead.flowId };
    await activities().recordLeadReceived(lead, ev('received'));
    const row = async () =>
      (
        await pool.query(
          'SELECT status, reason, decided_at, revenue, progress_seq FROM leads WHERE id = $1',
          [lead.leadId],
        )
      ).rows[0];
    const acceptedEvent = ev('accepted');
    const accepted = { ...scope, status: 'accepted' as const, reason: null, decided: false, seq: 2 };
    // The step's first attempt stalls (Postgres restarting); its retry lands, the run goes on.
    await activities().recordLeadProgress({ ...accepted, events: [acceptedEvent] });
    const deliveredEvent = ev('delivered', { response_code: 200 });
    await activities().recordLeadProgress({
      ...scope,
      status: 'delivered',
      reason: null,
      decided: true,
      revenue: 7,
      seq: 3,
      events: [deliveredEvent],
    });
    // The stalled first attempt reaches Postgres last: the row stays delivered.
    await activities().recordLeadProgress({ ...accepted, events: [acceptedEvent] });
    expect(await row()).toEqual(
      expect.objectContaining({
        status: 'delivered',
        decided_at: expect.any(Date),
        revenue: 7,
        progress_seq: 3,
      }),
    );
    const types = (
      await pool.query('SELECT type FROM lead_events WHERE lead_id = $1 ORDER BY started_at, seq', [
        lead.leadId,
      ])
    ).rows.map((r) => r.type);
    expect(types).toEqual(['received', 'accepted', 'delivered']);

    // A retry of the newest write is applied again (same content); a write without a step number
    // (a worker from before ordered writes) is applied as it always was.
    await activities().recordLeadProgress({
      ...scope,
      status: 'delivered',
      reason: null,
      decided: true,
      seq: 3,
      events: [deliveredEvent],
    });
    expect(await row()).toEqual(expect.objectContaining({ status: 'delivered', progress_seq: 3 }));
    await activities().recordLeadProgress({
      ...scope,
      status: 'failed',
      reason: 'legacy',
      decided: true,
      events: [],
    });
    expect(await row()).toEqual(
      expect.objectContaining({ status: 'failed', reason: 'legacy', progress_seq: 3 }),
    );
  });
});
