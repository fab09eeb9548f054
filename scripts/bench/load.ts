// The load generator: a keep-alive HTTP/1.1 client (node:http Agent, one socket per lane) and a
// closed-loop phase runner: `concurrency` lanes each submit one lead, wait for the answer, submit the
// next. Latency is measured from just before the request is written to the last byte of the answer.
import { Agent, request } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
}

export interface ApiClient {
  readonly baseUrl: string;
  call(method: string, path: string, body?: unknown, key?: string): Promise<HttpAnswer>;
  close(): void;
}

export function apiClient(baseUrl: string, defaultKey: string | null, maxSockets: number): ApiClient {
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:') throw new Error(`--api must be an http:// URL, got ${baseUrl}`);
  const agent = new Agent({
    keepAlive: true,
    maxSockets,
    maxFreeSockets: maxSockets,
    keepAliveMsecs: 10_000,
  });
  const prefix = url.pathname.replace(/\/$/, '');
  return {
    baseUrl,
    call(method, path, body, key) {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const token = key ?? defaultKey;
      return new Promise<HttpAnswer>((resolve, reject) => {
        const req = request(
          {
            agent,
            host: url.hostname,
            port: url.port || 80,
            method,
            path: `${prefix}${path}`,
            headers: {
              ...(token ? { Authorization: `Bearer ${token}` } : {}),
              ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
            );
            res.on('error', reject);
          },
        );
        req.setTimeout(180_000, () => req.destroy(new Error('client timeout (180 s)')));
        req.on('error', reject);
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}

/** Spreads requests over several API processes in turn, as a round-robin load balancer would. */
export function roundRobinClient(
  baseUrls: string[],
  defaultKey: string | null,
  maxSockets: number,
): ApiClient {
  const clients = baseUrls.map((url) => apiClient(url, defaultKey, maxSockets));
  let next = 0;
  return {
    baseUrl: baseUrls.join(' '),
    call: (method, path, body, key) => clients[next++ % clients.length]!.call(method, path, body, key),
    close: () => {
      for (const c of clients) c.close();
    },
  };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export interface PhaseResult {
  leads: number;
  concurrency: number;
  wallSeconds: number;
  /** Latency (ms) of every answered request, in submission order. */
  latenciesMs: number[];
  /** Latency (ms) of the 2xx answers only. */
  okLatenciesMs: number[];
  /** Lead status of a 201 (`delivered`, …), `pending (202)`, or `<http status> <error code>`. */
  outcomes: Record<string, number>;
  /** Non-2xx answers and transport failures. */
  errors: number;
  /** Lead ids of the 2xx answers. */
  leadIds: string[];
  transportErrors: Record<string, number>;
}

/** Runs `leads` submissions over `concurrency` closed-loop lanes. */
export async function runPhase(
  client: ApiClient,
  flowId: string,
  leads: number,
  concurrency: number,
  makeLead: (index: number) => Record<string, unknown>,
): Promise<PhaseResult> {
  const latenciesMs: number[] = [];
  const okLatenciesMs: number[] = [];
  const outcomes: Record<string, number> = {};
  const transportErrors: Record<string, number> = {};
  const leadIds: string[] = [];
  let errors = 0;
  let next = 0;
  const count = (bag: Record<string, number>, key: string) => {
    bag[key] = (bag[key] ?? 0) + 1;
  };
  const bodies = Array.from({ length: leads }, (_, i) => ({ lead: makeLead(i) }));

  const lane = async () => {
    for (let i = next++; i < leads; i = next++) {
      const started = performance.now();
      let answer: HttpAnswer;
      try {
        answer = await client.call('POST', `/flows/${flowId}/leads`, bodies[i]);
      } catch (err) {
        errors++;
        const code =
          (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
        count(transportErrors, code);
        count(outcomes, `transport ${code}`);
        continue;
      }
      const elapsed = performance.now() - started;
      latenciesMs.push(elapsed);
      const json = parseJson(answer.body) as {
        id?: string;
        status?: string;
        error?: { code?: string };
      } | null;
      if (answer.status >= 200 && answer.status < 300) {
        okLatenciesMs.push(elapsed);
        if (json?.id) leadIds.push(json.id);
        count(outcomes, answer.status === 202 ? 'pending (202)' : (json?.status ?? `${answer.status}`));
      } else {
        errors++;
        count(outcomes, `${answer.status} ${json?.error?.code ?? 'error'}`);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, leads)) }, lane));
  const wallSeconds = (performance.now() - started) / 1000;
  return {
    leads,
    concurrency,
    wallSeconds,
    latenciesMs,
    okLatenciesMs,
    outcomes,
    errors,
    transportErrors,
    leadIds,
  };
}

const AREA_CODES = [
  212, 213, 214, 305, 312, 415, 469, 512, 602, 617, 646, 702, 713, 718, 773, 786, 818, 832, 917, 972,
];
// Central-office codes 200-999 without the N11 service codes.
const EXCHANGES = Array.from({ length: 800 }, (_, i) => 200 + i).filter((x) => x % 100 !== 11);
const STATES = ['TX', 'CA', 'FL', 'NY', 'AZ', 'IL', 'MA', 'NV'];
const FIRST = ['John', 'Maria', 'James', 'Linda', 'Robert', 'Ana', 'Michael', 'Wei', 'Fatima', 'David'];
const LAST = ['Smith', 'Garcia', 'Johnson', 'Nguyen', 'Brown', 'Khan', 'Miller', 'Lopez', 'Davis', 'Chen'];

/**
 * A realistic lead, unique per (runTag, sequence): the email carries both, the phone is a valid US
 * number derived from `phoneBase + sequence` (so the duplicate check never matches within a run).
 */
export function benchLead(runTag: string, phoneBase: number, sequence: number): Record<string, unknown> {
  const n = phoneBase + sequence;
  const area = AREA_CODES[n % AREA_CODES.length]!;
  const rest = Math.floor(n / AREA_CODES.length);
  const exchange = EXCHANGES[rest % EXCHANGES.length]!;
  const line = Math.floor(rest / EXCHANGES.length) % 10_000;
  const first = FIRST[sequence % FIRST.length]!;
  const last = LAST[Math.floor(sequence / FIRST.length) % LAST.length]!;
  return {
    first_name: first,
    last_name: last,
    email: `${first}.${last}.${runTag}.${sequence}@example.com`.toLowerCase(),
    phone: `${area}${exchange}${String(line).padStart(4, '0')}`,
    age: 25 + (sequence % 50),
    state: STATES[sequence % STATES.length]!,
    postal_code: String(10_000 + (sequence % 89_999)).padStart(5, '0'),
    source: 'benchmark',
    campaign: 'bench-leads',
  };
}
