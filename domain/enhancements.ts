// The enhancement steps' rules: what each step must look up, and what it decides from the lead's
// checks (domain/assessment.ts) and the lookup's answer. Pure: the workflow does the lookups between
// the two halves, so a rule changes here, tested alone, without changing the workflow's commands.
import type { EmailCheck, LeadAssessment, PhoneCheck, TrustedFormCheck } from './assessment.js';
import { emailQualityScore } from './email-quality.js';
import type { EnhancementStep } from './flow.js';
import type { RejectionKind } from './lead.js';

type Settings = EnhancementStep['settings'];
type Step = Pick<EnhancementStep, 'service' | 'settings'>;
type Checks = LeadAssessment['checks'];

export type MxStatus = 'valid' | 'no_mx' | 'no_domain' | 'unknown';

/** What a step needs from outside the workflow before it can decide. */
export type EnhancementLookup =
  | { kind: 'mx'; domain: string }
  | { kind: 'duplicates'; fields: string[]; lookbackDays: number }
  | { kind: 'trustedform-claim'; claimUrl: string; certUrl: string };

export interface TrustedFormClaimAnswer {
  status: 'claimed' | 'rejected';
  ageInDays: number | null;
  expiresAt: string | null;
  reason: string | null;
}

/** The lookup's answer, by kind. A failed MX lookup answers 'unknown'; a failed claim 'error'. */
export type LookupAnswer =
  | { kind: 'mx'; mx: MxStatus }
  | { kind: 'duplicates'; duplicate: { kind: string; duplicateOf: string } | null; checked: string[] }
  | { kind: 'trustedform-claim'; claim: TrustedFormClaimAnswer | 'error' };

export interface EnhancementRejection {
  kind: RejectionKind;
  reason: string;
  duplicateOf?: string;
}

export interface EnhancementDecision {
  /** What the lead's `enhancements.<service>` records. */
  record: Record<string, unknown>;
  rejection: EnhancementRejection | null;
  /** duplicate_check: the lead now holds fingerprints (to release if it is rejected later). */
  claimedFingerprints?: boolean;
}

/** The lookup a step needs first, or null when it decides from the checks alone. */
export function enhancementLookup(step: Step, checks: Checks): EnhancementLookup | null {
  const { settings } = step;
  switch (step.service) {
    case 'email_validation': {
      const email = checks.email;
      return settings.check_mx && email?.valid && email.domain ? { kind: 'mx', domain: email.domain } : null;
    }
    case 'phone_validation':
      return null;
    case 'duplicate_check':
      // Asked even when the lead has none of the fields: the step records what it checked.
      return { kind: 'duplicates', fields: settings.fields, lookbackDays: settings.lookback_days };
    case 'trustedform': {
      const cert = checks.trustedform;
      if (!cert?.valid || !settings.claim_url) return null;
      return { kind: 'trustedform-claim', claimUrl: settings.claim_url, certUrl: cert.cert_url };
    }
  }
}

/** The step's record and verdict, given its lookup's answer (null when it needed none). */
export function decideEnhancement(
  step: Step,
  checks: Checks,
  answer: LookupAnswer | null,
): EnhancementDecision {
  switch (step.service) {
    case 'email_validation':
      return decideEmail(step.settings, checks.email, answer?.kind === 'mx' ? answer.mx : 'skipped');
    case 'phone_validation':
      return decidePhone(step.settings, checks.phone);
    case 'duplicate_check':
      return decideDuplicate(answer?.kind === 'duplicates' ? answer : { duplicate: null, checked: [] });
    case 'trustedform':
      return decideTrustedForm(
        step.settings,
        checks.trustedform,
        answer?.kind === 'trustedform-claim' ? answer.claim : null,
      );
  }
}

/** The values a duplicate check fingerprints: the named fields that have a text value, lower-cased. */
export function duplicateFingerprints(
  fields: readonly string[],
  normalValue: (field: string) => unknown,
): Array<{ kind: string; value: string }> {
  return fields.flatMap((field) => {
    const value = normalValue(field);
    return typeof value === 'string' && value !== '' ? [{ kind: field, value: value.toLowerCase() }] : [];
  });
}

function decideEmail(
  settings: Settings,
  email: EmailCheck | null,
  mx: MxStatus | 'skipped',
): EnhancementDecision {
  if (!email) return { record: { status: 'missing', deliverable: null }, rejection: null };
  const valid = email.valid && mx !== 'no_mx' && mx !== 'no_domain';
  const record = {
    status: valid ? 'valid' : 'invalid',
    deliverable: !valid ? false : mx === 'valid' ? true : null,
    quality_score: emailQualityScore({
      valid: email.valid,
      mx,
      isFree: email.is_free,
      isDisposable: email.is_disposable,
      isRole: email.is_role,
    }),
    mx,
    is_free: email.is_free,
    is_disposable: email.is_disposable,
    is_role: email.is_role,
  };
  if (settings.require_valid && !valid) return { record, rejection: enhancement('Email failed validation') };
  if (settings.reject_disposable && email.is_disposable)
    return { record, rejection: enhancement('Disposable email address') };
  return { record, rejection: null };
}

function decidePhone(settings: Settings, phone: PhoneCheck | null): EnhancementDecision {
  if (!phone) return { record: { status: 'missing' }, rejection: null };
  const record = {
    status: phone.valid ? 'valid' : 'invalid',
    line_type: phone.type,
    // Carrier needs a paid lookup; we never guess it.
    carrier: null,
    is_tollfree: phone.is_tollfree,
    country_code: phone.country_code,
  };
  return {
    record,
    rejection: settings.require_valid && !phone.valid ? enhancement('Phone failed validation') : null,
  };
}

function decideDuplicate({
  duplicate,
  checked,
}: {
  duplicate: { kind: string; duplicateOf: string } | null;
  checked: string[];
}): EnhancementDecision {
  const record = { duplicate: duplicate !== null, checked };
  if (!duplicate) return { record, rejection: null, claimedFingerprints: checked.length > 0 };
  return {
    record,
    rejection: {
      kind: 'duplicate',
      reason: `Duplicate of an earlier lead (same ${duplicate.kind})`,
      duplicateOf: duplicate.duplicateOf,
    },
  };
}

function decideTrustedForm(
  settings: Settings,
  cert: TrustedFormCheck | null,
  claim: TrustedFormClaimAnswer | 'error' | null,
): EnhancementDecision {
  if (!cert) {
    return {
      record: { status: 'missing' },
      rejection: settings.require_valid ? enhancement('TrustedForm certificate missing') : null,
    };
  }
  let valid = cert.valid;
  let reason = valid ? null : 'TrustedForm certificate URL is invalid';
  let ageInDays = cert.age_in_days;
  let claimRecord: Record<string, unknown> | null = null;
  if (claim === 'error') {
    claimRecord = { status: 'error' };
    [valid, reason] = [false, 'TrustedForm claim could not be made'];
  } else if (claim) {
    // The claim is the only way to learn a certificate's age.
    claimRecord = { status: claim.status, expires_at: claim.expiresAt };
    ageInDays = claim.ageInDays;
    if (claim.status === 'rejected') [valid, reason] = [false, claim.reason ?? 'TrustedForm claim refused'];
    else if (claim.ageInDays !== null && claim.ageInDays > settings.max_age_days) {
      [valid, reason] = [
        false,
        `TrustedForm certificate is ${claim.ageInDays} days old (max ${settings.max_age_days})`,
      ];
    }
  }
  const record = {
    status: valid ? 'valid' : 'invalid',
    cert_id: cert.cert_id,
    age_in_days: ageInDays,
    ...(claimRecord ? { claim: claimRecord } : {}),
  };
  return {
    record,
    rejection: settings.require_valid && !valid ? enhancement(reason ?? 'TrustedForm check failed') : null,
  };
}

const enhancement = (reason: string): EnhancementRejection => ({ kind: 'enhancement', reason });
