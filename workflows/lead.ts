import {
  type ActivityOptions,
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  type LocalActivityOptions,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  uuid4,
} from '@temporalio/workflow';
import type { DeliveryResult } from '../activities/delivery.js';
import type { MxStatus } from '../activities/evaluation.js';
import type { Activities } from '../activities/index.js';
import type { WebhookRequest } from '../activities/webhooks.js';
import { planDeliveries } from '../domain/distribution.js';
import type { DeliveryStep, EnhancementStep, FilterStep, WebhookEvent } from '../domain/flow.js';
import type {
  EventOutcome,
  FieldError,
  LeadEvent,
  LeadEventType,
  LeadStatus,
  RejectionKind,
} from '../domain/lead.js';
import type { LeadEvaluation } from '../domain/pipeline.js';
import {
  awaitOutcomeUpdate,
  LeadStatusAttr,
  type LeadSnapshot,
  type LeadWorkflowInput,
  leadStateQuery,
  RecipientOutcomesAttr,
} from './shared.js';

// Pure decisions and short Postgres writes run as local activities: they complete inside the same
// workflow task, so a lead's bookkeeping costs no extra server round trips.
const LOCAL: LocalActivityOptions = {
  startToCloseTimeout: '10s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s' },
};
const local = proxyLocalActivities<Activities>(LOCAL);
// An MX lookup that cannot answer quickly degrades to "unknown" rather than holding the lead.
const dnsCheck = proxyLocalActivities<Activities>({
  startToCloseTimeout: '3s',
  retry: { maximumAttempts: 1 },
});

// Webhooks: retried with backoff for a few minutes; never awaited before the lead's outcome.
const WEBHOOK: ActivityOptions = {
  startToCloseTimeout: '15s',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 6 },
};
const webhooks = proxyActivities<Activities>(WEBHOOK);

type Rejection = NonNullable<LeadSnapshot['rejection']>;

export async function leadWorkflow(input: LeadWorkflowInput): Promise<LeadSnapshot> {
  const { flow } = input;
  const snapshot: LeadSnapshot = {
    id: input.leadId,
    flow_id: input.flowId,
    status: 'received',
    reason: null,
    rejection: null,
    created_at: input.receivedAt,
    test_mode: input.testMode,
    events: [],
    quality_score: null,
    quality_metrics: null,
    pricing: { amount: 0, currency: 'USD' },
    revenue: 0,
  };
  // The submitter's answer: set once no later step can change the lead's outcome.
  let decided = false;
  setHandler(leadStateQuery, () => snapshot);
  setHandler(awaitOutcomeUpdate, async () => {
    await condition(() => decided);
    return snapshot;
  });

  const scope = { leadId: input.leadId, accountId: input.accountId, flowId: input.flowId };
  const pendingWebhooks: Promise<void>[] = [];
  const notify = (event: WebhookEvent, data: Record<string, unknown>) => {
    const settings = flow.settings.notifications;
    if (!settings?.webhook_url || (settings.events && !settings.events.includes(event))) return;
    const request: WebhookRequest = {
      deliveryId: `whk_${uuid4().replace(/-/g, '')}`,
      accountId: input.accountId,
      flowId: input.flowId,
      leadId: input.leadId,
      url: settings.webhook_url,
      event,
      occurredAt: new Date().toISOString(),
      data: { lead: snapshotLead(), quality_score: snapshot.quality_score, ...data },
    };
    pendingWebhooks.push(
      webhooks.sendWebhook.executeWithOptions({ ...WEBHOOK, summary: `${event} webhook` }, [request]).then(
        () => undefined,
        (err) =>
          local.markWebhookFailed(
            request,
            err instanceof ActivityFailure ? String(err.cause?.message) : String(err),
          ),
      ),
    );
  };
  let evaluation: LeadEvaluation | null = null;
  const snapshotLead = () => evaluation?.normalized ?? input.lead;

  // Events produced between two writes (e.g. "enhanced") are saved with the next one.
  const unsaved: LeadEvent[] = [];
  const record = async (
    status: LeadStatus,
    reason: string | null,
    newEvents: LeadEvent[],
    final: boolean,
    patch: Omit<
      Parameters<Activities['recordLeadProgress']>[0],
      keyof typeof scope | 'status' | 'reason' | 'decided' | 'events'
    > = {},
  ) => {
    const events = [...unsaved.splice(0), ...newEvents];
    snapshot.status = status;
    snapshot.reason = reason;
    snapshot.events.push(...events);
    upsertSearchAttributes([{ key: LeadStatusAttr, value: status }]);
    setCurrentDetails(`**${status}**${reason ? `: ${reason}` : ''}`);
    await local.recordLeadProgress({ ...scope, status, reason, decided: final, events, ...patch });
    decided ||= final;
  };

  const evaluatedPatch = () =>
    evaluation
      ? {
          normalized: evaluation.normalized,
          qualityMetrics: snapshot.quality_metrics ?? undefined,
          qualityScore: snapshot.quality_score,
          enhancements,
          cost: snapshot.pricing.amount,
        }
      : {};

  let fingerprintsClaimed = false;
  let flowCapsHeld = false;
  const reject = async (kind: RejectionKind, reason: string, extra: Partial<Rejection> = {}) => {
    snapshot.rejection = { kind, reason, errors: [], ...extra };
    if (fingerprintsClaimed) await local.releaseDuplicateKeys(input.leadId);
    if (flowCapsHeld) await local.releaseCapSlots(input.leadId, `flow:${input.flowId}:`);
    snapshot.pricing.amount = 0; // a rejected lead is not bought
    const details = {
      kind,
      ...(extra.errors?.length ? { errors: extra.errors } : {}),
      ...(extra.duplicate_of ? { duplicate_of: extra.duplicate_of } : {}),
      ...extra.details,
    };
    await record('rejected', reason, [event('rejected', 'failure', { reason, details })], true, {
      ...evaluatedPatch(),
      rejectionKind: kind,
      cost: 0,
    });
    notify('lead.rejected', { reason, rejection: kind });
    return finish(snapshot, pendingWebhooks);
  };

  // 1. Received: the lead is durable in Temporal from the start; now in Postgres too.
  const received = event('received', 'success');
  snapshot.events.push(received);
  await local.recordLeadReceived(input, received);
  notify('lead.received', {});

  // 2. Normalise, validate, evaluate every rule of this flow version (one pure local activity).
  evaluation = await local.evaluateLead({
    flow,
    lead: input.lead,
    source: input.source,
    campaign: input.campaign,
    receivedAt: input.receivedAt,
  });
  snapshot.quality_metrics = stripFactors(evaluation.quality);
  snapshot.quality_score = evaluation.quality.overall_score;
  snapshot.pricing.amount = evaluation.purchasePrice;
  const enhancements: Record<string, unknown> = {};

  if (evaluation.errors.length > 0) {
    return reject('validation', describeErrors(evaluation.errors), { errors: evaluation.errors });
  }
  if (!evaluation.acceptance.pass) {
    return reject('criteria', evaluation.acceptance.reason ?? 'Acceptance criteria not met');
  }

  // 3. Enhancement and filter steps, in flow order.
  const ran: string[] = [];
  for (const step of flow.steps) {
    if (step.type === 'filter') {
      if (evaluation.filterMatches[step.id]) {
        const outcome = await applyFilter(step);
        if (outcome) return outcome;
      }
      continue;
    }
    if (step.type !== 'enhancement') continue;
    const failure = await enhance(step);
    ran.push(step.service);
    if (failure) {
      unsaved.push(event('enhanced', 'failure', { enhancements: ran, reason: failure.reason }));
      return reject(failure.kind, failure.reason, failure.extra);
    }
  }
  if (ran.length > 0) unsaved.push(event('enhanced', 'success', { enhancements: ran }));

  // 4. Quality threshold.
  const threshold = flow.settings.quality_threshold;
  if (threshold !== null && snapshot.quality_score !== null && snapshot.quality_score < threshold) {
    return reject(
      'quality',
      `Quality score ${snapshot.quality_score.toFixed(2)} is below the flow's threshold ${threshold.toFixed(2)}`,
    );
  }

  // 5. Flow caps: atomic in Postgres; a full cap rejects the lead.
  if (evaluation.flowCaps.length > 0) {
    const caps = await local.reserveFlowCaps({
      leadId: input.leadId,
      flowId: input.flowId,
      caps: evaluation.flowCaps,
      timeZone: flow.settings.time_zone,
      at: input.receivedAt,
    });
    if (!caps.granted)
      return reject('cap', caps.reason ?? 'cap_reached', { details: { cap_id: caps.capId } });
    flowCapsHeld = true;
  }

  // 6. Accepted. With deliveries ahead the deliveries decide the submitter's answer.
  const deliverySteps = flow.steps.filter((s): s is DeliveryStep => s.type === 'delivery');
  await record(
    'accepted',
    null,
    [event('accepted', 'success')],
    deliverySteps.length === 0,
    evaluatedPatch(),
  );
  notify('lead.accepted', {});
  if (deliverySteps.length === 0) return finish(snapshot, pendingWebhooks);

  // 7. Deliveries, by the flow's distribution mode.
  const salePrices =
    flow.distribution.mode === 'waterfall' && flow.distribution.waterfall_order === 'price'
      ? await local.recipientSalePrices(
          input.accountId,
          deliverySteps.map((s) => s.recipient_id),
        )
      : undefined;
  const plan = planDeliveries(flow, evaluation.deliveryMatches, { random: Math.random(), salePrices });
  const results: LeadEvent[] = [];
  const skipped = deliverySteps
    .filter((s) => evaluation?.deliveryMatches[s.id] === false)
    .map((s) => event('skipped', 'skip', { recipient_id: s.recipient_id, reason: 'Step criteria not met' }));
  if (plan.stopAtFirstSuccess) {
    for (const step of plan.steps) {
      const result = await deliverTo(step);
      results.push(result);
      if (result.outcome === 'success' && result.type === 'delivered') break;
    }
  } else {
    results.push(...(await Promise.all(plan.steps.map(deliverTo))));
  }

  const delivered = results.filter((e) => e.type === 'delivered');
  const attempted = results.filter((e) => e.type === 'delivered' || e.type === 'delivery_failed');
  snapshot.revenue = round4(delivered.reduce((sum, e) => sum + Number(e.details?.price ?? 0), 0));
  upsertSearchAttributes([
    {
      key: RecipientOutcomesAttr,
      value: results.filter((e) => e.recipient_id).map((e) => `${e.recipient_id}:${e.type}`),
    },
  ]);
  let status: LeadStatus;
  let reason: string | null = null;
  if (delivered.length > 0) status = 'delivered';
  else if (attempted.length > 0) {
    status = 'delivery_failed';
    reason = attempted.map((e) => e.reason).find(Boolean) ?? 'No recipient accepted the lead';
  } else {
    status = 'accepted';
    reason = 'No recipient available (step criteria or recipient caps)';
  }
  // A lead delivered nowhere gives its flow cap slots back.
  if (delivered.length === 0 && flowCapsHeld)
    await local.releaseCapSlots(input.leadId, `flow:${input.flowId}:`);
  await record(status, reason, [...skipped, ...results], true, { revenue: snapshot.revenue });
  for (const e of delivered) {
    notify('lead.delivered', {
      recipient: { id: e.recipient_id, name: e.recipient },
      delivery_time_ms: e.duration_ms ?? null,
    });
  }
  if (status === 'delivery_failed')
    notify('lead.failed', { reason, recipients: attempted.map((e) => e.recipient_id) });
  return finish(snapshot, pendingWebhooks);

  // ---- steps ----

  async function applyFilter(step: FilterStep): Promise<LeadSnapshot | null> {
    if (step.outcome === 'failure') return reject('filter', step.reason, { details: { step_id: step.id } });
    // A filter with a success outcome stops processing but keeps the lead accepted (not delivered).
    await record(
      'accepted',
      step.reason,
      [event('accepted', 'success', { reason: step.reason })],
      true,
      evaluatedPatch(),
    );
    notify('lead.accepted', { reason: step.reason });
    return finish(snapshot, pendingWebhooks);
  }

  async function enhance(
    step: EnhancementStep,
  ): Promise<{ kind: RejectionKind; reason: string; extra?: Partial<Rejection> } | null> {
    const parsed = evaluation!.parsed;
    const settings = step.settings;
    switch (step.service) {
      case 'email_validation': {
        const email = parsed.email as (typeof parsed)[string] & {
          domain?: string | null;
          is_free?: boolean;
          is_disposable?: boolean;
          is_role?: boolean;
        };
        if (!email) {
          enhancements.email_validation = { status: 'missing', deliverable: null };
          return null;
        }
        const mx: MxStatus | 'skipped' =
          settings.check_mx && email.valid && email.domain
            ? await dnsCheck.checkEmailDomain(email.domain).catch(() => 'unknown' as const)
            : 'skipped';
        const valid = email.valid && mx !== 'no_mx' && mx !== 'no_domain';
        enhancements.email_validation = {
          status: valid ? 'valid' : 'invalid',
          deliverable: !valid ? false : mx === 'valid' ? true : null,
          mx,
          is_free: email.is_free ?? null,
          is_disposable: email.is_disposable ?? null,
          is_role: email.is_role ?? null,
        };
        if (settings.require_valid && !valid)
          return { kind: 'enhancement', reason: 'Email failed validation' };
        if (settings.reject_disposable && email.is_disposable) {
          return { kind: 'enhancement', reason: 'Disposable email address' };
        }
        return null;
      }
      case 'phone_validation': {
        const phone = parsed.phone as (typeof parsed)[string] & {
          type?: string | null;
          is_tollfree?: boolean;
          country_code?: string | null;
        };
        if (!phone) {
          enhancements.phone_validation = { status: 'missing' };
          return null;
        }
        enhancements.phone_validation = {
          status: phone.valid ? 'valid' : 'invalid',
          line_type: phone.type ?? null,
          // Carrier needs a paid lookup; we never guess it.
          carrier: null,
          is_tollfree: phone.is_tollfree ?? null,
          country_code: phone.country_code ?? null,
        };
        if (settings.require_valid && !phone.valid)
          return { kind: 'enhancement', reason: 'Phone failed validation' };
        return null;
      }
      case 'duplicate_check': {
        const values = settings.fields.flatMap((field) => {
          const value = evaluation!.normalized[field];
          return typeof value === 'string' && value !== ''
            ? [{ kind: field, value: value.toLowerCase() }]
            : [];
        });
        const duplicate = await local.claimDuplicateKeys({
          leadId: input.leadId,
          flowId: input.flowId,
          values,
          lookbackDays: settings.lookback_days,
          at: input.receivedAt,
        });
        enhancements.duplicate_check = { duplicate: duplicate !== null, checked: values.map((v) => v.kind) };
        if (duplicate) {
          return {
            kind: 'duplicate',
            reason: `Duplicate of an earlier lead (same ${duplicate.kind})`,
            extra: { duplicate_of: duplicate.duplicateOf },
          };
        }
        fingerprintsClaimed = values.length > 0;
        return null;
      }
      case 'trustedform': {
        const cert = (parsed.trustedform_cert_url ?? parsed.trusted_form_cert_url) as
          | ((typeof parsed)[string] & { cert_id?: string | null; age_in_days?: number | null })
          | undefined;
        enhancements.trustedform = cert
          ? {
              status: cert.valid ? 'valid' : 'invalid',
              cert_id: cert.cert_id ?? null,
              age_in_days: cert.age_in_days ?? null,
            }
          : { status: 'missing' };
        if (settings.require_valid && !cert?.valid)
          return { kind: 'enhancement', reason: 'TrustedForm certificate missing or invalid' };
        return null;
      }
    }
  }

  async function deliverTo(step: DeliveryStep): Promise<LeadEvent> {
    const startedAt = new Date().toISOString();
    const caps = await local.reserveRecipientCaps({
      leadId: input.leadId,
      accountId: input.accountId,
      recipientId: step.recipient_id,
      parsed: evaluation!.parsed,
      source: input.source,
      campaign: input.campaign,
      timeZone: flow.settings.time_zone,
      at: input.receivedAt,
    });
    if (!caps.granted) {
      return event('skipped', 'skip', {
        recipient_id: step.recipient_id,
        reason: 'Recipient cap reached',
        details: { cap_id: caps.capId },
      });
    }
    const retry = flow.delivery_retry;
    const options: ActivityOptions = {
      startToCloseTimeout: '90s',
      summary: `Deliver to ${step.name ?? step.recipient_id}`,
      retry: {
        initialInterval: retry.initial_interval_ms,
        backoffCoefficient: 2,
        maximumInterval: retry.maximum_interval_ms,
        maximumAttempts: retry.maximum_attempts,
        nonRetryableErrorTypes: ['RecipientNotFound'],
      },
    };
    let result: LeadEvent;
    try {
      const delivery: DeliveryResult = await deliverActivity.executeWithOptions(options, [
        {
          leadId: input.leadId,
          accountId: input.accountId,
          recipientId: step.recipient_id,
          lead: evaluation!.normalized,
          idempotencyKey: `${input.leadId}:${step.id}`,
          testMode: input.testMode,
        },
      ]);
      const ok = delivery.outcome === 'success';
      result = event(ok ? 'delivered' : 'delivery_failed', delivery.outcome, {
        reason: delivery.reason ?? undefined,
        recipient_id: step.recipient_id,
        recipient: delivery.recipientName,
        response_code: delivery.responseCode ?? undefined,
        duration_ms: delivery.durationMs,
        details: { price: ok ? delivery.price : 0, reference: delivery.reference, step_id: step.id },
      });
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const cause = err.cause instanceof ApplicationFailure ? err.cause : undefined;
      const lastAttempt = (cause?.details?.[0] ?? {}) as {
        responseCode?: number;
        durationMs?: number;
        recipientName?: string;
      };
      result = event('delivery_failed', 'error', {
        reason: cause?.message ?? err.message,
        recipient_id: step.recipient_id,
        recipient: lastAttempt.recipientName,
        response_code: lastAttempt.responseCode ?? undefined,
        duration_ms: lastAttempt.durationMs,
        details: { step_id: step.id, attempts: retry.maximum_attempts },
      });
    }
    if (result.type !== 'delivered')
      await local.releaseCapSlots(input.leadId, `recipient:${step.recipient_id}:`);
    return { ...result, timestamp: startedAt };
  }
}

const deliverActivity = proxyActivities<Activities>({ startToCloseTimeout: '90s' }).deliverLead;

function event(type: LeadEventType, outcome: EventOutcome, extra: Partial<LeadEvent> = {}): LeadEvent {
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

function describeErrors(errors: FieldError[]): string {
  const missing = errors.filter((e) => e.code === 'missing_required').map((e) => e.field);
  const invalid = errors.filter((e) => e.code === 'invalid_format').map((e) => e.field);
  return [
    missing.length ? `Missing required fields: ${missing.join(', ')}` : '',
    invalid.length ? `Invalid fields: ${invalid.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

function stripFactors(q: LeadEvaluation['quality']) {
  return {
    overall_score: q.overall_score,
    completeness: q.completeness,
    accuracy: q.accuracy,
    fraud_risk: q.fraud_risk,
  };
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

async function finish(snapshot: LeadSnapshot, pendingWebhooks: Promise<void>[]): Promise<LeadSnapshot> {
  // Webhooks were started without blocking the outcome; the run closes once they are done or given up.
  await Promise.all(pendingWebhooks);
  // Let a pending await-outcome update return before the run closes.
  await condition(allHandlersFinished);
  return snapshot;
}
