import { promises as dns } from 'node:dns';
import { releaseCaps, reserveCaps } from '../db/caps.js';
import { claimFingerprints, releaseFingerprints } from '../db/fingerprints.js';
import type { Pool } from '../db/pool.js';
import { findRecipient } from '../db/recipients.js';
import { compileCriteria, criteriaContext, evaluateCriteria } from '../domain/criteria.js';
import type { ParsedValue } from '../domain/fields/index.js';
import { type Cap, withCapIds } from '../domain/flow.js';
import { type EvaluationInput, evaluateLead, type LeadEvaluation } from '../domain/pipeline.js';

export type MxStatus = 'valid' | 'no_mx' | 'no_domain' | 'unknown';

export interface CapsRequest {
  leadId: string;
  flowId: string;
  caps: Cap[];
  timeZone: string;
  at: string;
}

export interface RecipientCapsRequest {
  leadId: string;
  accountId: string;
  recipientId: string;
  parsed: Record<string, ParsedValue>;
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
      const context = criteriaContext(request.parsed, {
        submittedAt: new Date(request.at),
        timeZone: request.timeZone,
        source: request.source,
        campaign: request.campaign,
      });
      const applicable = withCapIds(recipient.config.caps).filter((cap) => {
        if (!cap.criteria) return true;
        const compiled = compileCriteria(cap.criteria);
        return compiled.ok && evaluateCriteria(compiled.program, context).pass;
      });
      const result = await reserveCaps(
        pool,
        request.leadId,
        applicable.map((cap) => ({
          key: `recipient:${request.recipientId}:${cap.id}`,
          capId: cap.id,
          maximum: cap.maximum,
          per: cap.per,
          timeZone: request.timeZone,
        })),
        request.at,
      );
      return result.granted ? { granted: true, capId: null } : { granted: false, capId: result.capId };
    },

    /** Fixed sale prices of recipients, for a waterfall ordered by price. */
    async recipientSalePrices(
      accountId: string,
      recipientIds: string[],
    ): Promise<Record<string, number | null>> {
      const prices: Record<string, number | null> = {};
      for (const id of recipientIds)
        prices[id] = (await findRecipient(pool, accountId, id))?.config.sale_price ?? null;
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

    async releaseDuplicateKeys(leadId: string): Promise<void> {
      await releaseFingerprints(pool, leadId);
    },
  };
}
