// Which delivery steps a lead goes to, and in what order. Pure and tiny, so the workflow can import it
// (the random number comes from the workflow's deterministic Math.random).
import type { DeliveryStep, FlowConfig } from './flow.js';

export interface DeliveryPlan {
  steps: DeliveryStep[];
  /** waterfall and weighted stop at the first recipient that accepts; "all" delivers to every one. */
  stopAtFirstSuccess: boolean;
}

/**
 * - all: every matching step (delivered concurrently);
 * - waterfall: matching steps in flow order, or by the recipients' fixed sale price (highest first);
 * - weighted: one step drawn with probability proportional to its weight, the rest as fallbacks;
 * - auction: every matching step, in flow order, to be ranked by their bids.
 */
export function planDeliveries(
  flow: Pick<FlowConfig, 'steps' | 'distribution'>,
  deliveryMatches: Record<string, boolean>,
  options: { random: number; salePrices?: Record<string, number | null> },
): DeliveryPlan {
  const matching = flow.steps.filter(
    (s): s is DeliveryStep => s.type === 'delivery' && deliveryMatches[s.id] !== false,
  );
  switch (flow.distribution.mode) {
    case 'all':
      return { steps: matching, stopAtFirstSuccess: false };
    case 'waterfall': {
      if (flow.distribution.waterfall_order !== 'price') return { steps: matching, stopAtFirstSuccess: true };
      return { steps: bySalePrice(matching, options.salePrices), stopAtFirstSuccess: true };
    }
    case 'auction':
      // The auction (workflows/auction.ts) ranks these by their bids.
      return { steps: matching, stopAtFirstSuccess: true };
    case 'weighted': {
      const total = matching.reduce((sum, s) => sum + s.weight, 0);
      let ticket = options.random * total;
      const drawn = matching.findIndex((s) => {
        ticket -= s.weight;
        return ticket < 0;
      });
      const first = Math.max(0, drawn);
      return { steps: [...matching.slice(first), ...matching.slice(0, first)], stopAtFirstSuccess: true };
    }
  }
}

/** Steps by their recipients' fixed sale price, highest first (no price counts as 0). */
export function bySalePrice<T extends { recipient_id: string }>(
  steps: readonly T[],
  salePrices: Record<string, number | null> | undefined,
): T[] {
  const price = (s: T) => salePrices?.[s.recipient_id] ?? 0;
  // Array.prototype.sort is stable: equal prices keep flow order.
  return [...steps].sort((a, b) => price(b) - price(a));
}
