import { describe, expect, it } from 'vitest';
import { assignIds, FlowConfigSchema } from '../../domain/flow.js';
import { evaluateLead } from '../../domain/pipeline.js';
import { flowForSource, pricedAtBid, SourceConfigSchema } from '../../domain/sources.js';

// The flow version a source's lead runs, and the same version priced at a ping's bid: what a post that
// honours a ping runs, with or without a source.

const flow = assignIds(
  FlowConfigSchema.parse({
    settings: { acceptance_criteria: 'lead.age >= 21' },
    caps: [{ maximum: 100, per: 'day' }],
    pricing: { purchase: { amount: 3, rules: [{ criteria: 'lead.state == "NY"', amount: 5 }] } },
  }),
);
const source = {
  id: 'src_1',
  config: SourceConfigSchema.parse({
    acceptance_criteria: 'lead.state != "TX"',
    caps: [{ maximum: 10, per: 'hour' }],
    pricing: { amount: 2, rules: [{ criteria: 'lead.age > 60', amount: 1 }] },
  }),
};
const run = (config: typeof flow, lead: Record<string, unknown>) =>
  evaluateLead({ flow: config, lead, source: null, campaign: null, receivedAt: '2026-12-07T05:00:00Z' });

describe("a flow as a source's lead runs it", () => {
  it('joins the criteria, adds the caps under the source, and pays the source its own price', () => {
    const seen = flowForSource(flow, source);
    expect(seen.settings.acceptance_criteria).toBe('(lead.age >= 21) && (lead.state != "TX")');
    expect(seen.caps.map((cap) => cap.id)).toEqual(['cap_1', 'src_1.cap_1']);
    expect(run(seen, { age: 30, state: 'NY' }).purchasePrice).toBe(2);
    expect(run(seen, { age: 70, state: 'NY' }).purchasePrice).toBe(1);
    expect(run(seen, { age: 30, state: 'TX' }).acceptance.pass).toBe(false);
  });

  it('is the flow itself without a source', () => {
    expect(flowForSource(flow, null)).toBe(flow);
  });

  it('priced at a bid pays the bid whatever the pricing rules say, and keeps the rest', () => {
    const atBid = pricedAtBid(flowForSource(flow, source), 7.25);
    expect(run(atBid, { age: 70, state: 'NY' }).purchasePrice).toBe(7.25);
    expect(atBid.settings.acceptance_criteria).toBe('(lead.age >= 21) && (lead.state != "TX")');
    expect(atBid.caps).toHaveLength(2);
    expect(run(pricedAtBid(flow, 4), { age: 30, state: 'NY' }).purchasePrice).toBe(4);
    // The source's own flow is unchanged.
    expect(run(flowForSource(flow, source), { age: 30, state: 'NY' }).purchasePrice).toBe(2);
  });
});
