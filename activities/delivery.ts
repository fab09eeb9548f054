import { ApplicationFailure } from '@temporalio/activity';
import type { Pool } from '../db/pool.js';
import { findRecipient } from '../db/recipients.js';
import type { HttpRecipientConfig } from '../domain/flow.js';
import type { LeadFields } from '../domain/lead.js';

export interface DeliveryRequest {
  leadId: string;
  accountId: string;
  recipientId: string;
  lead: LeadFields;
  /** Same on every retry of one delivery, so a buyer can drop repeats. */
  idempotencyKey: string;
  testMode: boolean;
}

export interface DeliveryResult {
  outcome: 'success' | 'failure';
  reason: string | null;
  recipientName: string;
  responseCode: number | null;
  durationMs: number;
}

/** Failure types the workflow's retry policy must not retry. */
export const NON_RETRYABLE_DELIVERY_ERRORS = ['RecipientNotFound'];

export function createDeliveryActivities({
  pool,
  fetchImpl = fetch,
}: {
  pool: Pool;
  fetchImpl?: typeof fetch;
}) {
  return {
    /**
     * Sends the lead to one recipient. A definite answer from the buyer (2xx accept, 4xx decline) is
     * returned; anything that may succeed later (5xx, timeout, connection error) is thrown so that
     * Temporal retries it under the workflow's retry policy.
     */
    async deliverLead(request: DeliveryRequest): Promise<DeliveryResult> {
      const recipient = await findRecipient(pool, request.accountId, request.recipientId);
      if (!recipient) {
        throw ApplicationFailure.nonRetryable(
          `Recipient ${request.recipientId} not found`,
          'RecipientNotFound',
        );
      }
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      if (request.testMode) {
        return {
          outcome: 'success',
          reason: 'test mode: not sent',
          recipientName: recipient.name,
          responseCode: null,
          durationMs: 0,
        };
      }
      let response: Response;
      try {
        response = await fetchImpl(recipient.config.url, buildRequest(recipient.config, request));
      } catch (err) {
        const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
        throw ApplicationFailure.retryable(
          timedOut ? `Timed out after ${recipient.config.timeout_ms} ms` : 'Connection failed',
          'RecipientUnavailable',
        );
      }
      // Drain the body so the connection returns to the pool.
      await response.arrayBuffer().catch(() => undefined);
      const base = { recipientName: recipient.name, responseCode: response.status, durationMs: elapsed() };
      if (response.status >= 500) {
        throw ApplicationFailure.retryable(
          `Recipient answered HTTP ${response.status}`,
          'RecipientUnavailable',
          base,
        );
      }
      if (response.status >= 400) {
        return { ...base, outcome: 'failure', reason: `Recipient declined with HTTP ${response.status}` };
      }
      return { ...base, outcome: 'success', reason: null };
    },
  };
}

function buildRequest(config: HttpRecipientConfig, request: DeliveryRequest): RequestInit {
  const headers: Record<string, string> = {
    ...config.headers,
    'Idempotency-Key': request.idempotencyKey,
    'User-Agent': 'Leadrail/0.1',
  };
  let body: string;
  if (config.format === 'form') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(
      Object.entries(request.lead).map(([k, v]): [string, string] => [
        k,
        typeof v === 'string' ? v : JSON.stringify(v),
      ]),
    ).toString();
  } else {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.lead);
  }
  return {
    method: config.method,
    headers,
    body,
    signal: AbortSignal.timeout(config.timeout_ms),
    redirect: 'manual',
  };
}
