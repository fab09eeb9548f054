// The lead's wait in delivery_failed: operators replay its deliveries (update or signal) until one
// gets through or the replay window ends. Windows reach 90 days, so a run that has taken many
// replays continues as new, carrying its state (nothing else is needed to go on).
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { LeadEvent } from '../domain/lead.js';
import { recipientOutcomes, revenueOf, roundMoney } from '../domain/lead-outcome.js';
import { type DeliveryContext, event, replayDeliveries } from './deliveries.js';
import type { leadWorkflow } from './lead.js';
import type { LeadRun } from './lead-run.js';
import { type LeadReplayWait, type LeadSnapshot, RecipientOutcomesAttr } from './shared.js';

/** Replays one run takes before continuing as new (unless the input sets fewer). */
export const REPLAYS_PER_RUN = 100;

export async function awaitReplays(
  run: LeadRun,
  ctx: DeliveryContext,
  wait: LeadReplayWait,
): Promise<LeadSnapshot> {
  const { snapshot, replays } = run;
  const deliveredTo = new Set(wait.deliveredTo);
  let replayCount = wait.replayCount;
  let takenThisRun = 0;
  replays.open();
  while (snapshot.status === 'delivery_failed') {
    if (historyFull(takenThisRun, run.input.replaysPerRun) && patched('lead-replays-continue-as-new')) {
      // Only between replays: the queue is empty and every update has its answer.
      await condition(() => replays.pending || allHandlersFinished());
      if (!replays.pending) {
        await run.webhooksSent();
        return continueAsNew<typeof leadWorkflow>({
          ...run.input,
          continued: {
            replayWindowEndsAt: wait.replayWindowEndsAt,
            deliveredTo: [...deliveredTo],
            replayCount,
            snapshot,
            recipientOutcomes: run.recipientOutcomes,
            assessment: run.assessment!,
            flowCapsHeld: run.flowCapsHeld,
            answeredReplays: run.replays.answeredForNextRun(),
          },
        });
      }
    }
    const remaining = wait.replayWindowEndsAt - Date.now();
    if (remaining <= 0 || !(await condition(() => replays.pending, remaining))) break;
    const { id, request } = replays.next();
    replayCount++;
    takenThisRun++;
    const replayed = await replayDeliveries(ctx, request, deliveredTo, replayCount);
    for (const e of replayed.events) if (e.type === 'delivered') deliveredTo.add(e.recipient_id!);
    noteRecipientOutcomes(run, replayed.events);
    snapshot.revenue = roundMoney(snapshot.revenue + revenueOf(replayed.events));
    const delivered = deliveredTo.size > 0;
    const status = delivered ? 'delivered' : 'delivery_failed';
    await run.record(status, delivered ? null : snapshot.reason, replayed.events, true, {
      revenue: snapshot.revenue,
    });
    for (const e of replayed.events.filter((r) => r.type === 'delivered')) run.notifyDelivered(e);
    replays.answer(id, { lead_id: run.input.leadId, status: snapshot.status, attempts: replayed.attempts });
  }
  // Answer replays that arrived as the window closed, then close the lead.
  replays.close(() => ({ lead_id: run.input.leadId, status: snapshot.status, attempts: [] }));
  if (snapshot.status === 'delivery_failed') {
    await run.releaseFlowCaps();
    const closed = event('closed', 'failure', { reason: 'Replay window ended without a delivery' });
    await run.record('failed', snapshot.reason, [closed], true);
  }
  return run.finish();
}

/** Whether this run's history has grown enough to go on in a fresh run. */
function historyFull(takenThisRun: number, replaysPerRun = REPLAYS_PER_RUN): boolean {
  return takenThisRun >= replaysPerRun || workflowInfo().continueAsNewSuggested;
}

/** Records each recipient's latest outcome in the RecipientOutcomes search attribute. */
export function noteRecipientOutcomes(run: LeadRun, events: LeadEvent[]): void {
  run.recipientOutcomes = recipientOutcomes(run.recipientOutcomes, events);
  upsertSearchAttributes([{ key: RecipientOutcomesAttr, value: run.recipientOutcomes }]);
}
