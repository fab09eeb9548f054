import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { createApp } from '../../api/app.js';
import { createAcceptingBuyer } from '../../dev/demo-buyer.js';
import { registry } from '../../lib/metrics.js';
import type { LeadSnapshot } from '../../workflows/shared.js';
import { auctionKit, type Buyer, bid, type Details, lead, PERSONAL } from '../helpers/auction-kit.js';
import { inOneWindow } from '../helpers/calendar-window.js';
import { rescueWorkers } from '../helpers/rescue-workers.js';
import { silentLogger, startTestStack, type TestStack } from '../helpers/stack.js';
import { startWorkerProcess } from '../helpers/worker-process.js';

// Outbound ping/post auctions through the API, on real Temporal and Postgres; every buyer is a real
// local HTTP server with a ping and a post endpoint.

describe('outbound ping/post auctions', { timeout: 120_000 }, () => {
  let stack: TestStack;
  let key: string;
  const { buyer, closeBuyers, pingPostRecipient, auctionFlow, submit, events } = auctionKit(() => ({
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

  /** A ping carries only allow-listed, non-personal fields: checked at the buyer, on every ping. */
  function expectNoPersonalData(b: Buyer) {
    for (const ping of b.pings()) {
      const body = ping.json() as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['loan_amount', 'postal_code', 'state']);
      for (const value of Object.values(PERSONAL)) expect(ping.body).not.toContain(value);
      expect(ping.body).not.toMatch(/@example\.com|5550100/);
    }
  }

  it('sells to the highest bid, at its price; pings carry no personal data; every bid is recorded', async () => {
    const low = await buyer({ ping: bid(5) });
    const high = await buyer({ ping: bid(14.5, 'tok-high') });
    const mid = await buyer({ ping: bid(9) });
    const none = await buyer({ ping: () => ({ status: 200, body: { bid: 0, reason: 'not buying TX' } }) });
    const ids = [
      await pingPostRecipient(low, 'Low'),
      await pingPostRecipient(high, 'High'),
      await pingPostRecipient(mid, 'Mid'),
      await pingPostRecipient(none, 'None', { bid: { price_path: 'bid', reason_path: 'reason' } }),
    ];
    const flowId = await auctionFlow(ids);
    const sent = lead();
    const answer = await submit(flowId, sent);
    expect(answer.status).toBe('delivered');

    for (const b of [low, high, mid, none]) {
      expect(b.pings()).toHaveLength(1);
      expectNoPersonalData(b);
    }
    // Only the winner gets the lead, whole, with its bid id and the post's idempotency key.
    expect(low.posts()).toHaveLength(0);
    expect(mid.posts()).toHaveLength(0);
    expect(none.posts()).toHaveLength(0);
    expect(high.posts()).toHaveLength(1);
    const post = high.posts()[0]!;
    expect(post.json()).toMatchObject({ bid_id: 'tok-high', email: sent.email, first_name: 'Jane' });
    expect((post.json() as Record<string, unknown>).phone).toBe('+15125550100');
    expect(post.headers['idempotency-key']).toBe(`${answer.id}:${ids[1]}:post`);
    expect(post.headers['x-api-key']).toBe('secret-token-1234');

    const detail = await events(answer.id);
    expect(detail.pricing.revenue).toBe(14.5);
    const bids = detail.events.filter((e) => e.type === 'bid');
    expect(bids.map((e) => [e.recipient_id, e.details.status, e.details.price, e.details.rank])).toEqual([
      [ids[0], 'bid', 5, 3],
      [ids[1], 'bid', 14.5, 1],
      [ids[2], 'bid', 9, 2],
      [ids[3], 'no_bid', null, null],
    ]);
    expect(bids[3]!.reason).toBe('not buying TX');
    const delivered = detail.events.filter((e) => e.type === 'delivered');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      recipient_id: ids[1],
      details: { price: 14.5, bid_id: 'tok-high' },
    });
    const auction = detail.events.find((e) => e.type === 'auction')!;
    expect(auction).toMatchObject({ outcome: 'success' });
    expect(auction.details).toMatchObject({
      bidders: 4,
      bids: 3,
      winner: ids[1],
      winner_name: 'High',
      price: 14.5,
    });
    // Each bidder's latest outcome, as the RecipientOutcomes search attribute keeps it for operators.
    const described = await stack.client.workflow.getHandle(answer.id).describe();
    expect([...(described.searchAttributes.RecipientOutcomes ?? [])].sort()).toEqual(
      [`${ids[0]}:bid`, `${ids[1]}:delivered`, `${ids[2]}:bid`, `${ids[3]}:bid`].sort(),
    );

    const rows = await stack.pool.query(
      `SELECT recipient_id, status, price::float8 AS price, rank, post_key FROM auction_bids
        WHERE lead_id = $1 ORDER BY rank NULLS LAST`,
      [answer.id],
    );
    expect(rows.rows).toEqual([
      { recipient_id: ids[1], status: 'bid', price: 14.5, rank: 1, post_key: `${answer.id}:${ids[1]}:post` },
      { recipient_id: ids[2], status: 'bid', price: 9, rank: 2, post_key: null },
      { recipient_id: ids[0], status: 'bid', price: 5, rank: 3, post_key: null },
      { recipient_id: ids[3], status: 'no_bid', price: null, rank: null, post_key: null },
    ]);

    // The winning price is the revenue in analytics.
    const analytics = await stack.call('GET', `/analytics?flow_id=${flowId}&group_by=recipient`, key);
    expect(analytics.status, analytics.text).toBe(200);
    const row = analytics.json.metrics.find((r: { recipient?: string }) => r.recipient === ids[1]);
    expect(row).toMatchObject({ recipient_name: 'High', revenue: 14.5 });
  });

  it('falls back to the next bid when the winner declines at the post, or its post fails', async () => {
    const decliner = await buyer({
      ping: bid(20),
      post: () => ({ status: 200, body: { outcome: 'rejected', reason: 'duplicate in our CRM' } }),
    });
    const broken = await buyer({ ping: bid(15), post: () => ({ status: 503 }) });
    const taker = await buyer({ ping: bid(11, 'tok-taker') });
    const ids = [
      await pingPostRecipient(decliner, 'Decliner', {
        response: { outcome_path: 'outcome', reason_path: 'reason' },
      }),
      await pingPostRecipient(broken, 'Broken'),
      await pingPostRecipient(taker, 'Taker'),
    ];
    const flowId = await auctionFlow(ids);
    const answer = await submit(flowId);
    expect(answer.status).toBe('delivered');

    expect(decliner.posts()).toHaveLength(1); // a definite decline is not retried
    expect(broken.posts()).toHaveLength(3); // an error is retried briefly, with one key
    expect(new Set(broken.posts().map((p) => p.headers['idempotency-key'])).size).toBe(1);
    expect(taker.posts()).toHaveLength(1);
    expect(taker.posts()[0]!.json()).toMatchObject({ bid_id: 'tok-taker' });

    const detail = await events(answer.id);
    expect(detail.pricing.revenue).toBe(11);
    const posts = detail.events.filter((e) => e.type === 'delivered' || e.type === 'delivery_failed');
    expect(posts.map((e) => [e.type, e.recipient_id, e.outcome])).toEqual([
      ['delivery_failed', ids[0], 'failure'],
      ['delivery_failed', ids[1], 'error'],
      ['delivered', ids[2], 'success'],
    ]);
    expect(posts[0]!.reason).toBe('duplicate in our CRM');
  });

  it('leaves out a bidder slower than the deadline, recorded as timed out, and never posts to it', async () => {
    const slow = await buyer({ ping: () => ({ status: 200, body: { bid: 50 }, delayMs: 8000 }) });
    const fast = await buyer({ ping: bid(7) });
    const ids = [await pingPostRecipient(slow, 'Slow'), await pingPostRecipient(fast, 'Fast')];
    const flowId = await auctionFlow(ids, { deadline_ms: 1500 });
    const answer = await submit(flowId);
    expect(answer.status).toBe('delivered');

    const detail = await events(answer.id);
    const slowBid = detail.events.find((e) => e.type === 'bid' && e.recipient_id === ids[0])!;
    expect(slowBid).toMatchObject({ outcome: 'error', details: { status: 'timeout', price: null } });
    expect(slowBid.reason).toMatch(/deadline/);
    expect(detail.pricing.revenue).toBe(7);
    expect(detail.events.find((e) => e.type === 'auction')!.details).toMatchObject({
      timed_out: 1,
      winner: ids[1],
    });
    expect(slow.posts()).toHaveLength(0);
    expect(fast.posts()).toHaveLength(1);
    // Operators see it in the worker's metrics too.
    expect(await registry.getSingleMetricAsString('leadrail_auction_pings_total')).toMatch(
      /leadrail_auction_pings_total\{status="timeout"\} [1-9]/,
    );
  });

  it('a ping answered with a redirect or not answered at all is a failed ping, not a bid', async () => {
    const moved = await buyer({ ping: () => ({ status: 302 }) });
    const gone = await buyer({ ping: bid(40) });
    await gone.close(); // nothing listens at its address any more
    const good = await buyer({ ping: bid(8) });
    const ids = [
      await pingPostRecipient(moved, 'Moved'),
      await pingPostRecipient(gone, 'Gone'),
      await pingPostRecipient(good, 'Good'),
    ];
    const answer = await submit(await auctionFlow(ids));
    expect(answer.status).toBe('delivered');
    const detail = await events(answer.id);
    const bids = detail.events.filter((e) => e.type === 'bid');
    expect(bids.map((e) => [e.recipient_id, e.details.status, e.reason])).toEqual([
      [ids[0], 'error', 'Buyer answered HTTP 302'],
      [ids[1], 'error', 'Connection failed'],
      [ids[2], 'bid', undefined],
    ]);
    expect(moved.posts()).toHaveLength(0);
    expect(good.posts()).toHaveLength(1);
    expect(detail.pricing.revenue).toBe(8);
  });

  it('takes no bid below the floor (the purchase price); a lead nobody bid on for enough stays unsold', async () => {
    const cheap = await buyer({ ping: bid(3) });
    const ids = [await pingPostRecipient(cheap, 'Cheap')];
    const flowId = await auctionFlow(ids, {}, { pricing: { purchase: { amount: 4 } } });
    const answer = await submit(flowId);
    expect(answer.status).toBe('accepted');
    const detail = await events(answer.id);
    expect(detail.reason).toBe('No bid at or above the floor (4)');
    expect(detail.events.find((e) => e.type === 'bid')).toMatchObject({
      outcome: 'failure',
      details: { status: 'bid', price: 3, below_floor: true, rank: null },
    });
    expect(cheap.posts()).toHaveLength(0);
    expect(detail.pricing).toMatchObject({ cost: 4, revenue: 0 });
  });

  it('ranks equal bids by step priority; fixed-price recipients bid their sale price', async () => {
    const first = await buyer({ ping: bid(10) });
    const preferred = await buyer({ ping: bid(10) });
    const fixed = await buyer({ ping: () => ({ status: 500 }) });
    const fixedId = (
      await stack.call('POST', '/recipients', key, {
        name: 'Fixed',
        config: { url: fixed.postUrl, sale_price: 10 },
      })
    ).json.id as string;
    const ids = [await pingPostRecipient(first, 'First'), await pingPostRecipient(preferred, 'Preferred')];
    const res = await stack.call('POST', '/flows', key, {
      name: 'Priority',
      distribution: { mode: 'auction', auction: { deadline_ms: 3000 } }, // room for a loaded machine
      steps: [
        { type: 'delivery', recipient_id: ids[0] },
        { type: 'delivery', recipient_id: fixedId },
        { type: 'delivery', recipient_id: ids[1], priority: 5 },
      ],
    });
    expect(res.status, res.text).toBe(201);
    const answer = await submit(res.json.id);
    const detail = await events(answer.id);
    const ranks = detail.events
      .filter((e) => e.type === 'bid')
      .map((e) => [e.recipient_id, e.details.rank, e.details.fixed]);
    expect(ranks).toEqual([
      [ids[0], 2, false],
      [fixedId, 3, true],
      [ids[1], 1, false],
    ]);
    expect(preferred.posts()).toHaveLength(1);
    expect(first.posts()).toHaveLength(0);
    expect(fixed.requests).toHaveLength(0);
  });

  it('refuses personal fields in ping_fields unless allowed; a flow’s own personal fields are withheld from pings', async () => {
    const b = await buyer({ ping: bid(8) });
    // A malformed ping/post recipient names its own missing field, not the union it belongs to.
    const incomplete = await stack.call('POST', '/recipients', key, {
      name: 'No ping URL',
      type: 'ping_post',
      config: { url: b.postUrl, ping_fields: ['state'] },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.json.error.details).toEqual([
      { field: 'config.ping_url', code: 'missing_required', message: expect.any(String) },
    ]);
    const refused = await stack.call('POST', '/recipients', key, {
      name: 'Nosy',
      type: 'ping_post',
      config: { url: b.postUrl, ping_url: b.pingUrl, ping_fields: ['state', 'email', 'phone_1', 'ssn'] },
    });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.json.error.code).toBe('personal_ping_fields');
    expect(refused.json.error.details.map((d: { field: string }) => d.field)).toEqual([
      'config.ping_fields.1',
      'config.ping_fields.2',
      'config.ping_fields.3',
    ]);
    // Allowed explicitly: phone may be pinged, an SSN never.
    const ssnStill = await stack.call('POST', '/recipients', key, {
      name: 'Nosy',
      type: 'ping_post',
      config: {
        url: b.postUrl,
        ping_url: b.pingUrl,
        ping_fields: ['state', 'ssn'],
        allow_personal_ping_fields: true,
      },
    });
    expect(ssnStill.status).toBe(422);
    // An inline recipient of a flow is checked the same way.
    const inline = await stack.call('POST', '/flows', key, {
      name: 'Inline',
      distribution: { mode: 'auction' },
      steps: [
        {
          type: 'delivery',
          recipient: {
            name: 'Inline',
            type: 'ping_post',
            config: { url: b.postUrl, ping_url: b.pingUrl, ping_fields: ['email'] },
          },
        },
      ],
    });
    expect(inline.status).toBe(422);
    expect(inline.json.error.details[0].field).toBe('steps.0.recipient.config.ping_fields.0');

    // `contact` is not a catalogue field, so the recipient is saved; the flow declares it an email.
    const id = await pingPostRecipient(b, 'Contact', { ping_fields: ['state', 'contact'] });
    const flowId = await auctionFlow([id], {}, { fields: [{ name: 'contact', type: 'email' }] });
    const answer = await submit(flowId, lead({ contact: 'someone@example.com' }));
    expect(answer.status).toBe('delivered');
    expect(b.pings()).toHaveLength(1);
    expect(b.pings()[0]!.json()).toEqual({ state: 'TX' });
    expect(b.posts()[0]!.json()).toMatchObject({ contact: 'someone@example.com' });
    // The bid event says which allow-listed field was left out, and why it is missing at the buyer.
    const bidEvents = (await events(answer.id)).events.filter((e) => e.type === 'bid');
    expect(bidEvents.map((e) => e.details.withheld)).toEqual([['contact']]);
  });

  it('a lead whose every post failed waits for a replay, which posts to the bidder at its recorded bid', async () => {
    let down = true;
    const b = await buyer({
      ping: bid(9, 'tok-9'),
      post: () => (down ? { status: 503 } : { status: 200, body: { outcome: 'success' } }),
    });
    const id = await pingPostRecipient(b, 'Flaky');
    const flowId = await auctionFlow([id]);
    const answer = await submit(flowId);
    expect(answer.status).toBe('delivery_failed');
    down = false;
    const replay = await stack.call('POST', `/leads/${answer.id}/replay`, key, {});
    expect(replay.status, replay.text).toBe(200);
    expect(replay.json.status).toBe('delivered');
    expect(b.pings()).toHaveLength(1);
    const last = b.posts().at(-1)!;
    expect(last.json()).toMatchObject({ bid_id: 'tok-9' });
    const detail = await events(answer.id);
    expect(detail.pricing.revenue).toBe(9);
  });

  // Its cap is per UTC day (the flow's default zone): both leads must fall in one day, so the scenario
  // runs once more, with new buyers, recipients and flow, if the day ended while it ran.
  it('does not ping a buyer whose own cap is full; its slot is taken only by a sale', () =>
    inOneWindow(stack.pool, { unit: 'day' }, async () => {
      const capped = await buyer({ ping: bid(25) });
      const other = await buyer({ ping: bid(6) });
      const ids = [
        await pingPostRecipient(capped, 'Capped', { caps: [{ maximum: 1, per: 'day' }] }),
        // Capped too, with room: the caps of every bidder are read together, each judged on its own.
        await pingPostRecipient(other, 'Other', { caps: [{ maximum: 5, per: 'day' }] }),
      ];
      const flowId = await auctionFlow(ids);
      const first = await submit(flowId);
      expect(first.status).toBe('delivered');
      expect(capped.posts()).toHaveLength(1);
      const second = await submit(flowId);
      expect(second.status).toBe('delivered');
      expect(capped.pings()).toHaveLength(1); // not asked the second time
      expect(other.posts()).toHaveLength(1);
      const detail = await events(second.id);
      expect(detail.events.find((e) => e.recipient_id === ids[0])).toMatchObject({
        type: 'skipped',
        reason: 'Recipient cap reached',
      });
      expect(detail.pricing.revenue).toBe(6);
    }));

  it('a test lead pings nobody', async () => {
    const b = await buyer({ ping: bid(8) });
    const flowId = await auctionFlow([await pingPostRecipient(b, 'Quiet')]);
    const res = await stack.call('POST', `/flows/${flowId}/leads`, key, {
      lead: lead(),
      options: { test_mode: true },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json.status).toBe('accepted');
    expect(b.requests).toHaveLength(0);
  });

  it('a post retried after the buyer answered returns the recorded answer without posting again', async () => {
    const b = await buyer({ ping: bid(6, 'tok-6') });
    const id = await pingPostRecipient(b, 'Ledger');
    const flowId = await auctionFlow([id]);
    const answer = await submit(flowId);
    expect(b.posts()).toHaveLength(1);
    const accountId = (await stack.pool.query('SELECT account_id FROM leads WHERE id = $1', [answer.id]))
      .rows[0].account_id;
    // What Temporal does when the worker dies after the buyer answered, before the activity completed.
    const activities = createActivities({ pool: stack.pool });
    const retried = await new MockActivityEnvironment().run(activities.postToBidder, {
      leadId: answer.id,
      accountId,
      recipientId: id,
      round: 1,
      idempotencyKey: `${answer.id}:${id}:post`,
      price: 6,
      bidId: 'tok-6',
      sensitive: {},
    });
    expect(retried).toMatchObject({ outcome: 'success', price: 6 });
    expect(b.posts()).toHaveLength(1);
  });

  it('the README’s end to end: a publisher pings and posts (inbound), the flow sells in an auction with the demo buyer (outbound)', async () => {
    const demo = createAcceptingBuyer({ referencePrefix: 'demo' });
    await new Promise<void>((resolve) => demo.listen(0, '127.0.0.1', resolve));
    const demoBase = `http://127.0.0.1:${(demo.address() as AddressInfo).port}`;
    try {
      const flow = await stack.call('POST', '/flows', key, {
        name: 'Loans auction',
        fields: [{ name: 'loan_amount', type: 'number' }],
        settings: { required_fields: ['email', 'phone'] },
        distribution: { mode: 'auction', auction: { deadline_ms: 3000 } },
        steps: [
          {
            type: 'delivery',
            recipient: {
              name: 'Demo ping/post buyer',
              type: 'ping_post',
              config: {
                ping_url: `${demoBase}/ping`,
                url: `${demoBase}/leads`,
                ping_fields: ['state', 'postal_code', 'loan_amount'],
                bid: { price_path: 'bid', bid_id_path: 'bid_id' },
                response: { outcome_path: 'outcome', reference_path: 'reference' },
              },
            },
          },
          {
            type: 'delivery',
            recipient: { name: 'Fixed-price buyer', config: { url: `${demoBase}/leads`, sale_price: 10 } },
          },
        ],
      });
      expect(flow.status, flow.text).toBe(201);
      const flowId = flow.json.id as string;
      const source = await stack.call('POST', `/flows/${flowId}/sources`, key, {
        name: 'Publisher A',
        pricing: { amount: 12 },
      });
      expect(source.status, source.text).toBe(201);
      const minted = await stack.call('POST', `/flows/${flowId}/sources/${source.json.id}/keys`, key, {
        name: 'publisher A',
      });
      const pub = minted.json.key as string;
      const ping = await stack.call('POST', `/flows/${flowId}/ping`, pub, {
        lead: { state: 'TX', postal_code: '73301', loan_amount: 25000 },
      });
      expect(ping.json).toMatchObject({ outcome: 'bid', bid: 12 });
      const posted = await stack.call('POST', `/flows/${flowId}/leads`, pub, {
        ping_id: ping.json.ping_id,
        lead: {
          state: 'TX',
          postal_code: '73301',
          loan_amount: 25000,
          first_name: 'Jane',
          email: 'jane@example.com',
          phone: '5125550100',
        },
      });
      expect(posted.status, posted.text).toBe(201);
      expect(posted.json.status).toBe('delivered');
      const bids = posted.json.events.filter((e: { type: string }) => e.type === 'bid');
      expect(
        bids.map((e: { recipient: string; details: Details }) => [
          e.recipient,
          e.details.price,
          e.details.rank,
        ]),
      ).toEqual([
        ['Demo ping/post buyer', 17, 1],
        // Under the floor: the lead cost 12.
        ['Fixed-price buyer', 10, null],
      ]);
      const delivered = posted.json.events.find((e: { type: string }) => e.type === 'delivered');
      expect(delivered).toMatchObject({
        recipient: 'Demo ping/post buyer',
        details: { price: 17, bid_id: 'demo-bid-1' },
      });
      const analytics = await stack.call('GET', `/analytics?flow_id=${flowId}`, key);
      expect(analytics.json.metrics[0]).toMatchObject({ cost: 12, revenue: 17, profit: 5 });
      // The demo buyer was pinged once and sold the lead once.
      expect(await (await fetch(demoBase)).json()).toEqual({ received: 1, pinged: 1 });
    } finally {
      await new Promise<void>((resolve) => demo.close(() => resolve()));
    }
  });

  describe('a worker killed mid-auction', () => {
    const rescuers = rescueWorkers(() => stack);
    afterAll(() => rescuers.stopAll());

    it('resumes the auction on another worker: nobody is pinged again, the winner is sold the lead once', async () => {
      // The winner's buyer honours Idempotency-Key as a buyer should: a repeated key is the same lead.
      const accepted = new Set<string>();
      let released = false;
      const winner = await buyer({
        ping: bid(30, 'tok-30'),
        post: (req, attempt) => {
          accepted.add(String(req.headers['idempotency-key']));
          // The first post is held until the worker sending it is dead.
          return attempt === 1 && !released
            ? { status: 200, body: { outcome: 'success' }, delayMs: 120_000 }
            : { status: 200, body: { outcome: 'success', reference: 'once' } };
        },
      });
      const other = await buyer({ ping: bid(12) });
      const ids = [await pingPostRecipient(winner, 'Winner'), await pingPostRecipient(other, 'Other')];
      const flowId = await auctionFlow(ids);

      const taskQueue = `auction-crash-${randomUUID()}`;
      const doomed = await startWorkerProcess({ taskQueue });
      try {
        const app = createApp({ pool: stack.pool, temporal: stack.client, taskQueue, logger: silentLogger });
        const submitted = await app.request(`/flows/${flowId}/leads`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ lead: lead(), options: { async: true } }),
        });
        const { id } = (await submitted.json()) as { id: string };
        await expect.poll(() => winner.posts().length, { timeout: 30_000 }).toBe(1);
        await doomed.kill('SIGKILL');
        released = true;

        await rescuers.start(taskQueue);

        const final = (await stack.client.workflow.getHandle(id).result()) as LeadSnapshot;
        expect(final.status).toBe('delivered');
        expect(final.revenue).toBe(30);
        // The pings answered before the crash are in the run's history: nobody is asked again.
        expect(winner.pings()).toHaveLength(1);
        expect(other.pings()).toHaveLength(1);
        // The post was retried under its one idempotency key: the buyer has the lead once.
        expect(winner.posts()).toHaveLength(2);
        expect([...accepted]).toEqual([`${id}:${ids[0]}:post`]);
        expect(other.posts()).toHaveLength(0);
        expect(final.events.filter((e) => e.type === 'delivered')).toHaveLength(1);
        expect(final.events.filter((e) => e.type === 'bid')).toHaveLength(2);
      } finally {
        await doomed.kill();
      }
    });
  });
});
