// The body of a lead submission, in either encoding lead sources post: JSON, or a form with the lead
// fields at the top level. Both are validated by the one schema the OpenAPI document shows.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { httpUrl, text } from '../lib/schema.js';
import { ApiError, validationError } from './errors.js';
import { LEAD_LIMITS, LeadFieldsSchema, SubmitOptionsSchema } from './lead-submission.js';

export const TrustedFormUrl = httpUrl(500);
export const ExternalId = text({ min: 1, max: 200 });

export const SubmitLeadSchema = z
  .object({
    lead: LeadFieldsSchema,
    external_id: ExternalId.optional().describe('Your id for the lead; resubmitting it is safe'),
    trusted_form_cert_url: TrustedFormUrl.optional(),
    source_id: text({ min: 1, max: 100 })
      .optional()
      .describe("The flow's source (POST /flows/{id}/sources) sending it; implied by a source's key"),
    ping_id: text({ min: 1, max: 100 })
      .optional()
      .describe(
        'Sell at the bid of this ping (POST /flows/{id}/ping): before it expires, with the pinged values',
      ),
    options: SubmitOptionsSchema.prefault({}),
  })
  .openapi('SubmitLead');

const TRUE_OR_FALSE = { type: 'string', enum: ['true', 'false'] } as const;
/**
 * The form-encoded body as formToSubmission reads it, stated for the document: the reserved keys, then
 * any other key (or `lead.<name>`) is a lead field with LeadFieldsSchema's limits; `options.<other>` is
 * ignored.
 */
export const FORM_SUBMISSION = {
  type: 'object',
  properties: {
    external_id: { type: 'string', minLength: 1, maxLength: 200 },
    trusted_form_cert_url: { type: 'string', format: 'uri', maxLength: 500 },
    xxTrustedFormCertUrl: { type: 'string', format: 'uri', maxLength: 500 },
    source_id: { type: 'string', minLength: 1, maxLength: 100 },
    ping_id: { type: 'string', minLength: 1, maxLength: 100 },
    'options.async': TRUE_OR_FALSE,
    'options.test_mode': TRUE_OR_FALSE,
    'options.timeout': {
      type: 'string',
      pattern: '^0*(?:[1-9][0-9]{2,4}|1[01][0-9]{4}|120000)$',
      description: 'Milliseconds, 100 to 120000',
    },
  },
  propertyNames: {
    pattern: '^(?:options\\.[\\s\\S]*|lead\\.[\\s\\S]{1,100}|(?!lead\\.|options\\.)[\\s\\S]{1,100})$',
  },
  additionalProperties: { type: 'string', maxLength: LEAD_LIMITS.fieldValueChars },
  maxProperties: LEAD_LIMITS.fields,
  description:
    'Lead fields at the top level (or as lead.<name>), plus external_id, trusted_form_cert_url and options.async, options.test_mode, options.timeout',
};

export type SubmitLeadBody = z.infer<typeof SubmitLeadSchema>;

/** Reads and validates a submission body (JSON or application/x-www-form-urlencoded). */
export async function readSubmission(c: Context): Promise<SubmitLeadBody> {
  const type = c.req.header('Content-Type') ?? '';
  const body = type.includes('application/x-www-form-urlencoded')
    ? formToSubmission(await c.req.parseBody({ all: true }))
    : await c.req.json().catch(() => {
        throw new ApiError(400, 'invalid_json', 'Request body is not valid JSON');
      });
  const parsed = SubmitLeadSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** Form fields as a submission: lead fields at the top level (or `lead.x`), `options.x`, the ids. */
export function formToSubmission(form: Record<string, string | File | (string | File)[]>) {
  const lead: Record<string, unknown> = {};
  const options: Record<string, unknown> = {};
  let externalId: string | undefined;
  let trustedFormCertUrl: string | undefined;
  let sourceId: string | undefined;
  let pingId: string | undefined;
  for (const [key, raw] of Object.entries(form)) {
    const value = Array.isArray(raw) ? raw.map(String) : String(raw);
    if (key === 'external_id') externalId = String(value);
    else if (key === 'source_id') sourceId = String(value);
    else if (key === 'ping_id') pingId = String(value);
    else if (key === 'trusted_form_cert_url' || key === 'xxTrustedFormCertUrl')
      trustedFormCertUrl = String(value);
    else if (key.startsWith('options.')) options[key.slice(8)] = formScalar(String(value));
    else if (key.startsWith('lead.')) lead[key.slice(5)] = value;
    else lead[key] = value;
  }
  return {
    lead,
    external_id: externalId,
    trusted_form_cert_url: trustedFormCertUrl,
    source_id: sourceId,
    ping_id: pingId,
    options,
  };
}

// Form values are all text; options need their booleans and numbers back.
function formScalar(value: string): unknown {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
