import { ApplicationFailure } from '@temporalio/activity';
import type { Pool } from '../db/pool.js';
import { readBodyLimited } from '../lib/http-body.js';
import { isDestinationNotAllowed } from '../lib/outbound.js';
import { storedLead } from './delivery.js';

export interface TrustedFormClaimRequest {
  claimUrl: string;
  certUrl: string;
  leadId: string;
  /** Runs recorded before leads were read by id pass email and phone; now they are read by lead id. */
  accountId?: string;
  email?: string | null;
  phone?: string | null;
}

export interface TrustedFormClaim {
  status: 'claimed' | 'rejected';
  /** From the claim service's `age_in_seconds`; null when it does not say. */
  ageInDays: number | null;
  expiresAt: string | null;
  reason: string | null;
}

/**
 * The pluggable TrustedForm claim step (off unless a flow sets `claim_url`): POSTs the certificate
 * to the claim service and reads its answer. A 5xx or timeout is retried; a 4xx is a rejected claim.
 * Expected answer (TrustedForm-like): `{ "age_in_seconds": 3600, "expires_at": "...", "outcome": "success" }`.
 */
export function createTrustedFormActivities({
  pool,
  fetchImpl = fetch,
}: {
  pool?: Pool;
  fetchImpl?: typeof fetch;
}) {
  return {
    async claimTrustedForm(request: TrustedFormClaimRequest): Promise<TrustedFormClaim> {
      let { email = null, phone = null } = request;
      if (request.email === undefined && request.accountId && pool) {
        const lead = await storedLead(pool, request.accountId, request.leadId);
        email = typeof lead.email === 'string' ? lead.email : null;
        phone = typeof lead.phone === 'string' ? lead.phone : null;
      }
      let response: Response;
      try {
        response = await fetchImpl(request.claimUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({
            cert_url: request.certUrl,
            reference: request.leadId,
            match_lead: { email, phone },
          }),
          signal: AbortSignal.timeout(5000),
          redirect: 'manual', // a claim service answers itself; a redirect is not followed anywhere
        });
      } catch (err) {
        if (isDestinationNotAllowed(err)) {
          throw ApplicationFailure.nonRetryable(
            'TrustedForm claim URL is not a public address',
            'ClaimNotAllowed',
          );
        }
        throw ApplicationFailure.retryable('TrustedForm claim service unreachable', 'ClaimUnavailable');
      }
      const body = (await readBodyLimited(response, 64 * 1024)
        .then((text) => JSON.parse(text) as unknown)
        .catch(() => ({}))) as Record<string, unknown>;
      if (response.status >= 500) {
        throw ApplicationFailure.retryable(
          `TrustedForm claim answered HTTP ${response.status}`,
          'ClaimUnavailable',
        );
      }
      const seconds = Number(body.age_in_seconds);
      const base = {
        ageInDays: Number.isFinite(seconds) ? Math.floor(seconds / 86_400) : null,
        expiresAt: typeof body.expires_at === 'string' ? body.expires_at : null,
      };
      const outcome = typeof body.outcome === 'string' ? body.outcome.toLowerCase() : 'success';
      // A redirect is not an answer (they are not followed): the claim is not confirmed.
      if (response.status >= 300 || outcome !== 'success') {
        const reason =
          typeof body.reason === 'string'
            ? body.reason
            : response.status >= 300 && response.status < 400
              ? `Claim service redirected (HTTP ${response.status}); use its final URL`
              : `Claim refused (HTTP ${response.status})`;
        return { ...base, status: 'rejected', reason };
      }
      return { ...base, status: 'claimed', reason: null };
    },
  };
}
