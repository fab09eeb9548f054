import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PRUNE_BATCH, pruneExpiredRecords } from '../../db/retention.js';
import { ensureMaintenanceSchedule } from '../../temporal/maintenance-schedule.js';
import { maintenanceWorkflow } from '../../workflows/maintenance.js';
import { createDatabase } from '../helpers/database.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// Housekeeping on the real stack: the workflow prunes what is past retention and nothing else, and the
// Temporal Schedule that runs it is created, brought up to date, and runs it when triggered.
describe('maintenance: retention schedule and workflow', () => {
  let stack: TestStack;
  let keyId: string;
  let accountId: string;
  let adminKey: string;

  // Housekeeping prunes every account's old rows: in a database of its own, so it cannot delete the
  // old leads other test files write at the same time (test/e2e/api-reads.test.ts's January 2024 leads).
  let database: Awaited<ReturnType<typeof createDatabase>>;

  beforeAll(async () => {
    database = await createDatabase(inject('databaseUrl'));
    stack = await startTestStack({ databaseUrl: database.url });
    ({ keyId, accountId, key: adminKey } = await stack.createAccount());
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  /**
   * Two logged intent queries (31 and 1 days old) and two rate-limit windows of an idle key: a minute
   * window that ended two hours ago, and an hour window that starts now. The running window starts at
   * `now()`, not at the top of the hour, so a test that runs across an hour boundary still finds it running.
   */
  async function seedOldAndNew(tag: string) {
    const ids = { old: `q_old_${tag}`, recent: `q_recent_${tag}` };
    for (const [id, daysAgo] of [
      [ids.old, 31],
      [ids.recent, 1],
    ] as const) {
      await stack.pool.query(
        `INSERT INTO intent_queries (id, key_id, account_id, received_at, latency_ms)
         VALUES ($1, $2, $3, now() - make_interval(days => $4), 12)`,
        [id, keyId, accountId, daysAgo],
      );
    }
    const idleKey = `key_idle_${tag}`;
    await stack.pool.query(
      `INSERT INTO rate_limit_counters (key_id, window_seconds, window_start, count) VALUES
         ($1, 60, now() - interval '2 hours', 5),
         ($1, 3600, now(), 5)`,
      [idleKey],
    );
    return { ids, idleKey };
  }

  async function remaining(ids: { old: string; recent: string }, idleKey: string) {
    const queries = await stack.pool.query<{ id: string }>(
      'SELECT id FROM intent_queries WHERE id = ANY($1) ORDER BY id',
      [[ids.old, ids.recent]],
    );
    const windows = await stack.pool.query<{ window_seconds: number }>(
      'SELECT window_seconds FROM rate_limit_counters WHERE key_id = $1',
      [idleKey],
    );
    return { queries: queries.rows.map((r) => r.id), windows: windows.rows.map((r) => r.window_seconds) };
  }

  it('deletes query-log rows past retention and ended rate-limit windows, keeping the rest', async () => {
    const { ids, idleKey } = await seedOldAndNew(randomUUID().slice(0, 8));
    const result = await stack.client.workflow.execute(maintenanceWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: `maintenance-test-${randomUUID()}`,
      args: [{ intentQueryLogDays: 30 }],
    });
    expect(result.intent_queries).toBeGreaterThanOrEqual(1);
    expect(result.rate_limit_counters).toBeGreaterThanOrEqual(1);
    // The recent query and the hour window still running stay.
    expect(await remaining(ids, idleKey)).toEqual({ queries: [ids.recent], windows: [3600] });
  });

  it('creates the schedule, updates it in place on the next start, and its runs prune', async () => {
    const scheduleId = `maintenance-test-${randomUUID()}`;
    const handle = stack.client.schedule.getHandle(scheduleId);
    try {
      const options = {
        taskQueue: stack.taskQueue,
        every: '1d',
        policy: { intentQueryLogDays: 30 },
        scheduleId,
      };
      expect(await ensureMaintenanceSchedule(stack.client, options)).toBe('created');
      expect(await ensureMaintenanceSchedule(stack.client, { ...options, every: '12h' })).toBe('updated');
      const described = await handle.describe();
      expect(described.spec.intervals?.map((i) => i.every)).toEqual([12 * 3600 * 1000]);
      expect(described.action).toMatchObject({
        type: 'startWorkflow',
        workflowType: 'maintenanceWorkflow',
        taskQueue: stack.taskQueue,
        args: [{ intentQueryLogDays: 30 }],
      });

      const { ids, idleKey } = await seedOldAndNew(randomUUID().slice(0, 8));
      await handle.trigger();
      await expect
        .poll(async () => (await remaining(ids, idleKey)).queries, { timeout: 20_000, interval: 200 })
        .toEqual([ids.recent]);
      const runs = (await handle.describe()).info.recentActions;
      expect(runs.length).toBeGreaterThanOrEqual(1);
    } finally {
      await handle.delete().catch(() => {});
    }
  });

  it('with a lead retention, deletes old closed leads and what names them; open and recent leads stay', async () => {
    const flow = await stack.call('POST', '/flows', adminKey, {
      name: 'Retention flow',
      steps: [
        {
          type: 'enhancement',
          service: 'duplicate_check',
          settings: { fields: ['email'], lookback_days: 30 },
        },
      ],
    });
    expect(flow.status).toBe(201);
    const submit = async (email: string, idempotencyKey: string) => {
      const res = await stack.call(
        'POST',
        `/flows/${flow.json.id}/leads`,
        adminKey,
        { lead: { email } },
        { 'Idempotency-Key': idempotencyKey },
      );
      expect(res.status).toBe(201);
      return res.json.id as string;
    };
    const tag = randomUUID().slice(0, 8);
    const old = await submit(`old-${tag}@example.com`, `old-${tag}`);
    const oldOpen = await submit(`open-${tag}@example.com`, `open-${tag}`);
    const recent = await submit(`new-${tag}@example.com`, `new-${tag}`);
    await stack.pool.query(`UPDATE leads SET created_at = now() - interval '40 days' WHERE id = ANY($1)`, [
      [old, oldOpen],
    ]);
    // A lead still waiting for a replay is never deleted, however old.
    await stack.pool.query(`UPDATE leads SET status = 'delivery_failed' WHERE id = $1`, [oldOpen]);

    const result = await stack.client.workflow.execute(maintenanceWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: `maintenance-leads-${randomUUID()}`,
      args: [{ intentQueryLogDays: 30, leadRetentionDays: 30 }],
    });
    expect(result.leads).toBeGreaterThanOrEqual(1);
    const left = async (table: string, column = 'lead_id') =>
      (
        await stack.pool.query<{ id: string }>(
          `SELECT DISTINCT ${column} AS id FROM ${table} WHERE ${column} = ANY($1) ORDER BY 1`,
          [[old, oldOpen, recent]],
        )
      ).rows.map((r) => r.id);
    const kept = [oldOpen, recent].sort();
    expect(await left('leads', 'id')).toEqual(kept);
    expect(await left('lead_events')).toEqual(kept);
    expect(await left('lead_fingerprints')).toEqual(kept);
    expect(await left('lead_submissions')).toEqual(kept);
    expect((await stack.call('GET', `/leads/${old}`, adminKey)).status).toBe(404);
    // Its email is free again: a new lead with it is not a duplicate of the deleted one.
    await submit(`old-${tag}@example.com`, `again-${tag}`);
  });

  it('without a lead retention keeps every lead', async () => {
    const result = await stack.client.workflow.execute(maintenanceWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: `maintenance-keep-${randomUUID()}`,
      args: [{ intentQueryLogDays: 30 }],
    });
    expect(result.leads).toBe(0);
  });

  it('deletes pings past their retention after expiry, keeping their analytics counts, and ended ping-limit windows', async () => {
    const flow = await stack.call('POST', '/flows', adminKey, { name: `Ping retention ${randomUUID()}` });
    expect(flow.status).toBe(201);
    const flowId = flow.json.id as string;
    const tag = randomUUID().slice(0, 8);
    // [id, outcome, expired days ago (null: a no_bid, which never expires), made days ago, posted]
    const pings = [
      [`ping_old_bid_${tag}`, 'bid', 9, 9, true],
      [`ping_old_bid2_${tag}`, 'bid', 8, 8, false],
      [`ping_old_nobid_${tag}`, 'no_bid', null, 10, false],
      [`ping_recent_${tag}`, 'bid', 2, 2, false],
      [`ping_live_${tag}`, 'bid', -1, 0, false],
    ] as const;
    for (const [id, outcome, expiredAgo, madeAgo, posted] of pings) {
      await stack.pool.query(
        `INSERT INTO pings (id, account_id, flow_id, outcome, bid, created_at, expires_at, lead_id)
         VALUES ($1, $2, $3, $4, $5, now() - make_interval(days => $6),
                 CASE WHEN $7::int IS NULL THEN NULL ELSE now() - make_interval(days => $7::int) END, $8)`,
        [
          id,
          accountId,
          flowId,
          outcome,
          outcome === 'bid' ? 10 : null,
          madeAgo,
          expiredAgo,
          posted ? `lead_${id}` : null,
        ],
      );
    }
    await stack.pool.query(
      `INSERT INTO ping_counters (source_id, period, window_start, count) VALUES
         ($1, 'day', date_trunc('day', now()) - interval '5 days', 3), ($1, 'day', date_trunc('day', now()), 3)`,
      [`src_${tag}`],
    );
    const analytics = async () => {
      const res = await stack.call(
        'GET',
        `/analytics?flow_id=${flowId}&start_date=${new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10)}`,
        adminKey,
      );
      expect(res.status).toBe(200);
      const { pings: count, bids, posted_pings } = res.json.metrics[0];
      return { count, bids, posted_pings };
    };
    const before = await analytics();
    expect(before).toEqual({ count: 5, bids: 4, posted_pings: 1 });
    const left = async () =>
      (
        await stack.pool.query<{ id: string }>('SELECT id FROM pings WHERE flow_id = $1 ORDER BY id', [
          flowId,
        ])
      ).rows.map((r) => r.id);

    // A longer retention keeps them all.
    const kept = await stack.client.workflow.execute(maintenanceWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: `maintenance-pings-${randomUUID()}`,
      args: [{ intentQueryLogDays: 30, pingRetentionDays: 30 }],
    });
    expect(await left()).toHaveLength(5);
    expect(kept.ping_counters).toBeGreaterThanOrEqual(1);
    const windows = await stack.pool.query('SELECT 1 FROM ping_counters WHERE source_id = $1', [
      `src_${tag}`,
    ]);
    expect(windows.rows).toHaveLength(1); // the ended window went, today's stays

    // Without pingRetentionDays (a schedule created before it existed) the default, 7 days, applies.
    const pruned = await stack.client.workflow.execute(maintenanceWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: `maintenance-pings-${randomUUID()}`,
      args: [{ intentQueryLogDays: 30 }],
    });
    expect(pruned.pings).toBeGreaterThanOrEqual(3);
    expect(await left()).toEqual([`ping_live_${tag}`, `ping_recent_${tag}`].sort());
    const counted = await stack.pool.query<{ pings: number; bids: number; posted: number }>(
      'SELECT sum(pings)::int AS pings, sum(bids)::int AS bids, sum(posted)::int AS posted FROM ping_counts WHERE flow_id = $1',
      [flowId],
    );
    expect(counted.rows[0]).toEqual({ pings: 3, bids: 2, posted: 1 });
    // Analytics counts the same pings, rates and all, before and after.
    expect(await analytics()).toEqual(before);
    // A post naming a pruned ping finds none.
    expect(
      (
        await stack.call('POST', `/flows/${flowId}/leads`, adminKey, {
          ping_id: `ping_old_bid2_${tag}`,
          lead: { email: `p-${tag}@example.com` },
        })
      ).json.error.code,
    ).toBe('ping_not_found');
  });

  it('counts pruned pings per UTC hour, whatever the database session’s time zone', async () => {
    const flow = await stack.call('POST', '/flows', adminKey, { name: `Ping hours ${randomUUID()}` });
    expect(flow.status).toBe(201);
    const flowId = flow.json.id as string;
    // 20:15 UTC is 01:45 in Kolkata (UTC+05:30), whose hours start at half past the UTC hour.
    await stack.pool.query(
      `INSERT INTO pings (id, account_id, flow_id, outcome, created_at)
       VALUES ($1, $2, $3, 'no_bid', '2026-01-10T20:15:00Z')`,
      [`ping_tz_${randomUUID().slice(0, 8)}`, accountId, flowId],
    );
    const client = await stack.pool.connect();
    try {
      await client.query(`SET TIME ZONE 'Asia/Kolkata'`);
      await pruneExpiredRecords(client, { intentQueryLogDays: 30, pingRetentionDays: 7 });
    } finally {
      await client.query('RESET TIME ZONE');
      client.release();
    }
    const { rows } = await stack.pool.query<{ hour: Date; pings: number }>(
      'SELECT hour, pings FROM ping_counts WHERE flow_id = $1',
      [flowId],
    );
    expect(rows.map((r) => [r.hour.toISOString(), r.pings])).toEqual([['2026-01-10T20:00:00.000Z', 1]]);
  });

  it('prunes expired pings past one batch, every one counted once', async () => {
    const flow = await stack.call('POST', '/flows', adminKey, { name: `Ping batches ${randomUUID()}` });
    expect(flow.status).toBe(201);
    const flowId = flow.json.id as string;
    const tag = randomUUID().slice(0, 8);
    const many = PRUNE_BATCH + 3;
    await stack.pool.query(
      `INSERT INTO pings (id, account_id, flow_id, outcome, bid, created_at, expires_at)
       SELECT $1 || n, $2, $3, 'bid', 10, now() - interval '20 days', now() - interval '20 days'
         FROM generate_series(1, $4::int) AS n`,
      [`ping_batch_${tag}_`, accountId, flowId, many],
    );
    const pruned = await stack.client.workflow.execute(maintenanceWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: `maintenance-ping-batches-${randomUUID()}`,
      args: [{ intentQueryLogDays: 30, pingRetentionDays: 7 }],
    });
    expect(pruned.pings).toBeGreaterThanOrEqual(many);
    const left = await stack.pool.query('SELECT 1 FROM pings WHERE flow_id = $1', [flowId]);
    expect(left.rows).toHaveLength(0);
    const counted = await stack.pool.query<{ pings: number; bids: number }>(
      'SELECT sum(pings)::int AS pings, sum(bids)::int AS bids FROM ping_counts WHERE flow_id = $1',
      [flowId],
    );
    expect(counted.rows[0]).toEqual({ pings: many, bids: many });
  });
});
