import { describe, expect, it } from 'vitest';
import { fromLegacyEvaluation, summarizeEvaluation } from '../../domain/assessment.js';
import { assignIds, FlowConfigSchema } from '../../domain/flow.js';
import { evaluateLead } from '../../domain/pipeline.js';

// What a lead run keeps of its evaluation in history: the decisions and the few facts its steps use,
// never the lead's contact data (the evaluated lead itself is stored in Postgres and read by id).

const flow = assignIds(
  FlowConfigSchema.parse({
    fields: [
      { name: 'email', type: 'email', required: true },
      { name: 'ssn', type: 'ssn' },
      { name: 'password', type: 'credential' },
    ],
    settings: { acceptance_criteria: 'lead.age >= 21' },
    steps: [
      { type: 'filter', criteria: 'lead.state == "TX"', outcome: 'failure', reason: 'No Texas' },
      { type: 'delivery', recipient_id: 'rcp_1', criteria: 'lead.state == "NY"' },
    ],
  }),
);
const lead = {
  first_name: 'Grace',
  last_name: 'Hopper',
  email: 'Grace.Hopper@Gmail.com',
  phone: '(212) 555-0147',
  state: 'NY',
  age: '45',
  ssn: '287-65-4320',
  password: 'hunter2',
  trustedform_cert_url: 'https://cert.trustedform.com/0123456789abcdef0123456789abcdef01234567',
};

describe('the assessment a run keeps of its evaluation', () => {
  const evaluation = evaluateLead({
    flow,
    lead,
    source: 'web',
    campaign: null,
    receivedAt: '2026-01-05T12:00:00Z',
  });
  const assessment = summarizeEvaluation(evaluation);

  it('keeps the decisions of the evaluation as they are', () => {
    expect(assessment).toMatchObject({
      errors: evaluation.errors,
      acceptance: { pass: true, reason: null },
      filterMatches: evaluation.filterMatches,
      deliveryMatches: evaluation.deliveryMatches,
      flowCaps: evaluation.flowCaps,
      purchasePrice: evaluation.purchasePrice,
      quality: evaluation.quality,
    });
    expect(Object.values(assessment.filterMatches)).toEqual([false]);
    expect(Object.values(assessment.deliveryMatches)).toEqual([true]);
  });

  it('keeps what the enhancement steps read: email and phone checks, the certificate', () => {
    expect(assessment.checks.email).toEqual({
      valid: true,
      domain: 'gmail.com',
      is_free: true,
      is_disposable: false,
      is_role: false,
    });
    expect(assessment.checks.phone).toMatchObject({ valid: true, country_code: 'US', is_tollfree: false });
    expect(assessment.checks.trustedform).toMatchObject({
      valid: true,
      cert_url: 'https://cert.trustedform.com/0123456789abcdef0123456789abcdef01234567',
      cert_id: '0123456789abcdef0123456789abcdef01234567',
    });
  });

  it('holds no contact data, only the real values of the sensitive fields (which Postgres masks)', () => {
    const json = JSON.stringify(assessment);
    for (const personal of ['Grace', 'Hopper', 'grace.hopper', '2125550147', '555-0147'])
      expect(json.toLowerCase()).not.toContain(personal.toLowerCase());
    expect(assessment.sensitive).toEqual({ ssn: '287654320', password: 'hunter2' });
    expect(evaluation.storable.normalized.ssn).toBe('*********');
    // Far smaller than the evaluation it summarises.
    expect(json.length).toBeLessThan(JSON.stringify(evaluation).length / 2);
  });

  it('reads an evaluation recorded by an older run the same way, keeping it for that run', () => {
    const legacy = fromLegacyEvaluation(evaluation);
    expect(legacy.legacy).toBe(evaluation);
    const { legacy: _, ...rest } = legacy;
    expect(rest).toEqual(assessment);
    // Recorded before sensitive fields were masked: nothing to tell apart.
    const { storable: __, ...older } = evaluation;
    expect(summarizeEvaluation(older).sensitive).toEqual({});
  });

  it('says null for checks whose field the lead does not have', () => {
    const bare = summarizeEvaluation(
      evaluateLead({
        flow,
        lead: { email: 'x@example.com' },
        source: null,
        campaign: null,
        receivedAt: '2026-01-05T12:00:00Z',
      }),
    );
    expect(bare.checks.phone).toBeNull();
    expect(bare.checks.trustedform).toBeNull();
    expect(bare.sensitive).toEqual({});
  });
});
