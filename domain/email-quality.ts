// The email_validation enhancement's quality_score: how much a buyer can trust the address, in [0, 1],
// from what validation found. Pure (workflows use it); documented in docs/quality-score.md.
//
//   invalid format, or the domain has no mail server          0
//   otherwise start at                                        1
//   mail server not confirmed (DNS unknown or check skipped)  − 0.2
//   disposable domain                                         − 0.6
//   role address (info@, sales@ ...)                          − 0.2
//   free mailbox provider                                     − 0.05

export interface EmailCheck {
  valid: boolean;
  mx: 'valid' | 'no_mx' | 'no_domain' | 'unknown' | 'skipped';
  isFree: boolean | null;
  isDisposable: boolean | null;
  isRole: boolean | null;
}

export const EMAIL_QUALITY_PENALTIES = {
  mxUnconfirmed: 0.2,
  disposable: 0.6,
  role: 0.2,
  free: 0.05,
} as const;

export function emailQualityScore(check: EmailCheck): number {
  if (!check.valid || check.mx === 'no_mx' || check.mx === 'no_domain') return 0;
  const p = EMAIL_QUALITY_PENALTIES;
  const score =
    1 -
    (check.mx === 'valid' ? 0 : p.mxUnconfirmed) -
    (check.isDisposable ? p.disposable : 0) -
    (check.isRole ? p.role : 0) -
    (check.isFree ? p.free : 0);
  return Math.max(0, Math.round(score * 100) / 100);
}
