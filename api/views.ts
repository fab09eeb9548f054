import { z } from '@hono/zod-openapi';
import type { FlowWithConfig } from '../db/flows.js';
import type { LeadRow } from '../db/leads.js';
import type { FieldError, LeadEvent, RejectionKind } from '../domain/lead.js';
import type { LeadSnapshot } from '../workflows/shared.js';

// Response shapes: documented in OpenAPI and produced only through these functions, so what the
// API answers and what /openapi.json promises cannot drift apart.

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z
        .array(
          z
            .object({ field: z.string().optional(), code: z.string(), message: z.string() })
            .catchall(z.unknown()),
        )
        .describe(
          'Per-field problems, or one entry with the code, message and context (limit, required_scope, ...) of an error about the whole request',
        ),
      request_id: z.string(),
    }),
  })
  .openapi('Error');

export const EventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    outcome: z.enum(['success', 'failure', 'error', 'skip']),
    timestamp: z.string(),
    reason: z.string().optional(),
    recipient: z.string().optional(),
    recipient_id: z.string().optional(),
    response_code: z.number().optional(),
    duration_ms: z.number().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('LeadEvent');

export const FlowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    description: z.string().nullable(),
    version: z.number(),
    created_at: z.string(),
    updated_at: z.string(),
    settings: z.record(z.string(), z.unknown()),
    configuration: z.object({
      steps: z.array(z.record(z.string(), z.unknown())),
      fields: z.array(z.record(z.string(), z.unknown())),
      caps: z.array(z.record(z.string(), z.unknown())),
      pricing: z.record(z.string(), z.unknown()),
      distribution: z.record(z.string(), z.unknown()),
      delivery_retry: z.record(z.string(), z.unknown()),
    }),
  })
  .openapi('Flow');

/**
 * The documented flow shape: `configuration.steps` starts with the source step holding the intake
 * settings (required fields, acceptance criteria), followed by the flow's own steps in order.
 */
export function flowView(flow: FlowWithConfig) {
  const { settings, steps, fields, caps, pricing, distribution, delivery_retry } = flow.config;
  return {
    id: flow.id,
    name: flow.name,
    status: flow.status,
    description: flow.description,
    version: flow.version,
    created_at: flow.created_at.toISOString(),
    updated_at: flow.updated_at.toISOString(),
    settings,
    configuration: {
      steps: [
        {
          id: 'step_source',
          type: 'source',
          name: 'Source',
          position: 1,
          settings: {
            required_fields: settings.required_fields,
            acceptance_criteria: settings.acceptance_criteria,
          },
        },
        ...steps.map((step, index) => ({ ...step, position: index + 2 })),
      ],
      fields,
      caps,
      pricing,
      distribution,
      delivery_retry,
    },
  };
}

export const PricingSchema = z.object({ amount: z.number(), currency: z.literal('USD') });

export const SubmittedLeadSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    reason: z.string().nullable(),
    flow_id: z.string(),
    created_at: z.string(),
    test_mode: z.boolean(),
    events: z.array(EventSchema),
    quality_score: z.number().nullable(),
    pricing: PricingSchema.describe('Purchase price of the lead'),
  })
  .openapi('SubmittedLead');

/** The documented 201 body for a submitted lead. */
export function submittedView(s: LeadSnapshot) {
  return {
    id: s.id,
    status: s.status,
    reason: s.reason,
    flow_id: s.flow_id,
    created_at: s.created_at,
    test_mode: s.test_mode,
    events: s.events,
    quality_score: s.quality_score,
    pricing: s.pricing,
  };
}

/** A decided lead rebuilt from its Postgres record (for idempotent replays of finished leads). */
export function snapshotFromRecord(lead: LeadRow, events: LeadEvent[]): LeadSnapshot {
  const rejected = events.find((e) => e.type === 'rejected');
  const details = (rejected?.details ?? {}) as { errors?: FieldError[]; duplicate_of?: string };
  return {
    id: lead.id,
    flow_id: lead.flow_id,
    status: lead.status,
    reason: lead.reason,
    rejection:
      lead.status === 'rejected'
        ? {
            kind: (lead.rejection_kind ?? 'validation') as RejectionKind,
            reason: lead.reason ?? '',
            errors: details.errors ?? [],
            duplicate_of: details.duplicate_of,
          }
        : null,
    created_at: lead.created_at.toISOString(),
    test_mode: lead.test_mode,
    events,
    quality_score: lead.quality_score,
    quality_metrics: (lead.quality_metrics as LeadSnapshot['quality_metrics']) ?? null,
    pricing: { amount: lead.cost, currency: 'USD' },
    revenue: lead.revenue,
  };
}

export const ParsedFieldSchema = z
  .object({
    normal: z
      .unknown()
      .describe('The canonical value (what lead_data holds); when not valid, the input as text'),
    raw: z.unknown().describe('The value exactly as the source sent it'),
    valid: z.boolean().describe("Whether the value has its type's format"),
  })
  .catchall(z.unknown())
  .describe(
    'A field as parsed by its type: normal, raw, valid and the type’s components (phone area, exchange, line, type…; ' +
      'email domain, is_free…; dob age…), documented per type in docs/field-types.md. Sensitive types (ssn, credential) ' +
      'are masked: every character a `*`, `masked: true`.',
  )
  .openapi('ParsedField');

/** Field -> parsed value, as stored; null for a lead not evaluated yet (or recorded before parsed values were kept). */
export const LeadFieldsViewSchema = z
  .record(z.string(), ParsedFieldSchema)
  .nullable()
  .describe('Every field of the lead as parsed ({normal, raw, valid, …components}), sensitive fields masked');

// What the enhancement steps record (workflows/lead.ts); each key is present only when the flow has
// that step. Every field that can be null says when: generated clients with strict models accept them.
const EmailValidationSchema = z
  .object({
    status: z.enum(['valid', 'invalid', 'missing']).describe('missing: the lead has no email'),
    deliverable: z
      .boolean()
      .nullable()
      .describe(
        'true: a valid address whose domain has mail servers (MX checked); false: an invalid address, or a ' +
          'domain without mail servers; null: not known (the step does not check MX, the DNS lookup failed, ' +
          'or status is missing). We never send mail to find out.',
      ),
    quality_score: z
      .number()
      .optional()
      .describe('0..1 (docs/quality-score.md); absent when status is missing'),
    mx: z
      .enum(['valid', 'no_mx', 'no_domain', 'unknown', 'skipped'])
      .optional()
      .describe('The MX lookup: skipped when the step does not check MX; unknown when DNS failed'),
    is_free: z.boolean().nullable().optional().describe('null: the address did not parse'),
    is_disposable: z.boolean().nullable().optional().describe('null: the address did not parse'),
    is_role: z.boolean().nullable().optional().describe('null: the address did not parse'),
  })
  .openapi('EmailValidation');

const PhoneValidationSchema = z
  .object({
    status: z.enum(['valid', 'invalid', 'missing']).describe('missing: the lead has no phone'),
    line_type: z
      .string()
      .nullable()
      .optional()
      .describe(
        'From a hint after the number (home, work, mobile) or else libphonenumber: mobile, fixed_line, ' +
          'fixed_line_or_mobile, toll_free, voip, … US and Canadian (NANP) numbers are almost always ' +
          'fixed_line_or_mobile: their numbering does not tell a mobile from a landline (see ' +
          'docs/field-types.md). null: the number did not parse.',
      ),
    carrier: z
      .string()
      .nullable()
      .optional()
      .describe(
        'Always null: a carrier needs a paid network lookup (HLR/LNP), which Leadrail does not guess',
      ),
    is_tollfree: z.boolean().nullable().optional().describe('null: the number did not parse'),
    country_code: z
      .string()
      .nullable()
      .optional()
      .describe('ISO 3166-1 alpha-2; null: the number did not parse'),
  })
  .openapi('PhoneValidation');

const EnhancementsSchema = z
  .object({
    email_validation: EmailValidationSchema.optional(),
    phone_validation: PhoneValidationSchema.optional(),
    duplicate_check: z
      .object({
        duplicate: z.boolean(),
        checked: z.array(z.string()).describe('The fields compared (email, phone, …)'),
      })
      .optional(),
    trustedform: z
      .object({
        status: z.enum(['valid', 'invalid', 'missing']),
        cert_id: z.string().nullable().optional().describe('null: the URL is not a certificate URL'),
        age_in_days: z
          .number()
          .nullable()
          .optional()
          .describe('null: not claimed (no claim_url), or the claim failed'),
        claim: z.record(z.string(), z.unknown()).optional(),
      })
      .optional(),
    list_check: z
      .array(
        z
          .object({
            step_id: z.string(),
            action: z.enum(['reject', 'flag']),
            result: z.enum(['pass', 'flag', 'reject']).describe('flag and reject: a list holds a value'),
            flagged: z.boolean(),
            lists: z.array(
              z.object({
                list_id: z.string(),
                name: z.string(),
                type: z.enum(['phone', 'email', 'domain']),
                hit: z.boolean(),
                fields: z.array(z.string()).describe('The lead fields whose value is on the list'),
              }),
            ),
            missing: z
              .array(z.string())
              .describe('Lists the step names that were deleted since (checked as misses)'),
          })
          .openapi('ListCheckResult'),
      )
      .optional()
      .describe('One entry per list_check step run, in flow order; names lists and fields, never values'),
  })
  .catchall(z.unknown())
  .describe('What the flow’s enhancement steps found; a key per step the flow has')
  .openapi('LeadEnhancements');

export const LeadDetailSchema = z
  .object({
    id: z.string(),
    flow_id: z.string(),
    flow_version: z.number(),
    created_at: z.string(),
    updated_at: z.string(),
    status: z.string(),
    reason: z.string().nullable(),
    source: z.string().nullable(),
    source_id: z.string().nullable().describe('The publisher source (POST /flows/{id}/sources) it came from'),
    campaign: z.string().nullable(),
    external_id: z.string().nullable(),
    test_mode: z.boolean(),
    lead_data: z.record(z.string(), z.unknown()).describe('Field -> normal value (sensitive fields masked)'),
    fields: LeadFieldsViewSchema,
    enhancements: EnhancementsSchema,
    events: z.array(EventSchema),
    quality_metrics: z.record(z.string(), z.number()).nullable(),
    quality_score: z.number().nullable(),
    pricing: z.object({ cost: z.number(), revenue: z.number(), currency: z.literal('USD') }),
  })
  .openapi('Lead');

export function leadDetailView(lead: LeadRow, events: LeadEvent[]) {
  return {
    id: lead.id,
    flow_id: lead.flow_id,
    flow_version: lead.flow_version,
    created_at: lead.created_at.toISOString(),
    updated_at: lead.updated_at.toISOString(),
    status: lead.status,
    reason: lead.reason,
    source: lead.source,
    source_id: lead.source_id ?? null,
    campaign: lead.campaign,
    external_id: lead.external_id,
    test_mode: lead.test_mode,
    lead_data: lead.normalized ?? lead.lead_data,
    fields: (lead.fields ?? null) as z.infer<typeof LeadFieldsViewSchema>,
    enhancements: (lead.enhancements ?? {}) as z.infer<typeof EnhancementsSchema>,
    events,
    quality_metrics: lead.quality_metrics,
    quality_score: lead.quality_score,
    pricing: { cost: lead.cost, revenue: lead.revenue, currency: 'USD' as const },
  };
}
