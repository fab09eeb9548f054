import type { BidderAnswer } from '../domain/auction.js';
import type { Queryable } from './pool.js';

export interface AuctionBidRecord extends BidderAnswer {
  rank: number | null;
  belowFloor: boolean;
}

/** Records every bidder's answer for one auction round; a retried write lands once. */
export async function recordAuctionBids(
  db: Queryable,
  scope: { leadId: string; accountId: string; flowId: string; round: number },
  bids: readonly AuctionBidRecord[],
): Promise<void> {
  if (bids.length === 0) return;
  await db.query(
    `INSERT INTO auction_bids (lead_id, round, recipient_id, account_id, flow_id, status, price, bid_id,
                               fixed, rank, below_floor, reason, response_code, duration_ms)
     SELECT $1, $2, b.recipient_id, $3, $4, b.status, b.price, b.bid_id, b.fixed, b.rank, b.below_floor,
            b.reason, b.response_code, b.duration_ms
       FROM jsonb_to_recordset($5::jsonb) AS b(recipient_id text, status text, price numeric, bid_id text,
            fixed boolean, rank integer, below_floor boolean, reason text, response_code integer,
            duration_ms integer)
     ON CONFLICT (lead_id, round, recipient_id) DO NOTHING`,
    [
      scope.leadId,
      scope.round,
      scope.accountId,
      scope.flowId,
      JSON.stringify(
        bids.map((b) => ({
          recipient_id: b.recipientId,
          status: b.status,
          price: b.price,
          bid_id: b.bidId,
          fixed: b.fixed,
          rank: b.rank,
          below_floor: b.belowFloor,
          reason: b.reason,
          response_code: b.responseCode,
          duration_ms: Math.round(b.durationMs),
        })),
      ),
    ],
  );
}

/** The buyer's recorded answer to a post with this idempotency key, if it gave a definite one. */
export async function findPostResult<T>(
  db: Queryable,
  leadId: string,
  recipientId: string,
  postKey: string,
): Promise<T | null> {
  const { rows } = await db.query<{ post_result: T }>(
    `SELECT post_result FROM auction_bids
      WHERE lead_id = $1 AND recipient_id = $2 AND post_key = $3 AND post_result IS NOT NULL`,
    [leadId, recipientId, postKey],
  );
  return rows[0]?.post_result ?? null;
}

/** Records the buyer's definite answer to a post (the ledger a retried post reads first). */
export async function recordPostResult(
  db: Queryable,
  scope: { leadId: string; round: number; recipientId: string; postKey: string },
  result: unknown,
): Promise<void> {
  await db.query(
    `UPDATE auction_bids SET post_key = $4, post_result = $5, posted_at = now()
      WHERE lead_id = $1 AND round = $2 AND recipient_id = $3`,
    [scope.leadId, scope.round, scope.recipientId, scope.postKey, JSON.stringify(result)],
  );
}

export interface StoredBid {
  round: number;
  recipient_id: string;
  status: string;
  price: number | null;
  bid_id: string | null;
}

/** A recipient's latest bid for a lead (a replay posts to a bidder at the bid it made). */
export async function latestBid(
  db: Queryable,
  accountId: string,
  leadId: string,
  recipientId: string,
): Promise<StoredBid | null> {
  const { rows } = await db.query<StoredBid>(
    `SELECT round, recipient_id, status, price::float8 AS price, bid_id FROM auction_bids
      WHERE lead_id = $1 AND account_id = $2 AND recipient_id = $3 AND status = 'bid'
      ORDER BY round DESC LIMIT 1`,
    [leadId, accountId, recipientId],
  );
  return rows[0] ?? null;
}
