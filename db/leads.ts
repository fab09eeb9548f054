import type { FlowConfig } from '../domain/flow.js';
import type { LeadEvent, LeadStatus } from '../domain/lead.js';
import { type Pool, preparedStatement, type Queryable } from './pool.js';

export interface NewLeadRow {
  id: string;
  accountId: string;
  flowId: string;
  flowVersion: number;
  status: LeadStatus;
  source: string | null;
  sourceId: string | null;
  campaign: string | null;
  externalId: string | null;
  testMode: boolean;
  leadData: Record<string, unknown>;
  createdAt: string;
}

export interface LeadRow {
  id: string;
  account_id: string;
  flow_id: string;
  flow_version: number;
  status: LeadStatus;
  reason: string | null;
  source: string | null;
  source_id: string | null;
  campaign: string | null;
  external_id: string | null;
  test_mode: boolean;
  lead_data: Record<string, unknown>;
  normalized: Record<string, unknown> | null;
  /** Field -> parsed value ({normal, raw, valid, ...components}), sensitive fields masked. */
  fields: Record<string, Record<string, unknown>> | null;
  enhancements: Record<string, unknown> | null;
  quality_metrics: Record<string, number> | null;
  quality_score: number | null;
  rejection_kind: string | null;
  cost: number;
  revenue: number;
  /** The step number of the newest progress write applied (0: none yet); see updateLead. */
  progress_seq: number;
  created_at: Date;
  updated_at: Date;
  decided_at: Date | null;
}

const INSERT_LEAD = `INSERT INTO leads (id, account_id, flow_id, flow_version, status, source, campaign, external_id,
                        test_mode, lead_data, created_at, updated_at, source_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12)
     ON CONFLICT (id) DO NOTHING`;

const leadParams = (lead: NewLeadRow) => [
  lead.id,
  lead.accountId,
  lead.flowId,
  lead.flowVersion,
  lead.status,
  lead.source,
  lead.campaign,
  lead.externalId,
  lead.testMode,
  lead.leadData,
  lead.createdAt,
  lead.sourceId,
];

/**
 * A new lead and its first events in ONE statement (one round trip, atomic as a statement is);
 * idempotent (ON CONFLICT DO NOTHING on the lead and on each event id): a retried insert is a no-op.
 */
export async function insertLeadWithEvents(
  db: Queryable,
  lead: NewLeadRow,
  events: readonly LeadEvent[],
): Promise<void> {
  await db.query(insertLeadWithEventsStatement([...leadParams(lead), JSON.stringify(events)]));
}

export interface EventScope {
  leadId: string;
  accountId: string;
  flowId: string;
}

/** INSERT of a JSON array of events; the numbers are the parameters holding lead, account, flow, events. */
const insertEventsSql = (lead: number, account: number, flow: number, events: number) =>
  `INSERT INTO lead_events (id, lead_id, account_id, flow_id, type, outcome, reason, recipient_id,
                              response_code, duration_ms, details, enhancements, started_at)
     SELECT e.id, $${lead}, $${account}, $${flow}, e.type, e.outcome, e.reason, e.recipient_id, e.response_code,
            e.duration_ms, e.details, e.enhancements, e.timestamp
       FROM jsonb_array_elements($${events}::jsonb) WITH ORDINALITY AS a(value, ord),
            jsonb_to_record(a.value) AS e(id text, type text, outcome text, reason text, recipient_id text,
            response_code int, duration_ms int, details jsonb, enhancements jsonb, timestamp timestamptz)
      ORDER BY a.ord
     ON CONFLICT (id) DO NOTHING`;

// The events' foreign key to the lead is checked at the end of the statement, after the lead's insert.
const insertLeadWithEventsStatement = preparedStatement(
  'lead_insert_with_events',
  `WITH lead AS (${INSERT_LEAD}) ${insertEventsSql(1, 2, 3, 13)}`,
);

/** Idempotent by event id, which the workflow chooses deterministically. */
export async function insertEvents(
  db: Queryable,
  scope: EventScope,
  events: readonly LeadEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await db.query(insertEventsSql(1, 2, 3, 4), [
    scope.leadId,
    scope.accountId,
    scope.flowId,
    JSON.stringify(events),
  ]);
}

export interface LeadPatch {
  status: LeadStatus;
  reason: string | null;
  decided: boolean;
  rejectionKind?: string | null;
  normalized?: Record<string, unknown>;
  /** Parsed values, sensitive fields already masked. */
  fields?: Record<string, unknown>;
  enhancements?: Record<string, unknown>;
  qualityMetrics?: Record<string, number>;
  qualityScore?: number | null;
  cost?: number;
  revenue?: number;
  /**
   * The write's step number in the lead's run, increasing with each write. A write older than the
   * newest one applied changes nothing on the row (its events still land): the late first attempt of
   * a retried write cannot move the lead backwards. Absent (writers from before it existed): applied.
   */
  seq?: number;
}

const UPDATE_LEAD = `UPDATE leads SET status = $2, reason = $3, updated_at = now(),
            decided_at = CASE WHEN $4 THEN coalesce(decided_at, now()) ELSE decided_at END,
            rejection_kind = coalesce($5, rejection_kind),
            normalized = coalesce($6, normalized),
            enhancements = coalesce($7, enhancements),
            quality_metrics = coalesce($8, quality_metrics),
            quality_score = coalesce($9, quality_score),
            cost = coalesce($10, cost),
            revenue = coalesce($11, revenue),
            fields = coalesce($12, fields),
            progress_seq = coalesce($13, progress_seq)
      WHERE id = $1 AND ($13::int IS NULL OR progress_seq <= $13)`;

const patchParams = (leadId: string, patch: LeadPatch) => [
  leadId,
  patch.status,
  patch.reason,
  patch.decided,
  patch.rejectionKind ?? null,
  patch.normalized ?? null,
  patch.enhancements ?? null,
  patch.qualityMetrics ?? null,
  patch.qualityScore ?? null,
  patch.cost ?? null,
  patch.revenue ?? null,
  patch.fields ?? null,
  patch.seq ?? null,
];

/** Applies a status change and whatever else the step learned (absent fields keep their value), unless a newer write was applied already. */
export async function updateLead(db: Queryable, leadId: string, patch: LeadPatch): Promise<void> {
  await db.query(updateLeadStatement(patchParams(leadId, patch)));
}

const updateLeadStatement = preparedStatement('lead_update', UPDATE_LEAD);
const updateLeadWithEventsStatement = preparedStatement(
  'lead_update_with_events',
  `WITH events AS (${insertEventsSql(1, 14, 15, 16)}) ${UPDATE_LEAD}`,
);

/**
 * A lead's new events and its status change in ONE statement (one round trip, atomic as a statement
 * is); idempotent like insertEvents and updateLead.
 */
export async function updateLeadWithEvents(
  db: Queryable,
  scope: EventScope,
  patch: LeadPatch,
  events: readonly LeadEvent[],
): Promise<void> {
  if (events.length === 0) return updateLead(db, scope.leadId, patch);
  await db.query(
    updateLeadWithEventsStatement([
      ...patchParams(scope.leadId, patch),
      scope.accountId,
      scope.flowId,
      JSON.stringify(events),
    ]),
  );
}

/** The evaluating activity stores the lead's normal and parsed values (sensitive ones masked) at once. */
export async function storeLeadEvaluation(
  db: Queryable,
  leadId: string,
  evaluated: { normalized: Record<string, unknown>; fields: Record<string, unknown> },
): Promise<void> {
  await db.query(storeEvaluationStatement([leadId, evaluated.normalized, evaluated.fields]));
}

const storeEvaluationStatement = preparedStatement(
  'lead_store_evaluation',
  'UPDATE leads SET normalized = $2, fields = $3, updated_at = now() WHERE id = $1',
);

/**
 * The lead as stored, for activities that take a lead id instead of the lead: its input (`lead_data`)
 * and, once evaluated, its normal values; sensitive fields masked in both.
 */
export async function findStoredLeadData(
  db: Queryable,
  accountId: string,
  leadId: string,
): Promise<{ leadData: Record<string, unknown>; normalized: Record<string, unknown> | null } | null> {
  const { rows } = await db.query<{
    lead_data: Record<string, unknown>;
    normalized: Record<string, unknown> | null;
  }>(storedLeadDataStatement([leadId, accountId]));
  return rows[0] ? { leadData: rows[0].lead_data, normalized: rows[0].normalized } : null;
}

const storedLeadDataStatement = preparedStatement(
  'lead_stored_data',
  'SELECT lead_data, normalized FROM leads WHERE id = $1 AND account_id = $2',
);

export async function findLead(db: Pool, accountId: string, leadId: string): Promise<LeadRow | null> {
  const { rows } = await db.query<LeadRow>('SELECT * FROM leads WHERE id = $1 AND account_id = $2', [
    leadId,
    accountId,
  ]);
  return rows[0] ?? null;
}

interface EventRow {
  id: string;
  type: LeadEvent['type'];
  outcome: LeadEvent['outcome'];
  reason: string | null;
  recipient_id: string | null;
  recipient_name: string | null;
  response_code: number | null;
  duration_ms: number | null;
  details: Record<string, unknown> | null;
  enhancements: string[] | null;
  started_at: Date;
}

export async function listLeadEvents(db: Pool, leadId: string): Promise<LeadEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT e.id, e.type, e.outcome, e.reason, e.recipient_id, r.name AS recipient_name, e.response_code,
            e.duration_ms, e.details, e.enhancements, e.started_at
       FROM lead_events e LEFT JOIN recipients r ON r.id = e.recipient_id
      WHERE e.lead_id = $1
      ORDER BY e.started_at, e.seq`,
    [leadId],
  );
  return rows.map(eventFromRow);
}

function eventFromRow(row: EventRow): LeadEvent {
  const event: LeadEvent = {
    id: row.id,
    type: row.type,
    outcome: row.outcome,
    timestamp: row.started_at.toISOString(),
  };
  if (row.reason !== null) event.reason = row.reason;
  if (row.recipient_id !== null) {
    event.recipient_id = row.recipient_id;
    event.recipient = row.recipient_name ?? row.recipient_id;
  }
  if (row.response_code !== null) event.response_code = row.response_code;
  if (row.duration_ms !== null) event.duration_ms = row.duration_ms;
  if (row.enhancements !== null) event.enhancements = row.enhancements;
  if (row.details !== null) event.details = row.details;
  return event;
}

export interface RedeliverySource {
  /** The lead row; in a redelivery context (`withoutLeadData`), without its data columns. */
  lead: LeadRow;
  flowConfig: FlowConfig;
  deliveredTo: string[];
  replayCount: number;
}

/** What a redelivery run needs: the lead, the flow version it ran under, who already has it. */
export async function loadRedeliverySource(
  db: Queryable,
  accountId: string,
  leadId: string,
  options: { withoutLeadData?: boolean } = {},
): Promise<RedeliverySource | null> {
  const { rows } = await db.query<LeadRow & { flow_config: RedeliverySource['flowConfig'] }>(
    `SELECT l.*, v.config AS flow_config FROM leads l
       JOIN flow_versions v ON v.flow_id = l.flow_id AND v.version = l.flow_version
      WHERE l.id = $1 AND l.account_id = $2`,
    [leadId, accountId],
  );
  const row = rows[0];
  if (!row) return null;
  const events = await db.query<{ type: string; recipient_id: string | null }>(
    `SELECT type, recipient_id FROM lead_events WHERE lead_id = $1 AND type IN ('delivered', 'replayed')`,
    [leadId],
  );
  const { flow_config: flowConfig, ...lead } = row;
  if (options.withoutLeadData) {
    // The run reads the lead by id where it needs it; its history keeps only this.
    for (const column of ['lead_data', 'normalized', 'fields', 'enhancements'] as const)
      delete (lead as Partial<LeadRow>)[column];
  }
  return {
    lead,
    flowConfig,
    deliveredTo: [
      ...new Set(
        events.rows.filter((e) => e.type === 'delivered' && e.recipient_id).map((e) => e.recipient_id!),
      ),
    ],
    replayCount: events.rows.filter((e) => e.type === 'replayed').length,
  };
}
