import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auctionKit, type Buyer, type BuyerPlan, bid, lead } from '../helpers/auction-kit.js';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// Edges of the market features a buyer or operator meets: auctions nobody wins, odd bids and answers,
// ping/post buyers outside auctions, replays after an auction, malformed inbound pings. Real Temporal
// and Postgres; every buyer is a real local HTTP server.

describe('auction and ping edges', { timeout: 120_000 }, () => {
  let stack: TestStack;
  let key: string;
  const { buyers, buyer, closeBuyers, pingPostRecipient, auctionFlow, submit, events } = auctionKit(() => ({
    stack,
    key,
  }));

  beforeAll(async () => {
    stack = await startTestStack();
    ({ key } = await stack.createAccount());
  });
  afterAll(async () => {
    await closeBuyers();
    await stack?.stop();
  });

  it('an auction nobody wins: no bid, a late, a failing, an unreadable and an absurd bid; nothing posted, the lead stays accepted', async () => {
    const plans: BuyerPlan[] = [
      { ping: bid(0) },
      { ping: () => ({ status: 200, body: { bid: 40 }, delayMs: 4000 }) },
      { ping: () => ({ status: 500, body: { error: 'down' } }) },
      { ping: () => ({ status: 200, body: 'twelve dollars' }) },
      { ping: () => ({ status: 200, body: { bid: 30, padding: 'x'.repeat(200_000) } }) },
      { ping: () => ({ status: 200, body: { bid: 1e12 } }) },
      { ping: () => ({ status: 200, body: { bid: -4 } }) },
    ];
    const bs = await Promise.all(plans.map((p) => buyer(p)));
    const ids: string[] = [];
    for (const [i, b] of bs.entries()) ids.push(await pingPostRecipient(b, `Nobody ${i}`));
    const flowId = await auctionFlow(ids, { deadline_ms: 1500 });
    const answer = await submit(flowId);
    expect(answer.status).toBe('accepted');
    const detail = await events(answer.id);
    expect(detail.status).toBe('accepted');
    expect(detail.reason).toBe('No buyer bid on the lead');
    expect(detail.pricing.revenue).toBe(0);
    const statusOf = (id: string) =>
      detail.events.find((e) => e.type === 'bid' && e.recipient_id === id)?.details;
    expect(ids.map((id) => statusOf(id)?.status)).toEqual([
      'no_bid',
      'timeout',
      'error',
      'no_bid',
      'no_bid',
      'error',
      'no_bid',
    ]);
    expect(detail.events.find((e) => e.type === 'bid' && e.recipient_id === ids[5])!.reason).toBe(
      'Bid out of range (above 99999999)',
    );
    expect(detail.events.find((e) => e.type === 'auction')).toMatchObject({
      outcome: 'failure',
      details: { bidders: 7, bids: 0, winner: null },
    });
    expect(detail.events.some((e) => e.type === 'delivered' || e.type === 'delivery_failed')).toBe(false);
    for (const b of bs) expect(b.posts()).toHaveLength(0);
  });

  it('a capped buyer that declines the post gives its slot back: it can buy the next lead', async () => {
    const picky = await buyer({
      ping: bid(20),
      post: (_req, attempt) =>
        attempt === 1
          ? { status: 422, body: { outcome: 'failure', reason: 'duplicate' } }
          : { status: 200, body: { outcome: 'success', reference: 'r2' } },
    });
    const ids = [await pingPostRecipient(picky, 'Picky', { caps: [{ maximum: 1, per: 'day' }] })];
    const flowId = await auctionFlow(ids);
    const first = await submit(flowId);
    expect(first.status).not.toBe('delivered');
    expect(picky.posts()).toHaveLength(1);
    const second = await submit(flowId);
    expect(second.status).toBe('delivered');
    expect(picky.pings()).toHaveLength(2);
    expect(picky.posts()).toHaveLength(2);
    expect((await events(second.id)).pricing.revenue).toBe(20);
  });

  it('an auction flow without a ping/post buyer sells at the best standing sale price; a recipient without one does not bid', async () => {
    const fixed = await startRecipient();
    const plain = await startRecipient();
    buyers.push({ ...fixed, pingUrl: '', postUrl: '', pings: () => [], posts: () => [] } as unknown as Buyer);
    buyers.push({ ...plain, pingUrl: '', postUrl: '', pings: () => [], posts: () => [] } as unknown as Buyer);
    const mk = async (name: string, config: Record<string, unknown>) => {
      const res = await stack.call('POST', '/recipients', key, { name, config });
      expect(res.status, res.text).toBe(201);
      return res.json.id as string;
    };
    const fixedId = await mk('Fixed 9', { url: fixed.url, sale_price: 9 });
    const plainId = await mk('No price', { url: plain.url });
    const sold = await submit(await auctionFlow([plainId, fixedId]));
    expect(sold.status).toBe('delivered');
    expect((await events(sold.id)).pricing.revenue).toBe(9);
    expect(fixed.requests).toHaveLength(1);
    expect(plain.requests).toHaveLength(0);

    const unsold = await submit(await auctionFlow([plainId]));
    expect(unsold.status).toBe('accepted');
    expect((await events(unsold.id)).reason).toBe('No buyer bid on the lead');
    expect(plain.requests).toHaveLength(0);
  });

  it('refuses a ping/post recipient in a flow that is not an auction (422 auction_required), on create and on replace', async () => {
    const b = await buyer({ ping: bid(11) });
    const id = await pingPostRecipient(b, 'Outside');
    const plain = {
      name: 'Not an auction',
      settings: { required_fields: ['email', 'phone'] },
      steps: [{ type: 'delivery', recipient_id: id }],
    };
    const referenced = await stack.call('POST', '/flows', key, plain);
    expect(referenced.status, referenced.text).toBe(422);
    expect(referenced.json.error).toMatchObject({
      code: 'auction_required',
      details: [{ field: 'steps.0.recipient_id', code: 'auction_required' }],
    });
    const inline = await stack.call('POST', '/flows', key, {
      name: 'Waterfall with an inline ping/post buyer',
      distribution: { mode: 'waterfall' },
      steps: [
        {
          type: 'delivery',
          recipient: {
            name: 'Inline',
            type: 'ping_post',
            config: { url: b.postUrl, ping_url: b.pingUrl, ping_fields: ['state'] },
          },
        },
      ],
    });
    expect(inline.status, inline.text).toBe(422);
    expect(inline.json.error.details).toEqual([
      expect.objectContaining({ field: 'steps.0.recipient.type', code: 'auction_required' }),
    ]);
    // As an auction the same flow is fine; switching it away from auction is refused, version kept.
    const flowId = await auctionFlow([id]);
    const replaced = await stack.call('PUT', `/flows/${flowId}`, key, plain);
    expect(replaced.status, replaced.text).toBe(422);
    expect(replaced.json.error.code).toBe('auction_required');
    expect((await stack.call('GET', `/flows/${flowId}`, key)).json.version).toBe(1);
    expect(b.pings()).toHaveLength(0);
  });

  it('refuses turning a recipient into a ping/post buyer while a flow that is not an auction delivers to it', async () => {
    const b = await buyer({ ping: bid(11) });
    const created = await stack.call('POST', '/recipients', key, {
      name: 'Plain',
      config: { url: b.postUrl },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id as string;
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Plain flow',
      steps: [{ type: 'delivery', recipient_id: id }],
    });
    expect(flow.status, flow.text).toBe(201);
    const asPingPost = {
      name: 'Plain',
      type: 'ping_post',
      config: { url: b.postUrl, ping_url: b.pingUrl, ping_fields: ['state'] },
    };
    const refused = await stack.call('PUT', `/recipients/${id}`, key, asPingPost);
    expect(refused.status, refused.text).toBe(422);
    expect(refused.json.error).toMatchObject({
      code: 'auction_required',
      details: [
        expect.objectContaining({ code: 'auction_required', message: expect.stringContaining(flow.json.id) }),
      ],
    });
    expect((await stack.call('GET', `/recipients/${id}`, key)).json.type).toBe('http');
    // Once the flow is an auction, the change is fine.
    const auction = await stack.call('PUT', `/flows/${flow.json.id}`, key, {
      name: 'Plain flow',
      distribution: { mode: 'auction' },
      steps: [{ type: 'delivery', recipient_id: id }],
    });
    expect(auction.status, auction.text).toBe(200);
    const changed = await stack.call('PUT', `/recipients/${id}`, key, asPingPost);
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json.type).toBe('ping_post');
  });

  it('a post answer that is neither yes nor no counts as not accepted: the lead waits in delivery_failed', async () => {
    const b = await buyer({
      ping: bid(13),
      post: () => ({ status: 200, body: { outcome: 'maybe', note: 'later' } }),
    });
    const id = await pingPostRecipient(b, 'Ambiguous');
    const answer = await submit(await auctionFlow([id]));
    expect(answer.status).toBe('delivery_failed');
    const detail = await events(answer.id);
    expect(detail.reason).toBe('Recipient did not accept the lead');
    expect(detail.pricing.revenue).toBe(0);
    expect(detail.events.find((e) => e.type === 'auction')).toMatchObject({
      outcome: 'failure',
      reason: 'No bidder took the lead at its bid',
    });
    expect(b.posts()).toHaveLength(1);
  });

  it('replaying a lead sold in an auction: refused unless forced; a forced resend posts at the recorded bid without pinging again', async () => {
    const good = await buyer({ ping: bid(14, 'tok-14') });
    const id = await pingPostRecipient(good, 'Good');
    const flowId = await auctionFlow([id]);
    const sold = await submit(flowId);
    expect(sold.status).toBe('delivered');
    const replay = await stack.call('POST', `/leads/${sold.id}/replay`, key, {});
    expect(replay.status).toBe(409);
    expect(replay.json.error.code).toBe('not_replayable');
    expect(good.posts()).toHaveLength(1);
    const forced = await stack.call('POST', `/leads/${sold.id}/replay`, key, {
      recipient_id: id,
      force: true,
    });
    expect(forced.status, forced.text).toBe(200);
    expect(forced.json.attempts).toEqual([
      expect.objectContaining({ recipient_id: id, outcome: 'success', forced: true }),
    ]);
    expect(good.pings()).toHaveLength(1);
    const posts = good.posts();
    expect(posts).toHaveLength(2);
    expect((posts[1]!.json() as Record<string, unknown>).bid_id).toBe('tok-14');
    expect(posts[1]!.headers['idempotency-key']).not.toBe(posts[0]!.headers['idempotency-key']);
    // The copy is not a second sale: the lead's revenue, and the buyer's in analytics, count 14 once.
    const detail = await events(sold.id);
    expect(detail.pricing.revenue).toBe(14);
    expect(
      detail.events.filter((e) => e.type === 'delivered').map((e) => [e.details.price, e.details.forced]),
    ).toEqual([
      [14, undefined],
      [0, true],
    ]);
    const analytics = await stack.call('GET', `/analytics?flow_id=${flowId}&group_by=recipient`, key);
    expect(analytics.status, analytics.text).toBe(200);
    expect(analytics.json.metrics.find((r: { recipient?: string }) => r.recipient === id)).toMatchObject({
      revenue: 14,
    });
    // The lead still went to one buyer: its return needs no recipient_id and gives back the one sale.
    const returned = await stack.call('POST', `/leads/${sold.id}/feedback`, key, { type: 'return' });
    expect(returned.status, returned.text).toBe(201);
    expect(returned.json).toMatchObject({ recipient_id: id, amount: 14 });
    expect((await events(sold.id)).pricing.revenue).toBe(0);
  });

  it('a lead sold in its auction is not sold again by a replay naming another bidder', async () => {
    const winner = await buyer({ ping: bid(18, 'tok-18') });
    const runnerUp = await buyer({ ping: bid(12, 'tok-12') });
    const ids = [await pingPostRecipient(winner, 'Winner'), await pingPostRecipient(runnerUp, 'Runner-up')];
    const sold = await submit(await auctionFlow(ids));
    expect(sold.status).toBe('delivered');
    const replay = await stack.call('POST', `/leads/${sold.id}/replay`, key, { recipient_id: ids[1] });
    expect(replay.status, replay.text).toBe(200);
    expect(replay.json).toMatchObject({
      status: 'delivered',
      attempts: [
        { recipient_id: ids[1], outcome: 'skip', reason: 'Already sold to another recipient', forced: false },
      ],
    });
    expect(runnerUp.posts()).toHaveLength(0);
    expect(winner.posts()).toHaveLength(1);
    const detail = await events(sold.id);
    expect(detail.pricing.revenue).toBe(18);
    expect(detail.events.filter((e) => e.type === 'delivered').map((e) => e.recipient_id)).toEqual([ids[0]]);
  });

  it('the same lead submitted again with its Idempotency-Key answers the first sale: no second auction, no second post', async () => {
    const b = await buyer({ ping: bid(16, 'tok-16') });
    const flowId = await auctionFlow([await pingPostRecipient(b, 'Once')]);
    const body = { lead: lead() };
    const headers = { 'Idempotency-Key': `edge-${randomUUID()}` };
    const first = await stack.call('POST', `/flows/${flowId}/leads`, key, body, headers);
    expect(first.status, first.text).toBe(201);
    expect(first.json.status).toBe('delivered');
    const again = await stack.call('POST', `/flows/${flowId}/leads`, key, body, headers);
    expect([200, 201]).toContain(again.status);
    expect(again.json).toMatchObject({ id: first.json.id, status: 'delivered' });
    expect(b.pings()).toHaveLength(1);
    expect(b.posts()).toHaveLength(1);
    expect((await events(first.json.id)).pricing.revenue).toBe(16);
  });

  it('inbound pings: a malformed body is 400 validation_failed; odd field values and unknown fields are pinged fields like any other', async () => {
    const res = await stack.call('POST', '/flows', key, {
      name: 'Inbound',
      steps: [],
      pricing: { purchase: { amount: 3 } },
    });
    expect(res.status, res.text).toBe(201);
    const fid = res.json.id;
    for (const [body, field] of [
      [{ lead: 'TX' }, 'lead'],
      [{}, 'lead'],
      [{ lead: { state: 'TX' }, source_id: 12 }, 'source_id'],
    ] as const) {
      const r = await stack.call('POST', `/flows/${fid}/ping`, key, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error).toMatchObject({
        code: 'validation_failed',
        details: [expect.objectContaining({ field })],
      });
    }
    for (const body of [
      { lead: { state: 'TX', postal_code: 73301, loan_amount: 'lots', unknown_thing: { a: 1 } } },
      { lead: { state: ['TX'] } },
    ]) {
      const r = await stack.call('POST', `/flows/${fid}/ping`, key, body);
      expect(r.status, JSON.stringify(body)).toBe(200);
      expect(r.json).toMatchObject({ outcome: 'bid', bid: 3 });
      expect(r.json.ping_id).toMatch(/^ping_/);
    }
  });

  it('suppression: +44 numbers, internationalised domains in either spelling; a plus address is not its base address', async () => {
    const target = await startRecipient();
    buyers.push({
      ...target,
      pingUrl: '',
      postUrl: '',
      pings: () => [],
      posts: () => [],
    } as unknown as Buyer);
    const list = async (type: string, values: string[]) => {
      const created = await stack.call('POST', '/lists', key, { name: `L ${type}`, type });
      expect(created.status).toBe(201);
      const added = await stack.call('POST', `/lists/${created.json.id}/items`, key, { values });
      expect(added.json, added.text).toMatchObject({ invalid: 0 });
      return created.json.id as string;
    };
    const phones = await list('phone', ['+44 20 7946 0958']);
    const domains = await list('domain', ['Bücher.de']);
    const emails = await list('email', ['ann@plus.example.org', 'mia@Bücher.org']);
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Checked',
      steps: [
        { type: 'list_check', list_ids: [phones, domains, emails] },
        { type: 'delivery', recipient: { name: 'Buyer', config: { url: target.url } } },
      ],
    });
    expect(flow.status, flow.text).toBe(201);
    const post = (lead: Record<string, unknown>) =>
      stack.call('POST', `/flows/${flow.json.id}/leads`, key, { lead: { first_name: 'Ann', ...lead } });
    for (const [lead, listId] of [
      [{ phone: '+442079460958', email: 'x@clean.example.org' }, phones],
      [{ phone: '+44 (0)20 7946 0958', email: 'x@clean.example.org' }, phones],
      [{ email: 'jo@xn--bcher-kva.de' }, domains],
      [{ email: 'jo@BÜCHER.de' }, domains],
      [{ email: 'Ann@Plus.Example.org' }, emails],
      [{ email: 'mia@xn--bcher-kva.org' }, emails],
    ] as const) {
      const r = await post(lead);
      expect(r.status, JSON.stringify(lead) + r.text).toBe(422);
      expect(r.json.error.details[0]).toMatchObject({ code: 'suppressed', list_id: listId });
    }
    const plus = await post({ email: 'ann+news@plus.example.org' });
    expect(plus.status, plus.text).toBe(201);
    expect(plus.json.status).toBe('delivered');
    const lookup = await stack.call('POST', `/lists/${domains}/lookup`, key, {
      values: ['XN--BCHER-KVA.DE', 'bucher.de'],
    });
    expect(lookup.json.results).toEqual([
      { position: 0, listed: true },
      { position: 1, listed: false },
    ]);
  });
});
