// What the Temporal server itself did per lead (or per twin run) during a phase, from its Prometheus
// metrics read before and after: each persistence operation (a round trip to its database) and the
// frontend's latency per RPC. This is how decision 26 found a test setting that read the namespace and
// cluster metadata from PostgreSQL about 20 times per lead.

/** Count and summed seconds of one operation's latency histogram. */
type Totals = Map<string, { count: number; seconds: number }>;

export interface ServerOperation {
  /** `persistence` (all services' database operations) or `frontend` (the RPC as a client sees it). */
  layer: 'persistence' | 'frontend';
  operation: string;
  perItem: number;
  meanMs: number;
}

const SAMPLE = /^(persistence_latency|service_latency)_(sum|count)\{([^}]*)\} (\S+)$/;

/** The server's latency histograms by layer and operation (polls left out: they wait by design). */
export async function scrapeServer(url: string): Promise<Totals> {
  const text = await (await fetch(url, { signal: AbortSignal.timeout(5000) })).text();
  const totals: Totals = new Map();
  for (const line of text.split('\n')) {
    const match = SAMPLE.exec(line);
    if (!match) continue;
    const [, metric, part, labels, value] = match;
    const operation = /operation="([^"]+)"/.exec(labels!)?.[1];
    if (!operation || operation.startsWith('Poll')) continue;
    let layer: ServerOperation['layer'];
    if (metric === 'persistence_latency') layer = 'persistence';
    // The frontend's figure includes the history or matching call behind it: count the RPC once.
    else if (/service_name="frontend"/.test(labels!)) layer = 'frontend';
    else continue;
    const key = `${layer} ${operation}`;
    const entry = totals.get(key) ?? { count: 0, seconds: 0 };
    if (part === 'count') entry.count += Number(value);
    else entry.seconds += Number(value);
    totals.set(key, entry);
  }
  return totals;
}

/** What happened between two scrapes, per item (lead or twin run), operations seen at least once. */
export function operationsPerItem(before: Totals, after: Totals, items: number): ServerOperation[] {
  const out: ServerOperation[] = [];
  for (const [key, end] of after) {
    const start = before.get(key) ?? { count: 0, seconds: 0 };
    const count = end.count - start.count;
    if (count <= 0 || items <= 0) continue;
    const [layer, operation] = key.split(' ') as [ServerOperation['layer'], string];
    out.push({
      layer,
      operation,
      perItem: count / items,
      meanMs: ((end.seconds - start.seconds) / count) * 1000,
    });
  }
  return out.sort((a, b) => a.layer.localeCompare(b.layer) || b.perItem - a.perItem);
}

/** Several phases' figures as one: calls per item averaged, mean latency weighted by calls. */
export function pooledOperations(
  phases: Array<{ items: number; operations: ServerOperation[] }>,
): ServerOperation[] {
  const items = phases.reduce((s, p) => s + p.items, 0);
  const byKey = new Map<
    string,
    { layer: ServerOperation['layer']; operation: string; calls: number; ms: number }
  >();
  for (const { items: n, operations } of phases) {
    for (const op of operations) {
      const key = `${op.layer} ${op.operation}`;
      const entry = byKey.get(key) ?? { layer: op.layer, operation: op.operation, calls: 0, ms: 0 };
      entry.calls += op.perItem * n;
      entry.ms += op.perItem * n * op.meanMs;
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .map((e) => ({
      layer: e.layer,
      operation: e.operation,
      perItem: e.calls / items,
      meanMs: e.ms / e.calls,
    }))
    .sort((a, b) => a.layer.localeCompare(b.layer) || b.perItem - a.perItem);
}
