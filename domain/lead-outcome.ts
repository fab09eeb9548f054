// The lead workflow's verdicts that need no I/O: why a lead is rejected, what its deliveries add up
// to. Pure, so the workflow only sequences steps and these are tested alone.
import type { FieldError, LeadEvent, LeadStatus } from './lead.js';

/** The rejection reason for a lead's field errors, e.g. "Missing required fields: email; Invalid fields: phone". */
export function describeFieldErrors(errors: readonly FieldError[]): string {
  const missing = errors.filter((e) => e.code === 'missing_required').map((e) => e.field);
  const invalid = errors.filter((e) => e.code === 'invalid_format').map((e) => e.field);
  return [
    missing.length ? `Missing required fields: ${missing.join(', ')}` : '',
    invalid.length ? `Invalid fields: ${invalid.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** The reason a quality score fails the flow's threshold, or null when it passes (or there is none). */
export function qualityShortfall(score: number, threshold: number | null): string | null {
  if (threshold === null || score >= threshold) return null;
  return `Quality score ${score.toFixed(2)} is below the flow's threshold ${threshold.toFixed(2)}`;
}

/** The sale prices of the delivered events, summed (to 1/10000 of a currency unit). */
export function revenueOf(events: readonly LeadEvent[]): number {
  return roundMoney(
    events.filter((e) => e.type === 'delivered').reduce((sum, e) => sum + Number(e.details?.price ?? 0), 0),
  );
}

export const roundMoney = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * Where a lead stands after its deliveries: delivered when any recipient took it, delivery_failed
 * when some were tried and none took it, still accepted when none could be tried.
 */
export function deliveryOutcome(
  results: readonly LeadEvent[],
  testRun: boolean,
): { status: LeadStatus; reason: string | null } {
  if (results.some((e) => e.type === 'delivered')) return { status: 'delivered', reason: null };
  const attempted = results.filter((e) => e.type === 'delivery_failed');
  if (attempted.length > 0) {
    return {
      status: 'delivery_failed',
      reason: attempted.map((e) => e.reason).find(Boolean) ?? 'No recipient accepted the lead',
    };
  }
  return {
    status: 'accepted',
    reason: testRun
      ? 'Test mode: nothing was sent to recipients'
      : 'No recipient available (step criteria or recipient caps)',
  };
}

/** Each recipient's latest outcome (`<recipient_id>:<event type>`), for the RecipientOutcomes attribute. */
export function recipientOutcomes(previous: readonly string[], events: readonly LeadEvent[]): string[] {
  const outcomes = new Map<string, string>();
  for (const entry of previous) {
    const at = entry.lastIndexOf(':');
    outcomes.set(entry.slice(0, at), entry.slice(at + 1));
  }
  for (const e of events) if (e.recipient_id && e.type !== 'replayed') outcomes.set(e.recipient_id, e.type);
  return [...outcomes].map(([id, outcome]) => `${id}:${outcome}`);
}
