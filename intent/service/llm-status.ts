// Whether the optional LLM provider answers, for /healthz: a cheap GET /models, reused for a while so
// health checks do not become provider traffic.

export interface IntentLlmConfig {
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  timeoutMs?: number;
  /** How long /healthz reuses the provider check; default 30 s. */
  statusCacheMs?: number;
}

export type LlmStatus = 'available' | 'unavailable' | 'disabled';

export function llmStatusProbe(llm: IntentLlmConfig | undefined): () => Promise<LlmStatus> {
  let cached: { status: LlmStatus; at: number } | null = null;
  return async () => {
    if (!llm) return 'disabled';
    const ttl = llm.statusCacheMs ?? 30_000;
    if (cached && Date.now() - cached.at < ttl) return cached.status;
    let status: LlmStatus = 'unavailable';
    try {
      const res = await fetch(`${llm.baseUrl.replace(/\/$/, '')}/models`, {
        headers: llm.apiKey ? { authorization: `Bearer ${llm.apiKey}` } : {},
        signal: AbortSignal.timeout(1000),
      });
      await res.body?.cancel();
      status = res.ok ? 'available' : 'unavailable';
    } catch {
      status = 'unavailable';
    }
    cached = { status, at: Date.now() };
    return status;
  };
}
