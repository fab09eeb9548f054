import { z } from 'zod';

// The flow configuration schema. Workflows only `import type` from here (zod stays out of the
// workflow bundle); the API validates writes with it and stores each accepted config as a version.

export const HttpRecipientConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).describe('Endpoint the lead is delivered to'),
  method: z.enum(['POST', 'PUT']).default('POST'),
  format: z.enum(['json', 'form']).default('json'),
  headers: z.record(z.string(), z.string()).default({}),
  timeout_ms: z.number().int().min(100).max(60_000).default(10_000),
});
export type HttpRecipientConfig = z.infer<typeof HttpRecipientConfigSchema>;

export const RecipientInputSchema = z.object({
  name: z.string().min(1).max(200),
  type: z.literal('http').default('http'),
  config: HttpRecipientConfigSchema,
});

export const DeliveryStepSchema = z.object({
  type: z.literal('delivery'),
  name: z.string().max(200).optional(),
  recipient_id: z.string().regex(/^rcp_/, 'must be a recipient id (rcp_...)'),
});
export type DeliveryStep = z.infer<typeof DeliveryStepSchema> & { id: string };

export const FlowSettingsSchema = z.object({
  required_fields: z.array(z.string().min(1).max(100)).max(200).default([]),
});
export type FlowSettings = z.infer<typeof FlowSettingsSchema>;

/** The stored, versioned configuration a lead runs against. */
export interface FlowConfig {
  settings: FlowSettings;
  steps: DeliveryStep[];
}
