import type { LeadEvent } from '../domain/lead.js';
import { insertEvents } from './leads.js';
import { type Pool, withTransaction } from './pool.js';

export interface FeedbackInput {
  eventId: string;
  leadId: string;
  accountId: string;
  flowId: string;
  type: 'conversion' | 'return';
  recipientId: string | null;
  reason: string | null;
  /** For a return: the revenue given back (the sale price of that delivery). */
  amount: number;
  at: string;
}

/**
 * Records a buyer's feedback as a lead event. A return also deducts its amount from the lead's
 * revenue; a recipient can return a lead once.
 */
export async function recordFeedback(
  pool: Pool,
  input: FeedbackInput,
): Promise<'recorded' | 'already_returned'> {
  return withTransaction(pool, async (tx) => {
    // Serialise feedback per lead so two returns cannot both deduct.
    await tx.query('SELECT 1 FROM leads WHERE id = $1 FOR UPDATE', [input.leadId]);
    if (input.type === 'return') {
      const { rowCount } = await tx.query(
        `SELECT 1 FROM lead_events WHERE lead_id = $1 AND type = 'returned' AND recipient_id IS NOT DISTINCT FROM $2`,
        [input.leadId, input.recipientId],
      );
      if (rowCount) return 'already_returned';
      await tx.query(
        'UPDATE leads SET revenue = greatest(revenue - $2, 0), updated_at = now() WHERE id = $1',
        [input.leadId, input.amount],
      );
    }
    const event: LeadEvent = {
      id: input.eventId,
      type: input.type === 'conversion' ? 'converted' : 'returned',
      outcome: 'success',
      timestamp: input.at,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.recipientId ? { recipient_id: input.recipientId } : {}),
      details: input.type === 'return' ? { amount: input.amount } : {},
    };
    await insertEvents(tx, input, [event]);
    return 'recorded';
  });
}
