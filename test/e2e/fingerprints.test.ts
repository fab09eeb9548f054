// The duplicate check's claim on a lead's values (db/fingerprints.ts, one round trip to the
// claim_lead_fingerprints function): every value or none, idempotent for the same lead, expired claims
// taken over, and two racing leads never both get a value.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { claimFingerprints, type Fingerprint } from '../../db/fingerprints.js';
import { createPool, type Pool } from '../../db/pool.js';
import { newId } from '../../lib/ids.js';

let pool: Pool;
beforeAll(() => {
  pool = createPool(inject('databaseUrl'), 4);
});
afterAll(async () => {
  await pool.end();
});

const at = '2026-12-07T12:00:00.000Z';
const claim = (flowId: string, leadId: string, fingerprints: Fingerprint[], when = at, lookbackDays = 30) =>
  claimFingerprints(pool, { flowId, leadId, fingerprints, lookbackDays, at: when });
const holders = async (flowId: string) =>
  (
    await pool.query<{ kind: string; lead_id: string }>(
      'SELECT kind, lead_id FROM lead_fingerprints WHERE flow_id = $1 ORDER BY kind, lead_id',
      [flowId],
    )
  ).rows;

describe('claimFingerprints', () => {
  it('a lead claims all its values; a later lead sharing one is a duplicate of it and claims nothing', async () => {
    const flow = newId('flow');
    const email = { kind: 'email', value: 'ann@example.com' };
    const phone = { kind: 'phone', value: '+14155550100' };
    const otherEmail = { kind: 'email', value: 'ann.other@example.com' };
    expect(await claim(flow, 'lead_a', [email, phone])).toBeNull();
    // Its new email is claimed before its phone is found held (kind order): that claim is rolled back.
    expect(await claim(flow, 'lead_b', [phone, otherEmail])).toEqual({
      duplicateOf: 'lead_a',
      kind: 'phone',
    });
    expect(await holders(flow)).toEqual([
      { kind: 'email', lead_id: 'lead_a' },
      { kind: 'phone', lead_id: 'lead_a' },
    ]);
    // The email lead_b did not keep is free for the next lead.
    expect(await claim(flow, 'lead_c', [otherEmail])).toBeNull();
  });

  it('is idempotent for the same lead (a retried activity), and flows do not share values', async () => {
    const flow = newId('flow');
    const email = { kind: 'email', value: 'bo@example.com' };
    expect(await claim(flow, 'lead_a', [email])).toBeNull();
    expect(await claim(flow, 'lead_a', [email])).toBeNull();
    expect(await claim(newId('flow'), 'lead_b', [email])).toBeNull();
    expect(await holders(flow)).toEqual([{ kind: 'email', lead_id: 'lead_a' }]);
  });

  it('a claim older than the lookback is taken over; one inside it is not', async () => {
    const flow = newId('flow');
    const email = { kind: 'email', value: 'cy@example.com' };
    expect(await claim(flow, 'lead_old', [email], '2026-11-01T00:00:00.000Z')).toBeNull();
    expect(await claim(flow, 'lead_new', [email], at, 60)).toEqual({
      duplicateOf: 'lead_old',
      kind: 'email',
    });
    expect(await claim(flow, 'lead_new', [email], at, 30)).toBeNull();
    expect(await holders(flow)).toEqual([{ kind: 'email', lead_id: 'lead_new' }]);
  });

  it('leads racing for the same values: exactly one claims them, the others are its duplicates', async () => {
    const flow = newId('flow');
    const values = [
      { kind: 'email', value: 'di@example.com' },
      { kind: 'phone', value: '+14155550123' },
    ];
    const leads = Array.from({ length: 8 }, (_, i) => `lead_${i}`);
    // Half the leads list the values in the other order, so their claims cross.
    const results = await Promise.all(
      leads.map((lead, i) => claim(flow, lead, i % 2 ? [...values].reverse() : values)),
    );
    const winners = leads.filter((_, i) => results[i] === null);
    expect(winners).toHaveLength(1);
    for (const result of results) if (result) expect(result.duplicateOf).toBe(winners[0]);
    expect((await holders(flow)).map((h) => h.lead_id)).toEqual([winners[0], winners[0]]);
  });
});
