// What a lead run keeps of its evaluation: the decisions and the few facts its steps need, not the lead.
// The evaluation (normal values, parsed components) can be several times the lead's size and its result
// is recorded in the run's history; the normalised lead itself is stored in Postgres by the evaluating
// activity and read back by id where it is needed (docs/decisions/0011-payload-encryption.md). Pure and
// free of the field parsers, so workflow code may import it.
import type { Cap } from './flow.js';
import type { FieldError } from './lead.js';
import type { QualityMetrics } from './quality.js';

/** What the email_validation step needs to know about the lead's email. */
export interface EmailCheck {
  valid: boolean;
  domain: string | null;
  is_free: boolean | null;
  is_disposable: boolean | null;
  is_role: boolean | null;
}

/** What phone_validation reports. */
export interface PhoneCheck {
  valid: boolean;
  type: string | null;
  is_tollfree: boolean | null;
  country_code: string | null;
}

/** What the trustedform step needs: the certificate URL (not personal data) and what it says. */
export interface TrustedFormCheck {
  valid: boolean;
  cert_url: string;
  cert_id: string | null;
  age_in_days: number | null;
}

/** What a flow version decided about a lead: the part of an evaluation every run keeps. */
export interface LeadDecisions {
  errors: FieldError[];
  acceptance: { pass: boolean; reason: string | null };
  /** Filter step id -> whether its criteria matched (a match stops the lead). */
  filterMatches: Record<string, boolean>;
  /** Delivery step id -> whether its step criteria let the lead through. */
  deliveryMatches: Record<string, boolean>;
  /** Flow caps whose criteria the lead matches (only these count it). */
  flowCaps: Cap[];
  purchasePrice: number;
  quality: QualityMetrics;
}

export interface LeadAssessment extends LeadDecisions {
  checks: { email: EmailCheck | null; phone: PhoneCheck | null; trustedform: TrustedFormCheck | null };
  /**
   * Real normal values of sensitive fields (ssn, credential): Postgres holds them masked, while a lead's
   * own deliveries and webhooks carry them. Empty for most leads.
   */
  sensitive: Record<string, unknown>;
}

/** The parts of an evaluation (domain/pipeline.ts LeadEvaluation) a summary is made from. */
export interface EvaluationParts extends LeadDecisions {
  normalized: Record<string, unknown>;
  parsed: Record<string, { valid: boolean; normal: unknown }>;
  /** Absent in evaluations recorded before sensitive fields were masked. */
  storable?: { normalized: Record<string, unknown> };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

type Parsed = { valid: boolean; normal: unknown } & Record<string, unknown>;

export function summarizeEvaluation(ev: EvaluationParts): LeadAssessment {
  const parsed = ev.parsed as Record<string, Parsed | undefined>;
  const email = parsed.email;
  const phone = parsed.phone;
  const cert = parsed.trustedform_cert_url ?? parsed.trusted_form_cert_url;
  const sensitive: Record<string, unknown> = {};
  if (ev.storable) {
    for (const [field, value] of Object.entries(ev.normalized)) {
      if (JSON.stringify(ev.storable.normalized[field]) !== JSON.stringify(value)) sensitive[field] = value;
    }
  }
  return {
    errors: ev.errors,
    acceptance: ev.acceptance,
    filterMatches: ev.filterMatches,
    deliveryMatches: ev.deliveryMatches,
    flowCaps: ev.flowCaps,
    purchasePrice: ev.purchasePrice,
    quality: ev.quality,
    checks: {
      email: email
        ? {
            valid: email.valid,
            domain: str(email.domain),
            is_free: bool(email.is_free),
            is_disposable: bool(email.is_disposable),
            is_role: bool(email.is_role),
          }
        : null,
      phone: phone
        ? {
            valid: phone.valid,
            type: str(phone.type),
            is_tollfree: bool(phone.is_tollfree),
            country_code: str(phone.country_code),
          }
        : null,
      trustedform: cert
        ? {
            valid: cert.valid,
            cert_url: String(cert.normal),
            cert_id: str(cert.cert_id),
            age_in_days: num(cert.age_in_days),
          }
        : null,
    },
    sensitive,
  };
}

/**
 * A run's evaluation, whichever way it was made: runs recorded before leads were read by id have the
 * whole evaluation in their history (`legacy`), and keep using its values where they used them.
 */
export type RunAssessment<Legacy extends EvaluationParts = EvaluationParts> = LeadAssessment & {
  legacy?: Legacy;
};

/** An evaluation recorded by an older run, seen as an assessment (it keeps its values in `legacy`). */
export function fromLegacyEvaluation<T extends EvaluationParts>(ev: T): RunAssessment<T> {
  return { ...summarizeEvaluation(ev), legacy: ev };
}
