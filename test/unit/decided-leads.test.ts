import { describe, expect, it } from 'vitest';
import { DecidedLeads } from '../../api/decided-leads.js';
import type { LeadSnapshot } from '../../workflows/shared.js';

const snapshot = (id: string) => ({ id, status: 'delivered' }) as LeadSnapshot;

describe('DecidedLeads: submissions waiting in this process for their run’s decided write', () => {
  it('answers every submission waiting for the lead, and forgets the lead', async () => {
    const decided = new DecidedLeads();
    const a = decided.expect('lead_1');
    const b = decided.expect('lead_1');
    const other = decided.expect('lead_2');
    decided.notify('lead_1', snapshot('lead_1'));
    await expect(a.decided).resolves.toEqual(snapshot('lead_1'));
    await expect(b.decided).resolves.toEqual(snapshot('lead_1'));
    expect(decided.size).toBe(1);
    other.stop();
    expect(decided.size).toBe(0);
  });

  it('a submission that stopped waiting leaves the others listening; a notice nobody waits for is dropped', async () => {
    const decided = new DecidedLeads();
    const gone = decided.expect('lead_1');
    const staying = decided.expect('lead_1');
    gone.stop();
    decided.notify('lead_9', snapshot('lead_9'));
    decided.notify('lead_1', snapshot('lead_1'));
    await expect(staying.decided).resolves.toMatchObject({ id: 'lead_1' });
    staying.stop();
    expect(decided.size).toBe(0);
  });
});
