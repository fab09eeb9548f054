// Publisher sources: who sends leads into a flow, with their own field names, acceptance rules, caps,
// purchase price and ping limits. A source never runs code of its own in the pipeline: a lead from a
// source runs against the flow version *as seen by that source* (flowForSource), so the lead workflow
// is the same for every lead. Pure; zod stays out of the workflow bundle (workflows never import this).

import { createHash } from 'node:crypto';
import { celExpression, integer, MAX_INT32, text } from '../lib/schema.js';
import { z } from '../lib/zod.js';
import { type Cap, CapSchema, type FlowConfig, PurchasePricingSchema, withCapIds } from './flow.js';
import { type EvaluationInput, evaluateLead } from './pipeline.js';

const FieldName = text({ min: 1, max: 100 });
const limit = () => integer(1, MAX_INT32).nullable().default(null);

export const PingLimitsSchema = z
  .object({
    per_second: limit(),
    per_minute: limit(),
    per_hour: limit(),
    per_day: limit(),
  })
  .describe('Most pings the source may send per period (null: no limit); over it: 429 ping_limit_reached');
export type PingLimits = z.infer<typeof PingLimitsSchema>;

export const SourceConfigSchema = z.object({
  field_mappings: z
    .record(FieldName, FieldName)
    .refine((m) => Object.keys(m).length <= 500, { message: 'at most 500 mappings' })
    // JSON Schema's propertyNames and maxProperties, which openapi3-ts's types do not list.
    .openapi({ ...({ propertyNames: { minLength: 1, maxLength: 100 }, maxProperties: 500 } as object) })
    .default({})
    .describe("The source's field name -> the flow's field name; unmapped fields pass as they are"),
  acceptance_criteria: celExpression("Both the flow's criteria and this must pass").nullable().default(null),
  caps: z
    .array(CapSchema)
    .max(20)
    .default([])
    .describe("Caps counted for this source's leads only, in the flow's time zone"),
  pricing: PurchasePricingSchema.nullable()
    .default(null)
    .describe("What this source is paid per lead (null: the flow's purchase pricing)"),
  ping: z
    .object({
      ttl_seconds: integer(1, 86_400)
        .default(120)
        .describe('How long a bid stands: a post after it is refused (ping_expired)'),
      limits: PingLimitsSchema.prefault({}),
    })
    .prefault({}),
});
export type SourceConfig = z.infer<typeof SourceConfigSchema>;

export const SourceInputSchema = z
  .object({
    name: text({ min: 1, max: 200, trim: true }),
    enabled: z.boolean().default(true).describe('A disabled source is refused (403 source_disabled)'),
  })
  .extend(SourceConfigSchema.shape);
export type SourceInput = z.infer<typeof SourceInputSchema>;

/** Every CEL expression of a source, with where it is, for compile-time checking. */
export function sourceCelExpressions(config: SourceConfig): Array<{ path: string; expression: string }> {
  const found: Array<{ path: string; expression: string }> = [];
  if (config.acceptance_criteria)
    found.push({ path: 'acceptance_criteria', expression: config.acceptance_criteria });
  config.caps.forEach((cap, i) => {
    if (cap.criteria) found.push({ path: `caps.${i}.criteria`, expression: cap.criteria });
  });
  config.pricing?.rules.forEach((rule, i) => {
    found.push({ path: `pricing.rules.${i}.criteria`, expression: rule.criteria });
  });
  return found;
}

/** The lead under the flow's field names: mapped fields renamed, the rest as sent. */
export function mapInboundFields(
  lead: Readonly<Record<string, unknown>>,
  mappings: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(lead)) {
    const target = Object.hasOwn(mappings, name) ? mappings[name]! : name;
    // A field sent under the flow's own name wins over one mapped onto it.
    if (target !== name && Object.hasOwn(lead, target)) continue;
    out[target] = value;
  }
  return out;
}

/** A source's caps as flow caps, named so their counters are the source's own. */
export function sourceCaps(sourceId: string, caps: SourceConfig['caps']): Cap[] {
  return withCapIds(caps).map((cap) => ({ ...cap, id: `${sourceId}.${cap.id}` }));
}

/**
 * The flow version as a source's lead runs it: the source's acceptance criteria joined to the flow's,
 * its caps added (counted per source), its purchase pricing instead of the flow's. Without a source
 * (an account key's lead), the flow version as it is.
 */
export function flowForSource(
  flow: FlowConfig,
  source: { id: string; config: SourceConfig } | null,
): FlowConfig {
  if (!source) return flow;
  const criteria = [flow.settings.acceptance_criteria, source.config.acceptance_criteria].filter(
    (c): c is string => Boolean(c),
  );
  const pricing = source.config.pricing ?? flow.pricing.purchase;
  return {
    ...flow,
    settings: {
      ...flow.settings,
      acceptance_criteria: criteria.length === 0 ? null : criteria.map((c) => `(${c})`).join(' && '),
    },
    caps: [...flow.caps, ...sourceCaps(source.id, source.config.caps)],
    pricing: { ...flow.pricing, purchase: { amount: pricing.amount, rules: pricing.rules } },
  };
}

/** The flow version with its purchase price fixed at a bid (a post that honours a ping). */
export function pricedAtBid(flow: FlowConfig, bid: number): FlowConfig {
  return { ...flow, pricing: { ...flow.pricing, purchase: { amount: bid, rules: [] } } };
}

export type PingAnswer =
  | { bid: true; price: number; caps: Cap[]; normalized: Record<string, unknown> }
  | { bid: false; reason: string; code: 'criteria' | 'cap' | 'price' };

/**
 * What a ping is worth, without personal data: the ping's fields normalised as the flow would, the
 * acceptance criteria (a rule about a field the ping does not carry cannot pass: no bid), and the
 * purchase price. Required fields are not required of a ping. Caps are checked by the caller (a read
 * of the counters) against the caps this returns.
 */
export function evaluatePing(input: EvaluationInput): PingAnswer {
  const flow: FlowConfig = {
    ...input.flow,
    settings: { ...input.flow.settings, required_fields: [] },
    fields: input.flow.fields.map((f) => ({ ...f, required: false, require_valid: false })),
  };
  const evaluation = evaluateLead({ ...input, flow });
  if (!evaluation.acceptance.pass) {
    return {
      bid: false,
      code: 'criteria',
      reason: evaluation.acceptance.reason ?? 'Acceptance criteria not met',
    };
  }
  if (evaluation.purchasePrice <= 0) return { bid: false, code: 'price', reason: 'No price for this lead' };
  return {
    bid: true,
    price: evaluation.purchasePrice,
    caps: evaluation.flowCaps,
    normalized: evaluation.normalized,
  };
}

/**
 * The ping's fields a post must agree with: field -> SHA-256 of its normal value, so a ping record
 * holds no values (a ping may carry a ZIP code or an age; nothing is kept that a post does not prove).
 */
export function pingFieldHashes(
  flow: FlowConfig,
  fields: Readonly<Record<string, unknown>>,
  receivedAt: string,
): Record<string, string> {
  const evaluation = evaluateLead({
    flow: {
      ...flow,
      settings: { ...flow.settings, required_fields: [], acceptance_criteria: null },
      fields: flow.fields.map((f) => ({ ...f, required: false })),
    },
    lead: { ...fields },
    source: null,
    campaign: null,
    receivedAt,
  });
  return hashPingFields(fields, evaluation.normalized);
}

/** field -> SHA-256 of its normal value, for the fields sent (normal values as evaluateLead gives them). */
export function hashPingFields(
  fields: Readonly<Record<string, unknown>>,
  normalized: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(fields)) {
    if (name === 'source' || name === 'campaign') continue;
    const value = normalized[name];
    if (value !== undefined && value !== null && value !== '') {
      out[name] = createHash('sha256')
        .update(`${name}=${JSON.stringify(value)}`)
        .digest('hex');
    }
  }
  return out;
}

/** Fields whose posted value differs from the pinged one (or is missing from the post). */
export function pingMismatches(
  pinged: Readonly<Record<string, string>>,
  posted: Readonly<Record<string, string>>,
): string[] {
  return Object.keys(pinged).filter((field) => pinged[field] !== posted[field]);
}

export const PING_LIMIT_PERIODS = ['second', 'minute', 'hour', 'day'] as const;
export type PingLimitPeriod = (typeof PING_LIMIT_PERIODS)[number];

export function pingLimitList(limits: PingLimits): Array<{ per: PingLimitPeriod; maximum: number }> {
  return PING_LIMIT_PERIODS.flatMap((per) => {
    const maximum = limits[`per_${per}`];
    return maximum == null ? [] : [{ per, maximum }];
  });
}
