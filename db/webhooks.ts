import { preparedStatement, type Queryable } from './pool.js';

export async function recordWebhookAttempt(
  db: Queryable,
  attempt: {
    id: string;
    accountId: string;
    leadId: string | null;
    eventType: string;
    url: string;
    status: 'pending' | 'delivered' | 'failed';
    responseCode: number | null;
    error: string | null;
  },
): Promise<void> {
  await db.query(
    attemptStatement([
      attempt.id,
      attempt.accountId,
      attempt.leadId,
      attempt.eventType,
      attempt.url,
      attempt.status,
      attempt.responseCode,
      attempt.error,
    ]),
  );
}

const attemptStatement = preparedStatement(
  'webhook_attempt',
  `INSERT INTO webhook_deliveries (id, account_id, lead_id, event_type, url, status, attempts, response_code, last_error)
     VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, attempts = webhook_deliveries.attempts + 1,
       response_code = EXCLUDED.response_code, last_error = EXCLUDED.last_error, updated_at = now()`,
);

/**
 * Marks a webhook failed for good (after its last retry). Not an attempt itself: the count and the last
 * response code stay as the attempts left them.
 */
export async function markWebhookDeliveryFailed(
  db: Queryable,
  webhook: { id: string; accountId: string; leadId: string | null; eventType: string; url: string },
  error: string,
): Promise<void> {
  await db.query(
    `INSERT INTO webhook_deliveries (id, account_id, lead_id, event_type, url, status, attempts, last_error)
     VALUES ($1, $2, $3, $4, $5, 'failed', 0, $6)
     ON CONFLICT (id) DO UPDATE SET status = 'failed', last_error = EXCLUDED.last_error, updated_at = now()`,
    [webhook.id, webhook.accountId, webhook.leadId, webhook.eventType, webhook.url, error],
  );
}

export async function listWebhookDeliveries(db: Queryable, leadId: string) {
  const { rows } = await db.query<{
    id: string;
    event_type: string;
    status: string;
    attempts: number;
    response_code: number | null;
  }>(
    'SELECT id, event_type, status, attempts, response_code FROM webhook_deliveries WHERE lead_id = $1 ORDER BY created_at',
    [leadId],
  );
  return rows;
}
