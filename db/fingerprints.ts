import { createHash } from 'node:crypto';
import { type Pool, withTransaction } from './pool.js';

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
  try {
    await withTransaction(pool, async (tx) => {
      for (const fingerprint of input.fingerprints) {
        const claimed = await tx.query(
          `INSERT INTO lead_fingerprints (flow_id, kind, value_hash, lead_id, seen_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (flow_id, kind, value_hash) DO UPDATE SET lead_id = EXCLUDED.lead_id, seen_at = EXCLUDED.seen_at
           WHERE lead_fingerprints.lead_id = EXCLUDED.lead_id
              OR lead_fingerprints.seen_at < EXCLUDED.seen_at - make_interval(days => $6)
         RETURNING lead_id`,
          [input.flowId, fingerprint.kind, hash(fingerprint), input.leadId, input.at, input.lookbackDays],
        );
        if (claimed.rowCount === 0) {
          const { rows } = await tx.query<{ lead_id: string }>(
            'SELECT lead_id FROM lead_fingerprints WHERE flow_id = $1 AND kind = $2 AND value_hash = $3',
            [input.flowId, fingerprint.kind, hash(fingerprint)],
          );
          // Roll back the values claimed so far: a duplicate claims nothing.
          throw new Duplicate(rows[0]?.lead_id ?? 'unknown', fingerprint.kind);
        }
      }
    });
    return null;
  } catch (err) {
    if (err instanceof Duplicate) return { duplicateOf: err.leadId, kind: err.kind };
    throw err;
  }
}

class Duplicate extends Error {
  constructor(
    readonly leadId: string,
    readonly kind: string,
  ) {
    super('duplicate');
  }
}

/** A rejected lead gives its values back, so a corrected resubmission is not a duplicate of it. */
export async function releaseFingerprints(pool: Pool, leadId: string): Promise<void> {
  await pool.query('DELETE FROM lead_fingerprints WHERE lead_id = $1', [leadId]);
}
