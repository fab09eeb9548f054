import { ApplicationFailure, Context } from '@temporalio/activity';
import { findStoredLeadData } from '../db/leads.js';
import type { Pool } from '../db/pool.js';
import { findRecipient } from '../db/recipients.js';
import { interpretResponse } from '../domain/delivery-response.js';
import type { HttpRecipientConfig } from '../domain/flow.js';
import { recipientPayload } from '../domain/pipeline.js';
import { readBodyLimited } from '../lib/http-body.js';
import { deliveryAttempts, deliveryDuration } from '../lib/metrics.js';
import { isDestinationNotAllowed } from '../lib/outbound.js';

export interface DeliveryRequest {
  leadId: string;
  accountId: string;
  recipientId: string;
  /**
   * Normalised lead fields; the recipient's field mapping picks and renames them. Runs recorded before
   * leads were read by id send them along; now the activity reads the stored lead by id, with the real
   * values of its sensitive fields (stored masked) in `sensitive`.
   */
  lead?: Record<string, unknown>;
  sensitive?: Record<string, unknown>;
  /** Same on every retry of one delivery, so a buyer can drop repeats. */
  idempotencyKey: string;
  testMode: boolean;
  /** An operator's replay may send to a corrected URL; credentials are fixed by editing the recipient. */
  urlOverride?: string | null;
}

export interface DeliveryResult {
  outcome: 'success' | 'failure';
  reason: string | null;
  recipientName: string;
  responseCode: number | null;
  durationMs: number;
  price: number;
  reference: string | null;
}

/** Failure types the workflow's retry policy must not retry. */
export const NON_RETRYABLE_DELIVERY_ERRORS = ['RecipientNotFound'];

const MAX_RESPONSE_BYTES = 256 * 1024;
/** How often a delivery heartbeats; the workflow's heartbeat timeout is a few of these. */
export const DELIVERY_HEARTBEAT_MS = 1000;

export function createDeliveryActivities({
  pool,
  fetchImpl = fetch,
}: {
  pool: Pool;
  fetchImpl?: typeof fetch;
}) {
  return {
    /**
     * Sends the lead to one recipient. A definite answer from the buyer (accept or decline) is returned;
     * anything that may succeed later (5xx, timeout, connection error) is thrown so Temporal retries it
     * under the flow's retry policy. Test-mode leads are never sent.
     */
    async deliverLead(request: DeliveryRequest): Promise<DeliveryResult> {
      const recipient = await findRecipient(pool, request.accountId, request.recipientId);
      if (!recipient) {
        throw ApplicationFailure.nonRetryable(
          `Recipient ${request.recipientId} not found`,
          'RecipientNotFound',
        );
      }
      const config = recipient.config;
      if (request.testMode) {
        return {
          outcome: 'success',
          reason: 'test mode: not sent',
          recipientName: recipient.name,
          responseCode: null,
          durationMs: 0,
          price: 0,
          reference: null,
        };
      }
      const lead =
        request.lead ?? (await storedLead(pool, request.accountId, request.leadId, request.sensitive));
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      // Heartbeats while the buyer answers: if this worker dies, Temporal retries the delivery on
      // another within the heartbeat timeout instead of waiting out the whole start-to-close timeout.
      const context = Context.current();
      const heartbeat = setInterval(() => context.heartbeat(), DELIVERY_HEARTBEAT_MS);
      let response: Response;
      let body: string;
      try {
        response = await fetchImpl(
          request.urlOverride ?? config.url,
          buildRequest(config, { ...request, lead }, context.cancellationSignal),
        );
        body = await readBodyLimited(response, MAX_RESPONSE_BYTES);
      } catch (err) {
        if (isDestinationNotAllowed(err)) {
          // A configuration problem, not an outage: a definite failure, not retried.
          deliveryAttempts.inc({ outcome: 'failure' });
          return {
            outcome: 'failure',
            reason: 'Destination not allowed: not a public address',
            recipientName: recipient.name,
            responseCode: null,
            durationMs: elapsed(),
            price: 0,
            reference: null,
          };
        }
        const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
        deliveryAttempts.inc({ outcome: 'error' });
        throw ApplicationFailure.retryable(
          timedOut ? `Timed out after ${config.timeout_ms} ms` : 'Connection failed',
          'RecipientUnavailable',
          { responseCode: null, durationMs: elapsed() },
        );
      } finally {
        clearInterval(heartbeat);
      }
      const interpreted = interpretResponse(config.response, config.sale_price, {
        status: response.status,
        contentType: response.headers.get('content-type'),
        body,
      });
      const base = { recipientName: recipient.name, responseCode: response.status, durationMs: elapsed() };
      deliveryAttempts.inc({ outcome: interpreted.outcome });
      deliveryDuration.observe(base.durationMs / 1000);
      if (interpreted.outcome === 'error') {
        throw ApplicationFailure.retryable(
          interpreted.reason ?? 'Recipient error',
          'RecipientUnavailable',
          base,
        );
      }
      return {
        ...base,
        outcome: interpreted.outcome,
        reason: interpreted.reason,
        price: interpreted.price,
        reference: interpreted.reference,
      };
    },
  };
}

/**
 * The lead's stored normal values with the real values of its sensitive fields laid over them: what a
 * delivery or webhook of the lead's own run sends. A lead no longer stored cannot be sent (not retried).
 */
export async function storedLead(
  pool: Pool,
  accountId: string,
  leadId: string,
  sensitive: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const stored = await findStoredLeadData(pool, accountId, leadId);
  if (!stored) throw ApplicationFailure.nonRetryable(`Lead ${leadId} is not stored`, 'LeadNotFound');
  return { ...(stored.normalized ?? stored.leadData), ...sensitive };
}

function buildRequest(
  config: HttpRecipientConfig,
  request: DeliveryRequest & { lead: Record<string, unknown> },
  cancelled: AbortSignal,
): RequestInit {
  // The recipient's headers and credentials belong to its own endpoint: never sent to an override URL.
  const ownEndpoint = !request.urlOverride;
  const headers: Record<string, string> = {
    ...(ownEndpoint ? config.headers : {}),
    'Idempotency-Key': request.idempotencyKey,
    'User-Agent': 'Leadrail/0.1',
    Accept: 'application/json, text/plain;q=0.9, */*;q=0.5',
  };
  if (ownEndpoint && config.basic_auth) {
    const credentials = Buffer.from(`${config.basic_auth.username}:${config.basic_auth.password}`).toString(
      'base64',
    );
    headers.Authorization = `Basic ${credentials}`;
  }
  const payload = recipientPayload(request.lead, config.field_mapping);
  let body: string;
  if (config.format === 'form') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(
      Object.entries(payload).map(([k, v]): [string, string] => [
        k,
        typeof v === 'string' ? v : JSON.stringify(v),
      ]),
    ).toString();
  } else {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(payload);
  }
  return {
    method: config.method,
    headers,
    body,
    signal: AbortSignal.any([AbortSignal.timeout(config.timeout_ms), cancelled]),
    redirect: 'manual',
  };
}
