// Cost model for one query (documented in docs/intent-engine.md):
//
//   cost_usd = cpu_ms x usdPerCpuMs  +  usdPerRequest
//            + sum over LLM calls of (input_tokens x inputUsdPerMTok + output_tokens x outputUsdPerMTok) / 1e6
//
// cpu_ms is measured (process.cpuUsage user+system delta around the synchronous work of the query),
// not estimated. The default usdPerCpuMs prices a 2-vCPU cloud VM at about $0.10/hour:
// $0.05 per vCPU-hour / 3,600,000 ms = 1.4e-8 $ per CPU-ms. LLM prices default to a small hosted
// model (0.15 / 0.60 $ per million input / output tokens); on the default path there are no LLM calls.

export interface CostConfig {
  usdPerCpuMs: number;
  usdPerRequest: number;
  llmInputUsdPerMTok: number;
  llmOutputUsdPerMTok: number;
}

export const DEFAULT_COST: CostConfig = {
  usdPerCpuMs: 1.4e-8,
  usdPerRequest: 0,
  llmInputUsdPerMTok: 0.15,
  llmOutputUsdPerMTok: 0.6,
};

export interface LlmUsage {
  calls: number;
  inputTokens: number;
  outputTokens: number;
}

export const NO_LLM: LlmUsage = { calls: 0, inputTokens: 0, outputTokens: 0 };

export function llmCostUsd(usage: LlmUsage, config: CostConfig = DEFAULT_COST): number {
  return (
    (usage.inputTokens * config.llmInputUsdPerMTok + usage.outputTokens * config.llmOutputUsdPerMTok) / 1e6
  );
}

export function queryCostUsd(cpuMs: number, usage: LlmUsage, config: CostConfig = DEFAULT_COST): number {
  const usd = cpuMs * config.usdPerCpuMs + config.usdPerRequest + llmCostUsd(usage, config);
  return Number(usd.toPrecision(6));
}

/** CPU time (ms, user + system) used by the process while `fn` runs synchronously. */
export function measureCpu<T>(fn: () => T): { result: T; cpuMs: number } {
  const before = process.cpuUsage();
  const result = fn();
  const d = process.cpuUsage(before);
  return { result, cpuMs: (d.user + d.system) / 1000 };
}
