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

const EVENT_TYPES = { conversion: 'converted', return: 'returned' } as const;

/**
 * Records a buyer's feedback as a lead event, at most once per lead, recipient and type (a repeat,
 * e.g. a retried request, changes nothing). A return also deducts its amount from the lead's revenue.
 */
export async function recordFeedback(
  pool: Pool,
  input: FeedbackInput,
): Promise<'recorded' | 'already_recorded'> {
  return withTransaction(pool, async (tx) => {
    // Serialise feedback per lead so two of the same kind cannot both count.
    await tx.query('SELECT 1 FROM leads WHERE id = $1 FOR UPDATE', [input.leadId]);
    const { rowCount } = await tx.query(
      'SELECT 1 FROM lead_events WHERE lead_id = $1 AND type = $2 AND recipient_id IS NOT DISTINCT FROM $3',
      [input.leadId, EVENT_TYPES[input.type], input.recipientId],
    );
    if (rowCount) return 'already_recorded';
    if (input.type === 'return') {
      await tx.query(
        'UPDATE leads SET revenue = greatest(revenue - $2, 0), updated_at = now() WHERE id = $1',
        [input.leadId, input.amount],
      );
    }
    const event: LeadEvent = {
      id: input.eventId,
      type: EVENT_TYPES[input.type],
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

/** The feedback of this type a recipient already gave on a lead, if any (its event). */
export async function findFeedback(
  pool: Pool,
  leadId: string,
  type: FeedbackInput['type'],
  recipientId: string | null,
): Promise<{ id: string; reason: string | null; amount: number; created_at: string } | null> {
  const { rows } = await pool.query(
    `SELECT id, reason, coalesce((details->>'amount')::numeric, 0) AS amount, started_at
       FROM lead_events WHERE lead_id = $1 AND type = $2 AND recipient_id IS NOT DISTINCT FROM $3
      ORDER BY started_at LIMIT 1`,
    [leadId, EVENT_TYPES[type], recipientId],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        reason: row.reason,
        amount: Number(row.amount),
        created_at: new Date(row.started_at).toISOString(),
      }
    : null;
}
