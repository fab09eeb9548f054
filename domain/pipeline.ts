// Pure decisions of the lead pipeline: what a flow version asks of one lead. Deterministic (time and
// randomness are parameters); runs in the evaluateLead local activity, so CEL and the field parsers
// stay out of the workflow bundle. The workflow only sequences the steps and does the I/O.

import type { LeadDecisions } from './assessment.js';
import { type CriteriaContext, compileCriteria, criteriaContext, evaluateCriteria } from './criteria.js';
import {
  type FieldDefinition,
  inferFieldType,
  normalizeLead,
  type ParsedValue,
  storableValues,
} from './fields/index.js';
import type { Cap, FlowConfig } from './flow.js';
import type { LeadFields } from './lead.js';
import { qualityMetrics } from './quality.js';

export interface EvaluationInput {
  flow: FlowConfig;
  lead: LeadFields;
  source: string | null;
  campaign: string | null;
  receivedAt: string;
}

export interface LeadEvaluation extends LeadDecisions {
  /** Field -> normal value (or the trimmed input when invalid): what is stored and sent to buyers. */
  normalized: Record<string, unknown>;
  /** Field -> parsed components and validity, for enhancements and reporting. */
  parsed: Record<string, ParsedValue>;
  /**
   * What may be stored and answered: the same normal and parsed values with sensitive fields (ssn,
   * credential) masked. `normalized` and `parsed` keep the real values for rules and deliveries.
   */
  storable: { normalized: Record<string, unknown>; fields: Record<string, ParsedValue> };
}

/** Field definitions in force: declared fields, plus settings.required_fields as required fields. */
export function fieldDefinitions(flow: FlowConfig): FieldDefinition[] {
  const definitions: FieldDefinition[] = flow.fields.map((f) => ({ ...f }));
  for (const name of flow.settings.required_fields) {
    const existing = definitions.find((d) => d.name === name);
    if (existing) existing.required = true;
    else definitions.push({ name, type: inferFieldType(name), required: true });
  }
  return definitions;
}

export function evaluateLead(input: EvaluationInput): LeadEvaluation {
  const { flow } = input;
  const now = new Date(input.receivedAt);
  const normalizedLead = normalizeLead(fieldDefinitions(flow), input.lead, now);
  const normalized: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(normalizedLead.values)) normalized[field] = value.normal;

  const context = criteriaContext(normalizedLead.values, {
    source: input.source,
    campaign: input.campaign,
    submittedAt: now,
    timeZone: flow.settings.time_zone,
  });
  const matches = (expression: string | null) => check(expression, context);

  const acceptance = matches(flow.settings.acceptance_criteria);
  const filterMatches: Record<string, boolean> = {};
  const deliveryMatches: Record<string, boolean> = {};
  for (const step of flow.steps) {
    // A filter stops the lead when its rule matches; an expression that cannot be evaluated (a
    // missing field) does not match.
    if (step.type === 'filter') filterMatches[step.id] = matches(step.criteria).pass;
    if (step.type === 'delivery') deliveryMatches[step.id] = matches(step.criteria).pass;
  }

  let purchasePrice = flow.pricing.purchase.amount;
  for (const rule of flow.pricing.purchase.rules) {
    if (matches(rule.criteria).pass) purchasePrice = rule.amount; // the last matching rule wins
  }

  const fields = storableValues(normalizedLead.definitions, normalizedLead.values);
  const storableNormalized: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) storableNormalized[field] = value.normal;

  return {
    normalized,
    parsed: normalizedLead.values,
    storable: { normalized: storableNormalized, fields },
    errors: normalizedLead.errors,
    acceptance: {
      pass: acceptance.pass,
      reason: acceptance.pass ? null : (acceptance.reason ?? 'Acceptance criteria not met'),
    },
    filterMatches,
    deliveryMatches,
    flowCaps: effectiveFlowCaps(flow).filter((cap) => matches(cap.criteria).pass),
    purchasePrice,
    quality: qualityMetrics({
      values: normalizedLead.values,
      definitions: normalizedLead.definitions,
      expected_fields: flow.fields.length > 0 ? flow.fields.map((f) => f.name) : undefined,
    }),
  };
}

function check(expression: string | null, context: CriteriaContext): { pass: boolean; reason?: string } {
  if (!expression) return { pass: true };
  const compiled = compileCriteria(expression);
  // Expressions are checked when a flow is saved; one that no longer compiles fails closed.
  if (!compiled.ok) return { pass: false, reason: `Invalid expression: ${compiled.error.message}` };
  return evaluateCriteria(compiled.program, context);
}

/** The flow's caps plus the documented `settings.volume_cap` shorthand (daily/hourly limits). */
export function effectiveFlowCaps(flow: FlowConfig): Cap[] {
  const caps = [...flow.caps];
  const shorthand = flow.settings.volume_cap;
  if (shorthand?.daily_limit != null) {
    caps.push({
      id: 'volume_cap_daily',
      maximum: shorthand.daily_limit,
      per: 'day',
      criteria: null,
      reason: 'cap_reached',
    });
  }
  if (shorthand?.hourly_limit != null) {
    caps.push({
      id: 'volume_cap_hourly',
      maximum: shorthand.hourly_limit,
      per: 'hour',
      criteria: null,
      reason: 'cap_reached',
    });
  }
  return caps;
}

/** The body a recipient receives: every normalised field, or only the mapped ones under the buyer's names. */
export function recipientPayload(
  normalized: Record<string, unknown>,
  mapping: Record<string, string> | null,
): Record<string, unknown> {
  if (!mapping) return { ...normalized };
  const body: Record<string, unknown> = {};
  for (const [target, source] of Object.entries(mapping)) {
    if (normalized[source] !== undefined) body[target] = normalized[source];
  }
  return body;
}
