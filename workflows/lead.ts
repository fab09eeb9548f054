import {
  ActivityFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  uuid4,
} from '@temporalio/workflow';
import type { MxStatus } from '../activities/evaluation.js';
import type { Activities } from '../activities/index.js';
import type { LeadProgress } from '../activities/lead-records.js';
import { fromLegacyEvaluation, type RunAssessment } from '../domain/assessment.js';
import { planDeliveries } from '../domain/distribution.js';
import { emailQualityScore } from '../domain/email-quality.js';
import type { DeliveryStep, EnhancementStep, FilterStep, WebhookEvent } from '../domain/flow.js';
import type { FieldError, LeadEvent, LeadStatus, RejectionKind } from '../domain/lead.js';
import type { LeadEvaluation } from '../domain/pipeline.js';
import { type DeliveryContext, deliverToStep, event, replayDeliveries } from './deliveries.js';
import { leadWebhook, sendLeadWebhook } from './notifications.js';
import {
  awaitOutcomeUpdate,
  type LeadSnapshot,
  LeadStatusAttr,
  type LeadWorkflowInput,
  leadStateQuery,
  RecipientOutcomesAttr,
  type ReplayRequest,
  type ReplayResult,
  replayDeliverySignal,
  replayDeliveryUpdate,
} from './shared.js';
import { createStallGuard, LOCAL_RETRY } from './stall.js';

// Pure decisions and short Postgres writes run as local activities: they complete inside the same
// workflow task, so a lead's bookkeeping costs no extra server round trips. Their retries are finite;
// a step still failing stalls the run visibly instead (workflows/stall.ts).
const localActivities = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: LOCAL_RETRY,
});
// An MX lookup that cannot answer quickly degrades to "unknown" rather than holding the lead.
const dnsCheck = proxyLocalActivities<Activities>({
  startToCloseTimeout: '3s',
  retry: { maximumAttempts: 1 },
});

const trustedForm = proxyActivities<Activities>({
  startToCloseTimeout: '10s',
  summary: 'TrustedForm claim',
  retry: { initialInterval: '500ms', maximumAttempts: 3 },
});

type Rejection = NonNullable<LeadSnapshot['rejection']>;
type Patch = Omit<
  LeadProgress,
  'leadId' | 'accountId' | 'flowId' | 'status' | 'reason' | 'decided' | 'events'
>;

export async function leadWorkflow(input: LeadWorkflowInput): Promise<LeadSnapshot> {
  const { flow } = input;
  const stalls = createStallGuard();
  const local = stalls.guard(localActivities);
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
  // Replays queue while the lead waits in delivery_failed; each update waits for its own result.
  let waitingForReplay = false;
  const replays: Array<{ id: string; request: ReplayRequest }> = [];
  const replayResults = new Map<string, ReplayResult>();

  setHandler(leadStateQuery, () => snapshot);
  setHandler(awaitOutcomeUpdate, async () => {
    await condition(() => decided);
    return snapshot;
  });
  setHandler(
    replayDeliveryUpdate,
    async (request) => {
      const id = uuid4();
      replays.push({ id, request });
      await condition(() => replayResults.has(id));
      return replayResults.get(id)!;
    },
    {
      validator: (_request: ReplayRequest) => {
        if (!waitingForReplay) throw new Error(`Lead is ${snapshot.status}, not waiting for a replay`);
      },
    },
  );
  setHandler(replayDeliverySignal, (request) => {
    if (waitingForReplay) replays.push({ id: uuid4(), request: { requestedBy: 'signal', ...request } });
  });

  const scope = { leadId: input.leadId, accountId: input.accountId, flowId: input.flowId };
  let evaluation: RunAssessment<LeadEvaluation> | null = null;
  const enhancements: Record<string, unknown> = {};
  const pendingWebhooks: Promise<void>[] = [];

  // A test lead runs every step but sends nothing: no delivery to buyers, no webhooks (older runs,
  // without this marker, "delivered" test leads and fired webhooks).
  const testRun = input.testMode && patched('test-mode-sends-nothing');
  const notify = (type: WebhookEvent, data: Record<string, unknown>) => {
    if (testRun) return;
    // Once evaluated, the lead is read by id when the webhook is sent (its stored normal values, the
    // real values of sensitive fields laid over them); lead.received carries the lead as submitted.
    const byId = evaluation !== null && !evaluation.legacy;
    const lead = evaluation ? evaluation.legacy?.normalized : input.lead;
    const request = leadWebhook(
      flow.settings.notifications,
      scope,
      type,
      { ...(lead ? { lead } : {}), quality_score: snapshot.quality_score, ...data },
      byId ? { sensitive: evaluation!.sensitive } : undefined,
    );
    if (request) pendingWebhooks.push(sendLeadWebhook(request));
  };

  // Events produced between two writes (e.g. "enhanced") are saved with the next one.
  const unsaved: LeadEvent[] = [];
  const record = async (
    status: LeadStatus,
    reason: string | null,
    newEvents: LeadEvent[],
    final: boolean,
    patch: Patch = {},
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

  const evaluatedPatch = (): Patch =>
    evaluation
      ? {
          // Older runs store the evaluated lead here (sensitive fields masked; evaluations recorded
          // before `storable` existed have none); assessLead stores it itself.
          ...(evaluation.legacy
            ? {
                normalized: evaluation.legacy.storable?.normalized ?? evaluation.legacy.normalized,
                fields: evaluation.legacy.storable?.fields,
              }
            : {}),
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

  // 2. Normalise, validate and evaluate every rule of this flow version (one local activity). Its result
  // is recorded in history, so it keeps the decisions, not the evaluated lead, which it stores in
  // Postgres for the steps that need it (read by lead id). Runs recorded before that have the whole
  // evaluation in their history and go on with it.
  const evaluationInput = {
    flow,
    lead: input.lead,
    source: input.source,
    campaign: input.campaign,
    receivedAt: input.receivedAt,
  };
  evaluation = patched('lead-data-by-id')
    ? await local.assessLead({
        ...evaluationInput,
        leadId: input.leadId,
        accountId: input.accountId,
        store: true,
      })
    : fromLegacyEvaluation(await local.evaluateLead(evaluationInput));
  const ev = evaluation;
  snapshot.quality_metrics = {
    overall_score: ev.quality.overall_score,
    completeness: ev.quality.completeness,
    accuracy: ev.quality.accuracy,
    fraud_risk: ev.quality.fraud_risk,
  };
  snapshot.quality_score = ev.quality.overall_score;
  snapshot.pricing.amount = ev.purchasePrice;

  if (ev.errors.length > 0) return reject('validation', describeErrors(ev.errors), { errors: ev.errors });
  if (!ev.acceptance.pass) return reject('criteria', ev.acceptance.reason ?? 'Acceptance criteria not met');

  // 3. Enhancement and filter steps, in flow order.
  // One "enhanced" event (the documented shape: the list of enhancements), with each step's outcome.
  const ran: string[] = [];
  const stepResults: Array<{
    step_id: string;
    service: string;
    outcome: 'success' | 'failure';
    reason?: string;
  }> = [];
  const enhancedAt = Date.now();
  const enhancedEvent = (outcome: 'success' | 'failure', reason?: string) =>
    event('enhanced', outcome, {
      enhancements: [...ran],
      reason,
      duration_ms: Date.now() - enhancedAt,
      details: { steps: stepResults },
    });
  for (const step of flow.steps) {
    if (step.type === 'filter') {
      if (ev.filterMatches[step.id]) return applyFilter(step);
      continue;
    }
    if (step.type !== 'enhancement') continue;
    const failure = await enhance(step);
    ran.push(step.service);
    stepResults.push({
      step_id: step.id,
      service: step.service,
      outcome: failure ? 'failure' : 'success',
      reason: failure?.reason,
    });
    if (failure) {
      unsaved.push(enhancedEvent('failure', failure.reason));
      return reject(failure.kind, failure.reason, failure.extra);
    }
  }
  if (ran.length > 0) unsaved.push(enhancedEvent('success'));

  // 4. Quality threshold.
  const threshold = flow.settings.quality_threshold;
  if (threshold !== null && snapshot.quality_score < threshold) {
    return reject(
      'quality',
      `Quality score ${snapshot.quality_score.toFixed(2)} is below the flow's threshold ${threshold.toFixed(2)}`,
    );
  }

  // 5. Flow caps: atomic in Postgres; a full cap rejects the lead.
  if (ev.flowCaps.length > 0) {
    const caps = await local.reserveFlowCaps({
      leadId: input.leadId,
      flowId: input.flowId,
      caps: ev.flowCaps,
      timeZone: flow.settings.time_zone,
      at: input.receivedAt,
    });
    if (!caps.granted)
      return reject('cap', caps.reason ?? 'cap_reached', { details: { cap_id: caps.capId } });
    flowCapsHeld = true;
  }

  // 6. Accepted. With deliveries ahead, the deliveries decide the submitter's answer.
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
  const ctx: DeliveryContext = {
    ...scope,
    stalls,
    flow,
    testMode: input.testMode,
    source: input.source,
    campaign: input.campaign,
    receivedAt: input.receivedAt,
    assessment: ev,
    lead: input.lead,
  };
  const salePrices =
    flow.distribution.mode === 'waterfall' && flow.distribution.waterfall_order === 'price'
      ? await local.recipientSalePrices(
          input.accountId,
          deliverySteps.map((s) => s.recipient_id),
        )
      : undefined;
  const plan = planDeliveries(flow, ev.deliveryMatches, { random: Math.random(), salePrices });
  const results: LeadEvent[] = [];
  if (testRun) {
    for (const step of plan.steps) {
      results.push(
        event('skipped', 'skip', {
          recipient_id: step.recipient_id,
          recipient: step.name,
          reason: 'Test mode: not sent',
          details: { step_id: step.id, test_mode: true },
        }),
      );
    }
  } else if (plan.stopAtFirstSuccess) {
    for (const step of plan.steps) {
      const result = await deliverToStep(ctx, step);
      results.push(result);
      if (result.type === 'delivered') break;
    }
  } else {
    results.push(...(await Promise.all(plan.steps.map((step) => deliverToStep(ctx, step)))));
  }
  const skipped = deliverySteps
    .filter((s) => ev.deliveryMatches[s.id] === false)
    .map((s) => event('skipped', 'skip', { recipient_id: s.recipient_id, reason: 'Step criteria not met' }));

  const attempted = results.filter((e) => e.type === 'delivered' || e.type === 'delivery_failed');
  const deliveredTo = new Set(results.filter((e) => e.type === 'delivered').map((e) => e.recipient_id!));
  const recipientOutcomes = new Map<string, string>();
  const noteOutcomes = (events: LeadEvent[]) => {
    for (const e of events)
      if (e.recipient_id && e.type !== 'replayed') recipientOutcomes.set(e.recipient_id, e.type);
    upsertSearchAttributes([
      {
        key: RecipientOutcomesAttr,
        value: [...recipientOutcomes].map(([id, outcome]) => `${id}:${outcome}`),
      },
    ]);
  };
  noteOutcomes(results);
  snapshot.revenue = revenueOf(results);

  let status: LeadStatus;
  let reason: string | null = null;
  if (deliveredTo.size > 0) status = 'delivered';
  else if (attempted.length > 0) {
    status = 'delivery_failed';
    reason = attempted.map((e) => e.reason).find(Boolean) ?? 'No recipient accepted the lead';
  } else {
    status = 'accepted';
    reason = testRun
      ? 'Test mode: nothing was sent to recipients'
      : 'No recipient available (step criteria or recipient caps)';
    if (flowCapsHeld) await local.releaseCapSlots(input.leadId, `flow:${input.flowId}:`);
  }
  await record(status, reason, [...skipped, ...results], true, { revenue: snapshot.revenue });
  for (const e of results.filter((r) => r.type === 'delivered')) notifyDelivered(e);
  if (status !== 'delivery_failed') return finish(snapshot, pendingWebhooks);
  notify('lead.failed', { reason, recipients: attempted.map((e) => e.recipient_id) });

  // 8. Delivery failed after its retries: wait (durably) for an operator's replay, then close.
  waitingForReplay = true;
  const deadline = Date.now() + flow.delivery_retry.replay_window_seconds * 1000;
  let replayNumber = 0;
  while (snapshot.status === 'delivery_failed') {
    const remaining = deadline - Date.now();
    if (remaining <= 0 || !(await condition(() => replays.length > 0, remaining))) break;
    const { id, request } = replays.shift()!;
    replayNumber++;
    const replayed = await replayDeliveries(ctx, request, deliveredTo, replayNumber);
    for (const e of replayed.events) if (e.type === 'delivered') deliveredTo.add(e.recipient_id!);
    noteOutcomes(replayed.events);
    const nowDelivered = deliveredTo.size > 0;
    snapshot.revenue = round4(snapshot.revenue + revenueOf(replayed.events));
    await record(
      nowDelivered ? 'delivered' : 'delivery_failed',
      nowDelivered ? null : snapshot.reason,
      replayed.events,
      true,
      {
        revenue: snapshot.revenue,
      },
    );
    for (const e of replayed.events.filter((r) => r.type === 'delivered')) notifyDelivered(e);
    replayResults.set(id, { lead_id: input.leadId, status: snapshot.status, attempts: replayed.attempts });
  }
  waitingForReplay = false;
  // Answer replays that arrived as the window closed, then close the lead.
  for (const { id } of replays.splice(0)) {
    replayResults.set(id, { lead_id: input.leadId, status: snapshot.status, attempts: [] });
  }
  if (snapshot.status === 'delivery_failed') {
    if (flowCapsHeld) await local.releaseCapSlots(input.leadId, `flow:${input.flowId}:`);
    await record(
      'failed',
      snapshot.reason,
      [event('closed', 'failure', { reason: 'Replay window ended without a delivery' })],
      true,
    );
  }
  return finish(snapshot, pendingWebhooks);

  // ---- steps ----

  function notifyDelivered(e: LeadEvent) {
    notify('lead.delivered', {
      recipient: { id: e.recipient_id, name: e.recipient },
      delivery_time_ms: e.duration_ms ?? null,
    });
  }

  async function applyFilter(step: FilterStep): Promise<LeadSnapshot> {
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
    const settings = step.settings;
    switch (step.service) {
      case 'email_validation': {
        const email = ev.checks.email;
        if (!email) {
          enhancements.email_validation = { status: 'missing', deliverable: null };
          return null;
        }
        const mx: MxStatus | 'skipped' =
          settings.check_mx && email.valid && email.domain
            ? await dnsCheck.checkEmailDomain(email.domain).catch(() => 'unknown' as const)
            : 'skipped';
        const valid = email.valid && mx !== 'no_mx' && mx !== 'no_domain';
        const check = {
          valid: email.valid,
          mx,
          isFree: email.is_free ?? null,
          isDisposable: email.is_disposable ?? null,
          isRole: email.is_role ?? null,
        };
        enhancements.email_validation = {
          status: valid ? 'valid' : 'invalid',
          deliverable: !valid ? false : mx === 'valid' ? true : null,
          quality_score: emailQualityScore(check),
          mx,
          is_free: check.isFree,
          is_disposable: check.isDisposable,
          is_role: check.isRole,
        };
        if (settings.require_valid && !valid)
          return { kind: 'enhancement', reason: 'Email failed validation' };
        if (settings.reject_disposable && email.is_disposable) {
          return { kind: 'enhancement', reason: 'Disposable email address' };
        }
        return null;
      }
      case 'phone_validation': {
        const phone = ev.checks.phone;
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
        let duplicate: { duplicateOf: string; kind: string } | null;
        let checked: string[];
        if (ev.legacy) {
          const normalized = ev.legacy.normalized;
          const values = settings.fields.flatMap((field) => {
            const value = normalized[field];
            return typeof value === 'string' && value !== ''
              ? [{ kind: field, value: value.toLowerCase() }]
              : [];
          });
          duplicate = await local.claimDuplicateKeys({
            leadId: input.leadId,
            flowId: input.flowId,
            values,
            lookbackDays: settings.lookback_days,
            at: input.receivedAt,
          });
          checked = values.map((v) => v.kind);
        } else {
          // The values are read from the lead by the activity (its input is not recorded in history).
          ({ duplicate, checked } = await local.claimDuplicateFields({
            leadId: input.leadId,
            accountId: input.accountId,
            lead: input.lead,
            flow,
            at: input.receivedAt,
            flowId: input.flowId,
            fields: settings.fields,
            lookbackDays: settings.lookback_days,
          }));
        }
        enhancements.duplicate_check = { duplicate: duplicate !== null, checked };
        if (duplicate) {
          return {
            kind: 'duplicate',
            reason: `Duplicate of an earlier lead (same ${duplicate.kind})`,
            extra: { duplicate_of: duplicate.duplicateOf },
          };
        }
        fingerprintsClaimed = checked.length > 0;
        return null;
      }
      case 'trustedform': {
        const cert = ev.checks.trustedform;
        if (!cert) {
          enhancements.trustedform = { status: 'missing' };
          return settings.require_valid
            ? { kind: 'enhancement', reason: 'TrustedForm certificate missing' }
            : null;
        }
        let valid = cert.valid;
        let reason = valid ? null : 'TrustedForm certificate URL is invalid';
        let claim: Record<string, unknown> | null = null;
        if (valid && settings.claim_url) {
          // The pluggable claim step: the only way to learn a certificate's age.
          try {
            const legacy = ev.legacy?.normalized;
            const claimed = await trustedForm.claimTrustedForm({
              claimUrl: settings.claim_url,
              certUrl: cert.cert_url,
              leadId: input.leadId,
              accountId: input.accountId,
              // Older runs pass the contact details; now the activity reads them by lead id.
              ...(legacy
                ? {
                    email: typeof legacy.email === 'string' ? legacy.email : null,
                    phone: typeof legacy.phone === 'string' ? legacy.phone : null,
                  }
                : {}),
            });
            claim = { status: claimed.status, expires_at: claimed.expiresAt };
            if (claimed.status === 'rejected')
              [valid, reason] = [false, claimed.reason ?? 'TrustedForm claim refused'];
            else if (claimed.ageInDays !== null && claimed.ageInDays > settings.max_age_days) {
              [valid, reason] = [
                false,
                `TrustedForm certificate is ${claimed.ageInDays} days old (max ${settings.max_age_days})`,
              ];
            }
            cert.age_in_days = claimed.ageInDays;
          } catch (err) {
            if (!(err instanceof ActivityFailure)) throw err;
            claim = { status: 'error' };
            [valid, reason] = [false, 'TrustedForm claim could not be made'];
          }
        }
        enhancements.trustedform = {
          status: valid ? 'valid' : 'invalid',
          cert_id: cert.cert_id ?? null,
          age_in_days: cert.age_in_days ?? null,
          ...(claim ? { claim } : {}),
        };
        if (settings.require_valid && !valid)
          return { kind: 'enhancement', reason: reason ?? 'TrustedForm check failed' };
        return null;
      }
    }
  }
}

function revenueOf(events: LeadEvent[]): number {
  return round4(
    events.filter((e) => e.type === 'delivered').reduce((sum, e) => sum + Number(e.details?.price ?? 0), 0),
  );
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

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

async function finish(snapshot: LeadSnapshot, pendingWebhooks: Promise<void>[]): Promise<LeadSnapshot> {
  // Webhooks were started without blocking the outcome; the run closes once they are done or given up.
  await Promise.all(pendingWebhooks);
  // Let pending updates (await-outcome, replay-delivery) return before the run closes.
  await condition(allHandlersFinished);
  return snapshot;
}
