import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

describe('suppression lists', () => {
  let stack: TestStack;
  let key: string;
  let otherKey: string;

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key } = await stack.createAccount());
    ({ key: otherKey } = await stack.createAccount());
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const createList = async (type: string, name = `${type} DNC`) => {
    const res = await stack.call('POST', '/lists', key, { name, type });
    expect(res.status).toBe(201);
    return res.json as { id: string; type: string; item_count: number };
  };
  const upload = (listId: string, csv: string, query = '', k = key) =>
    stack.app.request(`/lists/${listId}/uploads${query}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${k}`, 'Content-Type': 'text/csv' },
      body: csv,
    });

  it('creates, reads, renames and deletes a list; its type is fixed', async () => {
    const list = await createList('email', 'Customers');
    expect(list).toMatchObject({ name: 'Customers', type: 'email', item_count: 0, description: null });
    expect(list.id).toMatch(/^list_/);
    const renamed = await stack.call('PATCH', `/lists/${list.id}`, key, { name: 'Existing customers' });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: 'Existing customers', type: 'email' });
    const typeChange = await stack.call('PATCH', `/lists/${list.id}`, key, { type: 'phone' });
    expect(typeChange.status).toBe(400);
    expect(typeChange.json.error.code).toBe('validation_failed');
    expect((await stack.call('GET', `/lists/${list.id}`, key)).json.type).toBe('email');
    // Nothing to change (or no body at all) is a mistake, not a silent 200.
    const empty = await stack.call('PATCH', `/lists/${list.id}`, key, {});
    expect(empty.status).toBe(400);
    expect(empty.json.error.code).toBe('validation_failed');
    const all = await stack.call('GET', '/lists', key);
    expect(all.json.lists.map((l: { id: string }) => l.id)).toContain(list.id);
    expect((await stack.call('DELETE', `/lists/${list.id}`, key)).status).toBe(200);
    expect((await stack.call('GET', `/lists/${list.id}`, key)).status).toBe(404);
  });

  it('refuses an unknown type with the documented error shape', async () => {
    const res = await stack.call('POST', '/lists', key, { name: 'x', type: 'ssn' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'validation_failed' });
    expect(res.json.error.details[0].field).toBe('type');
  });

  it('stores only SHA-256 of the normal form, and every written form of a value hits it', async () => {
    const list = await createList('phone');
    const added = await stack.call('POST', `/lists/${list.id}/items`, key, {
      values: ['(555) 123-4567', '555.123.4567', 'not a phone', '+44 20 7946 0958'],
    });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({
      received: 4,
      added: 2,
      already_listed: 1,
      invalid: 1,
      invalid_items: [{ position: 2, code: 'invalid_phone' }],
      item_count: 2,
    });
    const { rows } = await stack.pool.query<{ value_hash: Buffer }>(
      `SELECT value_hash FROM suppression_list_items i JOIN suppression_lists l ON l.key = i.list_key
        WHERE l.id = $1`,
      [list.id],
    );
    expect(rows.map((r) => r.value_hash.toString('hex')).sort()).toEqual(
      [sha256('+15551234567'), sha256('+442079460958')].map((b) => b.toString('hex')).sort(),
    );
    // A write that changes nothing still answers the list's count, and leaves the list as it was.
    const listedBefore = (await stack.call('GET', `/lists/${list.id}`, key)).json;
    const again = await stack.call('POST', `/lists/${list.id}/items`, key, { values: ['555-123-4567'] });
    expect(again.json).toMatchObject({ added: 0, already_listed: 1, item_count: 2 });
    expect((await stack.call('GET', `/lists/${list.id}`, key)).json).toEqual(listedBefore);
    const forms = ['5551234567', '1-555-123-4567', '+1 (555) 123 4567', '555 123 4567 ext 2', '5551234568'];
    const lookup = await stack.call('POST', `/lists/${list.id}/lookup`, key, { values: forms });
    expect(lookup.json.results.map((r: { listed: boolean }) => r.listed)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);

    const removed = await stack.call('POST', `/lists/${list.id}/items/remove`, key, {
      values: ['+15551234567', '5550000000'],
    });
    expect(removed.json).toMatchObject({ removed: 1, not_listed: 1, item_count: 1 });
  });

  it('uploads a CSV (header skipped, invalid rows reported by line) and removes by CSV', async () => {
    const list = await createList('email');
    const csv =
      'email,name\nJane@Example.com,Jane\n"bob@example.com",Bob\nnot-an-email,X\n\njane@example.com ,dup\n';
    const res = await upload(list.id, csv);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      received: 4,
      added: 2,
      already_listed: 1,
      invalid: 1,
      invalid_items: [{ position: 4, code: 'invalid_email' }],
      item_count: 2,
    });
    const byColumn = await upload(list.id, 'name,address\nCarol,carol@example.com\n', '?column=address');
    expect(await byColumn.json()).toMatchObject({ added: 1, item_count: 3 });
    const removed = await upload(list.id, 'JANE@example.com\ncarol@example.com\n', '?action=remove');
    expect(await removed.json()).toMatchObject({ removed: 2, item_count: 1 });
    const none = await upload(list.id, 'carol@example.com\n', '?action=remove');
    expect(await none.json()).toMatchObject({ removed: 0, not_listed: 1, item_count: 1 });
  });

  it('a malformed CSV keeps nothing and says where it broke', async () => {
    const list = await createList('email');
    const res = await upload(list.id, 'a@example.com\nb@example.com\n"c@example.com"x\nd@example.com\n');
    expect(res.status).toBe(422);
    // biome-ignore lint/suspicious/noExplicitAny: inspected field by field
    const body: any = await res.json();
    expect(body.error.code).toBe('invalid_csv');
    expect(body.error.details[0].line).toBe(3);
    expect((await stack.call('GET', `/lists/${list.id}`, key)).json.item_count).toBe(0);
  });

  it('a CSV that breaks after thousands of staged rows keeps none of them, and the list takes the next upload', async () => {
    const list = await createList('phone');
    const rows = Array.from(
      { length: 9_000 },
      (_, i) => `+1 646 ${String(2_000_000 + i).replace(/(\d{3})(\d{4})/, '$1 $2')}`,
    );
    const broken = await upload(list.id, `phone\n${rows.join('\n')}\n"+1 646 555 0000"x\n+1 646 555 0001\n`);
    expect(broken.status).toBe(422);
    // biome-ignore lint/suspicious/noExplicitAny: inspected field by field
    const body: any = await broken.json();
    expect(body.error.code).toBe('invalid_csv');
    expect(body.error.details[0].line).toBe(9_002);
    expect((await stack.call('GET', `/lists/${list.id}`, key)).json.item_count).toBe(0);
    const { rows: stored } = await stack.pool.query(
      'SELECT 1 FROM suppression_list_items i JOIN suppression_lists l ON l.key = i.list_key WHERE l.id = $1',
      [list.id],
    );
    expect(stored).toHaveLength(0);

    // The same rows again, some twice, some already listed by the items API: each counted once.
    await stack.call('POST', `/lists/${list.id}/items`, key, { values: rows.slice(0, 100) });
    const ok = await upload(list.id, `${rows.join('\n')}\n${rows.slice(0, 50).join('\n')}\n`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      received: 9_050,
      added: 8_900,
      already_listed: 150,
      invalid: 0,
      item_count: 9_000,
    });
    const lookup = await stack.call('POST', `/lists/${list.id}/lookup`, key, {
      values: [rows[0], rows[8_999], '+1 646 555 0001'],
    });
    expect(lookup.json.results.map((r: { listed: boolean }) => r.listed)).toEqual([true, true, false]);

    // Deleting the list deletes its items with it.
    const { key: listKey } = (
      await stack.pool.query<{ key: number }>('SELECT key FROM suppression_lists WHERE id = $1', [list.id])
    ).rows[0]!;
    expect((await stack.call('DELETE', `/lists/${list.id}`, key)).status).toBe(200);
    const { rows: left } = await stack.pool.query(
      'SELECT 1 FROM suppression_list_items WHERE list_key = $1',
      [listKey],
    );
    expect(left).toHaveLength(0);
  });

  it('answers 415 for an upload that is not CSV, and 404 for an unknown column', async () => {
    const list = await createList('domain');
    const json = await stack.call('POST', `/lists/${list.id}/uploads`, key, { values: ['example.com'] });
    expect(json.status).toBe(415);
    expect(json.json.error.code).toBe('unsupported_media_type');
    const missing = await upload(list.id, 'domain\nexample.com\n', '?column=host');
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { details: unknown[] } }).error.details[0]).toMatchObject({
      field: 'column',
      code: 'not_found',
    });
  });

  it('tenants never see or change each other’s lists', async () => {
    const list = await createList('domain');
    await stack.call('POST', `/lists/${list.id}/items`, key, { values: ['example.com'] });
    expect((await stack.call('GET', `/lists/${list.id}`, otherKey)).status).toBe(404);
    expect(
      (await stack.call('POST', `/lists/${list.id}/items`, otherKey, { values: ['x.com'] })).status,
    ).toBe(404);
    expect(
      (await stack.call('POST', `/lists/${list.id}/lookup`, otherKey, { values: ['example.com'] })).status,
    ).toBe(404);
    expect((await upload(list.id, 'x.com\n', '', otherKey)).status).toBe(404);
    expect((await stack.call('DELETE', `/lists/${list.id}`, otherKey)).status).toBe(404);
    const others = await stack.call('GET', '/lists', otherKey);
    expect(others.json.lists.map((l: { id: string }) => l.id)).not.toContain(list.id);
    expect((await stack.call('GET', `/lists/${list.id}`, key)).json.item_count).toBe(1);
  });
});
