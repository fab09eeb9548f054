import { z } from '../lib/zod.js';
import { isValidOutcomeTerm } from './delivery-response.js';
import { FIELD_TYPES } from './fields/types.js';

// The flow and recipient configuration schemas. The API validates every write with them and stores
// each accepted flow configuration as an immutable version; a lead runs against the version it
// arrived under. Workflows only `import type` from here, so zod stays out of the workflow bundle.
// CEL expressions are checked for syntax by the API (domain/criteria.ts) before a version is saved.

const Cel = z.string().trim().min(1).max(2000);
const TimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as America/Chicago' },
);

export const CAP_PERIODS = ['minute', 'hour', 'day', 'week', 'month'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

/** At most `maximum` leads per calendar `per` (in the flow's time zone) that match `criteria`. */
export const CapSchema = z.object({
  id: z.string().max(100).optional(),
  maximum: z.number().int().min(0),
  per: z.enum(CAP_PERIODS),
  criteria: Cel.nullable().default(null).describe('Only leads matching this CEL expression count'),
  reason: z.string().max(200).default('cap_reached'),
});
export type Cap = z.infer<typeof CapSchema> & { id: string };

export const WEBHOOK_EVENTS = [
  'lead.received',
  'lead.accepted',
  'lead.rejected',
  'lead.delivered',
  'lead.failed',
  'lead.converted',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const ResponseParsingSchema = z.object({
  outcome_path: z
    .string()
    .max(200)
    .nullable()
    .default(null)
    .describe('JSON path whose value says the outcome'),
  success_values: z.array(z.string()).default(['success', 'accepted', 'ok', 'true']),
  outcome_term: z
    .string()
    .max(500)
    .refine(isValidOutcomeTerm, { message: 'must be a regular expression in RE2 syntax' })
    .nullable()
    .default(null)
    .describe('Case-insensitive regex; a match means success'),
  reason_path: z.string().max(200).nullable().default(null),
  price_path: z.string().max(200).nullable().default(null).describe('JSON path of the price the buyer pays'),
  reference_path: z.string().max(200).nullable().default(null),
});
export type ResponseParsing = z.infer<typeof ResponseParsingSchema>;

export const HttpRecipientConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).describe('Endpoint the lead is delivered to'),
  method: z.enum(['POST', 'PUT']).default('POST'),
  format: z.enum(['json', 'form']).default('json'),
  headers: z.record(z.string(), z.string()).default({}),
  basic_auth: z.object({ username: z.string(), password: z.string() }).nullable().default(null),
  timeout_ms: z.number().int().min(100).max(60_000).default(10_000),
  field_mapping: z
    .record(z.string(), z.string())
    .nullable()
    .default(null)
    .describe('Buyer field name -> lead field; null sends every normalised field under its own name'),
  response: ResponseParsingSchema.prefault({}),
  sale_price: z.number().min(0).nullable().default(null).describe('Fixed price the buyer pays per lead'),
  caps: z.array(CapSchema).max(20).default([]),
});
export type HttpRecipientConfig = z.infer<typeof HttpRecipientConfigSchema>;

export const RecipientInputSchema = z.object({
  name: z.string().min(1).max(200),
  type: z.literal('http').default('http'),
  config: HttpRecipientConfigSchema,
});
export type RecipientInput = z.infer<typeof RecipientInputSchema>;

export const ENHANCEMENT_SERVICES = [
  'email_validation',
  'phone_validation',
  'duplicate_check',
  'trustedform',
] as const;
export type EnhancementService = (typeof ENHANCEMENT_SERVICES)[number];

export const EnhancementStepSchema = z.object({
  type: z.literal('enhancement'),
  service: z.enum(ENHANCEMENT_SERVICES),
  name: z.string().max(200).optional(),
  settings: z
    .object({
      require_valid: z.boolean().default(false),
      check_mx: z.boolean().default(true),
      reject_disposable: z.boolean().default(false),
      fields: z.array(z.string()).default(['email', 'phone']),
      lookback_days: z.number().int().min(1).max(3650).default(30),
      claim_url: z
        .url()
        .nullable()
        .default(null)
        .describe('trustedform: claim certificates at this service (off when null)'),
      max_age_days: z
        .number()
        .int()
        .min(1)
        .max(365)
        .default(90)
        .describe('trustedform: oldest certificate accepted'),
    })
    .prefault({}),
});

/** Stops the lead when `criteria` matches, answering `outcome` with `reason`. */
export const FilterStepSchema = z.object({
  type: z.literal('filter'),
  name: z.string().max(200).optional(),
  criteria: Cel,
  outcome: z.enum(['failure', 'success']).default('failure'),
  reason: z.string().min(1).max(200),
});

export const DeliveryStepSchema = z.object({
  type: z.literal('delivery'),
  name: z.string().max(200).optional(),
  recipient_id: z.string().regex(/^rcp_/, 'must be a recipient id (rcp_...)'),
  criteria: Cel.nullable().default(null).describe('Deliver only leads matching this CEL expression'),
  weight: z.number().int().min(1).max(1000).default(1).describe('Share of leads in weighted distribution'),
});

export const StepSchema = z.discriminatedUnion('type', [
  EnhancementStepSchema,
  FilterStepSchema,
  DeliveryStepSchema,
]);
export type EnhancementStep = z.infer<typeof EnhancementStepSchema> & { id: string };
export type FilterStep = z.infer<typeof FilterStepSchema> & { id: string };
export type DeliveryStep = z.infer<typeof DeliveryStepSchema> & { id: string };
export type FlowStep = EnhancementStep | FilterStep | DeliveryStep;

export const FieldDefinitionSchema = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, 'letters, digits and underscores'),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().default(false),
  require_valid: z.boolean().default(false),
});

export const FlowSettingsSchema = z.object({
  required_fields: z.array(z.string().min(1).max(100)).max(200).default([]),
  acceptance_criteria: Cel.nullable()
    .default(null)
    .describe('CEL, e.g. lead.age >= 21 && lead.income >= 50000'),
  quality_threshold: z.number().min(0).max(1).nullable().default(null),
  volume_cap: z
    .object({
      daily_limit: z.number().int().min(0).nullable().optional(),
      hourly_limit: z.number().int().min(0).nullable().optional(),
    })
    .nullable()
    .default(null),
  notifications: z
    .object({
      email: z.email().nullable().optional(),
      webhook_url: z
        .url({ protocol: /^https?$/ })
        .nullable()
        .optional(),
      events: z.array(z.enum(WEBHOOK_EVENTS)).optional().describe('Default: all events'),
    })
    .nullable()
    .default(null),
  time_zone: TimeZone.default('UTC'),
});
export type FlowSettings = z.infer<typeof FlowSettingsSchema>;

export const PricingSchema = z.object({
  purchase: z
    .object({
      amount: z.number().min(0).default(0).describe('Price paid for a lead when no rule matches'),
      rules: z
        .array(z.object({ amount: z.number().min(0), criteria: Cel }))
        .max(100)
        .default([])
        .describe('Evaluated in order; the last matching rule wins'),
    })
    .prefault({}),
  currency: z.literal('USD').default('USD'),
});

export const DistributionSchema = z.object({
  mode: z
    .enum(['all', 'waterfall', 'weighted'])
    .default('all')
    .describe(
      'all: every matching recipient; waterfall: in order until one accepts; weighted: by step weight',
    ),
  waterfall_order: z.enum(['steps', 'price']).default('steps'),
});

export const DeliveryRetrySchema = z.object({
  maximum_attempts: z.number().int().min(1).max(100).default(5),
  initial_interval_ms: z.number().int().min(100).max(600_000).default(1000),
  maximum_interval_ms: z.number().int().min(100).max(3_600_000).default(60_000),
  replay_window_seconds: z
    .number()
    .int()
    .min(1)
    .max(90 * 86_400)
    .default(7 * 86_400)
    .describe(
      'How long a lead whose delivery failed waits for an operator replay before it closes as failed',
    ),
});

/** Everything a flow version holds; what a lead runs against. */
export const FlowConfigSchema = z.object({
  settings: FlowSettingsSchema.prefault({}),
  fields: z.array(FieldDefinitionSchema).max(500).default([]),
  steps: z.array(StepSchema).max(100).default([]),
  caps: z.array(CapSchema).max(20).default([]),
  pricing: PricingSchema.prefault({}),
  distribution: DistributionSchema.prefault({}),
  delivery_retry: DeliveryRetrySchema.prefault({}),
});
export type FlowConfigInput = z.input<typeof FlowConfigSchema>;
export type FlowConfig = Omit<z.infer<typeof FlowConfigSchema>, 'steps' | 'caps'> & {
  steps: FlowStep[];
  caps: Cap[];
};

/** Gives steps and caps stable ids (`step_1`, `cap_1`, ...) so events and counters can refer to them. */
export function assignIds(config: z.infer<typeof FlowConfigSchema>): FlowConfig {
  return {
    ...config,
    steps: config.steps.map((step, index) => ({ ...step, id: `step_${index + 1}` })) as FlowStep[],
    caps: withCapIds(config.caps),
  };
}

export function withCapIds(caps: z.infer<typeof CapSchema>[]): Cap[] {
  return caps.map((cap, index) => ({ ...cap, id: cap.id ?? `cap_${index + 1}` }));
}

/** Every CEL expression in a flow config, with where it is, for compile-time checking. */
export function celExpressions(
  config: z.infer<typeof FlowConfigSchema>,
): Array<{ path: string; expression: string }> {
  const found: Array<{ path: string; expression: string }> = [];
  if (config.settings.acceptance_criteria) {
    found.push({ path: 'settings.acceptance_criteria', expression: config.settings.acceptance_criteria });
  }
  config.steps.forEach((step, i) => {
    if ((step.type === 'filter' || step.type === 'delivery') && step.criteria) {
      found.push({ path: `steps.${i}.criteria`, expression: step.criteria });
    }
  });
  config.caps.forEach((cap, i) => {
    if (cap.criteria) found.push({ path: `caps.${i}.criteria`, expression: cap.criteria });
  });
  config.pricing.purchase.rules.forEach((rule, i) => {
    found.push({ path: `pricing.purchase.rules.${i}.criteria`, expression: rule.criteria });
  });
  return found;
}
