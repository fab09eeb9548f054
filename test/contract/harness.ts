import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { setIntentKeyLimits } from '../../intent/query-log.js';
import { generateCorpus } from '../../intent/seed/generate.js';
import { DestinationNotAllowed } from '../../lib/outbound.js';
import { startRecipient } from '../helpers/recipient.js';
import type { TestStack } from '../helpers/stack.js';

// The contract check's pieces: a database of its own (the fuzzer writes flows, keys and the shared
// intent corpus, which must not disturb other test files), the app on a real HTTP port, two tenants
// with data, and the pinned schemathesis run against /openapi.json.

const root = fileURLToPath(new URL('../..', import.meta.url));
export const SCHEMATHESIS_DIR = join(root, '.tools', 'schemathesis');

/** The app on a real port of 127.0.0.1, as api/main.ts serves it. */
export async function serveApp(app: TestStack['app']) {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Ids the fuzzer is given for path parameters, per resource kind. */
export interface TenantIds {
  key: string;
  keyId: string;
  accountId: string;
  /** A flow that takes every lead (no criteria, caps or required fields) and delivers to `buyer`. */
  openFlowId: string;
  /** A flow the fuzzer may rewrite (PUT) and read. */
  editableFlowId: string;
  /** A flow whose only buyer is down. */
  failingFlowId: string;
  /** A lead whose delivery failed (replayable). */
  failedLeadId: string;
  deliveredLeadId: string;
  recipientIds: string[];
  /** A recipient no flow uses: the fuzzer may rewrite and delete it. */
  spareRecipientId: string;
  /** Keys the fuzzer may change, rotate and revoke (never its own). */
  spareKeyIds: string[];
  replayId: string;
}

async function json(res: { status: number; json: unknown }, expected: number) {
  if (res.status !== expected)
    throw new Error(`seeding: expected ${expected}, got ${res.status}: ${JSON.stringify(res.json)}`);
  // biome-ignore lint/suspicious/noExplicitAny: seeding reads ids from known responses
  return res.json as any;
}

/**
 * One tenant with every kind of resource, created through the API: recipients (one used, one free),
 * a flow that accepts everything, an editable flow, a flow whose buyer is down (a failed lead to
 * replay), leads, spare API keys and a bulk replay.
 */
export async function seedTenant(stack: TestStack, buyerUrl: string, deadUrl: string): Promise<TenantIds> {
  const { key, keyId, accountId } = await stack.createAccount({
    rateLimit: { perHour: 10_000_000, perMinute: 1_000_000 },
  });
  // The fuzzer's queries are mostly poor ones: keep its intent limits out of the way.
  await setIntentKeyLimits(stack.pool, keyId, {
    burst: 100_000,
    ratePerMinute: 100_000,
    perDay: 1_000_000,
    usdPerDay: 1_000_000,
    usdPerQuery: 1_000,
    usdPerLead: 1_000,
    minReputation: 0,
  });
  const call = (method: string, path: string, body?: unknown) => stack.call(method, path, key, body);
  const buyer = { name: 'Buyer', config: { url: buyerUrl, response: { price_path: 'price' } } };
  const used = await json(await call('POST', '/recipients', buyer), 201);
  const spare = await json(await call('POST', '/recipients', { ...buyer, name: 'Spare' }), 201);
  const openFlow = await json(
    await call('POST', '/flows', {
      name: 'Open',
      steps: [{ type: 'delivery', recipient_id: used.id }],
    }),
    201,
  );
  const editable = await json(
    await call('POST', '/flows', {
      name: 'Editable',
      steps: [{ type: 'delivery', recipient_id: used.id }],
    }),
    201,
  );
  const failing = await json(
    await call('POST', '/flows', {
      name: 'Buyer down',
      delivery_retry: { maximum_attempts: 1 },
      steps: [{ type: 'delivery', recipient: { name: 'Down', config: { url: deadUrl } } }],
    }),
    201,
  );
  const lead = { first_name: 'Ada', email: 'ada@example.com', phone: '5551234567' };
  const delivered = await json(await call('POST', `/flows/${openFlow.id}/leads`, { lead }), 201);
  const failed = await json(await call('POST', `/flows/${failing.id}/leads`, { lead }), 201);
  if (failed.status !== 'delivery_failed') throw new Error(`seeding: lead is ${failed.status}`);
  const spareKeys = [];
  for (const name of ['spare-1', 'spare-2', 'spare-3']) {
    spareKeys.push(await json(await call('POST', '/api-keys', { name, scopes: ['leads:read'] }), 201));
  }
  const replay = await json(await call('POST', '/replays', { flow_id: failing.id }), 202);
  return {
    key,
    keyId,
    accountId,
    openFlowId: openFlow.id,
    editableFlowId: editable.id,
    failingFlowId: failing.id,
    failedLeadId: failed.id,
    deliveredLeadId: delivered.id,
    recipientIds: [used.id, spare.id, failing.configuration.steps[1].recipient_id],
    spareRecipientId: spare.id,
    spareKeyIds: spareKeys.map((k) => k.id),
    replayId: replay.id,
  };
}

/** A small intent corpus, imported through the API (so /query has companies to rank). */
export async function importIntentCorpus(stack: TestStack, key: string) {
  const lines: string[] = [];
  generateCorpus(
    { companies: 200, seed: 11, asOf: '2026-11-01' },
    { row: (r) => lines.push(JSON.stringify(r)), truth: () => {} },
  );
  await json(
    await stack.call('POST', '/intent/import', key, `${lines.join('\n')}\n`, {
      'Content-Type': 'application/x-ndjson',
    }),
    200,
  );
}

/**
 * The worker's fetch: loopback only. Fuzzed recipients and webhooks point anywhere on the internet;
 * nothing is sent there (a refused destination is a definite failure, as OUTBOUND_PRIVATE_NETWORKS=deny
 * makes it for private ones).
 */
export const loopbackOnlyFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1') throw new DestinationNotAllowed(url.hostname);
  return fetch(input, init);
};

export async function startBuyers() {
  const buyer = await startRecipient(() => ({ status: 200, body: { outcome: 'success', price: 10 } }));
  const down = await startRecipient();
  const deadUrl = down.url;
  await down.close(); // connection refused from now on: deliveries there fail
  return { buyer, deadUrl };
}

export interface SchemathesisResult {
  exitCode: number;
  output: string;
  /** Parsed from the JUnit report: failures per operation. */
  failures: { operation: string; message: string }[];
  /** Requests sent, from the NDJSON event stream. */
  requests: number;
  statuses: Record<string, number>;
  /** Statuses of the requests whose URL named one of the other tenant's resources. */
  foreign: Record<string, number>;
  seconds: number;
}

export async function runSchemathesis(options: {
  baseUrl: string;
  key: string;
  reportDir: string;
  /** JSON for the hooks (test/contract/hooks.py): ids to use in paths, the other tenant's ids. */
  hookData: unknown;
  /** The other tenant's ids, to count the requests that probed them. */
  foreignIds: readonly string[];
  extraArgs?: string[];
}): Promise<SchemathesisResult> {
  if (!existsSync(join(SCHEMATHESIS_DIR, 'schemathesis'))) {
    throw new Error('schemathesis is not installed: run `node dev/bootstrap.mjs`');
  }
  mkdirSync(options.reportDir, { recursive: true });
  const junit = join(options.reportDir, 'junit.xml');
  const ndjson = join(options.reportDir, 'events.ndjson');
  const args = [
    '-m',
    'schemathesis.cli',
    '--config-file',
    join(root, 'test', 'contract', 'schemathesis.toml'),
    'run',
    `${options.baseUrl}/openapi.json`,
    '--url',
    options.baseUrl,
    '--header',
    `Authorization: Bearer ${options.key}`,
    '--report',
    'junit,ndjson',
    '--report-junit-path',
    junit,
    '--report-ndjson-path',
    ndjson,
    ...(options.extraArgs ?? []),
  ];
  const started = Date.now();
  const child = spawn(process.env.PYTHON ?? 'python3', args, {
    cwd: join(root, 'test', 'contract'),
    env: {
      ...process.env,
      PYTHONPATH: [SCHEMATHESIS_DIR, join(root, 'test', 'contract')].join(':'),
      PYTHONDONTWRITEBYTECODE: '1',
      SCHEMATHESIS_HOOKS: 'hooks',
      LEADRAIL_CONTRACT_DATA: JSON.stringify(options.hookData),
      NO_COLOR: '1',
      COLUMNS: '160',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const seconds = (Date.now() - started) / 1000;
  const failures = existsSync(junit) ? junitFailures(readFileSync(junit, 'utf8')) : [];
  const { requests, statuses, foreign } = existsSync(ndjson)
    ? countRequests(readFileSync(ndjson, 'utf8'), options.foreignIds)
    : { requests: 0, statuses: {}, foreign: {} };
  return { exitCode, output, failures, requests, statuses, foreign, seconds };
}

function junitFailures(xml: string) {
  const failures: { operation: string; message: string }[] = [];
  // A passing case is self-closing (<testcase .../>): only a case with a body can hold a failure, and
  // it must not borrow the name of a self-closing case before it.
  const testcase = /<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const [, attributes, inner] of xml.matchAll(testcase)) {
    const name = /\bname="([^"]*)"/.exec(attributes!)?.[1] ?? '(unnamed)';
    for (const [, message] of (inner ?? '').matchAll(/<(?:failure|error)[^>]*message="([^"]*)"/g)) {
      failures.push({ operation: name, message: message! });
    }
  }
  return failures;
}

interface Interaction {
  request: { method: string; uri: string };
  response?: { status_code: number } | null;
}

/** Requests sent and their statuses, from the NDJSON event stream (one line per event). */
function countRequests(ndjson: string, foreignIds: readonly string[]) {
  let requests = 0;
  const statuses: Record<string, number> = {};
  const foreign: Record<string, number> = {};
  for (const line of ndjson.split('\n')) {
    if (!line.startsWith('{"ScenarioFinished"')) continue;
    const event = JSON.parse(line).ScenarioFinished as {
      recorder: { interactions?: Record<string, Interaction> };
    };
    for (const { request, response } of Object.values(event.recorder.interactions ?? {})) {
      requests++;
      const status = response ? String(response.status_code) : 'network error';
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (foreignIds.some((id) => request.uri.includes(id))) foreign[status] = (foreign[status] ?? 0) + 1;
    }
  }
  return { requests, statuses, foreign };
}
