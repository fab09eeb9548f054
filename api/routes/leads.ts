import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { findLead, listLeadEvents } from '../../db/leads.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { notFound } from '../errors.js';
import { liveLead, liveState } from '../live-lead.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';
import { LeadDetailSchema, leadDetailView } from '../views.js';
import { LeadIdParam } from './params.js';

/** GET /leads/{lead_id}: Postgres's record, with the run's live state while the lead is in flight. */
export function leadsRouter({ pool, temporal }: AppDeps) {
  return new OpenAPIHono<AuthEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/leads/{lead_id}',
      summary: 'Get a lead: normalised data, enhancements, events, quality metrics, pricing',
      tags: ['Leads'],
      middleware: [requireScope('leads:read')],
      request: { params: LeadIdParam },
      responses: { 200: jsonResponse('Lead', LeadDetailSchema), ...errorResponses(404) },
    }),
    async (c) => {
      const { lead_id: leadId } = c.req.valid('param');
      const { accountId } = c.var.auth;
      const lead = await findLead(pool, accountId, leadId);
      if (lead) {
        const detail = leadDetailView(lead, await listLeadEvents(pool, leadId));
        // An in-flight lead's latest state is the workflow's; Postgres may be a step behind.
        if (!lead.decided_at) Object.assign(detail, await liveState(temporal, leadId));
        return c.json(detail, 200);
      }
      const live = await liveLead(temporal, accountId, leadId);
      if (!live) throw notFound('Lead');
      return c.json(live, 200);
    },
  );
}
