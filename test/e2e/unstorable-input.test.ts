import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// Text Postgres cannot store (NUL, unpaired surrogates) and oversized leads are refused at the edge
// with 400/413 naming where they were: nothing reaches a run or the database, and nothing answers 500.
describe('unstorable text and lead size limits', () => {
  let stack: TestStack;
  let key: string;
  let flowId: string;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;

  beforeAll(async () => {
    stack = await startTestStack();
    buyer = await startRecipient();
    ({ key } = await stack.createAccount());
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Limits',
      steps: [{ type: 'delivery', recipient: { name: 'Buyer', config: { url: buyer.url } } }],
    });
    flowId = flow.json.id;
  });
  afterAll(async () => {
    await buyer?.close();
    await stack?.stop();
  });

  const leadCount = async () =>
    Number((await stack.pool.query('SELECT count(*) FROM leads WHERE flow_id = $1', [flowId])).rows[0].count);

  // biome-ignore lint/suspicious/noExplicitAny: error bodies are inspected field by field
  function expectRefused(res: { status: number; json: any }, field: string) {
    expect(res.status, JSON.stringify(res.json)).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    expect(res.json.error.details).toEqual([
      expect.objectContaining({ field, code: 'invalid_character', message: expect.stringMatching(/NUL/) }),
    ]);
  }

  it('refuses NUL in any lead field (JSON and form), naming it, and starts no lead', async () => {
    const before = await leadCount();
    // The escape as JSON writes it, and a raw NUL inside the JSON text.
    const escaped = `{"lead":{"first_name":"Ann","email":"ann\\u0000@example.com"}}`;
    expectRefused(await stack.call('POST', `/flows/${flowId}/leads`, key, escaped), 'lead.email');
    const raw = JSON.stringify({ lead: { phone: '555\u00001234567' } });
    expectRefused(await stack.call('POST', `/flows/${flowId}/leads`, key, raw), 'lead.phone');
    expectRefused(
      await stack.call('POST', `/flows/${flowId}/leads`, key, { lead: { notes: ['ok', 'bad\u0000'] } }),
      'lead.notes.1',
    );
    const form = await stack.call('POST', `/flows/${flowId}/leads`, key, 'email=a%00b%40example.com', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expectRefused(form, 'email');
    expectRefused(
      await stack.call('POST', `/flows/${flowId}/leads/batch`, key, {
        leads: [{ lead: { email: 'ok@example.com' } }, { lead: { city: 'Aus\u0000tin' } }],
      }),
      'leads.1.lead.city',
    );
    expect(await leadCount()).toBe(before);
    expect(buyer.requests).toHaveLength(0);
  });

  it('refuses unpaired surrogates and NUL in keys, names, headers, queries and paths', async () => {
    expectRefused(
      await stack.call('POST', `/flows/${flowId}/leads`, key, '{"lead":{"first_name":"\\ud800x"}}'),
      'lead.first_name',
    );
    expectRefused(
      await stack.call('POST', `/flows/${flowId}/leads`, key, '{"lead":{"bad\\u0000key":"x"}}'),
      'lead.bad\\u0000key',
    );
    expectRefused(await stack.call('POST', '/flows', key, { name: 'Nul\u0000flow' }), 'name');
    expectRefused(
      await stack.call('POST', '/recipients', key, {
        name: 'R',
        config: { url: buyer.url, headers: { 'X-Token': 'a\u0000b' } },
      }),
      'config.headers.X-Token',
    );
    expectRefused(await stack.call('POST', '/api-keys', key, { name: 'k\u0000' }), 'name');
    expectRefused(await stack.call('GET', '/leads?source=web%00site', key), 'query.source');
    expectRefused(await stack.call('GET', `/leads/lead_%00abc`, key), 'path');
    expectRefused(
      await stack.call('POST', '/replays', key, {
        flow_id: flowId,
        reason_contains: 'x\u0000',
        dry_run: true,
      }),
      'reason_contains',
    );
  });

  it('keeps replay filters with any offset JavaScript reads (Postgres refuses ±16:00)', async () => {
    const res = await stack.call('POST', '/replays', key, {
      flow_id: flowId,
      created_after: '2020-01-01T00:00:00+16:00',
      created_before: '2099-01-01T00:00:00-18:30',
      dry_run: true,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
  });

  it('limits a field to 10,000 characters (400 naming it) and a lead to 256 KiB (413 naming it)', async () => {
    const before = await leadCount();
    const longField = await stack.call('POST', `/flows/${flowId}/leads`, key, {
      lead: { email: 'a@example.com', comments: 'x'.repeat(10_001) },
    });
    expect(longField.status).toBe(400);
    expect(longField.json.error.details).toEqual([expect.objectContaining({ field: 'lead.comments' })]);
    const atLimit = await stack.call('POST', `/flows/${flowId}/leads`, key, {
      lead: { email: 'a@example.com', comments: 'x'.repeat(10_000) },
    });
    expect(atLimit.status).toBe(201);

    // 30 fields of 9,000 characters: each within its limit, about 270 KB together.
    const big = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`note_${i}`, 'y'.repeat(9000)]));
    const tooBig = await stack.call('POST', `/flows/${flowId}/leads`, key, { lead: big });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.error).toMatchObject({ code: 'payload_too_large' });
    expect(tooBig.json.error.details).toEqual([
      expect.objectContaining({ field: 'lead', code: 'too_large', max_bytes: 256 * 1024 }),
    ]);
    const batch = await stack.call('POST', `/flows/${flowId}/leads/batch`, key, {
      leads: [{ lead: { email: 'b@example.com' } }, { lead: big }],
    });
    expect(batch.status).toBe(207);
    expect(batch.json.results[1]).toMatchObject({ status: 'error', error: { code: 'payload_too_large' } });
    expect(await leadCount()).toBe(before + 2); // the one at the limit and the batch's small one
  });
});
