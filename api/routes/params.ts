import { z } from '@hono/zod-openapi';

/** The `{flow_id}` path parameter of the routes under a flow. */
export const FlowIdParam = z.object({
  flow_id: z.string().openapi({ param: { name: 'flow_id', in: 'path' } }),
});

/** The `{lead_id}` path parameter of the routes under a lead. */
export const LeadIdParam = z.object({ lead_id: z.string() });
