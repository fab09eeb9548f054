import { describe, expect, it } from 'vitest';
import type { LeadEvent } from '../../domain/lead.js';
import {
  deliveryOutcome,
  describeFieldErrors,
  qualityShortfall,
  recipientOutcomes,
  revenueOf,
} from '../../domain/lead-outcome.js';

const at = '2026-12-01T00:00:00.000Z';
const delivered = (recipient: string, price: number): LeadEvent => ({
  id: `evt_${recipient}`,
  type: 'delivered',
  outcome: 'success',
  timestamp: at,
  recipient_id: recipient,
  details: { price },
});
const failed = (recipient: string, reason?: string): LeadEvent => ({
  id: `evt_f_${recipient}`,
  type: 'delivery_failed',
  outcome: 'failure',
  timestamp: at,
  recipient_id: recipient,
  reason,
});
const skipped = (recipient: string): LeadEvent => ({
  id: `evt_s_${recipient}`,
  type: 'skipped',
  outcome: 'skip',
  timestamp: at,
  recipient_id: recipient,
});

describe('lead outcome rules', () => {
  it('names missing and invalid fields in one reason', () => {
    expect(
      describeFieldErrors([
        { field: 'email', code: 'missing_required', message: 'Email is required' },
        { field: 'phone', code: 'invalid_format', message: 'Phone is invalid' },
        { field: 'zip', code: 'missing_required', message: 'Zip is required' },
      ]),
    ).toBe('Missing required fields: email, zip; Invalid fields: phone');
    expect(describeFieldErrors([{ field: 'dob', code: 'invalid_format', message: 'x' }])).toBe(
      'Invalid fields: dob',
    );
  });

  it('a score below the threshold falls short, with both to two decimals; at or above, or no threshold, passes', () => {
    expect(qualityShortfall(0.456, 0.5)).toBe("Quality score 0.46 is below the flow's threshold 0.50");
    expect(qualityShortfall(0.5, 0.5)).toBeNull();
    expect(qualityShortfall(0.1, null)).toBeNull();
  });

  it('revenue sums the sale prices of deliveries only, to four decimals', () => {
    expect(revenueOf([delivered('a', 1.1), delivered('b', 2.20005), failed('c')])).toBe(3.3001);
    expect(revenueOf([failed('a')])).toBe(0);
  });

  it('delivered if any recipient took it; delivery_failed naming the first reason; else still accepted', () => {
    expect(deliveryOutcome([failed('a', 'HTTP 500'), delivered('b', 1)], false)).toEqual({
      status: 'delivered',
      reason: null,
    });
    expect(deliveryOutcome([skipped('x'), failed('a'), failed('b', 'timeout')], false)).toEqual({
      status: 'delivery_failed',
      reason: 'timeout',
    });
    expect(deliveryOutcome([failed('a')], false).reason).toBe('No recipient accepted the lead');
    expect(deliveryOutcome([skipped('x')], false)).toEqual({
      status: 'accepted',
      reason: 'No recipient available (step criteria or recipient caps)',
    });
    expect(deliveryOutcome([skipped('x')], true).reason).toBe('Test mode: nothing was sent to recipients');
  });

  it("keeps each recipient's latest outcome, in first-seen order", () => {
    const first = recipientOutcomes([], [failed('rcp_a'), failed('rcp_b')]);
    expect(first).toEqual(['rcp_a:delivery_failed', 'rcp_b:delivery_failed']);
    expect(recipientOutcomes(first, [delivered('rcp_b', 1)])).toEqual([
      'rcp_a:delivery_failed',
      'rcp_b:delivered',
    ]);
  });
});
