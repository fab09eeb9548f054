// Delivering one lead to its recipients: shared by the lead workflow (first delivery and replays while
// it waits) and the redelivery workflow (replays after the lead closed). Workflow code: deterministic.
import {
  ActivityFailure,
  type ActivityOptions,
  ApplicationFailure,
  patched,
  proxyActivities,
  proxyLocalActivities,
  uuid4,
} from '@temporalio/workflow';
import type { DeliveryResult } from '../activities/delivery.js';
import type { Activities } from '../activities/index.js';
import type { RunAssessment } from '../domain/assessment.js';
import { bySalePrice } from '../domain/distribution.js';
import type { DeliveryStep, FlowConfig } from '../domain/flow.js';
import type { EventOutcome, LeadEvent, LeadEventType, LeadFields } from '../domain/lead.js';
import type { LeadEvaluation } from '../domain/pipeline.js';
import type { ReplayRequest, ReplayResult } from './shared.js';
import { LOCAL_RETRY, type StallGuard } from './stall.js';

const localActivities = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: LOCAL_RETRY,
});
const { deliverLead } = proxyActivities<Activities>({ startToCloseTimeout: '90s' });

/** What delivering needs to know about the lead. */
export interface DeliveryContext {
  leadId: string;
  accountId: string;
  flowId: string;
  flow: FlowConfig;
  testMode: boolean;
  source: string | null;
  campaign: string | null;
  receivedAt: string;
  assessment: RunAssessment<LeadEvaluation>;
  /** The lead as submitted (the lead run's input), for local activities; null: they read it by id. */
  lead: LeadFields | null;
  /** The run's stall guard: cap bookkeeping that keeps failing stalls the run, visibly. */
  stalls: StallGuard;
}

export function event(type: LeadEventType, outcome: EventOutcome, extra: Partial<LeadEvent> = {}): LeadEvent {
  const built: LeadEvent = {
    id: `evt_${uuid4().replace(/-/g, '')}`,
    type,
    outcome,
    timestamp: new Date().toISOString(),
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) (built as unknown as Record<string, unknown>)[key] = value;
  }
  return built;
}

/** Takes a slot in a recipient's caps for this lead (a local activity: atomic in Postgres). */
function reserveRecipientSlot(ctx: DeliveryContext, recipientId: string) {
  return ctx.stalls.guard(localActivities).reserveRecipientCaps({
    leadId: ctx.leadId,
    accountId: ctx.accountId,
    recipientId,
    // Runs recorded before leads were read by id pass the parsed lead; now the activity parses it.
    ...(ctx.assessment.legacy
      ? { parsed: ctx.assessment.legacy.parsed }
      : { ...(ctx.lead ? { lead: ctx.lead } : {}), flow: ctx.flow }),
    source: ctx.source,
    campaign: ctx.campaign,
    timeZone: ctx.flow.settings.time_zone,
    at: ctx.receivedAt,
  });
}

/** What a send's event says in its details, got through or not, and the recipient's name if known. */
interface SendDetails {
  sent: (answer: DeliveryResult, ok: boolean) => Record<string, unknown>;
  failed: Record<string, unknown>;
  recipientName?: string;
}

/**
 * One send of the lead, shared by deliveries and auction posts: takes a slot in the recipient's caps
 * (a full cap answers `capped`'s event instead), sends with a delivery activity (deliverLead,
 * postToBidder), and gives the slot back if the lead did not get through. The recipient's answer is a
 * `delivered` or `delivery_failed` event; a send that failed after its retries is a `delivery_failed`
 * error with its last attempt's code. The event is stamped with the time the send started.
 */
export async function sendToRecipient(
  ctx: DeliveryContext,
  recipientId: string,
  capped: (capId: string | null) => LeadEvent,
  send: () => Promise<DeliveryResult>,
  details: SendDetails,
): Promise<LeadEvent> {
  const caps = await reserveRecipientSlot(ctx, recipientId);
  if (!caps.granted) return capped(caps.capId);
  const startedAt = new Date().toISOString();
  let result: LeadEvent;
  try {
    const answer = await send();
    const ok = answer.outcome === 'success';
    result = event(ok ? 'delivered' : 'delivery_failed', answer.outcome, {
      reason: answer.reason ?? undefined,
      recipient_id: recipientId,
      recipient: answer.recipientName,
      response_code: answer.responseCode ?? undefined,
      duration_ms: answer.durationMs,
      details: details.sent(answer, ok),
    });
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    const cause = err.cause instanceof ApplicationFailure ? err.cause : undefined;
    const last = (cause?.details?.[0] ?? {}) as {
      responseCode?: number;
      durationMs?: number;
      recipientName?: string;
    };
    result = event('delivery_failed', 'error', {
      reason: cause?.message ?? err.message,
      recipient_id: recipientId,
      recipient: details.recipientName ?? last.recipientName,
      response_code: last.responseCode ?? undefined,
      duration_ms: last.durationMs,
      details: details.failed,
    });
  }
  if (result.type !== 'delivered') {
    await ctx.stalls.guard(localActivities).releaseCapSlots(ctx.leadId, `recipient:${recipientId}:`);
  }
  return { ...result, timestamp: startedAt };
}

/**
 * One delivery step: take a slot in the recipient's caps (a full cap skips it), send with the flow's
 * retry policy, and give the slot back if the lead did not get through. Returns the step's event.
 */
export function deliverToStep(
  ctx: DeliveryContext,
  step: DeliveryStep,
  options: { idempotencyKey: string; urlOverride?: string | null; note?: string } = {
    idempotencyKey: `${ctx.leadId}:${step.id}`,
  },
): Promise<LeadEvent> {
  const retry = ctx.flow.delivery_retry;
  const activityOptions: ActivityOptions = {
    startToCloseTimeout: '90s',
    // The activity heartbeats every second: a dead worker's delivery is retried within seconds.
    heartbeatTimeout: '5s',
    summary: `Deliver to ${step.name ?? step.recipient_id}${options.note ? ` (${options.note})` : ''}`,
    retry: {
      initialInterval: retry.initial_interval_ms,
      backoffCoefficient: 2,
      maximumInterval: retry.maximum_interval_ms,
      maximumAttempts: retry.maximum_attempts,
      nonRetryableErrorTypes: ['RecipientNotFound'],
    },
  };
  return sendToRecipient(
    ctx,
    step.recipient_id,
    (capId) =>
      event('skipped', 'skip', {
        recipient_id: step.recipient_id,
        reason: 'Recipient cap reached',
        details: { cap_id: capId },
      }),
    () =>
      deliverLead.executeWithOptions(activityOptions, [
        {
          leadId: ctx.leadId,
          accountId: ctx.accountId,
          recipientId: step.recipient_id,
          // The activity reads the lead by id (older runs carry it), with its sensitive values.
          ...(ctx.assessment.legacy
            ? { lead: ctx.assessment.legacy.normalized }
            : { sensitive: ctx.assessment.sensitive }),
          idempotencyKey: options.idempotencyKey,
          testMode: ctx.testMode,
          urlOverride: options.urlOverride ?? null,
        },
      ]),
    {
      sent: (answer, ok) => ({ price: ok ? answer.price : 0, reference: answer.reference, step_id: step.id }),
      failed: { step_id: step.id, attempts: retry.maximum_attempts },
    },
  );
}

/**
 * Replays a lead's failed deliveries. Recipients that already have the lead are skipped unless the
 * operator forces it; a forced delivery gets a new idempotency key (it is a deliberate second copy).
 * Returns the delivery events, one `replayed` event saying who asked and what came of it, and the
 * per-recipient result.
 */
export async function replayDeliveries(
  ctx: DeliveryContext,
  request: ReplayRequest,
  deliveredTo: ReadonlySet<string>,
  replayNumber: number,
): Promise<{ events: LeadEvent[]; attempts: ReplayResult['attempts'] }> {
  const steps = ctx.flow.steps.filter((s): s is DeliveryStep => s.type === 'delivery');
  const { mode, waterfall_order } = ctx.flow.distribution;
  let targets = request.recipientId
    ? steps.filter((s) => s.recipient_id === request.recipientId)
    : steps.filter((s) => ctx.assessment.deliveryMatches[s.id] !== false && !deliveredTo.has(s.recipient_id));
  // A waterfall ordered by price is replayed in price order, as it was first sent, with the prices
  // of now. Replays recorded before this went in flow order (docs/workflow-versioning.md).
  if (
    mode === 'waterfall' &&
    waterfall_order === 'price' &&
    targets.length > 1 &&
    patched('waterfall-replays-by-price')
  ) {
    const prices = await ctx.stalls.guard(localActivities).recipientSalePrices(
      ctx.accountId,
      targets.map((s) => s.recipient_id),
    );
    targets = bySalePrice(targets, prices);
  }
  const events: LeadEvent[] = [];
  const attempts: ReplayResult['attempts'] = [];
  const skip = (recipientId: string, reason: string) =>
    attempts.push({ recipient_id: recipientId, outcome: 'skip', reason, response_code: null, forced: false });
  // Waterfall, weighted and auction flows sell a lead once (`all` sends it to every recipient): a
  // replay stops at the first recipient that takes it, and a lead sold is not sold to another (its
  // buyer may be sent a forced copy). Replays recorded before these rules went on
  // (docs/workflow-versioning.md); auction replays always stopped at the first sale.
  const sellsOnce = () =>
    mode !== 'all' && patched(mode === 'auction' ? 'auction-lead-sold-once' : 'lead-sold-once');
  const sold = deliveredTo.size > 0;
  for (const step of targets) {
    const already = deliveredTo.has(step.recipient_id);
    if (already && !request.force) {
      skip(step.recipient_id, 'Already delivered');
      continue;
    }
    if (sold && !already && sellsOnce()) {
      skip(step.recipient_id, 'Already sold to another recipient');
      continue;
    }
    const forced = already && request.force === true;
    const delivered = await deliverToStep(ctx, step, {
      idempotencyKey: forced ? `${ctx.leadId}:${step.id}:forced-${replayNumber}` : `${ctx.leadId}:${step.id}`,
      urlOverride: request.urlOverride ?? null,
      note: forced ? 'forced replay' : 'replay',
    });
    // A forced copy to a recipient that already bought the lead is not a second sale: price 0, so the
    // lead's revenue and the recipient's in analytics count the sale once.
    events.push(
      forced ? { ...delivered, details: { ...delivered.details, forced: true, price: 0 } } : delivered,
    );
    attempts.push({
      recipient_id: step.recipient_id,
      outcome: delivered.outcome,
      reason: delivered.reason ?? null,
      response_code: delivered.response_code ?? null,
      forced,
    });
    if (delivered.type === 'delivered' && (mode === 'auction' || sellsOnce())) break;
  }
  const ok = attempts.some((a) => a.outcome === 'success');
  events.push(
    event('replayed', ok ? 'success' : attempts.length === 0 ? 'skip' : 'failure', {
      reason: attempts.length === 0 ? 'Nothing to replay' : undefined,
      details: {
        requested_by: request.requestedBy ?? 'unknown',
        ...(request.replayId ? { replay_id: request.replayId } : {}),
        recipient_id: request.recipientId ?? null,
        forced: request.force === true,
        url_override: request.urlOverride ?? null,
        attempts,
      },
    }),
  );
  return { events, attempts };
}
