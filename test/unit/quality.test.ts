import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../domain/fields/index.js';
import { normalizeLead, parsePhone, parsePostalCode } from '../../domain/fields/index.js';
import {
  isLikelyFakePhone,
  overallScore,
  qualityMetrics,
  statesForPostalCode,
} from '../../domain/quality.js';

const now = new Date('2024-06-15T12:00:00Z');
const CERT = 'https://cert.trustedform.com/0123456789abcdef0123456789abcdef01234567';

function score(lead: Record<string, unknown>, fields: FieldDefinition[] = [], expected_fields?: string[]) {
  const { values, definitions } = normalizeLead(fields, lead, now);
  return qualityMetrics({ values, definitions, ...(expected_fields ? { expected_fields } : {}) });
}

const GOOD = {
  first_name: 'John',
  last_name: 'Doe',
  email: 'john.doe@gmail.com',
  phone: '(212) 736-5000',
  postal_code: '10001',
  state: 'NY',
  ip_address: '8.8.8.8',
  trustedform_cert_url: CERT,
};

describe('qualityMetrics', () => {
  it('gives a complete, valid, low-risk lead a perfect score', () => {
    expect(score(GOOD)).toEqual({
      overall_score: 1,
      completeness: 1,
      accuracy: 1,
      fraud_risk: 0,
      factors: [],
    });
  });

  it('keeps every metric in [0, 1] with 2 decimals, even for an empty lead', () => {
    const empty = score({});
    expect(empty).toMatchObject({ completeness: 0, accuracy: 1, fraud_risk: 0.1 });
    expect(empty.overall_score).toBe(0.45); // (0.5 × 0 + 0.5 × 1) × (1 − 0.1)
    const awful = score({
      email: 'info@mailinator.com',
      phone: '212-555-0123',
      state: 'CA',
      postal_code: '10001',
      trustedform_cert_url: 'https://example.com/cert',
      ip_address: '10.0.0.1',
    });
    for (const metric of [awful.overall_score, awful.completeness, awful.accuracy, awful.fraud_risk]) {
      expect(metric).toBeGreaterThanOrEqual(0);
      expect(metric).toBeLessThanOrEqual(1);
      expect(Math.round(metric * 100) / 100).toBe(metric);
    }
    expect(awful.fraud_risk).toBe(1);
    expect(awful.overall_score).toBe(0);
  });

  it('measures completeness against the expected fields, valid or not', () => {
    const result = score(
      { email: 'not-an-email', phone: '2127365000' },
      [],
      ['email', 'phone', 'first_name', 'city'],
    );
    expect(result.completeness).toBe(0.5);
    expect(result.factors.filter((f) => f.metric === 'completeness')).toEqual([
      {
        code: 'field_missing',
        metric: 'completeness',
        field: 'first_name',
        message: 'first_name is missing',
        impact: 0.25,
      },
      {
        code: 'field_missing',
        metric: 'completeness',
        field: 'city',
        message: 'city is missing',
        impact: 0.25,
      },
    ]);
  });

  it('uses the default expected fields when the flow gives none', () => {
    expect(
      score({ first_name: 'A', last_name: 'B', email: 'a@b.com', ip_address: '8.8.8.8' }).completeness,
    ).toBe(0.6);
  });

  it('measures accuracy over the typed fields present', () => {
    const result = score({ ...GOOD, email: 'john@', postal_code: 'ABCDE', dob: '2/30/1990', age: 'old' });
    // Typed and present: email ✗, phone ✓, postal_code ✗, state ✓, ip ✓, trustedform ✓, dob ✗, age ✗
    expect(result.accuracy).toBe(0.5);
    expect(result.factors.filter((f) => f.metric === 'accuracy').map((f) => [f.code, f.field])).toEqual([
      ['email_invalid', 'email'],
      ['field_invalid', 'postal_code'],
      ['field_invalid', 'dob'],
      ['field_invalid', 'age'],
    ]);
  });

  it('does not count plain strings toward accuracy', () => {
    expect(score({ first_name: '???', ip_address: '8.8.8.8' }).accuracy).toBe(1);
  });

  it('counts a disposable email against accuracy and fraud risk', () => {
    const result = score({ ...GOOD, email: 'john@mailinator.com' });
    expect(result.accuracy).toBe(0.83); // 5 of 6 typed fields
    expect(result.fraud_risk).toBe(0.4);
    expect(result.overall_score).toBe(0.55); // (0.5 × 1 + 0.5 × 0.83) × 0.6
    expect(result.factors).toContainEqual({
      code: 'email_disposable',
      metric: 'fraud_risk',
      field: 'email',
      message: 'email is a disposable address',
      impact: 0.4,
    });
  });

  it('flags role emails, fake phones and a state that does not match the ZIP', () => {
    const result = score({ ...GOOD, email: 'sales@acme-widgets.com', phone: '212-555-0123', state: 'CA' });
    expect(result.factors.filter((f) => f.metric === 'fraud_risk').map((f) => f.code)).toEqual([
      'email_role',
      'phone_fake',
      'state_postal_mismatch',
    ]);
    expect(result.fraud_risk).toBe(0.55);
    expect(result.factors.find((f) => f.code === 'state_postal_mismatch')?.message).toBe(
      'state CA does not match postal_code 10001 (NY)',
    );
  });

  it('checks Canadian postal codes against the province', () => {
    expect(score({ ...GOOD, state: 'ON', postal_code: 'K1A 0B6' }).fraud_risk).toBe(0);
    expect(score({ ...GOOD, state: 'QC', postal_code: 'K1A 0B6' }).fraud_risk).toBe(0.2);
    expect(score({ ...GOOD, state: 'NY', postal_code: 'SW1A 1AA' }).fraud_risk).toBe(0); // not checked
  });

  it('weighs TrustedForm: invalid when given, missing when expected', () => {
    const invalid = score({ ...GOOD, trustedform_cert_url: 'https://cert.trustedform.com/nope' });
    expect(invalid.fraud_risk).toBe(0.3);
    expect(invalid.factors.map((f) => f.code)).toContain('trustedform_invalid');

    const { trustedform_cert_url: _, ...withoutCert } = GOOD;
    expect(score(withoutCert).fraud_risk).toBe(0);
    const expected = ['first_name', 'last_name', 'email', 'phone', 'postal_code', 'trustedform_cert_url'];
    const missing = score(withoutCert, [], expected);
    expect(missing.fraud_risk).toBe(0.2);
    expect(missing.factors.map((f) => f.code)).toEqual(['field_missing', 'trustedform_missing']);
  });

  it('weighs a missing or non-public IP address', () => {
    const { ip_address: _, ...withoutIp } = GOOD;
    expect(score(withoutIp).factors).toEqual([
      { code: 'ip_missing', metric: 'fraud_risk', message: 'no IP address', impact: 0.1 },
    ]);
    expect(score({ ...GOOD, ip_address: '192.168.1.20' }).factors).toEqual([
      {
        code: 'ip_not_public',
        metric: 'fraud_risk',
        field: 'ip_address',
        message: 'ip_address is not a public IP address',
        impact: 0.1,
      },
    ]);
  });

  it('reproduces the API reference example from its components', () => {
    // The reference's quality_metrics: completeness 0.9, accuracy 0.88, fraud_risk 0.05, overall 0.85.
    expect(overallScore({ completeness: 0.9, accuracy: 0.88, fraud_risk: 0.05 })).toBe(0.85);
    expect(overallScore({ completeness: 1, accuracy: 1, fraud_risk: 0 })).toBe(1);
    expect(overallScore({ completeness: 0, accuracy: 1, fraud_risk: 0.1 })).toBe(0.45);
  });

  it('is deterministic', () => {
    const runs = new Set(
      Array.from({ length: 3 }, () => JSON.stringify(score({ ...GOOD, email: 'x@mailinator.com' }))),
    );
    expect(runs.size).toBe(1);
  });
});

describe('isLikelyFakePhone', () => {
  it('flags fictional, repeated and sequential numbers', () => {
    for (const raw of ['212-555-0123', '(212) 555-1212', '222-222-2222', '212-999-9999', '123-456-7890']) {
      expect(isLikelyFakePhone(parsePhone(raw)), raw).toBe(true);
    }
  });

  it('leaves ordinary and non-NANP numbers alone', () => {
    for (const raw of ['(212) 736-5000', '+44 20 7946 0958', '1-800-275-2273', 'garbage']) {
      expect(isLikelyFakePhone(parsePhone(raw)), raw).toBe(false);
    }
  });
});

describe('statesForPostalCode', () => {
  it('knows US ZIPs and Canadian districts', () => {
    expect(statesForPostalCode(parsePostalCode('90210'))).toEqual(['CA']);
    expect(statesForPostalCode(parsePostalCode('10001-1234'))).toEqual(['NY']);
    expect(statesForPostalCode(parsePostalCode('H2X 1Y4'))).toEqual(['QC']);
    expect(statesForPostalCode(parsePostalCode('X0A 0H0'))).toEqual(['NT', 'NU']);
    expect(statesForPostalCode(parsePostalCode('SW1A 1AA'))).toBeNull();
    expect(statesForPostalCode(parsePostalCode('nope'))).toBeNull();
  });
});
