import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { DeliveryStep } from '../domain/flow.js';
import {
  type EventOutcome,
  type FieldError,
  type LeadEvent,
  type LeadEventType,
  type LeadStatus,
  missingRequiredFields,
} from '../domain/lead.js';
import {
  awaitOutcomeUpdate,
  type LeadSnapshot,
  LeadStatusAttr,
  type LeadWorkflowInput,
  leadStateQuery,
} from './shared.js';

// Bookkeeping writes are short and local to our own database: local activities keep them in the same
// workflow task, which removes a server round trip per step.
const records = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s' },
});

// Delivery talks to a buyer's server: a regular activity, retried with backoff on errors the buyer may
// recover from (5xx, timeouts), never on a definite decline (returned, not thrown).
const delivery = proxyActivities<Activities>({
  startToCloseTimeout: '90s',
  retry: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '30s',
    maximumAttempts: 5,
    nonRetryableErrorTypes: ['RecipientNotFound'],
  },
});

export async function leadWorkflow(input: LeadWorkflowInput): Promise<LeadSnapshot> {
  const snapshot: LeadSnapshot = {
    id: input.leadId,
    flow_id: input.flowId,
    status: 'received',
    reason: null,
    created_at: input.receivedAt,
    events: [],
    errors: [],
    quality_score: null,
    pricing: { amount: 0, currency: 'USD' },
  };
  // The submitter's answer: set once no later step can change the lead's outcome.
  let decided = false;

  setHandler(leadStateQuery, () => snapshot);
  setHandler(awaitOutcomeUpdate, async () => {
    await condition(() => decided);
    return snapshot;
  });

  const scope = { leadId: input.leadId, accountId: input.accountId, flowId: input.flowId };

  const received = newEvent('received', 'success');
  snapshot.events.push(received);
  await records.recordLeadReceived(input, received);

  async function transition(
    status: LeadStatus,
    reason: string | null,
    events: LeadEvent[],
    final: boolean,
  ): Promise<void> {
    snapshot.status = status;
    snapshot.reason = reason;
    snapshot.events.push(...events);
    upsertSearchAttributes([{ key: LeadStatusAttr, value: status }]);
    await records.recordLeadProgress({ ...scope, status, reason, decided: final, events });
    decided ||= final;
  }

  const missing = missingRequiredFields(input.flow.settings.required_fields, input.lead);
  if (missing.length > 0) {
    snapshot.errors = missing;
    await transition(
      'rejected',
      describeMissing(missing),
      [newEvent('rejected', 'failure', { reason: describeMissing(missing), details: { errors: missing } })],
      true,
    );
    return finish(snapshot);
  }

  const deliverySteps = input.flow.steps.filter((s): s is DeliveryStep => s.type === 'delivery');
  // With deliveries ahead, acceptance is not yet the submitter's answer: the deliveries decide it.
  await transition('accepted', null, [newEvent('accepted', 'success')], deliverySteps.length === 0);
  if (deliverySteps.length === 0) return finish(snapshot);

  const deliveryEvents: LeadEvent[] = [];
  for (const step of deliverySteps) {
    deliveryEvents.push(await deliver(input, step));
  }
  const anyDelivered = deliveryEvents.some((e) => e.outcome === 'success');
  const status: LeadStatus = anyDelivered ? 'delivered' : 'delivery_failed';
  const reason = anyDelivered
    ? null
    : (deliveryEvents.find((e) => e.reason)?.reason ?? 'No recipient accepted the lead');
  await transition(status, reason, deliveryEvents, true);
  return finish(snapshot);
}

async function deliver(input: LeadWorkflowInput, step: DeliveryStep): Promise<LeadEvent> {
  const startedAt = new Date().toISOString();
  try {
    const result = await delivery.deliverLead({
      leadId: input.leadId,
      accountId: input.accountId,
      recipientId: step.recipient_id,
      lead: input.lead,
      idempotencyKey: `${input.leadId}:${step.id}`,
      testMode: input.testMode,
    });
    const delivered = result.outcome === 'success';
    return {
      ...newEvent(delivered ? 'delivered' : 'delivery_failed', result.outcome, {
        reason: result.reason ?? undefined,
        recipient_id: step.recipient_id,
        recipient: result.recipientName,
        response_code: result.responseCode ?? undefined,
        duration_ms: result.durationMs,
      }),
      timestamp: startedAt,
    };
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    const cause = err.cause instanceof ApplicationFailure ? err.cause : undefined;
    const lastAttempt = (cause?.details?.[0] ?? {}) as { responseCode?: number; durationMs?: number };
    return {
      ...newEvent('delivery_failed', 'error', {
        reason: cause?.message ?? err.message,
        recipient_id: step.recipient_id,
        response_code: lastAttempt.responseCode,
        duration_ms: lastAttempt.durationMs,
      }),
      timestamp: startedAt,
    };
  }
}

function newEvent(type: LeadEventType, outcome: EventOutcome, extra: Partial<LeadEvent> = {}): LeadEvent {
  const event: LeadEvent = {
    id: `evt_${uuid4().replace(/-/g, '')}`,
    type,
    outcome,
    timestamp: new Date().toISOString(),
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) (event as unknown as Record<string, unknown>)[key] = value;
  }
  return event;
}

function describeMissing(errors: FieldError[]): string {
  return `Missing required fields: ${errors.map((e) => e.field).join(', ')}`;
}

async function finish(snapshot: LeadSnapshot): Promise<LeadSnapshot> {
  // Let a pending await-outcome update return before the run closes.
  await condition(allHandlersFinished);
  return snapshot;
}
