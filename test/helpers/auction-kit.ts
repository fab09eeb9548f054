import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { type ReceivedRequest, startRecipient } from './recipient.js';
import type { TestStack } from './stack.js';

// What the auction e2e tests share: ping/post buyers as real local HTTP servers that follow a plan,
// a ping_post recipient and an auction flow made through the API, a lead with personal fields (which
// must never reach a ping), and reads of a lead's events.

export interface BuyerPlan {
  /** The ping's answer: a bid (with its id), no bid, or a status; optionally late. */
  ping: (req: ReceivedRequest) => { status: number; body?: unknown; delayMs?: number };
  /** The post's answer; by default the buyer accepts. */
  post?: (req: ReceivedRequest, attempt: number) => { status: number; body?: unknown; delayMs?: number };
}

export async function startBuyer(plan: BuyerPlan) {
  let posts = 0;
  const server = await startRecipient((req) => {
    if (req.path.startsWith('/ping')) return plan.ping(req);
    posts++;
    return plan.post?.(req, posts) ?? { status: 200, body: { outcome: 'success', reference: 'ok' } };
  });
  const base = server.url.replace(/\/leads$/, '');
  return {
    ...server,
    pingUrl: `${base}/ping`,
    postUrl: `${base}/post`,
    pings: () => server.requests.filter((r) => r.path.startsWith('/ping')),
    posts: () => server.requests.filter((r) => r.path.startsWith('/post')),
  };
}
export type Buyer = Awaited<ReturnType<typeof startBuyer>>;

/** A ping answer: this bid, with its id. */
export const bid =
  (price: number, id = `b-${price}`) =>
  () => ({ status: 200, body: { bid: price, bid_id: id } });

export const PERSONAL = {
  first_name: 'Jane',
  last_name: 'Roe',
  email: 'jane.roe@example.com',
  phone: '5125550100',
};
/** A lead with personal fields and the fields a ping may carry; a fresh email each time. */
export const lead = (extra: Record<string, unknown> = {}) => ({
  ...PERSONAL,
  email: `jane.${randomUUID().slice(0, 8)}@example.com`,
  state: 'TX',
  postal_code: '73301',
  loan_amount: '25000',
  ...extra,
});

// biome-ignore lint/suspicious/noExplicitAny: event details are inspected field by field
export type Details = any;
export interface LeadView {
  status: string;
  reason: string | null;
  pricing: { cost: number; revenue: number };
  events: Array<{ type: string; outcome: string; recipient_id?: string; reason?: string; details?: Details }>;
}

/**
 * The calls a test makes against one account of a stack, read when called (the stack and key are set
 * in the test's beforeAll). Buyers started here, or pushed on `buyers`, are closed by `closeBuyers`.
 */
export function auctionKit(account: () => { stack: TestStack; key: string }) {
  const buyers: Buyer[] = [];
  return {
    buyers,
    async buyer(plan: BuyerPlan) {
      const b = await startBuyer(plan);
      buyers.push(b);
      return b;
    },
    async closeBuyers() {
      for (const b of buyers) await b.close();
    },
    async pingPostRecipient(b: Buyer, name: string, config: Record<string, unknown> = {}) {
      const { stack, key } = account();
      const res = await stack.call('POST', '/recipients', key, {
        name,
        type: 'ping_post',
        config: {
          url: b.postUrl,
          ping_url: b.pingUrl,
          ping_fields: ['state', 'postal_code', 'loan_amount'],
          bid: { price_path: 'bid', bid_id_path: 'bid_id' },
          response: { outcome_path: 'outcome', reference_path: 'reference' },
          headers: { 'X-Api-Key': 'secret-token-1234' },
          ...config,
        },
      });
      expect(res.status, res.text).toBe(201);
      return res.json.id as string;
    },
    async auctionFlow(
      recipientIds: string[],
      auction: Record<string, unknown> = {},
      extra: Record<string, unknown> = {},
    ) {
      const { stack, key } = account();
      const res = await stack.call('POST', '/flows', key, {
        name: `Auction ${randomUUID().slice(0, 6)}`,
        fields: [{ name: 'loan_amount', type: 'number' }],
        settings: { required_fields: ['email', 'phone'] },
        distribution: { mode: 'auction', auction: { deadline_ms: 3000, ...auction } },
        delivery_retry: { maximum_attempts: 2, initial_interval_ms: 100, maximum_interval_ms: 200 },
        steps: recipientIds.map((recipient_id) => ({ type: 'delivery', recipient_id })),
        ...extra,
      });
      expect(res.status, res.text).toBe(201);
      return res.json.id as string;
    },
    async submit(flowId: string, body = lead()) {
      const { stack, key } = account();
      const res = await stack.call('POST', `/flows/${flowId}/leads`, key, { lead: body });
      expect([201, 202], res.text).toContain(res.status);
      return res.json;
    },
    async events(leadId: string): Promise<LeadView> {
      const { stack, key } = account();
      const res = await stack.call('GET', `/leads/${leadId}`, key);
      expect(res.status).toBe(200);
      return res.json as LeadView;
    },
  };
}
