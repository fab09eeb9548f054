import { ApplicationFailure, Context } from '@temporalio/activity';
import {
  type AuctionBidRecord,
  findPostResult,
  recordAuctionBids,
  recordPostResult,
} from '../db/auction-bids.js';
import type { Pool } from '../db/pool.js';
import { findRecipient, findRecipients } from '../db/recipients.js';
import type { BidStatus } from '../domain/auction.js';
import { interpretBid, pingPayload } from '../domain/auction-ping.js';
import type { FieldDefinition } from '../domain/fields/types.js';
import { auctionPingDuration, auctionPings } from '../lib/metrics.js';
import { type DeliveryResult, exchangeWithBuyer, sendLead, storedLead } from './delivery.js';

/** Who takes part in an auction: a ping/post buyer is pinged; an ordinary one stands by its sale price. */
export interface AuctionBidder {
  name: string;
  kind: 'ping_post' | 'fixed';
  salePrice: number | null;
}

export interface PingRequest {
  leadId: string;
  accountId: string;
  recipientId: string;
  /** The flow version's field definitions: a field it declares personal is not pinged either. */
  flowFields: FieldDefinition[];
  /**
   * How long the auction waits for bids, counted from when Temporal scheduled its pings (all in the
   * same workflow task, so one deadline for all), not from when this worker picked one up.
   */
  deadlineMs: number;
}

export interface PingAnswer {
  status: BidStatus;
  price: number | null;
  bidId: string | null;
  reason: string | null;
  responseCode: number | null;
  durationMs: number;
  /** Allow-listed fields left out of the ping for their personal type. */
  withheld: string[];
}

export interface PostRequest {
  leadId: string;
  accountId: string;
  recipientId: string;
  round: number;
  idempotencyKey: string;
  price: number;
  bidId: string | null;
  /** The real values of the lead's sensitive fields (stored masked). */
  sensitive: Record<string, unknown>;
}

/** A ping's answer is small: a bid, an id, a reason. */
const MAX_PING_ANSWER_BYTES = 64 * 1024;

export function createAuctionActivities({
  pool,
  fetchImpl = fetch,
}: {
  pool: Pool;
  fetchImpl?: typeof fetch;
}) {
  /** One ping and what came of it (the activity's body). */
  async function ping(request: PingRequest): Promise<PingAnswer> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const answer = (status: BidStatus, reason: string, extra: Partial<PingAnswer> = {}): PingAnswer => ({
      status,
      price: null,
      bidId: null,
      reason,
      responseCode: null,
      durationMs: elapsed(),
      withheld: [],
      ...extra,
    });
    const recipient = await findRecipient(pool, request.accountId, request.recipientId);
    if (!recipient) return answer('error', 'Recipient not found');
    if (recipient.type !== 'ping_post') return answer('error', 'Not a ping/post recipient');
    const config = recipient.config;
    const lead = await storedLead(pool, request.accountId, request.leadId);
    const { payload, withheld } = pingPayload(lead, config, request.flowFields);
    const deadlineAt = Context.current().info.scheduledTimestampMs + request.deadlineMs;
    const remaining = Math.min(config.timeout_ms, deadlineAt - Date.now());
    if (remaining <= 0) return answer('timeout', 'No time left before the auction’s deadline', { withheld });
    const exchange = await exchangeWithBuyer(
      fetchImpl,
      config.ping_url,
      config,
      { payload, idempotencyKey: null, ownEndpoint: true },
      { timeoutMs: remaining, maxBytes: MAX_PING_ANSWER_BYTES, heartbeat: false },
    );
    switch (exchange.kind) {
      case 'not_allowed':
        return answer('error', 'Destination not allowed: not a public address', { withheld });
      case 'timeout':
        return answer('timeout', `No answer within the auction’s deadline (${request.deadlineMs} ms)`, {
          withheld,
        });
      case 'unreachable':
        return answer('error', 'Connection failed', { withheld });
    }
    const bid = interpretBid(config.bid, exchange.answer);
    return { ...bid, responseCode: exchange.answer.status, durationMs: elapsed(), withheld };
  }

  return {
    /** The auction's bidders by recipient id (a deleted recipient is absent). Local activity. */
    async auctionBidders(accountId: string, recipientIds: string[]): Promise<Record<string, AuctionBidder>> {
      const recipients = await findRecipients(pool, accountId, recipientIds);
      const bidders: Record<string, AuctionBidder> = {};
      for (const id of new Set(recipientIds)) {
        const recipient = recipients.get(id);
        if (!recipient) continue;
        bidders[id] =
          recipient.type === 'ping_post'
            ? { name: recipient.name, kind: 'ping_post', salePrice: null }
            : { name: recipient.name, kind: 'fixed', salePrice: recipient.config.sale_price };
      }
      return bidders;
    },

    /**
     * Asks one buyer for a bid with the allow-listed fields only, and waits no later than the
     * auction's deadline. Never throws for the buyer's sake: a late, failed or unreadable answer is an
     * answer (timeout, error, no bid). Runs once (no retries: the deadline leaves no time for one).
     */
    async pingBidder(request: PingRequest): Promise<PingAnswer> {
      const answer = await ping(request);
      auctionPings.inc({ status: answer.status });
      auctionPingDuration.observe(answer.durationMs / 1000);
      return answer;
    },

    /** Records every bidder's answer for an auction round. Local activity; a retry lands once. */
    async recordAuctionBids(
      scope: { leadId: string; accountId: string; flowId: string; round: number },
      bids: AuctionBidRecord[],
    ): Promise<void> {
      await recordAuctionBids(pool, scope, bids);
    },

    /**
     * Posts the whole lead to a winning bidder at its bid. The buyer's definite answer is written to
     * the bid's row before the activity completes; a retry (the worker died after the buyer
     * answered) finds it there and returns it without posting again. A retry before any answer
     * posts again with the same Idempotency-Key, so the buyer can drop the repeat.
     */
    async postToBidder(request: PostRequest): Promise<DeliveryResult> {
      const recorded = await findPostResult<DeliveryResult>(
        pool,
        request.leadId,
        request.recipientId,
        request.idempotencyKey,
      );
      if (recorded) return recorded;
      const recipient = await findRecipient(pool, request.accountId, request.recipientId);
      if (!recipient) {
        throw ApplicationFailure.nonRetryable(
          `Recipient ${request.recipientId} not found`,
          'RecipientNotFound',
        );
      }
      const lead = await storedLead(pool, request.accountId, request.leadId, request.sensitive);
      const result = await sendLead(fetchImpl, recipient, lead, {
        idempotencyKey: request.idempotencyKey,
        urlOverride: null,
        bid: { price: request.price, bidId: request.bidId },
      });
      await recordPostResult(
        pool,
        {
          leadId: request.leadId,
          round: request.round,
          recipientId: request.recipientId,
          postKey: request.idempotencyKey,
        },
        result,
      );
      return result;
    },
  };
}
