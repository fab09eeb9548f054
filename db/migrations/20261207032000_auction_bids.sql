-- Up Migration
-- Outbound auctions (distribution mode `auction`): every bidder's answer to a lead's ping (a bid, no
-- bid, a timeout or an error), and for the bids posted to, the post's idempotency key and the buyer's
-- definite answer. That answer is the post ledger: a post retried after the buyer answered (a worker
-- died before its activity completed) returns it instead of posting again.
CREATE TABLE auction_bids (
  lead_id       text NOT NULL,
  round         integer NOT NULL,
  recipient_id  text NOT NULL,
  account_id    text NOT NULL REFERENCES accounts(id),
  flow_id       text NOT NULL,
  status        text NOT NULL CHECK (status IN ('bid', 'no_bid', 'timeout', 'error')),
  price         numeric(12, 4),
  bid_id        text,
  fixed         boolean NOT NULL DEFAULT false,
  rank          integer,
  below_floor   boolean NOT NULL DEFAULT false,
  reason        text,
  response_code integer,
  duration_ms   integer NOT NULL,
  post_key      text,
  post_result   jsonb,
  posted_at     timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lead_id, round, recipient_id)
);
CREATE INDEX auction_bids_flow ON auction_bids (flow_id, created_at);

-- Down Migration
DROP TABLE auction_bids;
