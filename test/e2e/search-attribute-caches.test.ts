import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scrapeServer } from '../../scripts/bench/temporal-metrics.js';
import { ensureSearchAttributes, SEARCH_ATTRIBUTE_SETTLE_MS } from '../../temporal/search-attributes.js';
import { AccountIdAttr, FlowIdAttr, LeadStatusAttr, SEARCH_ATTRIBUTES } from '../../workflows/shared.js';

// Decision 26: Temporal keeps its search-attribute and namespace caches (production config and dev
// server alike), so a start with search attributes does not read them from the database; a process that
// registers attributes waits until every service knows them.

const typedSearchAttributes = [
  { key: LeadStatusAttr, value: 'received' },
  { key: FlowIdAttr, value: 'flow_probe' },
  { key: AccountIdAttr, value: 'acct_probe' },
];

/** Starts `count` runs with search attributes on a task queue nobody polls, then terminates them. */
async function startWithAttributes(client: Client, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const handle = await client.workflow.start('leadWorkflow', {
      taskQueue: `probe-${randomUUID()}`,
      workflowId: `probe-${randomUUID()}`,
      typedSearchAttributes,
    });
    await handle.terminate('search-attribute cache probe');
  }
}

describe('Temporal search-attribute caches', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await Connection.connect({ address: inject('temporalAddress') });
  });
  afterAll(async () => {
    await connection.close();
  });

  it('starts with search attributes read neither the namespace nor the cluster metadata from the database', async () => {
    const client = new Client({ connection });
    const reads = (totals: Awaited<ReturnType<typeof scrapeServer>>) =>
      (totals.get('persistence GetNamespace')?.count ?? 0) +
      (totals.get('persistence GetCurrentClusterMetadata')?.count ?? 0);
    const before = await scrapeServer(inject('temporalMetricsUrl'));
    await startWithAttributes(client, 10);
    const after = await scrapeServer(inject('temporalMetricsUrl'));
    // With the caches bypassed, each start, and each visibility task behind it, reads both: dozens here.
    // Kept, only a cache's periodic refresh (once a minute per service) may fall in the window.
    expect(reads(after) - reads(before)).toBeLessThan(5);
  });

  it('ensureSearchAttributes registers what a new namespace lacks and returns once the services know them', async () => {
    const namespace = `probe-${randomUUID().slice(0, 8)}`;
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs('1 day'),
    });
    // A namespace just created reaches the services' caches within their refresh (2 s by default).
    let added: string[] | undefined;
    for (const deadline = Date.now() + 10_000; added === undefined; ) {
      added = await ensureSearchAttributes(connection, namespace).catch((err) => {
        if (Date.now() > deadline) throw err;
        return new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 250));
      });
    }
    expect(added.sort()).toEqual(SEARCH_ATTRIBUTES.map((key) => key.name).sort());
    // Usable at once: the frontend refuses a start naming an attribute it does not know yet ("has no
    // mapping defined for search attribute"), as it does without the wait.
    await startWithAttributes(new Client({ connection, namespace }), 1);
    // Nothing left to add: no registration, and no wait.
    const startedAt = Date.now();
    expect(await ensureSearchAttributes(connection, namespace)).toEqual([]);
    expect(Date.now() - startedAt).toBeLessThan(SEARCH_ATTRIBUTE_SETTLE_MS);
  });
});
