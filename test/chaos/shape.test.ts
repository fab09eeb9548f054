import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount, issueApiKey } from '../../db/accounts.js';
import { createPool } from '../../db/pool.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import { parsePayloadKeys } from '../../temporal/payload-codec.js';
import { type IdempotentBuyer, startIdempotentBuyer } from './buyer.js';
import type { ShapeDescription } from './experiments.js';
import { shapeControl } from './harness.js';

// The production shape itself (test/chaos/global-setup.ts): the Temporal server on PostgreSQL (not the
// dev server), two APIs and two workers as separate processes sharing one task queue, the Web UI.

let shape: ShapeDescription;
let buyer: IdempotentBuyer;

beforeAll(async () => {
  shape = await shapeControl().describe();
  buyer = await startIdempotentBuyer();
});
afterAll(async () => {
  await buyer?.close();
});

describe('the production shape', () => {
  it('runs Postgres, the Temporal server, the Web UI, two APIs and two workers', () => {
    expect(shape.names.sort()).toEqual([
      'api-1',
      'api-2',
      'postgres',
      'temporal',
      'ui',
      'worker-1',
      'worker-2',
    ]);
    expect(new Set(Object.values(shape.pids)).size).toBe(7);
    expect(shape.apiUrls).toHaveLength(2);
  });

  it('takes a lead on one API, serves it from the other, keeps its run in PostgreSQL and shows it in the UI', async () => {
    const pool = createPool(shape.databaseUrl, 2);
    const connection = await Connection.connect({ address: shape.temporalAddress });
    try {
      const account = await insertAccount(pool, 'Shape test');
      const { key } = await issueApiKey(pool, account.id, { name: 'shape' });
      const [api1, api2] = shape.apiUrls as [string, string];
      const call = async (url: string, body?: unknown) => {
        const res = await fetch(url, {
          method: body ? 'POST' : 'GET',
          headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
          body: body ? JSON.stringify(body) : undefined,
        });
        return { status: res.status, json: (await res.json()) as Record<string, unknown> };
      };
      const flow = await call(`${api2}/flows`, {
        name: 'Shape',
        settings: { required_fields: ['email'] },
        steps: [{ type: 'delivery', recipient: { name: 'Buyer', config: { url: buyer.url('a') } } }],
      });
      expect(flow.status).toBe(201);
      const submitted = await call(`${api1}/flows/${flow.json.id}/leads`, {
        lead: { email: 'shape@example.com' },
      });
      expect(submitted.status).toBe(201);
      expect(submitted.json.status).toBe('delivered');
      const leadId = String(submitted.json.id);

      const read = await call(`${api2}/leads/${leadId}`);
      expect(read.json.status).toBe('delivered');
      expect(buyer.records().map((r) => r.key)).toEqual([`${leadId}:step_1`]);

      // Its run is in the server's PostgreSQL databases, and SQL visibility answers a query by our
      // search attribute.
      const client = new Client({
        connection,
        namespace: 'default',
        dataConverter: leadrailDataConverter(parsePayloadKeys(shape.payloadKeys)),
      });
      await expect
        .poll(async () => (await client.workflow.getHandle(leadId).describe()).status.name)
        .toBe('COMPLETED');
      const temporalDb = createPool(shape.databaseUrl.replace(/\/[^/]+$/, '/temporal'), 1);
      try {
        const { rows } = await temporalDb.query('SELECT count(*)::int AS n FROM executions');
        expect(rows[0].n).toBeGreaterThan(0);
      } finally {
        await temporalDb.end();
      }
      await expect
        .poll(async () => {
          const ids: string[] = [];
          for await (const w of client.workflow.list({ query: `FlowId = '${flow.json.id}'` }))
            ids.push(w.workflowId);
          return ids;
        })
        .toEqual([leadId]);

      // Both workers poll the lead task queue.
      const queue = await connection.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: 'leadrail-leads' },
        taskQueueType: 1, // workflow
      });
      expect(new Set((queue.pollers ?? []).map((p) => p.identity)).size).toBeGreaterThanOrEqual(2);

      // The Web UI server reads the run from the cluster.
      const ui = await fetch(`${shape.uiUrl}/api/v1/namespaces/default/workflows/${leadId}`);
      expect(ui.status).toBe(200);
      const described = (await ui.json()) as {
        workflowExecutionInfo?: { execution?: { workflowId?: string }; status?: string };
      };
      expect(described.workflowExecutionInfo?.execution?.workflowId).toBe(leadId);
      expect(described.workflowExecutionInfo?.status).toBe('WORKFLOW_EXECUTION_STATUS_COMPLETED');
    } finally {
      await connection.close();
      await pool.end();
    }
  });
});
