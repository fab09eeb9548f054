import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

describe('recipients CRUD', () => {
  let stack: TestStack;
  let key: string;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;

  const input = (url: string, name = 'Buyer CRM') => ({
    name,
    config: {
      url,
      headers: { 'X-Api-Token': 'tok_live_1234567890abcd', 'X-Short': 'abc' },
      basic_auth: { username: 'leadrail', password: 'hunter2-very-secret' },
    },
  });

  beforeAll(async () => {
    stack = await startTestStack();
    buyer = await startRecipient();
    ({ key } = await stack.createAccount());
  });
  afterAll(async () => {
    await buyer?.close();
    await stack?.stop();
  });

  it('creates, reads and lists recipients with secrets masked in every response', async () => {
    const created = await stack.call('POST', '/recipients', key, input(buyer.url));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Buyer CRM',
      type: 'http',
      config: {
        url: buyer.url,
        method: 'POST',
        headers: { 'X-Api-Token': '****abcd', 'X-Short': '****' },
        basic_auth: { username: 'leadrail', password: '****cret' },
        timeout_ms: 10_000,
      },
    });
    expect(created.json.id).toMatch(/^rcp_/);
    const got = await stack.call('GET', `/recipients/${created.json.id}`, key);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(created.json);
    const list = await stack.call('GET', '/recipients', key);
    expect(list.json.recipients.map((r: { id: string }) => r.id)).toContain(created.json.id);
    for (const text of [created.text, got.text, list.text]) {
      expect(text).not.toContain('tok_live_1234567890abcd');
      expect(text).not.toContain('hunter2-very-secret');
    }
  });

  it('masks a password embedded in the URL', async () => {
    const created = await stack.call('POST', '/recipients', key, {
      name: 'Userinfo',
      config: { url: 'https://user:s3cr3t-pass@buyer.example.com/leads' },
    });
    expect(created.status).toBe(201);
    expect(created.json.config.url).toBe('https://user:****@buyer.example.com/leads');
    expect(created.text).not.toContain('s3cr3t-pass');
  });

  it('masks query values in the URL (tokens ride there) and keeps them through a masked PUT', async () => {
    const url = 'https://buyer.example.com/leads?api_key=tok_9f8e7d6c5b4a&src=web';
    const created = await stack.call('POST', '/recipients', key, { name: 'Query token', config: { url } });
    expect(created.json.config.url).toBe('https://buyer.example.com/leads?api_key=****5b4a&src=****');
    expect(created.text).not.toContain('tok_9f8e7d6c5b4a');
    const put = await stack.call('PUT', `/recipients/${created.json.id}`, key, {
      name: 'Query token, renamed',
      config: { ...created.json.config },
    });
    expect(put.status).toBe(200);
    const { rows } = await stack.pool.query('SELECT config FROM recipients WHERE id = $1', [created.json.id]);
    expect(rows[0].config.url).toBe(url);
  });

  it('replaces a recipient with PUT, keeping secrets sent back masked, and delivers with the real ones', async () => {
    const { json: created } = await stack.call('POST', '/recipients', key, input(buyer.url, 'Before'));
    // The client GETs, edits the name and timeout, and PUTs the masked document back.
    const edited = { name: 'After', config: { ...created.config, timeout_ms: 5000 } };
    const put = await stack.call('PUT', `/recipients/${created.id}`, key, edited);
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ id: created.id, name: 'After', config: { timeout_ms: 5000 } });
    expect(Date.parse(put.json.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.updated_at));
    const { rows } = await stack.pool.query('SELECT config FROM recipients WHERE id = $1', [created.id]);
    expect(rows[0].config.headers).toEqual({ 'X-Api-Token': 'tok_live_1234567890abcd', 'X-Short': 'abc' });
    expect(rows[0].config.basic_auth.password).toBe('hunter2-very-secret');

    // A flow delivering to it sends the stored credentials, not the masks.
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Uses recipient',
      steps: [{ type: 'delivery', recipient_id: created.id }],
    });
    const lead = await stack.call('POST', `/flows/${flow.json.id}/leads`, key, {
      lead: { email: 'put@example.com', phone: '5551234567' },
    });
    expect(lead.status).toBe(201);
    const received = buyer.requests.at(-1)!;
    expect(received.headers['x-api-token']).toBe('tok_live_1234567890abcd');
    expect(received.headers.authorization).toBe(
      `Basic ${Buffer.from('leadrail:hunter2-very-secret').toString('base64')}`,
    );

    // A new secret replaces the old one.
    const rotated = await stack.call('PUT', `/recipients/${created.id}`, key, {
      ...edited,
      config: { ...edited.config, headers: { 'X-Api-Token': 'tok_new_secret_value_9999' } },
    });
    expect(rotated.json.config.headers).toEqual({ 'X-Api-Token': '****9999' });
    const after = await stack.pool.query('SELECT config FROM recipients WHERE id = $1', [created.id]);
    expect(after.rows[0].config.headers).toEqual({ 'X-Api-Token': 'tok_new_secret_value_9999' });
  });

  it('validates bodies with the recipient schema', async () => {
    const res = await stack.call('POST', '/recipients', key, {
      name: 'x',
      config: { url: 'not a url', method: 'GET' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    const fields = res.json.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['config.url', 'config.method']));
    const { json: created } = await stack.call('POST', '/recipients', key, input(buyer.url));
    const put = await stack.call('PUT', `/recipients/${created.id}`, key, { name: '' });
    expect(put.status).toBe(400);
    // Header names and values fetch could not send, a user name with a colon, a non-http(s) URL: refused
    // when saved, not found out at delivery time.
    const bad = await stack.call('POST', '/recipients', key, {
      name: 'Bad headers',
      config: {
        url: 'ftp://buyer.example.com/leads',
        headers: { 'Bad Name': 'v', 'X-Ok': 'line\nbreak', 'X-Wide': 'snowman ☃' },
        basic_auth: { username: 'a:b', password: 'p' },
      },
    });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.json.error.details.map((d: { field: string }) => d.field))].sort()).toEqual(
      [
        'config.basic_auth.username',
        'config.headers.Bad Name',
        'config.headers.X-Ok',
        'config.headers.X-Wide',
        'config.url',
      ].sort(),
    );
    const good = await stack.call('POST', '/recipients', key, {
      name: 'Fine headers',
      config: {
        url: buyer.url,
        headers: { 'X-Api-Key': 'k3y with spaces; and=signs', 'x_custom.Header~1': 'café' },
      },
    });
    expect(good.status).toBe(201);
  });

  it('soft-deletes an unused recipient: 404 afterwards, the row kept', async () => {
    const { json: created } = await stack.call('POST', '/recipients', key, input(buyer.url, 'Unused'));
    const del = await stack.call('DELETE', `/recipients/${created.id}`, key);
    expect(del.status).toBe(200);
    expect(del.json.id).toBe(created.id);
    expect((await stack.call('GET', `/recipients/${created.id}`, key)).status).toBe(404);
    expect((await stack.call('PUT', `/recipients/${created.id}`, key, input(buyer.url))).status).toBe(404);
    expect((await stack.call('DELETE', `/recipients/${created.id}`, key)).status).toBe(404);
    const list = await stack.call('GET', '/recipients', key);
    expect(list.json.recipients.map((r: { id: string }) => r.id)).not.toContain(created.id);
    const { rows } = await stack.pool.query('SELECT deleted_at FROM recipients WHERE id = $1', [created.id]);
    expect(rows[0].deleted_at).toBeInstanceOf(Date);
    // A flow can no longer name it.
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Deleted recipient',
      steps: [{ type: 'delivery', recipient_id: created.id }],
    });
    expect(flow.status).toBe(404);
  });

  it('refuses with 409 to delete a recipient a flow delivers to, until the flow stops using it', async () => {
    const { json: recipient } = await stack.call('POST', '/recipients', key, input(buyer.url, 'In use'));
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Active flow',
      steps: [{ type: 'delivery', recipient_id: recipient.id }],
    });
    expect(flow.status).toBe(201);
    const refused = await stack.call('DELETE', `/recipients/${recipient.id}`, key);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({
      code: 'conflict',
      details: [{ code: 'conflict', flows: [{ id: flow.json.id, name: 'Active flow', status: 'active' }] }],
    });
    expect((await stack.call('GET', `/recipients/${recipient.id}`, key)).status).toBe(200);

    // A new flow version without the delivery step frees it.
    const edited = await stack.call('PUT', `/flows/${flow.json.id}`, key, { name: 'Active flow', steps: [] });
    expect(edited.status).toBe(200);
    expect((await stack.call('DELETE', `/recipients/${recipient.id}`, key)).status).toBe(200);
  });

  it('checks scopes: flows:read to read, flows:write to write', async () => {
    const { json: recipient } = await stack.call('POST', '/recipients', key, input(buyer.url));
    const { key: reader } = await stack.createAccount({ scopes: ['flows:read'] });
    const { key: writer } = await stack.createAccount({ scopes: ['flows:write'] });
    expect((await stack.call('GET', '/recipients', writer)).json.error.details).toMatchObject([
      {
        required_scope: 'flows:read',
      },
    ]);
    expect((await stack.call('GET', `/recipients/${recipient.id}`, writer)).status).toBe(403);
    for (const [method, path] of [
      ['POST', '/recipients'],
      ['PUT', `/recipients/${recipient.id}`],
      ['DELETE', `/recipients/${recipient.id}`],
    ] as const) {
      const res = await stack.call(method, path, reader, method === 'DELETE' ? undefined : input(buyer.url));
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.json.error.details).toMatchObject([{ required_scope: 'flows:write' }]);
    }
    expect((await stack.call('GET', '/recipients', reader)).status).toBe(200);
    expect((await stack.call('POST', '/recipients', writer, input(buyer.url))).status).toBe(201);
  });

  it('hides other accounts’ recipients: 404 on read, write and delete, and no data', async () => {
    const { json: mine } = await stack.call('POST', '/recipients', key, input(buyer.url, 'Private buyer'));
    const other = await stack.createAccount();
    for (const [method, path, body] of [
      ['GET', `/recipients/${mine.id}`, undefined],
      ['PUT', `/recipients/${mine.id}`, input('https://evil.example.com/steal')],
      ['DELETE', `/recipients/${mine.id}`, undefined],
    ] as const) {
      const res = await stack.call(method, path, other.key, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.text).not.toContain('Private buyer');
    }
    const list = await stack.call('GET', '/recipients', other.key);
    expect(list.json.recipients).toEqual([]);
    // Nor can another account's flow deliver to it.
    const flow = await stack.call('POST', '/flows', other.key, {
      name: 'Borrowing',
      steps: [{ type: 'delivery', recipient_id: mine.id }],
    });
    // The body is well formed; what it names does not exist for this account: 404, naming the step.
    expect(flow.status).toBe(404);
    expect(flow.json.error).toMatchObject({
      code: 'not_found',
      details: [
        { field: 'steps.0.recipient_id', code: 'not_found', message: `Recipient ${mine.id} not found` },
      ],
    });
    expect(flow.text).not.toContain('Private buyer');
    const still = await stack.call('GET', `/recipients/${mine.id}`, key);
    expect(still.json).toMatchObject({ name: 'Private buyer', config: { url: buyer.url } });
  });
});
