// The enhancement rules on hand-written checks; each expectation is read off the documented rule
// (README "Enhancements", docs/quality-score.md), not computed with the code.
import { describe, expect, it } from 'vitest';
import type { LeadAssessment } from '../../domain/assessment.js';
import { decideEnhancement, duplicateFingerprints, enhancementLookup } from '../../domain/enhancements.js';
import type { EnhancementStep } from '../../domain/flow.js';

const defaults: EnhancementStep['settings'] = {
  require_valid: false,
  check_mx: true,
  reject_disposable: false,
  fields: ['email', 'phone'],
  lookback_days: 30,
  claim_url: null,
  max_age_days: 90,
};
const step = (service: EnhancementStep['service'], settings: Partial<EnhancementStep['settings']> = {}) => ({
  service,
  settings: { ...defaults, ...settings },
});
const checks = (given: Partial<LeadAssessment['checks']>): LeadAssessment['checks'] => ({
  email: null,
  phone: null,
  trustedform: null,
  ...given,
});

const gmail = { valid: true, domain: 'gmail.com', is_free: true, is_disposable: false, is_role: false };

describe('email_validation', () => {
  it('asks for the MX records of a valid address; not with check_mx off or an invalid address', () => {
    expect(enhancementLookup(step('email_validation'), checks({ email: gmail }))).toEqual({
      kind: 'mx',
      domain: 'gmail.com',
    });
    expect(
      enhancementLookup(step('email_validation', { check_mx: false }), checks({ email: gmail })),
    ).toBeNull();
    expect(
      enhancementLookup(step('email_validation'), checks({ email: { ...gmail, valid: false } })),
    ).toBeNull();
  });

  it('a free mailbox with mail servers: valid, deliverable, quality 0.95 (1 − 0.05 free)', () => {
    expect(
      decideEnhancement(step('email_validation'), checks({ email: gmail }), { kind: 'mx', mx: 'valid' }),
    ).toEqual({
      record: {
        status: 'valid',
        deliverable: true,
        quality_score: 0.95,
        mx: 'valid',
        is_free: true,
        is_disposable: false,
        is_role: false,
      },
      rejection: null,
    });
  });

  it('a domain without mail servers: invalid, quality 0, rejected when the step requires validity', () => {
    const decision = decideEnhancement(
      step('email_validation', { require_valid: true }),
      checks({ email: gmail }),
      {
        kind: 'mx',
        mx: 'no_mx',
      },
    );
    expect(decision.record).toMatchObject({ status: 'invalid', deliverable: false, quality_score: 0 });
    expect(decision.rejection).toEqual({ kind: 'enhancement', reason: 'Email failed validation' });
  });

  it('MX not checked: valid, deliverability unknown; a disposable address rejected when asked', () => {
    const disposable = { ...gmail, is_free: false, is_disposable: true };
    const decision = decideEnhancement(
      step('email_validation', { check_mx: false, reject_disposable: true }),
      checks({ email: disposable }),
      null,
    );
    // 1 − 0.2 (mail server unconfirmed) − 0.6 (disposable)
    expect(decision.record).toMatchObject({
      status: 'valid',
      deliverable: null,
      mx: 'skipped',
      quality_score: 0.2,
    });
    expect(decision.rejection).toEqual({ kind: 'enhancement', reason: 'Disposable email address' });
  });

  it('no email: recorded missing, never rejected', () => {
    expect(decideEnhancement(step('email_validation', { require_valid: true }), checks({}), null)).toEqual({
      record: { status: 'missing', deliverable: null },
      rejection: null,
    });
  });
});

describe('phone_validation', () => {
  const phone = { valid: false, type: null, is_tollfree: false, country_code: 'US' };

  it('records the line and never guesses a carrier; an invalid number is rejected only when required', () => {
    expect(enhancementLookup(step('phone_validation'), checks({ phone }))).toBeNull();
    expect(decideEnhancement(step('phone_validation'), checks({ phone }), null)).toEqual({
      record: { status: 'invalid', line_type: null, carrier: null, is_tollfree: false, country_code: 'US' },
      rejection: null,
    });
    expect(
      decideEnhancement(step('phone_validation', { require_valid: true }), checks({ phone }), null).rejection,
    ).toEqual({
      kind: 'enhancement',
      reason: 'Phone failed validation',
    });
  });
});

describe('duplicate_check', () => {
  it('always asks for the configured fields, with the look-back', () => {
    expect(
      enhancementLookup(step('duplicate_check', { fields: ['email', 'zip'], lookback_days: 7 }), checks({})),
    ).toEqual({
      kind: 'duplicates',
      fields: ['email', 'zip'],
      lookbackDays: 7,
    });
  });

  it('fingerprints the named fields that have a text value, lower-cased', () => {
    const normal: Record<string, unknown> = { email: 'Ann@Example.com', phone: '', zip: '12345', age: 40 };
    expect(duplicateFingerprints(['email', 'phone', 'zip', 'age', 'city'], (f) => normal[f])).toEqual([
      { kind: 'email', value: 'ann@example.com' },
      { kind: 'zip', value: '12345' },
    ]);
  });

  it('a match rejects the lead as a duplicate of the earlier one', () => {
    expect(
      decideEnhancement(step('duplicate_check'), checks({}), {
        kind: 'duplicates',
        duplicate: { kind: 'email', duplicateOf: 'lead_01' },
        checked: ['email'],
      }),
    ).toEqual({
      record: { duplicate: true, checked: ['email'] },
      rejection: {
        kind: 'duplicate',
        reason: 'Duplicate of an earlier lead (same email)',
        duplicateOf: 'lead_01',
      },
    });
  });

  it('no match: the lead holds fingerprints only if it had values to check', () => {
    const answer = (checked: string[]) => ({ kind: 'duplicates' as const, duplicate: null, checked });
    expect(decideEnhancement(step('duplicate_check'), checks({}), answer(['email']))).toEqual({
      record: { duplicate: false, checked: ['email'] },
      rejection: null,
      claimedFingerprints: true,
    });
    expect(decideEnhancement(step('duplicate_check'), checks({}), answer([]))).toMatchObject({
      claimedFingerprints: false,
    });
  });
});

describe('trustedform', () => {
  const cert = {
    valid: true,
    cert_url: 'https://cert.trustedform.com/abc',
    cert_id: 'abc',
    age_in_days: null,
  };
  const claimUrl = 'https://claims.example.com/claim';

  it('claims a valid certificate only when the flow names a claim service', () => {
    expect(enhancementLookup(step('trustedform'), checks({ trustedform: cert }))).toBeNull();
    expect(
      enhancementLookup(step('trustedform', { claim_url: claimUrl }), checks({ trustedform: cert })),
    ).toEqual({
      kind: 'trustedform-claim',
      claimUrl,
      certUrl: 'https://cert.trustedform.com/abc',
    });
    const invalid = checks({ trustedform: { ...cert, valid: false } });
    expect(enhancementLookup(step('trustedform', { claim_url: claimUrl }), invalid)).toBeNull();
  });

  it('a certificate older than the flow accepts fails, naming its age', () => {
    expect(
      decideEnhancement(
        step('trustedform', { claim_url: claimUrl, require_valid: true, max_age_days: 30 }),
        checks({ trustedform: cert }),
        {
          kind: 'trustedform-claim',
          claim: { status: 'claimed', ageInDays: 45, expiresAt: '2027-01-01T00:00:00Z', reason: null },
        },
      ),
    ).toEqual({
      record: {
        status: 'invalid',
        cert_id: 'abc',
        age_in_days: 45,
        claim: { status: 'claimed', expires_at: '2027-01-01T00:00:00Z' },
      },
      rejection: { kind: 'enhancement', reason: 'TrustedForm certificate is 45 days old (max 30)' },
    });
  });

  it('a young claimed certificate is valid; a refused or failed claim makes it invalid', () => {
    const settings = { claim_url: claimUrl, require_valid: true };
    const young = decideEnhancement(step('trustedform', settings), checks({ trustedform: cert }), {
      kind: 'trustedform-claim',
      claim: { status: 'claimed', ageInDays: 2, expiresAt: null, reason: null },
    });
    expect(young).toMatchObject({ record: { status: 'valid', age_in_days: 2 }, rejection: null });
    const refused = decideEnhancement(step('trustedform', settings), checks({ trustedform: cert }), {
      kind: 'trustedform-claim',
      claim: { status: 'rejected', ageInDays: null, expiresAt: null, reason: 'Claim refused (HTTP 404)' },
    });
    expect(refused.rejection?.reason).toBe('Claim refused (HTTP 404)');
    const failed = decideEnhancement(step('trustedform', settings), checks({ trustedform: cert }), {
      kind: 'trustedform-claim',
      claim: 'error',
    });
    expect(failed.record).toEqual({
      status: 'invalid',
      cert_id: 'abc',
      age_in_days: null,
      claim: { status: 'error' },
    });
    expect(failed.rejection?.reason).toBe('TrustedForm claim could not be made');
  });

  it('a missing certificate is rejected only when required; a malformed one is invalid', () => {
    expect(decideEnhancement(step('trustedform'), checks({}), null)).toEqual({
      record: { status: 'missing' },
      rejection: null,
    });
    expect(
      decideEnhancement(step('trustedform', { require_valid: true }), checks({}), null).rejection?.reason,
    ).toBe('TrustedForm certificate missing');
    const malformed = decideEnhancement(
      step('trustedform', { require_valid: true }),
      checks({ trustedform: { valid: false, cert_url: 'x', cert_id: null, age_in_days: null } }),
      null,
    );
    expect(malformed.record).toEqual({ status: 'invalid', cert_id: null, age_in_days: null });
    expect(malformed.rejection?.reason).toBe('TrustedForm certificate URL is invalid');
  });
});
