import {
  celExpression,
  emailAddress,
  httpUrl,
  ianaTimeZone,
  integer,
  MAX_INT32,
  re2Pattern,
  text,
} from '../lib/schema.js';
import { z } from '../lib/zod.js';
import { isValidOutcomeTerm } from './delivery-response.js';
import { FIELD_TYPES } from './fields/types.js';

// The flow and recipient configuration schemas. The API validates every write with them and stores
// each accepted flow configuration as an immutable version; a lead runs against the version it
// arrived under. Workflows only `import type` from here, so zod stays out of the workflow bundle.
// CEL expressions are checked for syntax by the API (domain/criteria.ts) before a version is saved.
// Strings, numbers and formats are built with lib/schema.ts so /openapi.json states what is enforced.

/** The most a lead's price (purchase or sale) may be, in USD: revenue sums every delivery's sale price. */
export const MAX_PRICE = 100_000;
const price = () => z.number().min(0).max(MAX_PRICE);

// Header fields as RFC 9110 and fetch take them: a token name, a value of visible Latin-1 text.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export const CAP_PERIODS = ['minute', 'hour', 'day', 'week', 'month'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

/** At most `maximum` leads per calendar `per` (in the flow's time zone) that match `criteria`. */
export const CapSchema = z.object({
  id: text({ max: 100 }).optional(),
  maximum: integer(0, MAX_INT32),
  per: z.enum(CAP_PERIODS),
  criteria: celExpression('Only leads matching this expression count').nullable().default(null),
  reason: text({ max: 200 }).default('cap_reached'),
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
  outcome_path: text({ max: 200 })
    .nullable()
    .default(null)
    .describe('JSON path whose value says the outcome'),
  success_values: z.array(z.string()).default(['success', 'accepted', 'ok', 'true']),
  outcome_term: re2Pattern(500, isValidOutcomeTerm)
    .nullable()
    .default(null)
    .describe('Case-insensitive regular expression (RE2 syntax); a match means success'),
  reason_path: text({ max: 200 }).nullable().default(null),
  price_path: text({ max: 200 }).nullable().default(null).describe('JSON path of the price the buyer pays'),
  reference_path: text({ max: 200 }).nullable().default(null),
});
export type ResponseParsing = z.infer<typeof ResponseParsingSchema>;

export const HttpRecipientConfigSchema = z.object({
  url: httpUrl().describe('Endpoint the lead is delivered to'),
  method: z.enum(['POST', 'PUT']).default('POST'),
  format: z.enum(['json', 'form']).default('json'),
  headers: z
    .record(
      z.string().max(100).regex(HEADER_NAME, 'must be an HTTP header name (RFC 9110 token)'),
      text({ max: 4000 }).regex(
        HEADER_VALUE,
        'must be Latin-1 text without line breaks or control characters',
      ),
    )
    // JSON Schema's propertyNames, which openapi3-ts's types do not list.
    .openapi({ ...({ propertyNames: { pattern: HEADER_NAME.source, maxLength: 100 } } as object) })
    .default({})
    .describe('Sent with every delivery; values are masked in answers'),
  basic_auth: z
    .object({
      username: text({ max: 200 }).regex(/^[^:]*$/, 'a Basic auth user name cannot contain ":"'),
      password: text({ max: 200 }),
    })
    .nullable()
    .default(null),
  timeout_ms: z.number().int().min(100).max(60_000).default(10_000),
  field_mapping: z
    .record(z.string(), z.string())
    .nullable()
    .default(null)
    .describe('Buyer field name -> lead field; null sends every normalised field under its own name'),
  response: ResponseParsingSchema.prefault({}),
  sale_price: price().nullable().default(null).describe('Fixed price the buyer pays per lead (USD)'),
  caps: z.array(CapSchema).max(20).default([]),
});
export type HttpRecipientConfig = z.infer<typeof HttpRecipientConfigSchema>;

/** How a buyer's answer to a ping becomes a bid: its price, bid or no bid, and its bid id. */
export const BidParsingSchema = z.object({
  price_path: text({ min: 1, max: 200 })
    .default('bid')
    .describe('JSON path of the bid price (USD) in the ping answer; missing, 0 or less is no bid'),
  accept_path: text({ max: 200 })
    .nullable()
    .default(null)
    .describe('JSON path whose value says bid or no bid; null: any price above 0 is a bid'),
  accept_values: z
    .array(text({ min: 1, max: 100 }))
    .max(20)
    .default(['bid', 'accepted', 'accept', 'success', 'ok', 'yes', 'true'])
    .describe('Values at accept_path that mean a bid (case-insensitive)'),
  bid_id_path: text({ max: 200 })
    .nullable()
    .default(null)
    .describe('JSON path of the bid id (token) the buyer wants back on the post'),
  reason_path: text({ max: 200 }).nullable().default(null).describe('JSON path of a no-bid reason'),
});
export type BidParsing = z.infer<typeof BidParsingSchema>;

/**
 * A ping/post buyer (outbound auctions): pinged for a bid with `ping_fields` only, then posted the
 * whole lead at `url` when its bid wins. Method, format, headers, basic auth and timeout serve both.
 */
export const PingPostRecipientConfigSchema = HttpRecipientConfigSchema.omit({ sale_price: true }).extend({
  url: httpUrl().describe('Post URL: the whole lead is posted here when the buyer’s bid wins'),
  ping_url: httpUrl().describe('Ping URL: asked for a bid with the ping fields only'),
  ping_fields: z
    .array(text({ min: 1, max: 100 }))
    .min(1)
    .max(100)
    .describe(
      'Lead fields a ping may carry (under their field_mapping names). Fields of a personal type ' +
        '(name, email, phone, street address, date of birth, IP address) are refused unless ' +
        'allow_personal_ping_fields; SSNs and credentials are never pinged.',
    ),
  allow_personal_ping_fields: z
    .boolean()
    .default(false)
    .describe('Let ping_fields name personal fields (e.g. a buyer contracted to see a phone number)'),
  bid: BidParsingSchema.prefault({}),
  bid_id_field: text({ min: 1, max: 100 })
    .nullable()
    .default('bid_id')
    .describe('Post body field carrying the bid id back to the buyer (null: not sent)'),
});
export type PingPostRecipientConfig = z.infer<typeof PingPostRecipientConfigSchema>;

export const HttpRecipientInputSchema = z
  .object({
    name: text({ min: 1, max: 200 }),
    type: z.literal('http').default('http'),
    config: HttpRecipientConfigSchema.openapi('HttpRecipientConfig'),
  })
  .openapi('HttpRecipientInput');

export const PingPostRecipientInputSchema = z
  .object({
    name: text({ min: 1, max: 200 }),
    type: z.literal('ping_post'),
    config: PingPostRecipientConfigSchema.openapi('PingPostRecipientConfig'),
  })
  .openapi('PingPostRecipientInput');

// A plain union, not a discriminated one: `type` may be left out for an ordinary recipient, and an
// OpenAPI discriminator must be required in every alternative (clients would have to send it).
export const RecipientInputSchema = z.union([HttpRecipientInputSchema, PingPostRecipientInputSchema]);
export type RecipientInput = z.infer<typeof RecipientInputSchema>;
/** A recipient's configuration, either kind: what deliveries, caps and masking read. */
export type RecipientConfig = HttpRecipientConfig | PingPostRecipientConfig;

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
  name: text({ max: 200 }).optional(),
  settings: z
    .object({
      require_valid: z.boolean().default(false),
      check_mx: z.boolean().default(true),
      reject_disposable: z.boolean().default(false),
      fields: z.array(z.string()).default(['email', 'phone']),
      lookback_days: z.number().int().min(1).max(3650).default(30),
      claim_url: httpUrl()
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
  name: text({ max: 200 }).optional(),
  criteria: celExpression('Leads matching this expression stop here'),
  outcome: z.enum(['failure', 'success']).default('failure'),
  reason: text({ min: 1, max: 200 }),
});

export const DeliveryStepSchema = z.object({
  type: z.literal('delivery'),
  name: text({ max: 200 }).optional(),
  recipient_id: z.string().regex(/^rcp_/, 'must be a recipient id (rcp_...)'),
  criteria: celExpression('Deliver only leads matching this expression').nullable().default(null),
  weight: z.number().int().min(1).max(1000).default(1).describe('Share of leads in weighted distribution'),
  priority: z
    .number()
    .int()
    .min(0)
    .max(1000)
    .default(0)
    .describe('Auction: between equal bids the higher priority wins (then flow order)'),
});

/**
 * Checks the lead against suppression lists of the account (`/lists`): a hit rejects the lead (with a
 * reason naming the list and field, never the value) or flags it and lets it go on.
 */
export const ListCheckStepSchema = z.object({
  type: z.literal('list_check'),
  name: text({ max: 200 }).optional(),
  list_ids: z
    .array(z.string().regex(/^list_/, 'must be a suppression list id (list_...)'))
    .min(1)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'a list is named once')
    .openapi({ uniqueItems: true })
    .describe('Suppression lists of this account to check, in order'),
  fields: z
    .array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, 'a lead field name'))
    .min(1)
    .max(50)
    .nullable()
    .default(null)
    .describe(
      "Lead fields to check, read as the list's type; null: by list type (phone lists every phone " +
        'field, email lists every email field, domain lists the email domains and URL fields)',
    ),
  action: z
    .enum(['reject', 'flag'])
    .default('reject')
    .describe('reject: the lead stops here; flag: the lead goes on, marked in its enhancements and events'),
});

export const StepSchema = z.discriminatedUnion('type', [
  EnhancementStepSchema,
  FilterStepSchema,
  DeliveryStepSchema,
  ListCheckStepSchema,
]);
export type EnhancementStep = z.infer<typeof EnhancementStepSchema> & { id: string };
export type FilterStep = z.infer<typeof FilterStepSchema> & { id: string };
export type DeliveryStep = z.infer<typeof DeliveryStepSchema> & { id: string };
export type ListCheckStep = z.infer<typeof ListCheckStepSchema> & { id: string };
export type FlowStep = EnhancementStep | FilterStep | DeliveryStep | ListCheckStep;

export const FieldDefinitionSchema = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, 'letters, digits and underscores'),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().default(false),
  require_valid: z.boolean().default(false),
});

export const FlowSettingsSchema = z.object({
  required_fields: z
    .array(text({ min: 1, max: 100 }))
    .max(200)
    .default([]),
  acceptance_criteria: celExpression(
    'Leads not matching it are rejected, e.g. lead.age >= 21 && lead.income >= 50000',
  )
    .nullable()
    .default(null),
  quality_threshold: z.number().min(0).max(1).nullable().default(null),
  volume_cap: z
    .object({
      daily_limit: integer(0, MAX_INT32).nullable().optional(),
      hourly_limit: integer(0, MAX_INT32).nullable().optional(),
    })
    .nullable()
    .default(null),
  notifications: z
    .object({
      email: emailAddress().nullable().optional(),
      webhook_url: httpUrl().nullable().optional(),
      events: z.array(z.enum(WEBHOOK_EVENTS)).optional().describe('Default: all events'),
    })
    .nullable()
    .default(null),
  time_zone: ianaTimeZone().default('UTC'),
});
export type FlowSettings = z.infer<typeof FlowSettingsSchema>;

/** What is paid for a lead: a default amount and CEL rules over the lead (a flow's or a source's). */
export const PurchasePricingSchema = z.object({
  amount: price().default(0).describe('Price paid for a lead when no rule matches (USD)'),
  rules: z
    .array(z.object({ amount: price(), criteria: celExpression('Leads matching it get this price') }))
    .max(100)
    .default([])
    .describe('Evaluated in order; the last matching rule wins'),
});

export const PricingSchema = z.object({
  purchase: PurchasePricingSchema.prefault({}),
  currency: z.literal('USD').default('USD'),
});

/** The most an auction may wait for bids; the lead's submitter waits for the auction. */
export const MAX_AUCTION_DEADLINE_MS = 5000;

export const AuctionSettingsSchema = z.object({
  deadline_ms: z
    .number()
    .int()
    .min(50)
    .max(MAX_AUCTION_DEADLINE_MS)
    .default(300)
    .describe('How long every ping together may take; a bid later than this is left out'),
  floor: price()
    .nullable()
    .default(null)
    .describe('The least a bid must be to be taken (USD); null: any bid above 0'),
  floor_at_cost: z
    .boolean()
    .default(true)
    .describe('Also refuse bids below what the lead was bought for (its purchase price)'),
});
export type AuctionSettings = z.infer<typeof AuctionSettingsSchema>;

export const DistributionSchema = z.object({
  mode: z
    .enum(['all', 'waterfall', 'weighted', 'auction'])
    .default('all')
    .describe(
      'all: every matching recipient; waterfall: in order until one accepts; weighted: by step weight; ' +
        'auction: ping every matching ping/post recipient at once, post to the best bid, then the next',
    ),
  waterfall_order: z.enum(['steps', 'price']).default('steps'),
  auction: AuctionSettingsSchema.prefault({}),
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
