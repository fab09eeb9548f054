import { preparedStatement, type Queryable } from './pool.js';

/**
 * Binds an idempotency key to a lead id. Returns the lead id that owns the key: `leadId` when this
 * call won, or the earlier lead's id (with its request hash) when the key was already taken.
 */
export async function claimSubmission(
  db: Queryable,
  input: { accountId: string; flowId: string; key: string; leadId: string; requestHash: Buffer },
): Promise<{ leadId: string; fresh: boolean; sameRequest: boolean }> {
  const inserted = await db.query(
    claimStatement([input.accountId, input.flowId, input.key, input.leadId, input.requestHash]),
  );
  if (inserted.rowCount === 1) return { leadId: input.leadId, fresh: true, sameRequest: true };
  const { rows } = await db.query<{ lead_id: string; request_hash: Buffer }>(
    claimedStatement([input.accountId, input.flowId, input.key]),
  );
  const existing = rows[0]!;
  return {
    leadId: existing.lead_id,
    fresh: false,
    sameRequest: existing.request_hash.equals(input.requestHash),
  };
}

// Every submission with an Idempotency-Key claims it; a resubmission reads the claim.
const claimStatement = preparedStatement(
  'submission_claim',
  `INSERT INTO lead_submissions (account_id, flow_id, idempotency_key, lead_id, request_hash)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
);
const claimedStatement = preparedStatement(
  'submission_claimed',
  'SELECT lead_id, request_hash FROM lead_submissions WHERE account_id = $1 AND flow_id = $2 AND idempotency_key = $3',
);
