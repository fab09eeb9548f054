// `npm run bench:auction`: the latency of a lead sold by an outbound ping/post auction, through the API,
// against a baseline in the same run. A benchmark, not a test: it asserts nothing. It starts its own
// stack as `npm start` runs it (embedded Postgres, Temporal dev server, worker and API as child
// processes; scripts/bench/stack.ts) and five demo buyers (dev/demo-buyer.ts) in this process, one of
// which answers pings after the auction's deadline. Three flows, each lead submitted synchronously
// (POST /flows/{id}/leads, one at a time, the latency is the client's):
//   auction       distribution `auction` over the five ping/post buyers (deadline 300 ms): the slow one
//                 is left out, the best bid of the other four is posted
//   auction-fast  the same without the slow buyer: what the auction costs when every bidder is quick
//   baseline      one ordinary recipient (a demo buyer's post endpoint), distribution `all`
// Rounds alternate the order of the flows; each prints p50/p95 per flow, then medians over the rounds
// and the ratios to the baseline.
//
//   npm run bench:auction                    # 5 rounds of 40 leads per flow
//   npm run bench:auction -- --rounds 3 --leads 20 --deadline 300 --slow 1000
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { insertAccount, issueApiKey } from '../db/accounts.js';
import { createPool } from '../db/pool.js';
import { createAcceptingBuyer } from '../dev/demo-buyer.js';
import { apiClient, parseJson } from './bench/load.js';
import { startStack, stopStartingStack } from './bench/stack.js';
import { fixed, median, summarize, table } from './bench/stats.js';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    leads: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '10' },
    deadline: { type: 'string', default: '300' },
    slow: { type: 'string', default: '1000' },
  },
});
const rounds = Number(args.rounds);
const leadsPerRound = Number(args.leads);
const warmup = Number(args.warmup);
const deadlineMs = Number(args.deadline);
const slowMs = Number(args.slow);

const say = (message: string) => console.log(message);
const workDir = mkdtempSync(join(tmpdir(), 'leadrail-bench-auction-'));
chmodSync(workDir, 0o755); // embedded Postgres runs as the "postgres" user when we are root
const servers: Server[] = [];
let stopStack: (() => Promise<void>) | null = null;
const cleanup = async () => {
  for (const s of servers) s.close();
  await (stopStack ?? stopStartingStack)();
  rmSync(workDir, { recursive: true, force: true });
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

try {
  const stack = await startStack({
    workDir,
    temporalDb: 'file',
    env: {},
    cpuProfDir: null,
    recipientDelayMs: 0,
    say,
  });
  stopStack = stack.stop;
  const pool = createPool(stack.databaseUrl, 2);
  const account = await insertAccount(pool, 'bench auction');
  const { key } = await issueApiKey(pool, account.id, {
    rateLimit: { perHour: 10_000_000, perMinute: 1_000_000 },
  });
  await pool.end();
  const api = apiClient(stack.apiUrl, key, 4);
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await api.call(method, path, body);
    if (res.status >= 300)
      throw new Error(`${method} ${path} answered ${res.status}: ${res.body.slice(0, 300)}`);
    return parseJson(res.body) as Record<string, unknown> & { id: string };
  };

  // Five buyers bidding 0..3 over the demo bid; the last answers pings after `slowMs`.
  const buyers = await Promise.all(
    [0, 1, 2, 3, 4].map((i) =>
      listen(
        createAcceptingBuyer({
          referencePrefix: `b${i}`,
          premium: i,
          pingDelayMs: i === 4 ? slowMs : 0,
        }),
      ),
    ),
  );
  const recipients: string[] = [];
  for (const [i, base] of buyers.entries()) {
    const recipient = await call('POST', '/recipients', {
      name: i === 4 ? 'Slow buyer' : `Buyer ${i}`,
      type: 'ping_post',
      config: {
        url: `${base}/post`,
        ping_url: `${base}/ping`,
        ping_fields: ['state', 'postal_code', 'loan_amount'],
        bid: { bid_id_path: 'bid_id' },
        response: { outcome_path: 'outcome', reference_path: 'reference' },
      },
    });
    recipients.push(recipient.id);
  }
  const flowBody = (name: string, steps: unknown[], distribution: unknown) => ({
    name,
    fields: [{ name: 'loan_amount', type: 'number' }],
    settings: { required_fields: ['email', 'phone'] },
    distribution,
    steps,
  });
  const auction = { mode: 'auction', auction: { deadline_ms: deadlineMs } };
  const pingSteps = (ids: string[]) => ids.map((recipient_id) => ({ type: 'delivery', recipient_id }));
  const flows: Record<string, string> = {
    auction: (await call('POST', '/flows', flowBody('Auction', pingSteps(recipients), auction))).id,
    'auction-fast': (
      await call('POST', '/flows', flowBody('Auction fast', pingSteps(recipients.slice(0, 4)), auction))
    ).id,
    baseline: (
      await call(
        'POST',
        '/flows',
        flowBody(
          'Baseline',
          [{ type: 'delivery', recipient: { name: 'One buyer', config: { url: `${buyers[0]}/post` } } }],
          { mode: 'all' },
        ),
      )
    ).id,
  };
  const names = Object.keys(flows);

  let sequence = 0;
  const lead = () => {
    const n = sequence++;
    return {
      first_name: 'Bench',
      last_name: `Lead${n}`,
      email: `bench.${n}@example.com`,
      phone: `212555${String(n % 10_000).padStart(4, '0')}`,
      state: ['TX', 'OH', 'CA', 'WA'][n % 4],
      postal_code: String(10_000 + ((n * 7919) % 89_999)),
      loan_amount: 5_000 + ((n * 104_729) % 40_000),
    };
  };
  const submit = async (flow: string): Promise<{ ms: number; status: string; pingMs: number | null }> => {
    const started = performance.now();
    const res = await api.call('POST', `/flows/${flows[flow]}/leads`, { lead: lead() });
    const ms = performance.now() - started;
    const body = parseJson(res.body) as {
      status?: string;
      events?: Array<{ type: string; duration_ms?: number }>;
    };
    if (res.status !== 201) throw new Error(`${flow}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
    const auctionEvent = body.events?.find((e) => e.type === 'auction');
    return { ms, status: body.status ?? '?', pingMs: auctionEvent?.duration_ms ?? null };
  };

  say(`• warming up (${warmup} leads per flow)`);
  for (const flow of names) for (let i = 0; i < warmup; i++) await submit(flow);

  const perRound: Record<string, Array<{ p50: number; p95: number; pingP50: number; sold: number }>> = {};
  for (const flow of names) perRound[flow] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    const rows = [['round', 'flow', 'leads', 'delivered', 'p50 ms', 'p95 ms', 'ping phase p50 ms']];
    for (const flow of order) {
      const samples: number[] = [];
      const pings: number[] = [];
      let sold = 0;
      for (let i = 0; i < leadsPerRound; i++) {
        const r = await submit(flow);
        samples.push(r.ms);
        if (r.pingMs !== null) pings.push(r.pingMs);
        if (r.status === 'delivered') sold++;
      }
      const s = summarize(samples);
      const pingP50 = pings.length ? summarize(pings).p50 : Number.NaN;
      perRound[flow]!.push({ p50: s.p50, p95: s.p95, pingP50, sold });
      rows.push([
        String(round + 1),
        flow,
        String(samples.length),
        String(sold),
        fixed(s.p50),
        fixed(s.p95),
        fixed(pingP50),
      ]);
    }
    say(table(rows));
  }

  const base = perRound.baseline!;
  const summary = [
    ['flow', 'median p50 ms', 'median p95 ms', 'p50 / baseline', 'p95 / baseline', 'ping phase ms'],
  ];
  for (const flow of names) {
    const r = perRound[flow]!;
    const p50 = median(r.map((x) => x.p50));
    const p95 = median(r.map((x) => x.p95));
    summary.push([
      flow,
      fixed(p50),
      fixed(p95),
      fixed(p50 / median(base.map((x) => x.p50)), 2),
      fixed(p95 / median(base.map((x) => x.p95)), 2),
      fixed(median(r.map((x) => x.pingP50))),
    ]);
  }
  say('');
  say(
    `Medians over ${rounds} interleaved rounds of ${leadsPerRound} leads per flow (sync submits, one at a time; ` +
      `auction deadline ${deadlineMs} ms, slow buyer answers pings after ${slowMs} ms):`,
  );
  say(table(summary));
  api.close();
} finally {
  await cleanup();
}
