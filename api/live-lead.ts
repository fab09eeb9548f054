// A lead's state as its running workflow holds it: ahead of Postgres while the lead is in flight.
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { AccountIdAttr, ExternalIdAttr, leadStateQuery, SourceAttr } from '../workflows/shared.js';

/** The live status, reason and events of a lead's run; nothing when the run cannot be asked. */
export async function liveState(temporal: Client, leadId: string) {
  try {
    const s = await temporal.workflow.getHandle(leadId).query(leadStateQuery);
    return { status: s.status, reason: s.reason, events: s.events };
  } catch {
    return {};
  }
}

/** A lead submitted a moment ago whose first write has not landed: ask its workflow (same account only). */
export async function liveLead(temporal: Client, accountId: string, leadId: string) {
  if (!/^lead_[0-9a-z]{26}$/.test(leadId)) return null;
  const handle = temporal.workflow.getHandle(leadId);
  try {
    const description = await handle.describe();
    if (description.typedSearchAttributes.get(AccountIdAttr) !== accountId) return null;
    // Only a run still going can be ahead of Postgres; a closed run whose lead is not in Postgres
    // was deleted by the lead retention and is not served from Temporal's copy.
    if (description.status.name !== 'RUNNING') return null;
    const s = await handle.query(leadStateQuery);
    return {
      id: s.id,
      flow_id: s.flow_id,
      flow_version: 0,
      created_at: s.created_at,
      updated_at: s.created_at,
      status: s.status,
      reason: s.reason,
      source: description.typedSearchAttributes.get(SourceAttr) ?? null,
      source_id: null,
      campaign: null,
      external_id: description.typedSearchAttributes.get(ExternalIdAttr) ?? null,
      test_mode: s.test_mode,
      lead_data: {},
      fields: null,
      enhancements: {},
      events: s.events,
      quality_metrics: s.quality_metrics,
      quality_score: s.quality_score,
      pricing: { cost: s.pricing.amount, revenue: s.revenue, currency: 'USD' as const },
    };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}
