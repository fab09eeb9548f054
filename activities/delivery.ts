import { ApplicationFailure, Context } from '@temporalio/activity';
import { latestBid } from '../db/auction-bids.js';
import { findStoredLeadData } from '../db/leads.js';
import type { Pool } from '../db/pool.js';
import { findRecipient, type RecipientRow } from '../db/recipients.js';
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
      // The stored lead is read alongside the recipient (two round trips at once, not one after the
      // other); a step that returns early leaves its result, or its error, unused.
      const leadRead =
        request.lead || request.testMode
          ? null
          : storedLead(pool, request.accountId, request.leadId, request.sensitive);
      leadRead?.catch(() => {});
      const recipient = await findRecipient(pool, request.accountId, request.recipientId);
      if (!recipient) {
        throw ApplicationFailure.nonRetryable(
          `Recipient ${request.recipientId} not found`,
          'RecipientNotFound',
        );
      }
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
      // A ping/post buyer is sold a lead only at a bid it made: a replay posts at its latest bid.
      let bid: { price: number; bidId: string | null } | null = null;
      if (recipient.type === 'ping_post') {
        const stored = await latestBid(pool, request.accountId, request.leadId, recipient.id);
        if (!stored) {
          return {
            outcome: 'failure',
            reason: 'No bid from this ping/post buyer for this lead',
            recipientName: recipient.name,
            responseCode: null,
            durationMs: 0,
            price: 0,
            reference: null,
          };
        }
        bid = { price: stored.price ?? 0, bidId: stored.bid_id };
      }
      const lead = request.lead ?? (await leadRead!);
      return sendLead(fetchImpl, recipient, lead, {
        idempotencyKey: request.idempotencyKey,
        urlOverride: request.urlOverride ?? null,
        bid,
      });
    },
  };
}

/**
 * Sends the lead to a recipient and reads its answer. A definite answer (accept or decline) is
 * returned; anything that may succeed later (5xx, timeout, connection error) is thrown, retryable. With
 * a `bid` (an auction's winner), the lead is sold at the bid, its bid id in the recipient's
 * `bid_id_field`, whatever price the answer names.
 */
export async function sendLead(
  fetchImpl: typeof fetch,
  recipient: RecipientRow,
  lead: Record<string, unknown>,
  options: {
    idempotencyKey: string;
    urlOverride: string | null;
    bid: { price: number; bidId: string | null } | null;
  },
): Promise<DeliveryResult> {
  const config = recipient.config;
  const payload = recipientPayload(lead, config.field_mapping);
  const bidIdField = 'bid_id_field' in config ? config.bid_id_field : null;
  if (options.bid?.bidId && bidIdField) payload[bidIdField] = options.bid.bidId;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const exchange = await exchangeWithBuyer(
    fetchImpl,
    options.urlOverride ?? config.url,
    config,
    {
      payload,
      idempotencyKey: options.idempotencyKey,
      // The recipient's headers and credentials belong to its own endpoint: never sent to an override URL.
      ownEndpoint: !options.urlOverride,
    },
    // Heartbeats while the buyer answers: if this worker dies, Temporal retries the delivery on
    // another within the heartbeat timeout instead of waiting out the whole start-to-close timeout.
    { timeoutMs: config.timeout_ms, maxBytes: MAX_RESPONSE_BYTES, heartbeat: true },
  );
  if (exchange.kind === 'not_allowed') {
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
  if (exchange.kind !== 'answered') {
    deliveryAttempts.inc({ outcome: 'error' });
    throw ApplicationFailure.retryable(
      exchange.kind === 'timeout' ? `Timed out after ${config.timeout_ms} ms` : 'Connection failed',
      'RecipientUnavailable',
      { responseCode: null, durationMs: elapsed() },
    );
  }
  const { answer } = exchange;
  const salePrice = 'sale_price' in config ? config.sale_price : null;
  const interpreted = interpretResponse(config.response, salePrice, answer);
  const base = { recipientName: recipient.name, responseCode: answer.status, durationMs: elapsed() };
  deliveryAttempts.inc({ outcome: interpreted.outcome });
  deliveryDuration.observe(base.durationMs / 1000);
  if (interpreted.outcome === 'error') {
    throw ApplicationFailure.retryable(interpreted.reason ?? 'Recipient error', 'RecipientUnavailable', base);
  }
  const sold = interpreted.outcome === 'success';
  return {
    ...base,
    outcome: interpreted.outcome,
    reason: interpreted.reason,
    price: sold && options.bid ? options.bid.price : interpreted.price,
    reference: interpreted.reference,
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

/** A buyer's answer as read: its status, content type and body text (at most the call's `maxBytes`). */
export interface BuyerAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

/**
 * What came of one request to a buyer: its answer, or why there is none (a destination the outbound
 * policy refuses, no answer within the time, a connection that failed). Never throws for the buyer's
 * sake; the caller decides what each means (a delivery retries, a ping reports it).
 */
export type BuyerExchange =
  | { kind: 'answered'; answer: BuyerAnswer }
  | { kind: 'not_allowed' | 'timeout' | 'unreachable' };

/**
 * Sends one request to a buyer's endpoint and reads its answer: the one path of deliveries, posts and
 * pings. Redirects are not followed (a 3xx is the answer), the body is read up to `maxBytes`, the
 * request is given up after `timeoutMs` or when the activity is cancelled; with `heartbeat` the
 * activity heartbeats while it waits.
 */
export async function exchangeWithBuyer(
  fetchImpl: typeof fetch,
  url: string,
  config: Pick<HttpRecipientConfig, 'method' | 'format' | 'headers' | 'basic_auth'>,
  request: { payload: Record<string, unknown>; idempotencyKey: string | null; ownEndpoint: boolean },
  limits: { timeoutMs: number; maxBytes: number; heartbeat: boolean },
): Promise<BuyerExchange> {
  const context = Context.current();
  const heartbeat = limits.heartbeat
    ? setInterval(() => context.heartbeat(), DELIVERY_HEARTBEAT_MS)
    : undefined;
  try {
    const response = await fetchImpl(
      url,
      buyerRequest(config, {
        ...request,
        signal: AbortSignal.any([AbortSignal.timeout(limits.timeoutMs), context.cancellationSignal]),
      }),
    );
    const body = await readBodyLimited(response, limits.maxBytes);
    return {
      kind: 'answered',
      answer: { status: response.status, contentType: response.headers.get('content-type'), body },
    };
  } catch (err) {
    if (isDestinationNotAllowed(err)) return { kind: 'not_allowed' };
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return { kind: timedOut ? 'timeout' : 'unreachable' };
  } finally {
    clearInterval(heartbeat);
  }
}

/** A request to a buyer's endpoint: its headers and credentials, the payload in its format. */
function buyerRequest(
  config: Pick<HttpRecipientConfig, 'method' | 'format' | 'headers' | 'basic_auth'>,
  options: {
    payload: Record<string, unknown>;
    idempotencyKey: string | null;
    ownEndpoint: boolean;
    signal: AbortSignal;
  },
): RequestInit {
  const { payload, ownEndpoint } = options;
  const headers: Record<string, string> = {
    ...(ownEndpoint ? config.headers : {}),
    ...(options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {}),
    'User-Agent': 'Leadrail/0.1',
    Accept: 'application/json, text/plain;q=0.9, */*;q=0.5',
  };
  if (ownEndpoint && config.basic_auth) {
    const credentials = Buffer.from(`${config.basic_auth.username}:${config.basic_auth.password}`).toString(
      'base64',
    );
    headers.Authorization = `Basic ${credentials}`;
  }
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
  return { method: config.method, headers, body, signal: options.signal, redirect: 'manual' };
}
