// The hot statements are prepared once per connection (db/pool.ts preparedStatement, decision 25). These
// tests show they are, that a migration adding a column does not break a connection holding them
// (their result columns are listed, not `*`), that every prepared text keeps to that rule, and that
// one name cannot carry two texts.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../db/accounts.js';
import '../../db/caps.js';
import '../../db/fingerprints.js';
import { findFlow } from '../../db/flows.js';
import '../../db/leads.js';
import {
  createPool,
  type Pool,
  preparedStatement,
  preparedStatementTexts,
  withTransaction,
} from '../../db/pool.js';
import '../../db/rate-limits.js';
import { findRecipients } from '../../db/recipients.js';
import '../../db/submissions.js';
import '../../db/webhook-secrets.js';
import '../../db/webhooks.js';
import '../../intent/query-log.js';

let pool: Pool;
beforeAll(() => {
  pool = createPool(inject('databaseUrl'), 2);
});
afterAll(() => pool.end());

/**
 * A connection whose `flows`, `flow_versions` and `recipients` are copies in a schema of its own (on
 * its search path), holding one flow and one recipient: altering them takes no lock that other test
 * files running against the same database would wait on. The connection is closed afterwards.
 */
async function withScratchTables(
  fn: (
    client: pg.PoolClient,
    ids: { accountId: string; flowId: string; recipientId: string },
  ) => Promise<void>,
) {
  const schema = `prepared_${randomBytes(4).toString('hex')}`;
  const client = await pool.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
    for (const table of ['flows', 'flow_versions', 'recipients'])
      await client.query(`CREATE TABLE ${schema}.${table} (LIKE public.${table} INCLUDING DEFAULTS)`);
    await client.query(`SET search_path TO ${schema}, public`);
    const ids = { accountId: 'acct_scratch', flowId: 'flow_scratch', recipientId: 'rcp_scratch' };
    await client.query(
      `INSERT INTO flows (id, account_id, name, status, version) VALUES ($1, $2, 'prepared', 'active', 1)`,
      [ids.flowId, ids.accountId],
    );
    await client.query(
      `INSERT INTO flow_versions (flow_id, version, config) VALUES ($1, 1, '{"steps":[]}')`,
      [ids.flowId],
    );
    await client.query(
      `INSERT INTO recipients (id, account_id, name, type, config) VALUES ($1, $2, 'buyer', 'http', '{"url":"http://127.0.0.1:9/"}')`,
      [ids.recipientId, ids.accountId],
    );
    await fn(client, ids);
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    client.release(true);
  }
}

describe('prepared hot statements', () => {
  it('are prepared on the connection that ran them, and answer as before on later calls', () =>
    withScratchTables(async (client, { accountId, flowId }) => {
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
    }));

  it('keep working on a connection that holds them when a migration adds a column', () =>
    withScratchTables(async (client, { accountId, flowId, recipientId }) => {
      const before = await findRecipients(client, accountId, [recipientId]);
      const flowBefore = await findFlow(client, accountId, flowId);
      expect(before.get(recipientId)).toMatchObject({ id: recipientId, name: 'buyer' });
      // What a release's migration may do while older processes still run.
      await client.query('ALTER TABLE recipients ADD COLUMN prepared_test_column text');
      await client.query('ALTER TABLE flows ADD COLUMN prepared_test_column text');
      expect(await findRecipients(client, accountId, [recipientId])).toEqual(before);
      expect(await findFlow(client, accountId, flowId)).toEqual(flowBefore);
    }));

  it('list their result columns: no prepared text selects or returns a table’s `*`', () => {
    const texts = preparedStatementTexts();
    expect([...texts.keys()]).toEqual(
      expect.arrayContaining([
        'lead_insert_with_events',
        'lead_update_with_events',
        'recipients_by_id',
        'intent_admit',
      ]),
    );
    // The `*` of a CTE the statement defines (lim), or of unnest over its own parameters, cannot change.
    const ownColumns = /SELECT lim\.\*|SELECT \* FROM unnest\(/g;
    const tableStar = /\bRETURNING\s+\*|\bSELECT\s+(?:\w+\.)?\*/i;
    expect(
      ['SELECT * FROM recipients', 'SELECT f.*, v.config FROM flows f', 'UPDATE x SET y = 1 RETURNING *'].map(
        (text) => tableStar.test(text),
      ),
    ).toEqual([true, true, true]);
    const offenders = [...texts].filter(([, text]) => tableStar.test(text.replace(ownColumns, '')));
    expect(offenders).toEqual([]);
  });

  it('a transaction whose prepared statement went stale closes its connection instead of reusing it', async () => {
    const single = createPool(inject('databaseUrl'), 1);
    try {
      const pid = async () =>
        (await single.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const before = await pid();
      const stale = withTransaction(single, async (client) => {
        // A session's own temporary table: no lock that other test files could wait on.
        await client.query('CREATE TEMP TABLE prepared_stale (a int)');
        const select = { name: 'prepared_test_stale', text: 'SELECT * FROM prepared_stale' };
        await client.query(select);
        await client.query('ALTER TABLE prepared_stale ADD COLUMN b int');
        await client.query(select);
      });
      await expect(stale).rejects.toMatchObject({ code: '0A000' });
      expect(await pid()).not.toBe(before);
    } finally {
      await single.end();
    }
  });

  it('refuse one name for two different texts', () => {
    preparedStatement('prepared_test_once', 'SELECT 1');
    expect(() => preparedStatement('prepared_test_once', 'SELECT 1')).not.toThrow();
    expect(() => preparedStatement('prepared_test_once', 'SELECT 2')).toThrow(/defined twice/);
  });
});
