import { describe, expect, it } from 'vitest';
import { type EmailCheck, emailQualityScore } from '../../domain/email-quality.js';

const good: EmailCheck = { valid: true, mx: 'valid', isFree: false, isDisposable: false, isRole: false };

describe('email quality score', () => {
  it('is 1 for a valid business address with a confirmed mail server', () => {
    expect(emailQualityScore(good)).toBe(1);
  });

  it('is 0 when the address cannot receive mail', () => {
    expect(emailQualityScore({ ...good, valid: false })).toBe(0);
    expect(emailQualityScore({ ...good, mx: 'no_mx' })).toBe(0);
    expect(emailQualityScore({ ...good, mx: 'no_domain' })).toBe(0);
  });

  it('loses the documented amounts for what lowers trust', () => {
    expect(emailQualityScore({ ...good, mx: 'skipped' })).toBe(0.8);
    expect(emailQualityScore({ ...good, mx: 'unknown' })).toBe(0.8);
    expect(emailQualityScore({ ...good, isFree: true })).toBe(0.95);
    expect(emailQualityScore({ ...good, isRole: true })).toBe(0.8);
    expect(emailQualityScore({ ...good, isDisposable: true })).toBe(0.4);
    // Together, never below 0.
    expect(
      emailQualityScore({ ...good, mx: 'unknown', isDisposable: true, isRole: true, isFree: true }),
    ).toBe(0);
  });
});
