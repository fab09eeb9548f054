import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

type Recipient = Awaited<ReturnType<typeof startRecipient>>;
// biome-ignore lint/suspicious/noExplicitAny: API answers are read field by field
type Json = any;

// The list_check flow step end to end: suppression lists filled through the API, flows that check
// them, leads through the real workflow (Temporal) and the real probe (Postgres), and a local buyer
// that must receive only the leads that get through.
describe('list_check flow step', () => {
  let stack: TestStack;
  let key: string;
  let otherKey: string;
  let buyer: Recipient;

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key } = await stack.createAccount());
    ({ key: otherKey } = await stack.createAccount());
    buyer = await startRecipient(() => ({ status: 200, body: { outcome: 'success' } }));
  });
  afterAll(async () => {
    await buyer?.close();
    await stack?.stop();
  });

  async function listWith(type: string, name: string, values: string[], k = key): Promise<string> {
    const created = await stack.call('POST', '/lists', k, { name, type });
    expect(created.status).toBe(201);
    const added = await stack.call('POST', `/lists/${created.json.id}/items`, k, { values });
    expect(added.json).toMatchObject({ invalid: 0, item_count: values.length });
    return created.json.id;
  }

  async function flowWith(steps: Json[]): Promise<string> {
    const res = await stack.call('POST', '/flows', key, {
      name: 'Suppressed flow',
      steps: [...steps, { type: 'delivery', recipient: { name: 'Buyer', config: { url: buyer.url } } }],
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.id;
  }

  let seq = 0;
  const lead = (extra: Record<string, unknown>) => ({
    first_name: 'Pat',
    email: `pat.${seq++}@clean.example.org`,
    phone: '(212) 555-0101',
    ...extra,
  });
  const submit = (flowId: string, fields: Record<string, unknown>) =>
    stack.call('POST', `/flows/${flowId}/leads`, key, { lead: fields });
  const read = async (leadId: string) => (await stack.call('GET', `/leads/${leadId}`, key)).json;
  const listCheckSteps = (detail: Json) =>
    detail.events
      .find((e: Json) => e.type === 'enhanced')
      .details.steps.filter((s: Json) => s.service === 'list_check');

  /** Submits each form; every one must be rejected by `listId` for `field`, and reach no buyer. */
  async function expectRejected(flowId: string, listId: string, name: string, field: string, leads: Json[]) {
    const before = buyer.requests.length;
    for (const fields of leads) {
      const res = await submit(flowId, fields);
      const what = JSON.stringify(fields);
      expect(res.status, what).toBe(422);
      expect(res.json.error.code, what).toBe('lead_rejected');
      expect(res.json.error.details[0], what).toMatchObject({
        code: 'suppressed',
        list_id: listId,
        list_name: name,
        fields: [field],
      });
      expect(res.json.error.message).toBe(`On suppression list "${name}" (${field})`);

      const detail = await read(res.json.error.lead_id);
      expect(detail.status).toBe('rejected');
      expect(detail.reason).toBe(`On suppression list "${name}" (${field})`);
      const [check] = listCheckSteps(detail);
      expect(check, what).toMatchObject({
        outcome: 'failure',
        action: 'reject',
        result: 'reject',
        lists: [{ list_id: listId, name, hit: true, fields: [field] }],
      });
      expect(detail.enhancements.list_check[0]).toMatchObject({ result: 'reject', flagged: false });
      const rejected = detail.events.find((e: Json) => e.type === 'rejected');
      expect(rejected.details).toMatchObject({ kind: 'suppressed', list_id: listId, fields: [field] });
      // Events name the list and field, never the value (nor its digits, local part or host).
      const events = JSON.stringify(detail.events).toLowerCase();
      const value = String(fields[field]).trim().toLowerCase();
      expect(events).not.toContain(value);
      if (field === 'phone') expect(events).not.toContain(value.replace(/\D/g, '').slice(-7));
      if (field === 'email') expect(events).not.toContain(value.split('@')[1]);
    }
    expect(buyer.requests.length).toBe(before);
  }

  it('rejects a lead whose phone is listed, in every written form of the number', async () => {
    const listId = await listWith('phone', 'Do not call', ['+1 (646) 555-0142']);
    const flowId = await flowWith([{ type: 'list_check', list_ids: [listId] }]);
    await expectRejected(
      flowId,
      listId,
      'Do not call',
      'phone',
      ['6465550142', '(646) 555-0142', '1-646-555-0142', '+1 646.555.0142', '646 555 0142'].map((phone) =>
        lead({ phone }),
      ),
    );
  });

  it('checks a lead while an upload holds the list (the probe takes no lock)', async () => {
    const listId = await listWith('phone', 'Busy list', ['+1 (646) 555-0177']);
    const flowId = await flowWith([{ type: 'list_check', list_ids: [listId] }]);
    // A writer holds the list row as an upload does for its whole transaction (FOR UPDATE).
    const writer = await stack.pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query('SELECT 1 FROM suppression_lists WHERE id = $1 FOR UPDATE', [listId]);
      // Decided within the submission's wait: a probe waiting for the writer would time out (10 s a try,
      // five tries) and the submitter would get 202 pending instead.
      const res = await submit(flowId, lead({ phone: '646-555-0177' }));
      expect(res.status, JSON.stringify(res.json)).toBe(422);
      expect(res.json.error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'suppressed' })]),
      );
    } finally {
      await writer.query('ROLLBACK');
      writer.release();
    }
  });

  it('rejects a lead whose email is listed, whatever its case or a mailto: prefix', async () => {
    const listId = await listWith('email', 'Existing customers', ['Jane.Doe@Example.com']);
    const flowId = await flowWith([{ type: 'list_check', list_ids: [listId], action: 'reject' }]);
    await expectRejected(
      flowId,
      listId,
      'Existing customers',
      'email',
      [
        'jane.doe@example.com',
        'JANE.DOE@EXAMPLE.COM',
        'mailto:Jane.Doe@example.com',
        ' jane.doe@Example.com ',
      ].map((email) => lead({ email })),
    );
  });

  it('rejects by domain: an address at it or a subdomain, or a URL field on it', async () => {
    const listId = await listWith('domain', 'Blocked domains', ['https://www.BlockedCo.com/']);
    const flowId = await flowWith([{ type: 'list_check', list_ids: [listId] }]);
    await expectRejected(
      flowId,
      listId,
      'Blocked domains',
      'email',
      ['sam@blockedco.com', 'Sam@BLOCKEDCO.COM', 'sam@mail.blockedco.com'].map((email) => lead({ email })),
    );
    await expectRejected(flowId, listId, 'Blocked domains', 'website', [
      lead({ website: 'https://www.blockedco.com/about' }),
      lead({ website: 'blockedco.com' }),
    ]);
  });

  it('flags a listed lead and lets it through, in the flow’s step order', async () => {
    const listId = await listWith('phone', 'Complainers', ['2125550177']);
    const flowId = await flowWith([
      { type: 'enhancement', service: 'phone_validation' },
      { type: 'list_check', list_ids: [listId], action: 'flag' },
      { type: 'enhancement', service: 'email_validation', settings: { check_mx: false } },
    ]);
    const before = buyer.requests.length;
    for (const phone of ['212-555-0177', '+12125550177', '(212) 555 0177']) {
      const res = await submit(flowId, lead({ phone }));
      expect(res.status, phone).toBe(201);
      expect(res.json.status).toBe('delivered');
      const detail = await read(res.json.id);
      const enhanced = detail.events.find((e: Json) => e.type === 'enhanced');
      expect(enhanced.enhancements).toEqual(['phone_validation', 'list_check', 'email_validation']);
      expect(enhanced.details.steps.map((s: Json) => s.service)).toEqual([
        'phone_validation',
        'list_check',
        'email_validation',
      ]);
      expect(listCheckSteps(detail)[0]).toMatchObject({
        outcome: 'success',
        result: 'flag',
        flagged: true,
        reason: 'On suppression list "Complainers" (phone)',
        lists: [{ list_id: listId, name: 'Complainers', type: 'phone', hit: true, fields: ['phone'] }],
      });
      expect(detail.enhancements.list_check).toEqual([
        {
          step_id: 'step_2',
          action: 'flag',
          result: 'flag',
          flagged: true,
          lists: [{ list_id: listId, name: 'Complainers', type: 'phone', hit: true, fields: ['phone'] }],
          missing: [],
        },
      ]);
      expect(JSON.stringify(enhanced)).not.toContain('0177');
    }
    expect(buyer.requests.length).toBe(before + 3);
  });

  it('lets a lead on none of the lists through, recording each list checked', async () => {
    const phones = await listWith('phone', 'DNC 2', ['3125550100']);
    const emails = await listWith('email', 'Customers 2', ['someone@else.example.org']);
    const flowId = await flowWith([
      { type: 'list_check', list_ids: [phones, emails] },
      { type: 'list_check', list_ids: [emails], fields: ['contact'], action: 'flag' },
    ]);
    const before = buyer.requests.length;
    const res = await submit(flowId, lead({ phone: '3125550101', contact: 'nobody@else.example.org' }));
    expect(res.status).toBe(201);
    expect(res.json.status).toBe('delivered');
    expect(buyer.requests.length).toBe(before + 1);
    const detail = await read(res.json.id);
    expect(detail.enhancements.list_check.map((c: Json) => [c.step_id, c.result])).toEqual([
      ['step_1', 'pass'],
      ['step_2', 'pass'],
    ]);
    expect(detail.enhancements.list_check[0].lists.map((l: Json) => [l.list_id, l.hit])).toEqual([
      [phones, false],
      [emails, false],
    ]);

    // The named field is the one read: the same address in `contact` (not an email field, so not
    // read by default) is flagged by step 2 only.
    const flagged = await submit(flowId, lead({ contact: 'Someone@Else.example.org' }));
    expect(flagged.status).toBe(201);
    const flaggedDetail = await read(flagged.json.id);
    expect(flaggedDetail.enhancements.list_check.map((c: Json) => c.result)).toEqual(['pass', 'flag']);
    expect(flaggedDetail.enhancements.list_check[1].lists[0].fields).toEqual(['contact']);
  });

  it('refuses a flow naming another account’s list, or one that does not exist (422 unknown_list)', async () => {
    const theirs = await listWith('phone', 'Theirs', ['4155550100'], otherKey);
    const mine = await listWith('phone', 'Mine', ['4155550100']);
    const body = (ids: string[]) => ({
      name: 'Cross-tenant flow',
      steps: [{ type: 'list_check', list_ids: ids }],
    });
    for (const ids of [[theirs], [mine, 'list_00000000000000000000000000']]) {
      const res = await stack.call('POST', '/flows', key, body(ids));
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe('unknown_list');
      expect(res.json.error.details).toEqual([
        expect.objectContaining({ field: `steps.0.list_ids.${ids.length - 1}`, code: 'unknown_list' }),
      ]);
    }
    const flowId = (await stack.call('POST', '/flows', key, body([mine]))).json.id;
    const update = await stack.call('PUT', `/flows/${flowId}`, key, body([theirs]));
    expect(update.status).toBe(422);
    expect(update.json.error.code).toBe('unknown_list');
    expect((await stack.call('GET', `/flows/${flowId}`, key)).json.version).toBe(1);
  });

  it('refuses to delete a list a flow checks (409 naming the flow) until the flow stops checking it', async () => {
    const listId = await listWith('email', 'In use', ['used@example.org']);
    const flowId = await flowWith([{ type: 'list_check', list_ids: [listId] }]);
    const refused = await stack.call('DELETE', `/lists/${listId}`, key);
    expect(refused.status).toBe(409);
    expect(refused.json.error.details[0].flows).toEqual([{ id: flowId, name: 'Suppressed flow' }]);
    const updated = await stack.call('PUT', `/flows/${flowId}`, key, { name: 'Suppressed flow', steps: [] });
    expect(updated.status).toBe(200);
    expect((await stack.call('DELETE', `/lists/${listId}`, key)).status).toBe(200);
  });

  it('refuses a malformed list_check step with the documented error shape', async () => {
    for (const step of [
      { type: 'list_check', list_ids: [] },
      { type: 'list_check', list_ids: ['rcp_1'] },
      { type: 'list_check', list_ids: ['list_a'], action: 'drop' },
    ]) {
      const res = await stack.call('POST', '/flows', key, { name: 'Bad', steps: [step] });
      expect(res.status, JSON.stringify(step)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
      expect(res.json.error.details[0].field).toMatch(/^steps\.0\b/);
    }
  });
});
