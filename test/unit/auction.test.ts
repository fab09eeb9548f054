import { describe, expect, it } from 'vitest';
import { auctionFloor, type BidderAnswer, postIdempotencyKey, rankBids } from '../../domain/auction.js';
import { interpretBid, personalPingFields, pingPayload } from '../../domain/auction-ping.js';
import { BidParsingSchema } from '../../domain/flow.js';

const answer = (recipientId: string, over: Partial<BidderAnswer> = {}): BidderAnswer => ({
  recipientId,
  stepId: `step_${recipientId}`,
  priority: 0,
  status: 'bid',
  price: 10,
  bidId: null,
  reason: null,
  responseCode: 200,
  durationMs: 5,
  fixed: false,
  ...over,
});
const ids = (bids: BidderAnswer[]) => bids.map((b) => b.recipientId);

describe('rankBids', () => {
  it('orders by price, highest first', () => {
    const { ranked } = rankBids(
      [answer('a', { price: 5 }), answer('b', { price: 14.5 }), answer('c', { price: 9 })],
      0,
    );
    expect(ids(ranked)).toEqual(['b', 'c', 'a']);
  });

  it('breaks a tie by priority (highest first), then by the order bidders were asked in', () => {
    const { ranked } = rankBids(
      [
        answer('a', { price: 10 }),
        answer('b', { price: 10, priority: 3 }),
        answer('c', { price: 10 }),
        answer('d', { price: 10, priority: 3 }),
      ],
      0,
    );
    expect(ids(ranked)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('compares prices to 1/10000 of a dollar (float noise is a tie)', () => {
    const { ranked } = rankBids(
      [answer('a', { price: 0.1 + 0.2 }), answer('b', { price: 0.3, priority: 1 })],
      0,
    );
    expect(ids(ranked)).toEqual(['b', 'a']);
  });

  it('leaves out no bids, timeouts, errors and prices of 0; keeps bids under the floor apart', () => {
    const { ranked, belowFloor } = rankBids(
      [
        answer('a', { status: 'no_bid', price: null }),
        answer('b', { status: 'timeout', price: null }),
        answer('c', { status: 'error', price: null }),
        answer('d', { price: 0 }),
        answer('e', { price: 3.99 }),
        answer('f', { price: 4 }),
      ],
      4,
    );
    expect(ids(ranked)).toEqual(['f']);
    expect(ids(belowFloor)).toEqual(['e']);
  });
});

describe('auctionFloor', () => {
  it('is the higher of the flow floor and, unless turned off, the purchase price', () => {
    expect(auctionFloor({ floor: null, floor_at_cost: true }, 4)).toBe(4);
    expect(auctionFloor({ floor: 6, floor_at_cost: true }, 4)).toBe(6);
    expect(auctionFloor({ floor: 2, floor_at_cost: false }, 4)).toBe(2);
    expect(auctionFloor({ floor: null, floor_at_cost: false }, 4)).toBe(0);
  });
});

describe('postIdempotencyKey', () => {
  it('is one key per lead, buyer and round', () => {
    expect(postIdempotencyKey('lead_1', 'rcp_1', 1)).toBe('lead_1:rcp_1:post');
    expect(postIdempotencyKey('lead_1', 'rcp_1', 2)).toBe('lead_1:rcp_1:post:2');
  });
});

describe('ping fields', () => {
  const lead = {
    first_name: 'Jane',
    email: 'jane@example.com',
    phone: '+15125550100',
    ssn: '***-**-1234',
    state: 'TX',
    postal_code: '73301',
    contact: 'x@example.com',
  };

  it('names the catalogue’s personal fields in an allow-list, and SSNs even when allowed', () => {
    const config = {
      ping_fields: ['state', 'email', 'phone_1', 'address', 'ip_address', 'dob', 'ssn', 'zip'],
    };
    expect(personalPingFields({ ...config, allow_personal_ping_fields: false }).map((p) => p.field)).toEqual([
      'email',
      'phone_1',
      'address',
      'ip_address',
      'dob',
      'ssn',
    ]);
    expect(personalPingFields({ ...config, allow_personal_ping_fields: true }).map((p) => p.field)).toEqual([
      'ssn',
    ]);
  });

  it('pings only allow-listed, non-personal fields, under the buyer’s names', () => {
    const base = { allow_personal_ping_fields: false, field_mapping: null };
    expect(
      pingPayload(lead, { ...base, ping_fields: ['state', 'postal_code', 'email', 'nope'] }, []),
    ).toEqual({
      payload: { state: 'TX', postal_code: '73301' },
      withheld: ['email'],
    });
    const mapped = pingPayload(
      lead,
      {
        ...base,
        ping_fields: ['postal_code'],
        field_mapping: { zip: 'postal_code', mail: 'email', st: 'state' },
      },
      [],
    );
    expect(mapped).toEqual({ payload: { zip: '73301' }, withheld: [] });
  });

  it('withholds a field the flow declares personal, and SSNs whatever is allowed', () => {
    const fields = [{ name: 'contact', type: 'email' as const }];
    expect(
      pingPayload(
        lead,
        { ping_fields: ['state', 'contact'], allow_personal_ping_fields: false, field_mapping: null },
        fields,
      ),
    ).toEqual({
      payload: { state: 'TX' },
      withheld: ['contact'],
    });
    expect(
      pingPayload(
        lead,
        { ping_fields: ['phone', 'ssn'], allow_personal_ping_fields: true, field_mapping: null },
        [],
      ),
    ).toEqual({ payload: { phone: '+15125550100' }, withheld: ['ssn'] });
  });
});

describe('interpretBid', () => {
  const rules = BidParsingSchema.parse({
    bid_id_path: 'bid.id',
    price_path: 'bid.price',
    reason_path: 'why',
  });
  const json = (status: number, body: unknown) => ({
    status,
    contentType: 'application/json',
    body: JSON.stringify(body),
  });

  it('reads the price and bid id', () => {
    expect(interpretBid(rules, json(200, { bid: { price: '12.345678', id: 'tok' } }))).toEqual({
      status: 'bid',
      price: 12.3457,
      bidId: 'tok',
      reason: null,
    });
  });

  it('a price of 0, none, or an unreadable answer is no bid; a non-2xx answer is an error', () => {
    expect(interpretBid(rules, json(200, { bid: { price: 0 }, why: 'capped' }))).toMatchObject({
      status: 'no_bid',
      reason: 'capped',
    });
    expect(interpretBid(rules, json(200, {}))).toMatchObject({ status: 'no_bid' });
    expect(interpretBid(rules, { status: 200, contentType: 'text/plain', body: 'yes' })).toMatchObject({
      status: 'no_bid',
    });
    expect(interpretBid(rules, json(503, {}))).toMatchObject({
      status: 'error',
      reason: 'Buyer answered HTTP 503',
    });
  });

  it('a negative, zero, non-numeric or non-decimal price is no bid; one too large to record is an error', () => {
    for (const price of [-5, 0, 'NaN', 'abc', '', '$12', '0x10', '1e3', true, [5], { v: 5 }, null]) {
      expect(interpretBid(rules, json(200, { bid: { price } })), JSON.stringify(price)).toMatchObject({
        status: 'no_bid',
        price: null,
      });
    }
    expect(interpretBid(rules, json(200, { bid: { price: ' 7.25 ' } }))).toMatchObject({
      status: 'bid',
      price: 7.25,
    });
    expect(interpretBid(rules, json(200, { bid: { price: 99_999_999 } }))).toMatchObject({ status: 'bid' });
    for (const price of [1e12, 100_000_000, '123456789012']) {
      expect(interpretBid(rules, json(200, { bid: { price } })), String(price)).toEqual({
        status: 'error',
        price: null,
        bidId: null,
        reason: 'Bid out of range (above 99999999)',
      });
    }
  });

  it('an answer that is not JSON, or cut short, is no bid', () => {
    expect(
      interpretBid(rules, { status: 200, contentType: 'text/html', body: '<html>12</html>' }),
    ).toMatchObject({
      status: 'no_bid',
      reason: 'No bid in the answer',
    });
    expect(
      interpretBid(rules, { status: 200, contentType: 'application/json', body: '{"bid":{"price":12' }),
    ).toMatchObject({ status: 'no_bid', reason: 'No bid in the answer' });
  });

  it('reads texts as a delivery answer does: a list joined, an object not at all, a long text cut', () => {
    expect(interpretBid(rules, json(200, { bid: { price: 0 }, why: ['zip', 'age'] }))).toMatchObject({
      status: 'no_bid',
      reason: 'age, zip',
    });
    expect(interpretBid(rules, json(200, { bid: { price: 0 }, why: { code: 7 } }))).toMatchObject({
      reason: 'No bid (no price above 0)',
    });
    const long = interpretBid(rules, json(422, { why: 'x'.repeat(2000) }));
    expect(long.reason).toBe(`${'x'.repeat(499)}…`);
    const id = interpretBid(rules, json(200, { bid: { price: 3, id: 'y'.repeat(300) } }));
    expect(id.bidId).toBe(`${'y'.repeat(199)}…`);
  });

  it('with accept_path, only an accepting value is a bid', () => {
    const accepting = BidParsingSchema.parse({ accept_path: 'result', price_path: 'price' });
    expect(interpretBid(accepting, json(200, { result: 'Accepted', price: 5 }))).toMatchObject({
      status: 'bid',
      price: 5,
    });
    expect(interpretBid(accepting, json(200, { result: 'declined', price: 5 }))).toMatchObject({
      status: 'no_bid',
    });
  });
});
