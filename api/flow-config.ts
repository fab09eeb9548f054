import { z } from '@hono/zod-openapi';
import { compileCriteria } from '../domain/criteria.js';
import {
  assignIds,
  celExpressions,
  type FlowConfig,
  FlowConfigSchema,
  FlowSettingsSchema,
  RecipientInputSchema,
  StepSchema,
} from '../domain/flow.js';
import { text } from '../lib/schema.js';

/** Rejects a config whose CEL expressions do not compile, pointing at the expression and position. */
function checkCel(config: z.infer<typeof FlowConfigSchema>, ctx: z.RefinementCtx): void {
  addCelIssues(celExpressions(config), ctx);
}

/** Compiles each CEL expression of a body and reports those that do not compile, at their path. */
export function addCelIssues(
  expressions: Iterable<{ path: string; expression: string }>,
  ctx: z.RefinementCtx,
): void {
  for (const { path, expression } of expressions) {
    const compiled = compileCriteria(expression);
    if (!compiled.ok) {
      const at = compiled.error.position
        ? ` at line ${compiled.error.position.line}, column ${compiled.error.position.column}`
        : '';
      ctx.addIssue({
        code: 'custom',
        path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        message: `Invalid expression${at}: ${compiled.error.message}`,
        params: { position: compiled.error.position },
      });
    }
  }
}

// A delivery step may name an existing recipient, or define one inline (created with the flow).
const DeliveryStepInputSchema = StepSchema.options[2]
  .extend({
    recipient_id: z.string().regex(/^rcp_/).optional(),
    recipient: RecipientInputSchema.optional().describe('A new recipient, created with the flow'),
  })
  .refine((s) => (s.recipient_id === undefined) !== (s.recipient === undefined), {
    message: 'Give exactly one of recipient_id or recipient',
  })
  .openapi({ oneOf: [{ required: ['recipient_id'] }, { required: ['recipient'] }] });

const StepInputSchema = z.union([
  StepSchema.options[0],
  StepSchema.options[1],
  DeliveryStepInputSchema,
  StepSchema.options[3],
]);
type StepInput = z.infer<typeof StepInputSchema>;

const FlowMetaSchema = z.object({
  name: text({ min: 1, max: 200, trim: true }),
  description: text({ max: 2000 }).nullable().optional(),
  status: z.enum(['active', 'paused']).default('active'),
});

export const FlowWriteSchema = FlowMetaSchema.extend(FlowConfigSchema.shape)
  .extend({ steps: z.array(StepInputSchema).max(100).default([]) })
  .superRefine((body, ctx) =>
    checkCel({ ...body, steps: body.steps.map(toStoredStep) } as z.infer<typeof FlowConfigSchema>, ctx),
  )
  .openapi('FlowInput');
export type FlowWrite = z.infer<typeof FlowWriteSchema>;

/**
 * Documented settings update: any subset of the settings; the ones left out keep their values. Built
 * without the settings' defaults: zod's `.partial()` still fills a field with its default, which would
 * reset every setting the request does not name.
 */
const settings = FlowSettingsSchema.shape;
const PartialSettingsSchema = z.object({
  required_fields: settings.required_fields.unwrap().optional(),
  acceptance_criteria: settings.acceptance_criteria.unwrap().optional(),
  quality_threshold: settings.quality_threshold.unwrap().optional(),
  volume_cap: settings.volume_cap.unwrap().optional(),
  notifications: settings.notifications.unwrap().optional(),
  time_zone: settings.time_zone.unwrap().optional(),
} satisfies Record<keyof typeof settings, unknown>);
export const SettingsUpdateSchema = z
  .object({ settings: PartialSettingsSchema })
  .openapi('FlowSettingsUpdate');

export function validateConfig(config: z.infer<typeof FlowConfigSchema>): z.ZodError | null {
  const result = FlowConfigSchema.superRefine(checkCel).safeParse(config);
  return result.success ? null : result.error;
}

function toStoredStep(step: StepInput) {
  if (step.type !== 'delivery') return step;
  const { recipient: _inline, ...rest } = step;
  return { ...rest, recipient_id: rest.recipient_id ?? 'rcp_pending' };
}

/** The stored config for a write, once inline recipients have ids. */
export function toFlowConfig(body: FlowWrite, recipientIds: Map<number, string>): FlowConfig {
  const steps = body.steps.map((step, index) => {
    const stored = toStoredStep(step);
    return stored.type === 'delivery'
      ? { ...stored, recipient_id: recipientIds.get(index) ?? stored.recipient_id }
      : stored;
  });
  return assignIds(
    FlowConfigSchema.parse({
      settings: body.settings,
      fields: body.fields,
      steps,
      caps: body.caps,
      pricing: body.pricing,
      distribution: body.distribution,
      delivery_retry: body.delivery_retry,
    }),
  );
}
