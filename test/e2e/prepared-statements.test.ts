// The lead's hot statements are prepared once per connection (db/pool.ts preparedStatement). These
// tests show they are, that a migration adding a column does not break a connection holding them
// (their result columns are listed, not `*`), and that one name cannot carry two texts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { insertAccount } from '../../db/accounts.js';
import { findFlow, insertFlow } from '../../db/flows.js';
import { createPool, type Pool, preparedStatement } from '../../db/pool.js';
import { findRecipients, insertRecipient } from '../../db/recipients.js';
import { assignIds, FlowConfigSchema, RecipientInputSchema } from '../../domain/flow.js';

let pool: Pool;
let accountId: string;
let flowId: string;
let recipientId: string;

beforeAll(async () => {
  pool = createPool(inject('databaseUrl'), 2);
  accountId = (await insertAccount(pool, 'prepared statements')).id;
  const config = assignIds(FlowConfigSchema.parse({ settings: { required_fields: ['email'] } }));
  flowId = (
    await insertFlow(pool, accountId, { name: 'prepared', description: null, status: 'active' }, config)
  ).id;
  recipientId = (
    await insertRecipient(
      pool,
      accountId,
      RecipientInputSchema.parse({ name: 'buyer', config: { url: 'http://127.0.0.1:9/leads' } }),
    )
  ).id;
});

afterAll(() => pool.end());

describe('prepared hot statements', () => {
  it('are prepared on the connection that ran them, and answer as before on later calls', async () => {
    const client = await pool.connect();
    try {
      const first = await findFlow(client, accountId, flowId);
      const again = await findFlow(client, accountId, flowId);
      expect(again).toEqual(first);
      expect(first).toMatchObject({ id: flowId, account_id: accountId, name: 'prepared', version: 1 });
      expect(Object.keys(first!).sort()).toEqual(
        [
          'account_id',
          'config',
          'created_at',
          'description',
          'id',
          'name',
          'status',
          'updated_at',
          'version',
        ].sort(),
      );
      const { rows } = await client.query<{ name: string }>('SELECT name FROM pg_prepared_statements');
      expect(rows.map((r) => r.name)).toContain('flow_with_config');
    } finally {
      client.release();
    }
  });

  it('keep working on a connection that holds them when a migration adds a column', async () => {
    const client = await pool.connect();
    try {
      const before = await findRecipients(client, accountId, [recipientId]);
      const flowBefore = await findFlow(client, accountId, flowId);
      await client.query('BEGIN');
      try {
        // What a release's migration may do while older processes still run (rolled back here).
        await client.query('ALTER TABLE recipients ADD COLUMN prepared_test_column text');
        await client.query('ALTER TABLE flows ADD COLUMN prepared_test_column text');
        expect(await findRecipients(client, accountId, [recipientId])).toEqual(before);
        expect(await findFlow(client, accountId, flowId)).toEqual(flowBefore);
      } finally {
        await client.query('ROLLBACK');
      }
    } finally {
      client.release();
    }
  });

  it('refuse one name for two different texts', () => {
    preparedStatement('prepared_test_once', 'SELECT 1');
    expect(() => preparedStatement('prepared_test_once', 'SELECT 1')).not.toThrow();
    expect(() => preparedStatement('prepared_test_once', 'SELECT 2')).toThrow(/defined twice/);
  });
});
