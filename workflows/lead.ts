// The lead workflow: one lead from submission to its final state, as a script of steps. The rules are
// pure domain/ code, the I/O runs in activities, and each step is a small helper below (the run's
// bookkeeping in lead-run.ts, enhancements in enhancements.ts, deliveries and replays in deliveries.ts
// and lead-replays.ts).
import { patched } from '@temporalio/workflow';
import { fromLegacyEvaluation, type RunAssessment } from '../domain/assessment.js';
import { planDeliveries } from '../domain/distribution.js';
import type { DeliveryStep, FilterStep } from '../domain/flow.js';
import type { LeadEvent } from '../domain/lead.js';
import { deliveryOutcome, describeFieldErrors, qualityShortfall, revenueOf } from '../domain/lead-outcome.js';
import type { LeadEvaluation } from '../domain/pipeline.js';
import { runAuction } from './auction.js';
import { type DeliveryContext, deliverToStep, event } from './deliveries.js';
import { type EnhancedStep, runEnhancement, runListCheck } from './enhancements.js';
import { awaitReplays, noteRecipientOutcomes } from './lead-replays.js';
import { LeadRun } from './lead-run.js';
import type { LeadSnapshot, LeadWorkflowInput } from './shared.js';

export async function leadWorkflow(input: LeadWorkflowInput): Promise<LeadSnapshot> {
  const run = new LeadRun(input);
  // A run continued as new while waiting for replays picks up where the last one stopped.
  if (input.continued) return awaitReplays(run, deliveryContext(run), input.continued);

  // 1. Received: the lead is durable in Temporal from the start; now in Postgres too.
  const received = event('received', 'success');
  run.snapshot.events.push(received);
  await run.local.recordLeadReceived(input, received);
  run.notify('lead.received', {});

  // 2. Normalise, validate and evaluate every rule of this flow version (one local activity).
  const ev = await assess(run);
  if (ev.errors.length > 0)
    return run.reject('validation', describeFieldErrors(ev.errors), { errors: ev.errors });
  if (!ev.acceptance.pass)
    return run.reject('criteria', ev.acceptance.reason ?? 'Acceptance criteria not met');

  // 3. Enhancement and filter steps, in flow order.
  const stopped = await runFlowSteps(run, ev);
  if (stopped) return stopped;

  // 4. Quality threshold.
  const shortfall = qualityShortfall(ev.quality.overall_score, input.flow.settings.quality_threshold);
  if (shortfall) return run.reject('quality', shortfall);

  // 5. Flow caps: atomic in Postgres; a full cap rejects the lead.
  if (ev.flowCaps.length > 0) {
    const caps = await run.local.reserveFlowCaps({
      leadId: input.leadId,
      flowId: input.flowId,
      caps: ev.flowCaps,
      timeZone: input.flow.settings.time_zone,
      at: input.receivedAt,
    });
    if (!caps.granted)
      return run.reject('cap', caps.reason ?? 'cap_reached', { details: { cap_id: caps.capId } });
    run.flowCapsHeld = true;
  }

  // 6. Accepted. With deliveries ahead, the deliveries decide the submitter's answer.
  const deliverySteps = input.flow.steps.filter((s): s is DeliveryStep => s.type === 'delivery');
  const final = deliverySteps.length === 0;
  await run.record('accepted', null, [event('accepted', 'success')], final, run.evaluatedPatch());
  run.notify('lead.accepted', {});
  if (final) return run.finish();

  // 7. Deliveries, by the flow's distribution mode.
  const ctx = deliveryContext(run);
  const deliveredTo = await deliver(run, ctx, deliverySteps);
  if (run.snapshot.status !== 'delivery_failed') return run.finish();

  // 8. Delivery failed after its retries: wait (durably) for an operator's replay, then close.
  return awaitReplays(run, ctx, {
    replayWindowEndsAt: Date.now() + input.flow.delivery_retry.replay_window_seconds * 1000,
    deliveredTo: [...deliveredTo],
    replayCount: 0,
  });
}

/** Evaluates the lead (recording decisions, not the lead; older runs recorded the whole evaluation). */
async function assess(run: LeadRun): Promise<RunAssessment<LeadEvaluation>> {
  const { input, snapshot } = run;
  const evaluationInput = {
    flow: input.flow,
    lead: input.lead,
    source: input.source,
    campaign: input.campaign,
    receivedAt: input.receivedAt,
  };
  // The assessment is recorded in history, so it keeps the decisions; the evaluated lead is stored
  // in Postgres for the steps that need it (read by lead id).
  const ev = patched('lead-data-by-id')
    ? await run.local.assessLead({
        ...evaluationInput,
        leadId: input.leadId,
        accountId: input.accountId,
        store: true,
      })
    : fromLegacyEvaluation(await run.local.evaluateLead(evaluationInput));
  run.assessment = ev;
  const { overall_score, completeness, accuracy, fraud_risk } = ev.quality;
  snapshot.quality_metrics = { overall_score, completeness, accuracy, fraud_risk };
  snapshot.quality_score = overall_score;
  snapshot.pricing.amount = ev.purchasePrice;
  return ev;
}

/**
 * Enhancement and filter steps in flow order; one "enhanced" event (the documented shape: the list
 * of enhancements) with each step's outcome. Returns the closed run's snapshot if a step stopped it.
 */
async function runFlowSteps(run: LeadRun, ev: RunAssessment): Promise<LeadSnapshot | null> {
  const ran: string[] = [];
  const steps: EnhancedStep[] = [];
  const startedAt = Date.now();
  const enhanced = (outcome: 'success' | 'failure', reason?: string) =>
    event('enhanced', outcome, {
      enhancements: [...ran],
      reason,
      duration_ms: Date.now() - startedAt,
      details: { steps },
    });
  for (const step of run.input.flow.steps) {
    if (step.type === 'filter' && ev.filterMatches[step.id]) return applyFilter(run, step);
    const verdict =
      step.type === 'list_check'
        ? await runListCheck(run, step)
        : step.type === 'enhancement'
          ? await runEnhancement(run, step)
          : null;
    if (!verdict) continue;
    ran.push(verdict.entry.service);
    steps.push(verdict.entry);
    if (verdict.rejection) {
      const { kind, reason, extra } = verdict.rejection;
      run.note(enhanced('failure', reason));
      return run.reject(kind, reason, extra);
    }
  }
  if (ran.length > 0) run.note(enhanced('success'));
  return null;
}

/** A matching filter stops the lead: rejected (failure outcome), or kept accepted and not delivered. */
async function applyFilter(run: LeadRun, step: FilterStep): Promise<LeadSnapshot> {
  if (step.outcome === 'failure') return run.reject('filter', step.reason, { details: { step_id: step.id } });
  const accepted = event('accepted', 'success', { reason: step.reason });
  await run.record('accepted', step.reason, [accepted], true, run.evaluatedPatch());
  run.notify('lead.accepted', { reason: step.reason });
  return run.finish();
}

function deliveryContext(run: LeadRun): DeliveryContext {
  const { input } = run;
  return {
    ...run.scope,
    stalls: run.stalls,
    flow: input.flow,
    testMode: input.testMode,
    source: input.source,
    campaign: input.campaign,
    receivedAt: input.receivedAt,
    assessment: run.assessment!,
    lead: input.lead,
  };
}

/** Sends the lead to its recipients by the flow's distribution mode and records the outcome. */
async function deliver(
  run: LeadRun,
  ctx: DeliveryContext,
  deliverySteps: DeliveryStep[],
): Promise<Set<string>> {
  const { flow } = run.input;
  const matches = ctx.assessment.deliveryMatches;
  const byPrice = flow.distribution.mode === 'waterfall' && flow.distribution.waterfall_order === 'price';
  const salePrices = byPrice
    ? await run.local.recipientSalePrices(
        run.input.accountId,
        deliverySteps.map((s) => s.recipient_id),
      )
    : undefined;
  const plan = planDeliveries(flow, matches, { random: Math.random(), salePrices });
  const results: LeadEvent[] = [];
  let unsold: string | null = null;
  if (run.testRun) {
    for (const step of plan.steps) {
      const details = { step_id: step.id, test_mode: true };
      results.push(
        event('skipped', 'skip', {
          recipient_id: step.recipient_id,
          recipient: step.name,
          reason: 'Test mode: not sent',
          details,
        }),
      );
    }
  } else if (flow.distribution.mode === 'auction') {
    // Only flows saved with the auction mode get here: runs of older flow versions never do.
    const auction = await runAuction(ctx, plan.steps, run.snapshot.pricing.amount);
    results.push(...auction.events);
    unsold = auction.unsold;
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
    .filter((s) => matches[s.id] === false)
    .map((s) => event('skipped', 'skip', { recipient_id: s.recipient_id, reason: 'Step criteria not met' }));

  noteRecipientOutcomes(run, results);
  run.snapshot.revenue = revenueOf(results);
  const outcome = deliveryOutcome(results, run.testRun);
  // An auction that sold nothing and posted nothing says why (no bids, all under the floor).
  const { status, reason } =
    outcome.status === 'accepted' && unsold ? { ...outcome, reason: unsold } : outcome;
  if (status === 'accepted') await run.releaseFlowCaps();
  await run.record(status, reason, [...skipped, ...results], true, { revenue: run.snapshot.revenue });
  for (const e of results.filter((r) => r.type === 'delivered')) run.notifyDelivered(e);
  if (status === 'delivery_failed') {
    const attempted = results.filter((e) => e.type === 'delivered' || e.type === 'delivery_failed');
    run.notify('lead.failed', { reason, recipients: attempted.map((e) => e.recipient_id) });
  }
  return new Set(results.filter((e) => e.type === 'delivered').map((e) => e.recipient_id!));
}
