import { createHash } from 'node:crypto';
import { type Pool, preparedStatement } from './pool.js';

export interface Fingerprint {
  kind: string;
  value: string;
}

const hash = (f: Fingerprint) => createHash('sha256').update(`${f.kind}:${f.value}`).digest();

/**
 * Claims the lead's normalised values (email, phone, ...) in the flow. If another lead claimed one of
 * them within the lookback, nothing is claimed and that lead is returned: this lead is a duplicate.
 * Race-safe (unique key + conditional upsert) and idempotent for the same lead.
 */
export async function claimFingerprints(
  pool: Pool,
  input: { leadId: string; flowId: string; fingerprints: Fingerprint[]; lookbackDays: number; at: string },
): Promise<{ duplicateOf: string; kind: string } | null> {
  if (input.fingerprints.length === 0) return null;
  // One round trip: claim_lead_fingerprints (db/migrations) claims every value or none. In one order
  // (kind, then hash) for every lead, so two leads sharing values never deadlock on their claims.
  const claims = input.fingerprints
    .map((f) => ({ kind: f.kind, hash: hash(f) }))
    .sort((a, b) => (a.kind === b.kind ? Buffer.compare(a.hash, b.hash) : a.kind < b.kind ? -1 : 1));
  const { rows } = await pool.query<{ duplicate_of: string | null; duplicate_kind: string | null }>(
    claimStatement([
      input.flowId,
      input.leadId,
      claims.map((c) => c.kind),
      claims.map((c) => c.hash),
      input.at,
      input.lookbackDays,
    ]),
  );
  const [row] = rows;
  return row?.duplicate_of ? { duplicateOf: row.duplicate_of, kind: row.duplicate_kind ?? 'unknown' } : null;
}

const claimStatement = preparedStatement(
  'claim_lead_fingerprints',
  'SELECT duplicate_of, duplicate_kind FROM claim_lead_fingerprints($1, $2, $3, $4, $5, $6)',
);

/** A rejected lead gives its values back, so a corrected resubmission is not a duplicate of it. */
export async function releaseFingerprints(pool: Pool, leadId: string): Promise<void> {
  await pool.query('DELETE FROM lead_fingerprints WHERE lead_id = $1', [leadId]);
}
