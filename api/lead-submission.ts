import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from '@hono/zod-openapi';
import {
  type Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import type { AuthenticatedKey } from '../db/accounts.js';
import type { FlowWithConfig } from '../db/flows.js';
import { findLead, listLeadEvents } from '../db/leads.js';
import type { Pool } from '../db/pool.js';
import { claimPing, findPing, type SourceRow } from '../db/sources.js';
import { claimSubmission } from '../db/submissions.js';
import type { FlowConfig } from '../domain/flow.js';
import {
  flowForSource,
  mapInboundFields,
  pingFieldHashes,
  pingMismatches,
  pricedAtBid,
} from '../domain/sources.js';
import { newId } from '../lib/ids.js';
import { leadEagerAnswers, leadEagerStarts, leadSubmitDuration } from '../lib/metrics.js';
import { codePoints, text } from '../lib/schema.js';
import { isTemporalUnavailable, isWorkflowNotReady } from '../temporal/errors.js';
import type { leadWorkflow } from '../workflows/lead.js';
import {
  AccountIdAttr,
  awaitOutcomeUpdate,
  ExternalIdAttr,
  FlowIdAttr,
  type LeadSnapshot,
  LeadStatusAttr,
  type LeadWorkflowInput,
  SourceAttr,
} from '../workflows/shared.js';
import { type Availability, ComponentUnavailable, untilAborted } from './availability.js';
import type { DecidedLeads } from './decided-leads.js';
import { ApiError } from './errors.js';
import { resolveSource } from './source-context.js';
import { snapshotFromRecord } from './views.js';

export const SubmitOptionsSchema = z.object({
  test_mode: z.boolean().default(false).describe('Run the whole pipeline but deliver nowhere'),
  async: z.boolean().default(false).describe('Answer 202 at once and process in the background'),
  timeout: z
    .number()
    .int()
    .min(100)
    .max(120_000)
    .default(30_000)
    .describe('Milliseconds to wait for the outcome before answering 202 (processing continues)'),
});
export type SubmitOptions = z.infer<typeof SubmitOptionsSchema>;

/** Documented lead limits: what one lead may carry (a larger lead would not fit a Temporal payload). */
export const LEAD_LIMITS = {
  fields: 500,
  fieldNameChars: 100,
  /** A field's value: a string's length, or the JSON length of a number, list or object. */
  fieldValueChars: 10_000,
  /** The whole lead as JSON (UTF-8). Over it: 413, naming `lead`. */
  leadBytes: 256 * 1024,
} as const;

// Characters as JSON Schema counts them (code points), so the document's maxLength is the limit.
const fieldValueLength = (value: unknown) =>
  codePoints(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

export const LeadFieldsSchema = z
  .record(
    text({ min: 1, max: LEAD_LIMITS.fieldNameChars }),
    z
      .unknown()
      .refine((value) => fieldValueLength(value) <= LEAD_LIMITS.fieldValueChars, {
        message: `A field's value may be at most ${LEAD_LIMITS.fieldValueChars} characters`,
      })
      .openapi({ maxLength: LEAD_LIMITS.fieldValueChars }),
  )
  .refine((lead) => Object.keys(lead).length <= LEAD_LIMITS.fields, {
    message: `at most ${LEAD_LIMITS.fields} fields per lead`,
  })
  .openapi({
    maxProperties: LEAD_LIMITS.fields,
    // JSON Schema 2020-12 keyword that openapi3-ts's types do not list.
    ...({ propertyNames: { minLength: 1, maxLength: LEAD_LIMITS.fieldNameChars } } as object),
  })
  .describe(
    `Lead fields, e.g. first_name, email, phone; \`source\` and \`campaign\` are used for reporting. At most ${LEAD_LIMITS.fields} fields, names of at most ${LEAD_LIMITS.fieldNameChars} characters, values of at most ${LEAD_LIMITS.fieldValueChars} characters, ${LEAD_LIMITS.leadBytes / 1024} KiB in all.`,
  );

/** 413 naming the lead when it is larger than a lead may be (checked after the per-field limits). */
export function assertLeadSize(lead: Record<string, unknown>, field = 'lead'): void {
  const bytes = Buffer.byteLength(JSON.stringify(lead));
  if (bytes <= LEAD_LIMITS.leadBytes) return;
  throw new ApiError(
    413,
    'payload_too_large',
    `The lead is ${bytes} bytes; a lead may be at most ${LEAD_LIMITS.leadBytes}`,
    [
      {
        field,
        code: 'too_large',
        message: `At most ${LEAD_LIMITS.leadBytes} bytes of JSON`,
        max_bytes: LEAD_LIMITS.leadBytes,
      },
    ],
  );
}

export interface SubmissionRequest {
  lead: Record<string, unknown>;
  externalId: string | null;
  trustedFormCertUrl: string | null;
  idempotencyKey: string | null;
  /** The source named in the body (a source's key implies its own). */
  sourceId: string | null;
  /** A ping whose bid this post takes (inbound ping/post). */
  pingId: string | null;
  options: SubmitOptions;
}

export type SubmissionResult =
  | { kind: 'decided'; snapshot: LeadSnapshot; replayed: boolean }
  | { kind: 'pending'; leadId: string; createdAt: string; replayed: boolean };

export interface SubmissionDeps {
  pool: Pool;
  temporal: Client;
  taskQueue: string;
  availability: Availability;
  /** A lead worker in this process: synchronous submissions start their run eagerly on it. */
  eagerStart?: EagerLeadStart;
}

/**
 * A lead worker in this process, polling `taskQueue` (decisions 22 and 24): a client on its connection
 * starts runs eagerly on it, and its decided writes answer the submitters waiting here.
 */
export interface EagerLeadStart {
  client: Client;
  decided: DecidedLeads;
  /** How long a submission waits for the local answer before it also asks the run (default 3 s). */
  updateAfterMs?: number;
}

/**
 * Past this, an eagerly started lead's submission also sends the outcome update: the run's task may have
 * gone to another worker (a sticky task timed out, a task failed), or the lead is simply slow (the
 * update then costs what it always did). Most leads are decided well within it.
 */
const UPDATE_AFTER_MS = 3000;

/**
 * Submits one lead: binds its idempotency key (external_id or Idempotency-Key) to a lead id, then
 * starts the lead workflow (update-with-start, or an eager start answered from this process's worker)
 * and waits for the outcome (unless async), at most `options.timeout`. A repeated key gets the same
 * lead back and never starts a second workflow, even when the two submissions race.
 */
export async function submitLead(
  deps: SubmissionDeps,
  auth: AuthenticatedKey,
  flow: FlowWithConfig,
  request: SubmissionRequest,
): Promise<SubmissionResult> {
  const timer = leadSubmitDuration.startTimer();
  const result = await submit(deps, auth, flow, request);
  timer({ result: result.kind });
  return result;
}

async function submit(
  deps: SubmissionDeps,
  auth: AuthenticatedKey,
  flow: FlowWithConfig,
  request: SubmissionRequest,
): Promise<SubmissionResult> {
  if (flow.status !== 'active') {
    throw new ApiError(409, 'flow_inactive', `Flow ${flow.id} is ${flow.status} and does not accept leads`);
  }
  const source = await resolveSource(deps.pool, auth, flow.id, request.sourceId);
  const lead = source ? mapInboundFields(request.lead, source.config.field_mappings) : { ...request.lead };
  if (request.trustedFormCertUrl && lead.trustedform_cert_url === undefined) {
    lead.trustedform_cert_url = request.trustedFormCertUrl;
  }
  assertLeadSize(lead);
  const receivedAt = new Date().toISOString();
  let leadId = newId('lead');
  let replayed = false;
  const key = request.idempotencyKey ?? request.externalId;
  if (key) {
    const claim = await claimSubmission(deps.pool, {
      accountId: auth.accountId,
      flowId: flow.id,
      key,
      leadId,
      requestHash: requestHash(lead, request),
    });
    if (!claim.sameRequest) {
      throw new ApiError(
        409,
        'idempotency_conflict',
        'This idempotency key (or external_id) was already used for a different lead',
        [
          {
            field: request.idempotencyKey ? 'Idempotency-Key' : 'external_id',
            code: 'conflict',
            message: 'Key already used',
          },
        ],
      );
    }
    leadId = claim.leadId;
    replayed = !claim.fresh;
  }
  const config = flowForSource(flow.config, source);
  const ping = request.pingId
    ? await checkPing(deps.pool, auth, flow, config, source, lead, request.pingId, receivedAt, leadId)
    : null;
  // One post per ping: the first lead binds it (a resubmission of that same lead passes again).
  if (ping && !(await claimPing(deps.pool, ping.id, leadId))) {
    throw new ApiError(409, 'ping_already_used', `Ping ${ping.id} was already posted by another lead`, [
      { field: 'ping_id', code: 'ping_already_used', message: 'A ping sells one lead' },
    ]);
  }
  const input: LeadWorkflowInput = {
    leadId,
    accountId: auth.accountId,
    flowId: flow.id,
    flowVersion: flow.version,
    flow: ping ? pricedAtBid(config, ping.bid) : config,
    lead,
    source: stringField(lead.source) ?? source?.id ?? null,
    ...(source ? { sourceId: source.id } : {}),
    campaign: stringField(lead.campaign),
    externalId: request.externalId,
    testMode: request.options.test_mode || auth.mode === 'test',
    receivedAt,
  };
  const workflow: Omit<StartOptions, 'workflowIdConflictPolicy'> = {
    workflowId: leadId,
    taskQueue: deps.taskQueue,
    args: [input] as [LeadWorkflowInput],
    // A lead id names one run forever: a closed run is never started again under the same id.
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    staticSummary: `Lead for flow ${flow.name} (${flow.id})${input.source ? ` from ${input.source}` : ''}`,
    staticDetails: `flow version ${flow.version}${input.externalId ? ` · external id ${input.externalId}` : ''}${
      input.testMode ? ' · test mode' : ''
    }`,
    typedSearchAttributes: [
      { key: LeadStatusAttr, value: 'received' },
      { key: FlowIdAttr, value: input.flowId },
      { key: AccountIdAttr, value: input.accountId },
      ...(input.source ? [{ key: SourceAttr, value: input.source }] : []),
      ...(input.externalId ? [{ key: ExternalIdAttr, value: input.externalId }] : []),
    ],
  };

  deps.availability.assertUp('temporal');
  const startOptions = { ...workflow, workflowIdConflictPolicy: 'USE_EXISTING' as const };
  if (request.options.async) {
    try {
      await startWithin(deps, leadId, () =>
        deps.temporal.workflow.start<typeof leadWorkflow>('leadWorkflow', startOptions),
      );
    } catch (err) {
      // A resubmission whose lead already finished (its run is closed, never started again): the
      // answer is the same 202 pointing at that lead.
      if (!(replayed && err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    return { kind: 'pending', leadId, createdAt: input.receivedAt, replayed };
  }
  const outcome = await awaitOutcome(
    deps,
    { id: leadId, accountId: auth.accountId },
    startOptions,
    request.options.timeout,
  );
  if (outcome.kind === 'pending') return { kind: 'pending', leadId, createdAt: input.receivedAt, replayed };
  return { kind: 'decided', snapshot: outcome.snapshot, replayed };
}

type StartOptions = ConstructorParameters<typeof WithStartWorkflowOperation<typeof leadWorkflow>>[1];
type LeadRef = { id: string; accountId: string };
type Outcome = { kind: 'decided'; snapshot: LeadSnapshot } | { kind: 'pending' };

/**
 * Starts the lead's run (or joins the one a racing duplicate started) and waits at most `timeoutMs`
 * for its outcome: its "outcome decided" update, or, for a run started eagerly here, its decided write
 * (decision 24), so the answer comes as soon as the outcome is known.
 *
 * Whatever happens to that call, the answer is the lead's real state: if the update is lost (a worker
 * died holding the run's first task and the run finished without it) or the run had already closed,
 * the outcome is read from the run itself, or from Postgres once Temporal no longer has it. Every
 * call on `deps.temporal` is cut short when the wait ends or Temporal goes down, so no poll outlives
 * the request; an eager start (on a native connection, which takes no abort signal) ends by its
 * deadline, the end of the wait.
 */
async function awaitOutcome(
  deps: SubmissionDeps,
  lead: LeadRef,
  startOptions: StartOptions,
  timeoutMs: number,
): Promise<Outcome> {
  const leadId = lead.id;
  const waited = new AbortController();
  const timer = setTimeout(() => waited.abort(), timeoutMs);
  // A little past the wait, so that the timer, not this deadline, ends a wait that runs out.
  const startDeadline = Date.now() + timeoutMs + 1000;
  const signal = AbortSignal.any([waited.signal, deps.availability.downSignal('temporal')]);
  let started = false;
  const onStarted = () => {
    started = true;
  };
  try {
    return await untilAborted(deps.temporal, signal, async () => {
      try {
        const snapshot = deps.eagerStart
          ? await startEagerlyAndAwait(deps, deps.eagerStart, startOptions, startDeadline, signal, onStarted)
          : await startAndAwait(deps.temporal, startOptions, onStarted);
        return { kind: 'decided', snapshot } as const;
      } catch (err) {
        if (signal.aborted) throw err;
        // The update did not come back, but the run may well exist: answer from the run itself.
        const recovered = await outcomeOfExistingRun(deps, lead);
        if (recovered) return recovered;
        throw err;
      }
    });
  } catch (err) {
    if (!signal.aborted) {
      if (isTemporalUnavailable(err)) throw new ComponentUnavailable('temporal', leadId);
      throw err;
    }
    // Temporal went down, or the wait ended: the lead is durable if its run was started.
    const reachable = deps.availability.isUp('temporal');
    if (!started && !(reachable && (await runExists(deps, leadId))))
      throw new ComponentUnavailable('temporal', leadId);
    if (waited.signal.aborted) return { kind: 'pending' };
    throw new ComponentUnavailable('temporal', leadId);
  } finally {
    clearTimeout(timer);
    waited.abort(); // ends any poll still running for this request
  }
}

/**
 * Update-with-start: one call, which the server answers once the update completes (the SDK polls on
 * only if the server's own wait ends first), so a lead costs one RPC, not a start and then a poll.
 */
async function startAndAwait(
  client: Client,
  startOptions: StartOptions,
  onStarted: () => void,
): Promise<LeadSnapshot> {
  const startOperation = new WithStartWorkflowOperation<typeof leadWorkflow>('leadWorkflow', startOptions);
  startOperation.workflowHandle().then(onStarted, () => {});
  return client.workflow.executeUpdateWithStart(awaitOutcomeUpdate, {
    startWorkflowOperation: startOperation,
  });
}

/**
 * An eager start: the server hands the run's first workflow task back in its answer to the start, and
 * this process's lead worker runs it at once, instead of the server queueing it for whichever worker
 * polls next (Temporal refuses eager starts in update-with-start). The run's later tasks and local
 * activities stay on that worker, so its first decided write, once in Postgres, answers here with the
 * run's snapshot: no outcome update, and none of the workflow task the update would cost (decision
 * 24). The outcome update answers instead when the server did not start the run here, when the run
 * says its outcome rests on a result not yet in its history (null), or when nothing came within
 * `updateAfterMs`. A racing duplicate joins the running run
 * (USE_EXISTING, not eagerly); a closed run (a resubmission) is never started again (REJECT_DUPLICATE):
 * the start fails and the caller answers from the run.
 *
 * The start goes over the lead worker's native connection, which retries on its own and takes no
 * abort signal: `deadline` ends it. The update goes over `deps.temporal`, whose calls the request's
 * signal cancels, as in update-with-start.
 */
async function startEagerlyAndAwait(
  deps: SubmissionDeps,
  eager: EagerLeadStart,
  startOptions: StartOptions,
  deadline: number,
  signal: AbortSignal,
  onStarted: () => void,
): Promise<LeadSnapshot> {
  // Listening before the start: a lead rejected in its first task is decided within milliseconds.
  const local = eager.decided.expect(startOptions.workflowId);
  const answered = new AbortController();
  try {
    const handle = await eager.client.withDeadline(deadline, () =>
      eager.client.workflow.start<typeof leadWorkflow>('leadWorkflow', {
        ...startOptions,
        requestEagerStart: true,
      }),
    );
    onStarted();
    leadEagerStarts.inc({ eager: handle.eagerlyStarted ? 'true' : 'false' });
    const update = async () => {
      const snapshot = await deps.temporal.workflow
        .getHandle<typeof leadWorkflow>(handle.workflowId)
        .executeUpdate(awaitOutcomeUpdate);
      leadEagerAnswers.inc({ via: 'update' });
      return snapshot;
    };
    if (!handle.eagerlyStarted) return await update();
    const later = sleep(eager.updateAfterMs ?? UPDATE_AFTER_MS, undefined, {
      signal: AbortSignal.any([signal, answered.signal]),
    }).then(update);
    const first = await Promise.race([
      local.decided.then((snapshot) => ({ via: 'local' as const, snapshot })),
      later.then((snapshot) => ({ via: 'update' as const, snapshot })),
    ]);
    if (first.via === 'update') return first.snapshot;
    answered.abort(); // no fallback update: heard from the run's decided write
    // Null: the outcome rests on a result not yet in the run's history, so the run answers, once the
    // task holding it is recorded.
    if (!first.snapshot) return await update();
    leadEagerAnswers.inc({ via: 'local' });
    return first.snapshot;
  } finally {
    answered.abort(); // no fallback update once answered (one already sent is cancelled with the wait)
    local.stop();
  }
}

/** The outcome of a lead whose run exists: its update if still running, its result if closed. */
async function outcomeOfExistingRun(deps: SubmissionDeps, lead: LeadRef): Promise<Outcome | null> {
  const handle = deps.temporal.workflow.getHandle<typeof leadWorkflow>(lead.id);
  let status: string;
  try {
    status = (await handle.describe()).status.name;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return snapshotFromPostgres(deps, lead);
    throw err;
  }
  if (status === 'RUNNING') {
    try {
      return { kind: 'decided', snapshot: await handle.executeUpdate(awaitOutcomeUpdate) };
    } catch (err) {
      // The run cannot take the update now (its workflow task is being retried): the lead is
      // durable and undecided, which is a 202, not an error.
      if (isWorkflowNotReady(err)) return { kind: 'pending' };
      throw err;
    }
  }
  if (status === 'COMPLETED') return { kind: 'decided', snapshot: await handle.result() };
  // Failed, terminated, timed out: what Postgres recorded is the lead's last known state.
  return snapshotFromPostgres(deps, lead);
}

async function snapshotFromPostgres(deps: SubmissionDeps, lead: LeadRef): Promise<Outcome | null> {
  const row = await findLead(deps.pool, lead.accountId, lead.id);
  if (!row) return null;
  return { kind: 'decided', snapshot: snapshotFromRecord(row, await listLeadEvents(deps.pool, lead.id)) };
}

/** Whether Temporal has a run for this lead; unknown (Temporal unreachable) counts as no. */
async function runExists(deps: SubmissionDeps, leadId: string): Promise<boolean> {
  try {
    await untilAborted(deps.temporal, AbortSignal.timeout(2000), () =>
      deps.temporal.workflow.getHandle(leadId).describe(),
    );
    return true;
  } catch {
    return false;
  }
}

/** A plain start, cut short when Temporal goes down (503 naming the lead, which may have started). */
async function startWithin(deps: SubmissionDeps, leadId: string, start: () => Promise<unknown>) {
  const signal = deps.availability.downSignal('temporal');
  try {
    await untilAborted(deps.temporal, signal, start);
  } catch (err) {
    if (signal.aborted || isTemporalUnavailable(err)) throw new ComponentUnavailable('temporal', leadId);
    throw err;
  }
}

function requestHash(lead: Record<string, unknown>, request: SubmissionRequest): Buffer {
  return createHash('sha256')
    .update(JSON.stringify([sortKeys(lead), request.externalId, request.options.test_mode]))
    .digest();
}

function sortKeys(value: Record<string, unknown>): Array<[string, unknown]> {
  return Object.keys(value)
    .sort()
    .map((k) => [k, value[k]]);
}

function stringField(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : null;
}

/** How a decided lead is answered: 201 unless it was rejected (400 / 409 / 422, documented codes). */
export function rejectionError(snapshot: LeadSnapshot): ApiError | null {
  const rejection = snapshot.rejection;
  if (snapshot.status !== 'rejected' || !rejection) return null;
  const headers = { 'X-Lead-Id': snapshot.id };
  switch (rejection.kind) {
    case 'validation':
      return new ApiError(
        400,
        'validation_failed',
        'Lead validation failed',
        rejection.errors.map((e) => ({ ...e })),
        headers,
        {
          lead_id: snapshot.id,
        },
      );
    case 'duplicate':
      return new ApiError(
        409,
        'duplicate_detected',
        'Lead matches existing record',
        [{ code: 'duplicate', message: rejection.reason, duplicate_of: rejection.duplicate_of }],
        headers,
        { lead_id: snapshot.id },
      );
    case 'cap':
      return new ApiError(
        422,
        'cap_reached',
        'The flow’s volume cap is reached',
        [{ code: 'cap_reached', message: rejection.reason }],
        headers,
        {
          lead_id: snapshot.id,
        },
      );
    case 'suppressed': {
      // The list and field that stopped the lead (a list_check step), never the value.
      const { list_id, list_name, fields, step_id } = rejection.details ?? {};
      return new ApiError(
        422,
        'lead_rejected',
        rejection.reason,
        [{ code: 'suppressed', message: rejection.reason, list_id, list_name, fields, step_id }],
        headers,
        { lead_id: snapshot.id },
      );
    }
    default:
      return new ApiError(
        422,
        'lead_rejected',
        rejection.reason,
        [{ code: rejection.kind, message: rejection.reason }],
        headers,
        {
          lead_id: snapshot.id,
        },
      );
  }
}

/**
 * The ping a post names, if it may be honoured: the same account, flow and source; a bid; not past its
 * time to live; and the posted values of every pinged field agree with the pinged ones (compared in
 * normal form, as hashes). Otherwise a clear error: 404 `ping_not_found`, 422 `ping_no_bid`,
 * `ping_expired`, `ping_mismatch` (details name the fields), 403 `forbidden` for another source's ping.
 */
async function checkPing(
  pool: Pool,
  auth: AuthenticatedKey,
  flow: FlowWithConfig,
  /** The flow version as the source sees it (flowForSource). */
  config: FlowConfig,
  source: SourceRow | null,
  lead: Record<string, unknown>,
  pingId: string,
  receivedAt: string,
  leadId: string,
): Promise<{ id: string; bid: number }> {
  const ping = await findPing(pool, auth.accountId, pingId);
  if (!ping || ping.flow_id !== flow.id) {
    throw new ApiError(404, 'ping_not_found', `Ping ${pingId} not found for flow ${flow.id}`, [
      { field: 'ping_id', code: 'not_found', message: 'No such ping for this flow' },
    ]);
  }
  if ((ping.source_id ?? null) !== (source?.id ?? null)) {
    throw new ApiError(403, 'forbidden', 'The ping was made by another source', {
      field: 'ping_id',
      source_id: ping.source_id,
    });
  }
  // A resubmission of the lead that already took this ping (same idempotency key) is that lead again.
  if (ping.lead_id === leadId && ping.bid !== null) return { id: ping.id, bid: Number(ping.bid) };
  if (ping.lead_id !== null) {
    throw new ApiError(409, 'ping_already_used', `Ping ${ping.id} was already posted by another lead`, [
      { field: 'ping_id', code: 'ping_already_used', message: 'A ping sells one lead' },
    ]);
  }
  if (ping.outcome !== 'bid' || ping.bid === null || ping.expires_at === null) {
    throw new ApiError(422, 'ping_no_bid', `Ping ${ping.id} got no bid; post the lead without ping_id`, [
      { field: 'ping_id', code: 'ping_no_bid', message: 'The ping got no bid' },
    ]);
  }
  if (ping.expires_at.getTime() <= Date.parse(receivedAt)) {
    throw new ApiError(
      422,
      'ping_expired',
      `The bid of ping ${ping.id} expired at ${ping.expires_at.toISOString()}`,
      [
        {
          field: 'ping_id',
          code: 'ping_expired',
          message: 'Ping again for a new bid',
          expired_at: ping.expires_at.toISOString(),
        },
      ],
    );
  }
  const pinged = ping.field_hashes;
  const posted = pingFieldHashes(
    config,
    Object.fromEntries(Object.keys(pinged).map((field) => [field, lead[field]])),
    receivedAt,
  );
  const differ = pingMismatches(pinged, posted);
  if (differ.length > 0) {
    throw new ApiError(
      422,
      'ping_mismatch',
      'The lead differs from what was pinged; ping again with these values',
      differ.map((field) => ({ field, code: 'ping_mismatch', message: 'Differs from the pinged value' })),
    );
  }
  return { id: ping.id, bid: Number(ping.bid) };
}
