// Types and the no-op "ranking" of the intent twin: a summary the size of a real one (K lead ids and
// scores, the metadata fields), so payloads and history weigh what the real query's do.

export interface TwinInput {
  queryId: string;
  query: string;
  limit: number;
}

export interface TwinSummary {
  query_id: string;
  lead_ids: string[];
  scores: number[];
  metadata: Record<string, number | string>;
}

export interface TwinQueryActivities {
  twinRank(input: TwinInput): Promise<TwinSummary>;
  twinRankBatch(inputs: TwinInput[]): Promise<TwinSummary[]>;
}

export function twinSummary(input: TwinInput): TwinSummary {
  const k = input.limit;
  return {
    query_id: input.queryId,
    lead_ids: Array.from({ length: k }, (_, i) => `lead_co_${String(i).padStart(7, '0')}`),
    scores: Array.from({ length: k }, (_, i) => Math.round((1 - i / (k + 1)) * 10_000) / 10_000),
    metadata: {
      total_leads: k,
      query_processed: input.query,
      processing_time_ms: 0,
      cost_usd: 0,
      llm_calls: 0,
      cache_hit_rate: 0,
    },
  };
}

export const twinActivities: TwinQueryActivities = {
  async twinRank(input) {
    return twinSummary(input);
  },
  async twinRankBatch(inputs) {
    return inputs.map(twinSummary);
  },
};
