// An outbound auction (distribution mode `auction`): ping every eligible buyer at once under one
// deadline, rank the bids (domain/auction.ts), and post the lead to the best bid, then the next while
// posts are declined or fail. Workflow code, deterministic: the pings and posts are activities, and
// every answer is in the run's history, so a worker dying mid-auction resumes it without pinging or
// posting again what already answered.
import {
  ActivityFailure,
  patched,
  proxyActivities,
  proxyLocalActivities,
  TimeoutFailure,
} from '@temporalio/workflow';
import type { AuctionBidder, PingAnswer } from '../activities/auction.js';
import type { Activities } from '../activities/index.js';
import { auctionFloor, type BidderAnswer, postIdempotencyKey, rankBids } from '../domain/auction.js';
import type { AuctionSettings, DeliveryStep } from '../domain/flow.js';
import type { LeadEvent } from '../domain/lead.js';
import { type DeliveryContext, event, sendToRecipient } from './deliveries.js';
import { LOCAL_RETRY } from './stall.js';

const localActivities = proxyLocalActivities<Activities>({ startToCloseTimeout: '10s', retry: LOCAL_RETRY });
const { pingBidder, postToBidder } = proxyActivities<Activities>({ startToCloseTimeout: '90s' });

/** What an auction flow without the settings (none exist, but be safe) uses. */
const DEFAULT_SETTINGS: AuctionSettings = { deadline_ms: 300, floor: null, floor_at_cost: true };
/** Past the deadline, how long Temporal waits for a ping activity that has not answered (a dead worker). */
const PING_GRACE_MS = 500;

export interface AuctionOutcome {
  events: LeadEvent[];
  /** Why nothing was sold, when nothing was (the lead's reason). */
  unsold: string | null;
}

/**
 * Runs one auction round for the lead among `steps` (the matching delivery steps, flow order) and
 * returns its events: one `bid` per bidder, the posts (`delivered`, `delivery_failed`, `skipped` at a
 * full cap), and one `auction` event saying who won at what.
 */
export async function runAuction(
  ctx: DeliveryContext,
  steps: DeliveryStep[],
  cost: number,
  round = 1,
): Promise<AuctionOutcome> {
  const settings = ctx.flow.distribution.auction ?? DEFAULT_SETTINGS;
  const local = ctx.stalls.guard(localActivities);
  // One seat per buyer: a recipient named by two steps bids once, as its first step.
  const unique = steps.filter((s, i) => steps.findIndex((o) => o.recipient_id === s.recipient_id) === i);
  const bidders = await local.auctionBidders(
    ctx.accountId,
    unique.map((s) => s.recipient_id),
  );
  // A buyer whose own cap is full now is not asked (the post would skip it anyway). Auctions started
  // before this check did not read caps.
  const events: LeadEvent[] = [];
  let seats = unique;
  if (patched('auction-reads-recipient-caps')) {
    const capped = await local.recipientCapsReached({
      leadId: ctx.leadId,
      accountId: ctx.accountId,
      recipientIds: unique.map((s) => s.recipient_id),
      ...(ctx.lead ? { lead: ctx.lead } : {}),
      flow: ctx.flow,
      source: ctx.source,
      campaign: ctx.campaign,
      timeZone: ctx.flow.settings.time_zone,
      at: ctx.receivedAt,
    });
    seats = unique.filter((s) => capped[s.recipient_id] === undefined);
    for (const step of unique.filter((s) => capped[s.recipient_id] !== undefined)) {
      events.push(
        event('skipped', 'skip', {
          recipient_id: step.recipient_id,
          recipient: bidders[step.recipient_id]?.name,
          reason: 'Recipient cap reached',
          details: { cap_id: capped[step.recipient_id], step_id: step.id, round },
        }),
      );
    }
  }

  const answers = await Promise.all(
    seats.map((step) => askForBid(ctx, step, bidders[step.recipient_id], settings.deadline_ms)),
  );
  // The workflow's clock stands still within a workflow task: the pings' own durations say how long.
  const pingMs = Math.max(0, ...answers.map((a) => a.durationMs));

  const floor = auctionFloor(settings, cost);
  const { ranked, belowFloor } = rankBids(answers, floor);
  await local.recordAuctionBids(
    { leadId: ctx.leadId, accountId: ctx.accountId, flowId: ctx.flowId, round },
    answers.map((a) => ({ ...a, rank: rankOf(ranked, a), belowFloor: belowFloor.includes(a) })),
  );
  events.push(
    ...answers.map((a) =>
      bidEvent(a, bidders[a.recipientId], rankOf(ranked, a), belowFloor.includes(a), floor, round),
    ),
  );

  let winner: BidderAnswer | null = null;
  for (const bid of ranked) {
    const step = seats.find((s) => s.recipient_id === bid.recipientId)!;
    const posted = await postToBid(ctx, step, bid, bidders[bid.recipientId]!, round, rankOf(ranked, bid)!);
    events.push(posted);
    if (posted.type === 'delivered') {
      winner = bid;
      break;
    }
  }

  const bids = answers.filter((a) => a.status === 'bid').length;
  const unsold = winner
    ? null
    : answers.length === 0 && events.length > 0
      ? 'No buyer to ask: every one is at its cap'
      : bids === 0
        ? 'No buyer bid on the lead'
        : ranked.length === 0
          ? `No bid at or above the floor (${floor})`
          : 'No bidder took the lead at its bid';
  events.push(
    event('auction', winner ? 'success' : 'failure', {
      reason: unsold ?? undefined,
      duration_ms: pingMs,
      // The winner is named in details only: a recipient_id here would make `auction` its latest
      // outcome in the RecipientOutcomes search attribute instead of `delivered`.
      details: {
        round,
        deadline_ms: settings.deadline_ms,
        floor,
        bidders: answers.length,
        bids,
        below_floor: belowFloor.length,
        timed_out: answers.filter((a) => a.status === 'timeout').length,
        ranking: ranked.map((b) => ({ recipient_id: b.recipientId, price: b.price })),
        winner: winner?.recipientId ?? null,
        winner_name: winner ? (bidders[winner.recipientId]?.name ?? null) : null,
        price: winner?.price ?? null,
      },
    }),
  );
  return { events, unsold };
}

function rankOf(ranked: readonly BidderAnswer[], answer: BidderAnswer): number | null {
  const at = ranked.indexOf(answer);
  return at < 0 ? null : at + 1;
}

/** One bidder's answer: a standing bid (fixed price), or its ping's answer by the deadline. */
async function askForBid(
  ctx: DeliveryContext,
  step: DeliveryStep,
  bidder: AuctionBidder | undefined,
  deadlineMs: number,
): Promise<BidderAnswer> {
  const base = {
    recipientId: step.recipient_id,
    stepId: step.id,
    priority: step.priority ?? 0,
    bidId: null,
    responseCode: null,
    durationMs: 0,
  };
  if (!bidder) return { ...base, status: 'error', price: null, reason: 'Recipient not found', fixed: false };
  if (bidder.kind === 'fixed') {
    const price = bidder.salePrice;
    return price !== null && price > 0
      ? { ...base, status: 'bid', price, reason: 'Fixed sale price', fixed: true }
      : { ...base, status: 'no_bid', price: null, reason: 'No fixed sale price to bid', fixed: true };
  }
  let answer: PingAnswer;
  try {
    answer = await pingBidder.executeWithOptions(
      {
        // One deadline for every ping; the grace only covers a worker that died holding one.
        scheduleToCloseTimeout: deadlineMs + PING_GRACE_MS,
        retry: { maximumAttempts: 1 },
        summary: `Ping ${bidder.name}`,
      },
      [
        {
          leadId: ctx.leadId,
          accountId: ctx.accountId,
          recipientId: step.recipient_id,
          flowFields: ctx.flow.fields,
          deadlineMs,
        },
      ],
    );
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    const timedOut = err.cause instanceof TimeoutFailure;
    return {
      ...base,
      status: timedOut ? 'timeout' : 'error',
      price: null,
      reason: timedOut ? `No answer within the auction’s deadline (${deadlineMs} ms)` : 'Ping failed',
      durationMs: deadlineMs,
      fixed: false,
    };
  }
  return { ...base, ...answer, fixed: false };
}

function bidEvent(
  a: BidderAnswer,
  bidder: AuctionBidder | undefined,
  rank: number | null,
  belowFloor: boolean,
  floor: number,
  round: number,
): LeadEvent {
  const outcome =
    a.status === 'bid' ? (belowFloor ? 'failure' : 'success') : a.status === 'no_bid' ? 'failure' : 'error';
  return event('bid', outcome, {
    recipient_id: a.recipientId,
    recipient: bidder?.name,
    reason: belowFloor ? `Bid ${a.price} is below the floor (${floor})` : (a.reason ?? undefined),
    response_code: a.responseCode ?? undefined,
    duration_ms: a.durationMs,
    details: {
      status: a.status,
      price: a.price,
      bid_id: a.bidId,
      fixed: a.fixed,
      rank,
      below_floor: belowFloor,
      round,
      step_id: a.stepId,
      ...(a.withheld?.length ? { withheld: a.withheld } : {}),
    },
  });
}

/**
 * Posts the lead to one bid: takes a slot in the recipient's caps (a full cap passes to the next
 * bid), posts with the bid's idempotency key, and gives the slot back if the post did not sell.
 * A post is retried only on errors (5xx, timeouts, lost connections), briefly: a bid does not wait.
 */
function postToBid(
  ctx: DeliveryContext,
  step: DeliveryStep,
  bid: BidderAnswer,
  bidder: AuctionBidder,
  round: number,
  rank: number,
): Promise<LeadEvent> {
  const details = { step_id: step.id, auction_round: round, rank, bid: bid.price, bid_id: bid.bidId };
  return sendToRecipient(
    ctx,
    bid.recipientId,
    (capId) =>
      event('skipped', 'skip', {
        recipient_id: bid.recipientId,
        recipient: bidder.name,
        reason: 'Recipient cap reached',
        details: { cap_id: capId, step_id: step.id, round, rank },
      }),
    () =>
      postToBidder.executeWithOptions(
        {
          startToCloseTimeout: '90s',
          heartbeatTimeout: '5s',
          summary: `Post to ${bidder.name} at ${bid.price}`,
          retry: {
            initialInterval: '500ms',
            backoffCoefficient: 2,
            maximumInterval: '2s',
            maximumAttempts: 3,
            nonRetryableErrorTypes: ['RecipientNotFound', 'LeadNotFound'],
          },
        },
        [
          {
            leadId: ctx.leadId,
            accountId: ctx.accountId,
            recipientId: bid.recipientId,
            round,
            idempotencyKey: postIdempotencyKey(ctx.leadId, bid.recipientId, round),
            price: bid.price!,
            bidId: bid.bidId,
            sensitive: ctx.assessment.sensitive,
          },
        ],
      ),
    {
      sent: (post, ok) => ({ ...details, price: ok ? post.price : 0, reference: post.reference }),
      failed: { ...details, price: 0 },
      recipientName: bidder.name,
    },
  );
}
