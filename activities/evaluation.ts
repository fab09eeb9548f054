import { promises as dns } from 'node:dns';
import { type CapRequest, capUsage, releaseCaps, reserveCaps } from '../db/caps.js';
import { claimFingerprints, releaseFingerprints } from '../db/fingerprints.js';
import { findStoredLeadData, storeLeadEvaluation } from '../db/leads.js';
import type { Pool } from '../db/pool.js';
import { findRecipient, findRecipients } from '../db/recipients.js';
import { type LeadAssessment, summarizeEvaluation } from '../domain/assessment.js';
import { compileCriteria, criteriaContext, evaluateCriteria } from '../domain/criteria.js';
import { duplicateFingerprints, type MxStatus } from '../domain/enhancements.js';
import { normalizeLead, type ParsedValue } from '../domain/fields/index.js';
import { type Cap, type FlowConfig, withCapIds } from '../domain/flow.js';
import type { LeadFields } from '../domain/lead.js';
import {
  type EvaluationInput,
  evaluateLead,
  fieldDefinitions,
  type LeadEvaluation,
} from '../domain/pipeline.js';

export type { MxStatus };

export interface CapsRequest {
  leadId: string;
  flowId: string;
  caps: Cap[];
  timeZone: string;
  at: string;
}

/**
 * What assessLead evaluates: the lead (a local activity's input is not recorded in history), or, when
 * absent, the lead as stored (a redelivery).
 */
export interface AssessmentInput extends Omit<EvaluationInput, 'lead'> {
  leadId: string;
  accountId: string;
  lead?: LeadFields;
  /** Store the normal and parsed values (sensitive ones masked) on the lead row. */
  store: boolean;
}

/** The lead a local activity works on: given, or read by id (then as stored, sensitive fields masked). */
export interface LeadSource {
  leadId: string;
  accountId: string;
  lead?: LeadFields;
  flow: FlowConfig;
  at: string;
}

export interface RecipientCapsRequest {
  leadId: string;
  accountId: string;
  recipientId: string;
  /** Runs recorded before leads were read by id pass the parsed values; now the lead is parsed here. */
  parsed?: Record<string, ParsedValue>;
  lead?: LeadFields;
  flow?: FlowConfig;
  source: string | null;
  campaign: string | null;
  timeZone: string;
  at: string;
}

// Short, local, idempotent steps: run as local activities in the lead workflow.
export function createEvaluationActivities({
  pool,
  resolver = new dns.Resolver({ timeout: 1000, tries: 1 }),
}: {
  pool: Pool;
  resolver?: Pick<dns.Resolver, 'resolveMx'>;
}) {
  let canary: { ok: boolean; at: number } | null = null;
  /** The lead's parsed values, from the given lead or the stored one. */
  async function parsedLead(source: LeadSource): Promise<Record<string, ParsedValue>> {
    let lead = source.lead;
    if (!lead) {
      const stored = await findStoredLeadData(pool, source.accountId, source.leadId);
      if (!stored) throw new Error(`Lead ${source.leadId} not found`);
      lead = stored.leadData;
    }
    return normalizeLead(fieldDefinitions(source.flow), lead, new Date(source.at)).values;
  }
  /** The recipient's caps whose criteria the lead meets, as counters to reserve or read. */
  async function applicableCaps(
    request: RecipientCapsRequest,
    caps: Parameters<typeof withCapIds>[0],
  ): Promise<CapRequest[]> {
    const parsed =
      request.parsed ??
      (await parsedLead({
        leadId: request.leadId,
        accountId: request.accountId,
        lead: request.lead,
        flow: request.flow!,
        at: request.at,
      }));
    const context = criteriaContext(parsed, {
      submittedAt: new Date(request.at),
      timeZone: request.timeZone,
      source: request.source,
      campaign: request.campaign,
    });
    return withCapIds(caps)
      .filter((cap) => {
        if (!cap.criteria) return true;
        const compiled = compileCriteria(cap.criteria);
        return compiled.ok && evaluateCriteria(compiled.program, context).pass;
      })
      .map((cap) => ({
        key: `recipient:${request.recipientId}:${cap.id}`,
        capId: cap.id,
        maximum: cap.maximum,
        per: cap.per,
        timeZone: request.timeZone,
      }));
  }
  /** Whether DNS works at all here (an offline machine answers ENOTFOUND for everything). */
  async function dnsWorks(): Promise<boolean> {
    if (canary && Date.now() - canary.at < 5 * 60_000) return canary.ok;
    const ok = await resolver.resolveMx('gmail.com').then(
      (r) => r.length > 0,
      () => false,
    );
    canary = { ok, at: Date.now() };
    return ok;
  }

  return {
    /** Normalisation, validation, acceptance criteria, step criteria, caps that apply, price, quality. */
    async evaluateLead(input: EvaluationInput): Promise<LeadEvaluation> {
      return evaluateLead(input);
    },

    /**
     * The evaluation as a run keeps it: evaluates the lead, stores its normal and parsed values on the
     * lead row (sensitive fields masked), and returns the decisions and the few facts the steps need,
     * not the lead (its result is recorded in history; domain/assessment.ts).
     */
    async assessLead(input: AssessmentInput): Promise<LeadAssessment> {
      let lead = input.lead;
      if (!lead) {
        const stored = await findStoredLeadData(pool, input.accountId, input.leadId);
        if (!stored) throw new Error(`Lead ${input.leadId} not found`);
        lead = stored.leadData;
      }
      const evaluation = evaluateLead({ ...input, lead });
      if (input.store) await storeLeadEvaluation(pool, input.leadId, evaluation.storable);
      return summarizeEvaluation(evaluation);
    },

    /** MX lookup with a short timeout; degrades to `unknown` when DNS cannot answer (e.g. offline). */
    async checkEmailDomain(domain: string): Promise<MxStatus> {
      try {
        const records = await resolver.resolveMx(domain);
        return records.length > 0 ? 'valid' : 'no_mx';
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENODATA') return 'no_mx';
        if (code === 'ENOTFOUND' && (await dnsWorks())) return 'no_domain';
        return 'unknown';
      }
    },

    async reserveFlowCaps(
      request: CapsRequest,
    ): Promise<{ granted: boolean; capId: string | null; reason: string | null }> {
      const result = await reserveCaps(
        pool,
        request.leadId,
        request.caps.map((cap) => ({
          key: `flow:${request.flowId}:${cap.id}`,
          capId: cap.id,
          maximum: cap.maximum,
          per: cap.per,
          timeZone: request.timeZone,
        })),
        request.at,
      );
      if (result.granted) return { granted: true, capId: null, reason: null };
      const cap = request.caps.find((c) => c.id === result.capId);
      return { granted: false, capId: result.capId, reason: cap?.reason ?? 'cap_reached' };
    },

    /** A recipient's own caps (account-wide, across flows); a full cap means the recipient is skipped. */
    async reserveRecipientCaps(
      request: RecipientCapsRequest,
    ): Promise<{ granted: boolean; capId: string | null }> {
      const recipient = await findRecipient(pool, request.accountId, request.recipientId);
      if (!recipient || recipient.config.caps.length === 0) return { granted: true, capId: null };
      const applicable = await applicableCaps(request, recipient.config.caps);
      const result = await reserveCaps(pool, request.leadId, applicable, request.at);
      return result.granted ? { granted: true, capId: null } : { granted: false, capId: result.capId };
    },

    /**
     * Which of these recipients have a cap that applies to the lead and is full now, read and not
     * reserved (recipient id -> cap id): an auction does not ping a buyer that could not take the lead.
     */
    async recipientCapsReached(
      request: Omit<RecipientCapsRequest, 'recipientId' | 'parsed'> & { recipientIds: string[] },
    ): Promise<Record<string, string>> {
      const recipients = await findRecipients(pool, request.accountId, request.recipientIds);
      const capped = [...new Set(request.recipientIds)].flatMap((id) => {
        const recipient = recipients.get(id);
        return recipient && recipient.config.caps.length > 0 ? [{ id, caps: recipient.config.caps }] : [];
      });
      if (capped.length === 0) return {};
      // The lead is parsed once, and every capped recipient's counters read in one query.
      const parsed = await parsedLead({ ...request, flow: request.flow! });
      const applicable: Array<{ id: string; caps: CapRequest[] }> = [];
      for (const { id, caps } of capped) {
        applicable.push({ id, caps: await applicableCaps({ ...request, recipientId: id, parsed }, caps) });
      }
      const usage = await capUsage(
        pool,
        applicable.flatMap(({ caps }) => caps),
        request.timeZone,
      );
      const reached: Record<string, string> = {};
      for (const { id, caps } of applicable) {
        const full = caps.find((cap) => cap.maximum <= (usage.get(cap.key)?.used ?? 0));
        if (full) reached[id] = full.capId;
      }
      return reached;
    },

    /** Fixed sale prices of recipients, for a waterfall ordered by price. */
    async recipientSalePrices(
      accountId: string,
      recipientIds: string[],
    ): Promise<Record<string, number | null>> {
      const recipients = await findRecipients(pool, accountId, recipientIds);
      const prices: Record<string, number | null> = {};
      for (const id of recipientIds) {
        const recipient = recipients.get(id);
        prices[id] = recipient?.type === 'http' ? recipient.config.sale_price : null;
      }
      return prices;
    },

    async releaseCapSlots(leadId: string, keyPrefix: string): Promise<number> {
      return releaseCaps(pool, leadId, keyPrefix);
    },

    async claimDuplicateKeys(input: {
      leadId: string;
      flowId: string;
      values: Array<{ kind: string; value: string }>;
      lookbackDays: number;
      at: string;
    }) {
      return claimFingerprints(pool, { ...input, fingerprints: input.values });
    },

    /**
     * The duplicate_check step on the lead's normal values of `fields` (lower-cased), read from the lead
     * itself rather than from the run's history. Returns which fields were checked and the earlier lead.
     */
    async claimDuplicateFields(
      input: LeadSource & { flowId: string; fields: string[]; lookbackDays: number },
    ): Promise<{ duplicate: { duplicateOf: string; kind: string } | null; checked: string[] }> {
      const parsed = await parsedLead(input);
      const values = duplicateFingerprints(input.fields, (field) => parsed[field]?.normal);
      const duplicate = await claimFingerprints(pool, {
        leadId: input.leadId,
        flowId: input.flowId,
        fingerprints: values,
        lookbackDays: input.lookbackDays,
        at: input.at,
      });
      return { duplicate, checked: values.map((v) => v.kind) };
    },

    async releaseDuplicateKeys(leadId: string): Promise<void> {
      await releaseFingerprints(pool, leadId);
    },
  };
}
