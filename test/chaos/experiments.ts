// Chaos experiments on the production shape, with per-lead accounting at an idempotent buyer. Used by
// the chaos tests (test/chaos/*.test.ts, which assert on the report) and by `npm run chaos` (which
// prints it). No vitest imports here.
//
// An experiment: a fresh tenant and a flow delivering every lead to two recipients (/a and /b of one
// local buyer); leads submitted through the APIs (round-robin, as behind a load balancer) with an
// Idempotency-Key each, at a steady rate; a fault in the middle (a component killed and started again,
// or the buyer down and back); then every lead that was not acknowledged (5xx, timeout, refused) is
// submitted again with the same key, as a careful client does; then we wait until everything settles
// and count, per lead: stored in Postgres, finished in Temporal, delivered to each recipient once.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { insertAccount, issueApiKey } from '../../db/accounts.js';
import { createPool, type Pool } from '../../db/pool.js';
import { freeLowPortBlocks } from '../../dev/ports.js';
import { type ProductionShape, startProductionShape } from '../../dev/production-shape.js';
import { DEFAULT_HISTORY_SHARDS, freeTemporalPorts } from '../../dev/temporal-cluster.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import { parsePayloadKeys } from '../../temporal/payload-codec.js';
import type { IdempotentBuyer, KeyRecord } from './buyer.js';

export interface ShapeDescription {
  databaseUrl: string;
  /** PAYLOAD_ENCRYPTION_KEYS of the shape's processes: clients of its runs decrypt with them. */
  payloadKeys: string;
  temporalAddress: string;
  apiUrls: string[];
  uiUrl: string | null;
  logDir: string;
  names: string[];
  pids: Record<string, number | undefined>;
  crashes: Array<{ name: string; at: string; message: string }>;
}

/** Kills and starts components of a running production shape (over HTTP in tests, in-process in the script). */
export interface ShapeControl {
  describe(): Promise<ShapeDescription>;
  kill(name: string): Promise<void>;
  start(name: string): Promise<void>;
}

export const RECIPIENTS = ['a', 'b'] as const;

interface Attempt {
  api: string;
  sentAt: number;
  ms: number;
  /** HTTP status, or null for a transport failure or client timeout. */
  status: number | null;
  /** Error code of a non-2xx answer, or the transport error. */
  code: string | null;
  retryAfter: string | null;
}

interface LeadEntry {
  index: number;
  key: string;
  email: string;
  leadId: string | null;
  attempts: Attempt[];
}

export interface FaultWindow {
  /** What was done, e.g. "SIGKILL temporal". */
  action: string;
  /** Epoch ms the component went down and came back (started again and serving). */
  downAt: number;
  upAt: number;
}

export interface FaultContext {
  control: ShapeControl;
  buyer: IdempotentBuyer;
  /** Resolves once this share (0..1) of the leads has been submitted at least once. */
  progress(share: number): Promise<void>;
  /** Resolves once at least `count` deliveries are in flight at the buyer (received, not answered). */
  inFlightAtBuyer(count: number): Promise<void>;
  sleep(ms: number): Promise<void>;
}

export interface ExperimentPlan {
  name: string;
  leads: number;
  /** Submissions per second (open loop: they keep coming whatever the answers), at most `concurrency` outstanding. */
  concurrency: number;
  ratePerSecond: number;
  /** options.timeout of each submission: how long the API waits for the outcome before a 202. */
  submitTimeoutMs: number;
  buyerDelayMs: number;
  fault(ctx: FaultContext): Promise<FaultWindow>;
}

export interface LatencyStats {
  count: number;
  p50: number | null;
  max: number | null;
}

export interface ChaosReport {
  experiment: string;
  submitted: number;
  /** Acknowledged (2xx) at the first attempt, and in the end (after the client's retries). */
  acknowledgedFirstTry: number;
  acknowledged: number;
  stored: number;
  finished: number;
  delivered: number;
  /** Leads stored twice, or sent to one recipient under two idempotency keys. */
  duplicates: number;
  /** Acknowledged leads not stored, not finished, or not delivered to every recipient. */
  lost: number;
  /** Requests the buyer saw again under a key it already had (retries it answered idempotently). */
  redeliveries: number;
  /** Every answer by kind: "201", "202", "503 temporal_unavailable", "timeout", "ECONNREFUSED", ... */
  answers: Record<string, number>;
  fault: FaultWindow & { downMs: number };
  /** Submissions sent while the fault lasted: how each was answered, and how long that took. */
  duringFault: LatencyStats & { answers: Record<string, number> };
  /** Submissions in flight when the fault began: how each was answered, and ms from the fault to the answer. */
  inFlightAtFault: LatencyStats & { answers: Record<string, number> };
  /** ms from the fault to the first 503 answer (null: none). */
  first503AfterMs: number | null;
  /** Non-2xx answers to submissions sent while the component was down: how long each took. */
  errorAnswers: LatencyStats & { statuses: Record<string, number>; withRetryAfter: number };
  /** /readyz of the first API: ms from the fault to its first 503, and from the restart to its first 200. */
  readiness: { notReadyAfterMs: number | null; readyAgainAfterMs: number | null };
  /** Deliveries sent before the fault and sent again after it (their answer was lost): ms from the fault to the resend. */
  deliveryDelayAfterFault: LatencyStats;
  /** Leads the fault reached: a submission sent while it lasted, or a delivery still to come when it began. */
  leadsInFault: number;
  /** Seconds from the last submission until every lead settled. */
  settleSeconds: number;
  crashes: string[];
  /** One line per problem found (lost, duplicate, unacknowledged, wrong status). */
  problems: string[];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function stats(values: number[]): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : null,
    max: sorted.length ? sorted[sorted.length - 1]! : null,
  };
}

/** A tenant of its own (rate limits out of the way) and a flow delivering to both recipients. */
async function prepareTenant(pool: Pool, apiUrl: string, buyer: IdempotentBuyer, name: string) {
  const account = await insertAccount(pool, `Chaos ${name} ${randomUUID().slice(0, 8)}`);
  const issued = await issueApiKey(pool, account.id, {
    name: 'chaos',
    rateLimit: { perHour: 100_000_000, perMinute: 10_000_000 },
  });
  const res = await fetch(`${apiUrl}/flows`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${issued.key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: `Chaos ${name}`,
      fields: [{ name: 'email', type: 'email', required: true }],
      settings: { required_fields: ['email'] },
      // Enough retries for a buyer down for minutes, spaced so that hundreds of waiting deliveries do
      // not flood a 2-core machine with activity retries (1, 2, 4, then every 5 s).
      delivery_retry: { maximum_attempts: 60, initial_interval_ms: 1000, maximum_interval_ms: 5000 },
      steps: RECIPIENTS.map((r) => ({
        type: 'delivery',
        recipient: {
          name: `Buyer ${r}`,
          config: { url: buyer.url(r), timeout_ms: 30_000, response: { outcome_path: 'outcome' } },
        },
      })),
    }),
  });
  const flow = (await res.json()) as { id?: string };
  if (res.status !== 201 || !flow.id)
    throw new Error(`creating the flow answered ${res.status}: ${JSON.stringify(flow)}`);
  return { accountId: account.id, key: issued.key, flowId: flow.id };
}

async function submit(
  apiUrl: string,
  key: string,
  flowId: string,
  lead: LeadEntry,
  timeoutMs: number,
): Promise<Attempt> {
  const sentAt = Date.now();
  try {
    const res = await fetch(`${apiUrl}/flows/${flowId}/leads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${key}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': lead.key,
      },
      body: JSON.stringify({
        lead: { email: lead.email, first_name: 'Chaos', last_name: `Lead ${lead.index}` },
        options: { timeout: timeoutMs },
      }),
      signal: AbortSignal.timeout(90_000),
    });
    const text = await res.text();
    let body: { id?: string; error?: { code?: string; details?: Array<{ component?: string }> } } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    if (res.ok && body.id) lead.leadId = body.id;
    return {
      api: apiUrl,
      sentAt,
      ms: Date.now() - sentAt,
      status: res.status,
      // An outage names the component that is down.
      code: res.ok
        ? null
        : `${body.error?.code ?? 'error'}${body.error?.details?.[0]?.component ? ` (${body.error.details[0].component})` : ''}`,
      retryAfter: res.headers.get('retry-after'),
    };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    const code =
      (err as Error).name === 'TimeoutError' ? 'timeout' : (cause?.code ?? (err as Error).name ?? 'error');
    return { api: apiUrl, sentAt, ms: Date.now() - sentAt, status: null, code, retryAfter: null };
  }
}

const acknowledged = (a: Attempt) => a.status !== null && a.status >= 200 && a.status < 300;

/** Polls /readyz of one API and notes when it changed. */
function watchReadiness(apiUrl: string) {
  const changes: Array<{ at: number; ready: boolean }> = [];
  let running = true;
  const loop = (async () => {
    let last: boolean | null = null;
    while (running) {
      let ready = false;
      try {
        const res = await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
        await res.arrayBuffer();
        ready = res.ok;
      } catch {
        ready = false;
      }
      if (ready !== last) changes.push({ at: Date.now(), ready });
      last = ready;
      await sleep(200);
    }
  })();
  return {
    changes,
    async stop() {
      running = false;
      await loop;
    },
  };
}

export async function runExperiment(
  control: ShapeControl,
  buyer: IdempotentBuyer,
  plan: ExperimentPlan,
  options: { say?: (message: string) => void; settleTimeoutMs?: number } = {},
): Promise<ChaosReport> {
  const say = options.say ?? (() => {});
  const shape = await control.describe();
  const crashesBefore = shape.crashes.length;
  const pool = createPool(shape.databaseUrl, 4);
  const connection = await Connection.connect({ address: shape.temporalAddress });
  const temporal = new Client({
    connection,
    namespace: 'default',
    dataConverter: leadrailDataConverter(parsePayloadKeys(shape.payloadKeys)),
  });
  buyer.setDelay(plan.buyerDelayMs);
  try {
    const tenant = await prepareTenant(pool, shape.apiUrls[0]!, buyer, plan.name);
    const tag = randomUUID().slice(0, 8);
    const leads: LeadEntry[] = Array.from({ length: plan.leads }, (_, index) => ({
      index,
      key: `chaos-${plan.name}-${tag}-${index}`,
      email: `chaos.${plan.name}.${tag}.${index}@example.com`,
      leadId: null,
      attempts: [],
    }));
    const emails = new Set(leads.map((l) => l.email));
    const ours = (r: KeyRecord) => emails.has(r.email);
    say(`• ${plan.name}: ${plan.leads} leads, flow ${tenant.flowId}`);

    // Submissions arrive at a steady rate whatever the answers (open loop, as leads from many sources
    // do), at most `concurrency` outstanding, while the fault happens.
    let sent = 0;
    const progressWaiters: Array<{ share: number; resolve: () => void }> = [];
    const noteProgress = () => {
      for (const w of progressWaiters.splice(0)) {
        if (sent >= w.share * plan.leads) w.resolve();
        else progressWaiters.push(w);
      }
    };
    const readiness = watchReadiness(shape.apiUrls[0]!);
    const startedAt = Date.now();
    const send = async () => {
      const outstanding = new Set<Promise<void>>();
      for (const [i, lead] of leads.entries()) {
        const due = startedAt + (i * 1000) / plan.ratePerSecond;
        if (due > Date.now()) await sleep(due - Date.now());
        while (outstanding.size >= plan.concurrency) await Promise.race(outstanding);
        const api = shape.apiUrls[i % shape.apiUrls.length]!;
        const request = submit(api, tenant.key, tenant.flowId, lead, plan.submitTimeoutMs).then((attempt) => {
          lead.attempts.push(attempt);
          outstanding.delete(request);
        });
        outstanding.add(request);
        sent++;
        noteProgress();
      }
      await Promise.all(outstanding);
    };
    const faultContext: FaultContext = {
      control,
      buyer,
      progress: (share) =>
        new Promise<void>((resolve) => {
          progressWaiters.push({ share, resolve });
          noteProgress();
        }),
      async inFlightAtBuyer(count) {
        const deadline = Date.now() + 120_000;
        while (buyer.inFlight() < count) {
          if (Date.now() > deadline) throw new Error(`never ${count} deliveries in flight at the buyer`);
          await sleep(50);
        }
      },
      sleep,
    };
    const [fault] = await Promise.all([plan.fault(faultContext), send()]);
    const lastSubmissionAt = Date.now();
    say(`• ${plan.name}: ${fault.action}, down ${((fault.upAt - fault.downAt) / 1000).toFixed(1)} s`);

    // The client's retries: the same Idempotency-Key until acknowledged, as many at once as before.
    const retryDeadline = Date.now() + 180_000;
    for (;;) {
      const pending = leads.filter((l) => !l.attempts.some(acknowledged));
      if (pending.length === 0 || Date.now() > retryDeadline) break;
      let k = 0;
      await Promise.all(
        Array.from({ length: Math.min(plan.concurrency, pending.length) }, async () => {
          for (let i = k++; i < pending.length; i = k++) {
            const lead = pending[i]!;
            const api = shape.apiUrls[(lead.index + lead.attempts.length) % shape.apiUrls.length]!;
            lead.attempts.push(await submit(api, tenant.key, tenant.flowId, lead, plan.submitTimeoutMs));
          }
        }),
      );
      // As the 503s ask (Retry-After), at most 5 s.
      const retryAfter = Math.max(
        1,
        ...pending.map((l) => Math.min(5, Number(l.attempts.at(-1)?.retryAfter ?? 1) || 1)),
      );
      if (leads.some((l) => !l.attempts.some(acknowledged))) await sleep(retryAfter * 1000);
    }

    // Settling: every lead stored and finished, and at both recipients.
    const settleDeadline = Date.now() + (options.settleTimeoutMs ?? 300_000);
    let rows: Array<{ id: string; email: string; status: string }> = [];
    const workflowStatus = new Map<string, string>();
    for (;;) {
      rows = (
        await pool.query<{ id: string; email: string; status: string }>(
          `SELECT id, lead_data->>'email' AS email, status FROM leads WHERE account_id = $1`,
          [tenant.accountId],
        )
      ).rows;
      const open = rows.filter((r) => workflowStatus.get(r.id) !== 'COMPLETED');
      for (let i = 0; i < open.length; i += 25) {
        await Promise.all(
          open.slice(i, i + 25).map(async (r) => {
            try {
              const d = await temporal.workflow.getHandle(r.id).describe();
              workflowStatus.set(r.id, d.status.name);
            } catch {
              workflowStatus.set(r.id, 'NOT_FOUND');
            }
          }),
        );
      }
      const deliveredTo = new Map<string, Set<string>>();
      for (const r of buyer.records().filter(ours)) {
        const set = deliveredTo.get(r.email) ?? new Set<string>();
        set.add(r.recipient);
        deliveredTo.set(r.email, set);
      }
      const settled =
        rows.length >= leads.filter((l) => l.attempts.some(acknowledged)).length &&
        rows.every((r) => workflowStatus.get(r.id) === 'COMPLETED' && r.status === 'delivered') &&
        rows.every((r) => (deliveredTo.get(r.email)?.size ?? 0) === RECIPIENTS.length);
      if (settled || Date.now() > settleDeadline) break;
      await sleep(1_000);
    }
    const settleSeconds = (Date.now() - lastSubmissionAt) / 1000;
    await readiness.stop();

    // Accounting, lead by lead.
    const problems: string[] = [];
    const rowsByEmail = new Map<string, typeof rows>();
    for (const r of rows) rowsByEmail.set(r.email, [...(rowsByEmail.get(r.email) ?? []), r]);
    const keysAt = new Map<string, Map<string, KeyRecord[]>>(); // email -> recipient -> records
    let redeliveries = 0;
    for (const r of buyer.records().filter(ours)) {
      redeliveries += r.requests - 1;
      const byRecipient = keysAt.get(r.email) ?? new Map<string, KeyRecord[]>();
      byRecipient.set(r.recipient, [...(byRecipient.get(r.recipient) ?? []), r]);
      keysAt.set(r.email, byRecipient);
    }
    let acknowledgedCount = 0;
    let stored = 0;
    let finished = 0;
    let delivered = 0;
    let duplicates = 0;
    let lost = 0;
    for (const lead of leads) {
      const acked = lead.attempts.some(acknowledged);
      if (acked) acknowledgedCount++;
      const leadRows = rowsByEmail.get(lead.email) ?? [];
      const isStored = leadRows.length > 0;
      const isFinished = isStored && leadRows.every((r) => workflowStatus.get(r.id) === 'COMPLETED');
      const recipients = keysAt.get(lead.email) ?? new Map<string, KeyRecord[]>();
      const isDelivered = RECIPIENTS.every((r) => (recipients.get(`/${r}`)?.length ?? 0) > 0);
      if (isStored) stored++;
      if (isFinished) finished++;
      if (isDelivered) delivered++;
      let duplicated = leadRows.length > 1;
      if (leadRows.length > 1)
        problems.push(
          `lead ${lead.index}: stored ${leadRows.length} times (${leadRows.map((r) => r.id).join(', ')})`,
        );
      for (const [recipient, records] of recipients) {
        if (records.length > 1) {
          duplicated = true;
          problems.push(
            `lead ${lead.index}: ${recipient} got it under ${records.length} keys (${records.map((r) => r.key).join(', ')})`,
          );
        }
      }
      if (duplicated) duplicates++;
      if (!acked) {
        problems.push(
          `lead ${lead.index}: never acknowledged (${lead.attempts.map(describeAttempt).join('; ')})`,
        );
        continue;
      }
      if (!(isStored && isFinished && isDelivered)) {
        lost++;
        problems.push(
          `lead ${lead.index} (${lead.leadId}): stored ${isStored}, finished ${isFinished} (${leadRows.map((r) => workflowStatus.get(r.id)).join(',')}), delivered to ${[...recipients.keys()].join(',') || 'nobody'}`,
        );
      } else if (leadRows.some((r) => r.status !== 'delivered')) {
        problems.push(`lead ${lead.index}: status ${leadRows.map((r) => r.status).join(',')} in Postgres`);
      }
    }

    const answers: Record<string, number> = {};
    const statuses: Record<string, number> = {};
    const duringAnswers: Record<string, number> = {};
    const duringMs: number[] = [];
    const inFlightAnswers: Record<string, number> = {};
    const inFlightMs: number[] = [];
    let first503AfterMs: number | null = null;
    const errorMs: number[] = [];
    let withRetryAfter = 0;
    for (const lead of leads) {
      for (const a of lead.attempts) {
        const kind = a.status === null ? String(a.code) : a.code ? `${a.status} ${a.code}` : String(a.status);
        answers[kind] = (answers[kind] ?? 0) + 1;
        const answeredAt = a.sentAt + a.ms;
        if (a.status === 503 && answeredAt >= fault.downAt) {
          first503AfterMs = Math.min(first503AfterMs ?? Number.POSITIVE_INFINITY, answeredAt - fault.downAt);
        }
        if (a.sentAt < fault.downAt && answeredAt >= fault.downAt) {
          inFlightAnswers[kind] = (inFlightAnswers[kind] ?? 0) + 1;
          inFlightMs.push(answeredAt - fault.downAt);
        }
        const during = a.sentAt >= fault.downAt && a.sentAt < fault.upAt;
        if (during) {
          duringAnswers[kind] = (duringAnswers[kind] ?? 0) + 1;
          duringMs.push(a.ms);
        }
        if (!acknowledged(a) && during) {
          errorMs.push(a.ms);
          const s = a.status === null ? String(a.code) : String(a.status);
          statuses[s] = (statuses[s] ?? 0) + 1;
          if (a.retryAfter) withRetryAfter++;
        }
      }
    }
    const firstNotReady = readiness.changes.find((c) => !c.ready && c.at >= fault.downAt);
    const readyAgain = readiness.changes.find((c) => c.ready && c.at >= fault.upAt);
    const delays: number[] = [];
    for (const r of buyer.records().filter(ours)) {
      const before = r.at.filter((t) => t < fault.downAt);
      const after = r.at.filter((t) => t >= fault.downAt);
      if (before.length > 0 && after.length > 0) {
        delays.push(after[0]! - fault.downAt);
      }
    }
    const lastRequestAt = new Map<string, number>();
    for (const r of buyer.records().filter(ours)) {
      lastRequestAt.set(r.email, Math.max(lastRequestAt.get(r.email) ?? 0, ...r.at));
    }
    const leadsInFault = leads.filter(
      (l) =>
        l.attempts.some((a) => a.sentAt >= fault.downAt && a.sentAt < fault.upAt) ||
        (l.attempts[0]!.sentAt < fault.upAt && (lastRequestAt.get(l.email) ?? 0) >= fault.downAt),
    ).length;
    const after = await control.describe();
    return {
      experiment: plan.name,
      submitted: leads.length,
      acknowledgedFirstTry: leads.filter((l) => acknowledged(l.attempts[0]!)).length,
      acknowledged: acknowledgedCount,
      stored,
      finished,
      delivered,
      duplicates,
      lost,
      redeliveries,
      answers,
      fault: { ...fault, downMs: fault.upAt - fault.downAt },
      duringFault: { ...stats(duringMs), answers: duringAnswers },
      inFlightAtFault: { ...stats(inFlightMs), answers: inFlightAnswers },
      first503AfterMs,
      errorAnswers: { ...stats(errorMs), statuses, withRetryAfter },
      readiness: {
        notReadyAfterMs: firstNotReady ? firstNotReady.at - fault.downAt : null,
        readyAgainAfterMs: readyAgain ? readyAgain.at - fault.upAt : null,
      },
      deliveryDelayAfterFault: stats(delays),
      leadsInFault,
      settleSeconds,
      crashes: after.crashes.slice(crashesBefore).map((c) => `${c.at} ${c.message}`),
      problems,
    };
  } finally {
    await connection.close();
    await pool.end();
  }
}

function describeAttempt(a: Attempt): string {
  return `${a.status ?? ''}${a.code ? ` ${a.code}` : ''} after ${a.ms} ms`.trim();
}

/**
 * The production shape the experiments run on (the chaos tests' global setup and `npm run chaos`): on
 * free ports in `workDir`, with the Web UI, crashed APIs and workers started again as an orchestrator
 * would (and reported through `onCrash`).
 */
export async function startShapeForExperiments(options: {
  workDir: string;
  onCrash(name: string, exit: string): void;
  onStopper(stop: () => Promise<void>): void;
  ui?: boolean;
}): Promise<ProductionShape> {
  // Every component may be killed and started again on its port: ports outside the ephemeral range,
  // so no outgoing connection takes one while its process is down (a worker once failed to restart
  // with EADDRINUSE on its metrics port). 10000-20000: apart from the Temporal server's (20000-32000).
  const [postgresPort, api1, api2, ui, worker1, worker2] = await freeLowPortBlocks(
    [1, 1, 1, 1, 2, 2],
    10_000,
    20_000,
  );
  return startProductionShape({
    dataDir: join(options.workDir, 'data'),
    logDir: join(options.workDir, 'logs'),
    postgresPort: postgresPort!,
    temporalPorts: await freeTemporalPorts(),
    numHistoryShards: DEFAULT_HISTORY_SHARDS,
    apiPorts: [api1!, api2!],
    workerMetricsPorts: [worker1!, worker2!],
    uiPort: options.ui === false ? null : ui!,
    // The buyers are local HTTP servers started by the experiments.
    env: { LOG_LEVEL: 'info', OUTBOUND_PRIVATE_NETWORKS: 'allow' },
    restartCrashed: true,
    onCrash: options.onCrash,
    onStopper: options.onStopper,
  });
}

/** The standard faults. */
export const faults = {
  /** SIGKILL a worker while deliveries are in flight; an orchestrator starts it again after `restartAfterMs`. */
  killWorker:
    (name: string, restartAfterMs: number) =>
    async (ctx: FaultContext): Promise<FaultWindow> => {
      await ctx.progress(0.3);
      await ctx.inFlightAtBuyer(10);
      const downAt = Date.now();
      await ctx.control.kill(name);
      await ctx.sleep(restartAfterMs);
      await ctx.control.start(name);
      return {
        action: `SIGKILL ${name}, started again after ${restartAfterMs / 1000} s`,
        downAt,
        upAt: Date.now(),
      };
    },
  /** SIGKILL a component, leave it down for `downMs`, start it again. */
  killAndRestart:
    (name: string, downMs: number) =>
    async (ctx: FaultContext): Promise<FaultWindow> => {
      await ctx.progress(0.3);
      const downAt = Date.now();
      await ctx.control.kill(name);
      await ctx.sleep(downMs);
      await ctx.control.start(name);
      return { action: `SIGKILL ${name}, down ${downMs / 1000} s`, downAt, upAt: Date.now() };
    },
  buyerDown:
    (downMs: number) =>
    async (ctx: FaultContext): Promise<FaultWindow> => {
      await ctx.progress(0.3);
      const downAt = Date.now();
      await ctx.buyer.down();
      await ctx.sleep(downMs);
      await ctx.buyer.up();
      return { action: `buyer down ${downMs / 1000} s`, downAt, upAt: Date.now() };
    },
};

/** The four experiments of the chaos tests and `npm run chaos`: 300 leads each, two recipients. */
export const EXPERIMENTS = {
  // A slow buyer keeps deliveries in flight; the orchestrator starts the worker again 3 s later.
  'worker-kill': {
    name: 'worker-kill',
    leads: 300,
    concurrency: 100,
    ratePerSecond: 25,
    submitTimeoutMs: 2_000,
    buyerDelayMs: 1_500,
    fault: faults.killWorker('worker-1', 3_000),
  },
  'temporal-restart': {
    name: 'temporal-restart',
    leads: 300,
    concurrency: 100,
    ratePerSecond: 15,
    submitTimeoutMs: 5_000,
    buyerDelayMs: 0,
    fault: faults.killAndRestart('temporal', 10_000),
  },
  // Leadrail's data and Temporal's persistence at once (one PostgreSQL server, as in compose).
  'postgres-restart': {
    name: 'postgres-restart',
    leads: 300,
    concurrency: 100,
    ratePerSecond: 15,
    submitTimeoutMs: 5_000,
    buyerDelayMs: 0,
    fault: faults.killAndRestart('postgres', 10_000),
  },
  'buyer-outage': {
    name: 'buyer-outage',
    leads: 300,
    concurrency: 100,
    ratePerSecond: 25,
    submitTimeoutMs: 5_000,
    buyerDelayMs: 0,
    fault: faults.buyerDown(15_000),
  },
} satisfies Record<string, ExperimentPlan>;
export type ExperimentName = keyof typeof EXPERIMENTS;

/** The report as table rows (experiment, submitted, acknowledged, stored, finished, delivered, duplicates, lost). */
export function formatReports(reports: ChaosReport[]): string {
  const header = [
    'experiment',
    'submitted',
    'acknowledged (at once)',
    'stored',
    'finished',
    'delivered',
    'duplicates',
    'lost',
    'resent deliveries',
    'sent during the fault: answers (p50 / max)',
    'in flight at the fault: answers (p50 / max after it)',
    'first 503 after',
    '/readyz 503 after',
    'delivery delay after the fault (p50 / max)',
  ];
  const s = (v: number | null) => (v === null ? '–' : `${(v / 1000).toFixed(1)} s`);
  const answers = (a: Record<string, number>) =>
    Object.entries(a)
      .sort((x, y) => y[1] - x[1])
      .map(([k, v]) => `${v}× ${k}`)
      .join(', ');
  const rows = reports.map((r) => [
    r.experiment,
    String(r.submitted),
    `${r.acknowledged} (${r.acknowledgedFirstTry})`,
    String(r.stored),
    String(r.finished),
    String(r.delivered),
    String(r.duplicates),
    String(r.lost),
    String(r.redeliveries),
    r.duringFault.count
      ? `${answers(r.duringFault.answers)} (${s(r.duringFault.p50)} / ${s(r.duringFault.max)})`
      : '–',
    r.inFlightAtFault.count
      ? `${answers(r.inFlightAtFault.answers)} (${s(r.inFlightAtFault.p50)} / ${s(r.inFlightAtFault.max)})`
      : '–',
    s(r.first503AfterMs),
    s(r.readiness.notReadyAfterMs),
    r.deliveryDelayAfterFault.count
      ? `${r.deliveryDelayAfterFault.count}: ${s(r.deliveryDelayAfterFault.p50)} / ${s(r.deliveryDelayAfterFault.max)}`
      : '–',
  ]);
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
