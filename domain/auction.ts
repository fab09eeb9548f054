// Outbound auctions (distribution mode `auction`): which bids are taken and in what order they are
// posted. Pure and tiny (types only), so the workflow imports it; unit-tested on its own.
import type { AuctionSettings } from './flow.js';

/** What a bidder's ping came to: a bid, no bid, no answer within the deadline, or a failed ping. */
export type BidStatus = 'bid' | 'no_bid' | 'timeout' | 'error';

export interface BidderAnswer {
  recipientId: string;
  stepId: string;
  /** The delivery step's priority: between equal bids the higher one is posted first. */
  priority: number;
  status: BidStatus;
  /** USD; a bid is above 0 (a price of 0 or less is no bid). */
  price: number | null;
  /** The buyer's token for its bid, sent back on the post. */
  bidId: string | null;
  reason: string | null;
  responseCode: number | null;
  durationMs: number;
  /** An ordinary recipient's fixed sale price standing as its bid (it is not pinged). */
  fixed: boolean;
  /** Allow-listed fields left out of the ping for their personal type (named on the bid event). */
  withheld?: string[];
}

export interface RankedBids {
  /** Bids at or above the floor, best first: the order the lead is posted in. */
  ranked: BidderAnswer[];
  /** Bids under the floor: recorded, never posted. */
  belowFloor: BidderAnswer[];
}

/** The least a bid must be: the flow's floor, and the lead's purchase price unless told otherwise. */
export function auctionFloor(
  settings: Pick<AuctionSettings, 'floor' | 'floor_at_cost'>,
  cost: number,
): number {
  return Math.max(settings.floor ?? 0, settings.floor_at_cost ? cost : 0);
}

/**
 * Ranks the bids: price (highest first), then the step's priority (highest first), then the order
 * the bidders were asked in (flow order). Prices are compared to 1/10000 of a dollar, as stored.
 */
export function rankBids(answers: readonly BidderAnswer[], floor: number): RankedBids {
  const cents = (n: number) => Math.round(n * 10_000);
  const bids = answers
    .map((answer, order) => ({ answer, order }))
    .filter(({ answer }) => answer.status === 'bid' && answer.price !== null && answer.price > 0);
  const taken = bids.filter(({ answer }) => cents(answer.price!) >= cents(floor));
  taken.sort(
    (a, b) =>
      cents(b.answer.price!) - cents(a.answer.price!) ||
      b.answer.priority - a.answer.priority ||
      a.order - b.order,
  );
  return {
    ranked: taken.map(({ answer }) => answer),
    belowFloor: bids.filter((b) => !taken.includes(b)).map(({ answer }) => answer),
  };
}

/** The idempotency key of a post: one per lead, buyer and auction round, the same on every retry. */
export function postIdempotencyKey(leadId: string, recipientId: string, round: number): string {
  return round === 1 ? `${leadId}:${recipientId}:post` : `${leadId}:${recipientId}:post:${round}`;
}
