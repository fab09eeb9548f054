// Records one real run of each workflow path and writes its event history to test/histories/<name>.json,
// for test/workflows/history-replay.test.ts to replay against the current workflow code.
//
//   npm run histories:record -- lead-waterfall webhook   # these paths
//   npm run histories:record              # every path (also overwrites the histories of old branches,
//                                         # e.g. lead-delivered, with today's code: name the paths)
//
// Everything is real and local: a Temporal dev server and an embedded Postgres of its own (temporary,
// deleted afterwards), a worker with the real activities, the Hono app, and local HTTP servers standing
// in for buyers and webhook receivers. Re-record only for a new or intentionally changed path, never to
// make a failing replay pass (docs/workflow-versioning.md). Payloads are encrypted with the fixed,
// public key of test/helpers/recorded-histories.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root.js';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { findFlow } from '../db/flows.js';
import { newId } from '../lib/ids.js';
import { parsePayloadKeys } from '../temporal/payload-codec.js';
import { type Responder, startRecipient } from '../test/helpers/recipient.js';
import { RECORDED_HISTORIES_PAYLOAD_KEYS } from '../test/helpers/recorded-histories.js';
import type { leadWorkflow } from '../workflows/lead.js';
import {
  AccountIdAttr,
  awaitOutcomeUpdate,
  type LeadWorkflowInput,
  replayDeliverySignal,
} from '../workflows/shared.js';
import { startInProcessStack } from './in-process-stack.js';

const OUT_DIR = fileURLToPath(new URL('../test/histories/', import.meta.url));

Runtime.install({ logger: new DefaultLogger('ERROR') });

// biome-ignore lint/suspicious/noExplicitAny: API answers are read field by field
type Json = any;

// `historyToJSON` from @temporalio/common/lib/proto-utils is the intended exporter, but with this
// lockfile @temporalio/common, /proto and /worker each get a nested protobufjs 8 (the root copy is 7,
// for @grpc/proto-loader), and common's protojson rejects proto's reflected types ("type must be a
// Type"). The same conversion with the protojson of the protobufjs copy @temporalio/proto uses works
// whatever the layout; the output is the same proto3 JSON that `temporal workflow show -o json` writes.
const protojson = createRequire(createRequire(import.meta.url).resolve('@temporalio/proto'))(
  'protobufjs/ext/protojson',
) as { toJson(type: unknown, message: unknown): unknown };
const HistoryType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType(
  'temporal.api.history.v1.History',
);
function historyToJSON(history: History): string {
  return JSON.stringify(
    protojson.toJson(HistoryType, proto.temporal.api.history.v1.History.fromObject(history)),
  );
}

async function main() {
  const only = new Set(process.argv.slice(2));
  const started = Date.now();
  // Encrypted like production, with the fixed public key the replay test decrypts with.
  const payloadKeys = parsePayloadKeys(RECORDED_HISTORIES_PAYLOAD_KEYS);
  const stack = await startInProcessStack({
    name: 'histories',
    accountName: 'History recorder',
    payloadKeys,
    say: log,
  });
  const { app, client, pool, key, taskQueue } = stack;
  const account = { id: stack.accountId };
  try {
    const call = async (
      method: string,
      path: string,
      body?: unknown,
    ): Promise<{ status: number; json: Json }> => {
      const res = await app.request(path, {
        method,
        headers: {
          Authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    };
    const expectStatus = (res: { status: number; json: Json }, status: number, what: string) => {
      if (res.status !== status)
        throw new Error(`${what}: expected HTTP ${status}, got ${res.status} ${JSON.stringify(res.json)}`);
      return res.json;
    };

    const servers: Array<Awaited<ReturnType<typeof startRecipient>>> = [];
    stack.onStop(() => Promise.all(servers.map((s) => s.close())));
    const server = async (responder?: Responder) => {
      const s = await startRecipient(responder);
      servers.push(s);
      return s;
    };
    /** A buyer that answers 503 until `recovered` is set. */
    const flakyBuyer = async () => {
      const state = { recovered: false };
      const s = await server(() =>
        state.recovered ? { status: 200, body: { outcome: 'success' } } : { status: 503 },
      );
      return { url: s.url, state };
    };

    const FAST_RETRY = { maximum_attempts: 2, initial_interval_ms: 100, maximum_interval_ms: 200 };
    /** A ping/post buyer step on a recipient server (its /ping bids, its /post buys). */
    const pingPost = (name: string, s: { url: string }, caps: unknown[] = []) => ({
      type: 'delivery',
      recipient: {
        name,
        type: 'ping_post',
        config: {
          url: s.url.replace(/\/leads$/, '/post'),
          ping_url: s.url.replace(/\/leads$/, '/ping'),
          ping_fields: ['state', 'postal_code'],
          bid: { bid_id_path: 'bid_id' },
          response: { outcome_path: 'outcome' },
          caps,
        },
      },
    });
    /** A ping/post buyer that bids `bid` and buys whatever it is posted. */
    const bidder = (bid: number) =>
      server((req) =>
        req.path.startsWith('/ping')
          ? { status: 200, body: { bid, bid_id: `bid-${bid}` } }
          : { status: 200, body: { outcome: 'success' } },
      );
    const delivery = (name: string, url: string, config: Record<string, unknown> = {}) => ({
      type: 'delivery',
      recipient: { name, config: { url, ...config } },
    });
    const createFlow = async (body: Record<string, unknown>) =>
      expectStatus(
        await call('POST', '/flows', { name: 'History flow', delivery_retry: FAST_RETRY, ...body }),
        201,
        'create flow',
      ) as { id: string; configuration: { steps: Array<{ recipient_id?: string }> } };
    let seq = 0;
    const lead = (extra: Record<string, unknown> = {}) => ({
      first_name: 'Pat',
      last_name: 'Example',
      email: `pat${seq++ || ''}@example.com`,
      phone: '(212) 555-0199',
      postal_code: '10001',
      state: 'NY',
      ...extra,
    });
    const submit = async (flowId: string, fields: Record<string, unknown>, status: number) =>
      expectStatus(await call('POST', `/flows/${flowId}/leads`, { lead: fields }), status, 'submit lead');
    const leadIdOf = (answer: Json): string => answer.id ?? answer.error?.lead_id;

    /** Waits for the run to close (its history is then complete) and writes it. */
    const save = async (name: string, workflowId: string) => {
      const handle = client.workflow.getHandle(workflowId);
      await handle.result().catch(() => undefined);
      const description = await handle.describe();
      const history = await handle.fetchHistory();
      const json = JSON.stringify(JSON.parse(historyToJSON(history)), null, 2);
      writeFileSync(join(OUT_DIR, `${name}.json`), `${json}\n`);
      log(
        `${name}.json: ${description.type} ${description.status.name}, ${history.events?.length} events, ${Math.round(json.length / 1024)} KiB`,
      );
    };
    /**
     * A waterfall lead of two buyers (sale prices in flow order), both down when it arrives; both come
     * back, an operator replays it, and the buyer at `buyerIndex` must be the one that takes it.
     */
    const waterfallReplayed = async (
      name: string,
      distribution: Record<string, unknown>,
      prices: [number | undefined, number | undefined],
      buyerIndex: number,
    ) => {
      const buyers = [await flakyBuyer(), await flakyBuyer()];
      const flow = await createFlow({
        distribution,
        steps: buyers.map((b, i) =>
          delivery(`Buyer ${i + 1}`, b.url, prices[i] === undefined ? {} : { sale_price: prices[i] }),
        ),
      });
      const answer = await submit(flow.id, lead(), 201);
      if (answer.status !== 'delivery_failed') throw new Error(`${name}: ${answer.status}`);
      for (const b of buyers) b.state.recovered = true;
      const replay = expectStatus(await call('POST', `/leads/${answer.id}/replay`, {}), 200, 'replay');
      const deliverySteps: Json[] = flow.configuration.steps.filter((s: Json) => s.type === 'delivery');
      const buyerId = deliverySteps[buyerIndex]?.recipient_id;
      if (
        replay.status !== 'delivered' ||
        replay.attempts.length !== 1 ||
        replay.attempts[0].recipient_id !== buyerId
      )
        throw new Error(`${name}: ${JSON.stringify(replay)}`);
      await save(name, answer.id);
    };
    /** One run of a workflow id (e.g. the first, continued as new since). */
    const saveRun = async (name: string, workflowId: string, runId: string) => {
      const handle = client.workflow.getHandle(workflowId, runId);
      const history = await handle.fetchHistory();
      const json = JSON.stringify(JSON.parse(historyToJSON(history)), null, 2);
      writeFileSync(join(OUT_DIR, `${name}.json`), `${json}\n`);
      log(
        `${name}.json: run ${runId}, ${history.events?.length} events, ${Math.round(json.length / 1024)} KiB`,
      );
    };
    const waitFor = async <T>(what: string, fn: () => Promise<T | undefined>): Promise<T> => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const value = await fn();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };

    const leadDelivered = async (name: string) => {
      const buyer = await server(() => ({ status: 200, body: { outcome: 'success', price: '12.5' } }));
      const hooks = await server();
      const flow = await createFlow({
        fields: [
          { name: 'email', type: 'email', required: true, require_valid: true },
          { name: 'phone', type: 'phone', required: true },
        ],
        settings: { notifications: { webhook_url: hooks.url } },
        steps: [
          { type: 'enhancement', service: 'email_validation' },
          { type: 'enhancement', service: 'phone_validation' },
          {
            type: 'enhancement',
            service: 'duplicate_check',
            settings: { fields: ['email'], lookback_days: 30 },
          },
          delivery('Acme Buyer', buyer.url, { response: { price_path: 'price' } }),
        ],
      });
      const answer = await submit(flow.id, lead(), 201);
      if (answer.status !== 'delivered') throw new Error(`lead-delivered: ${answer.status}`);
      await save(name, answer.id);
      if (hooks.requests.length < 3) throw new Error('lead-delivered: expected lead.* webhooks');
    };

    const leadDuplicate = async (name: string) => {
      const buyer = await server();
      const flow = await createFlow({
        steps: [
          {
            type: 'enhancement',
            service: 'duplicate_check',
            settings: { fields: ['email'], lookback_days: 30 },
          },
          delivery('Acme Buyer', buyer.url),
        ],
      });
      await submit(flow.id, lead({ email: 'dup@example.com' }), 201);
      const answer = await submit(flow.id, lead({ email: 'DUP@example.com' }), 409);
      await save(name, leadIdOf(answer));
    };

    const redeliveryWebhooks = async (name: string) => {
      const buyer = await flakyBuyer();
      const hooks = await server();
      const flow = await createFlow({
        delivery_retry: { ...FAST_RETRY, replay_window_seconds: 1 },
        settings: { notifications: { webhook_url: hooks.url, events: ['lead.delivered'] } },
        steps: [delivery('Night Buyer', buyer.url)],
      });
      const answer = await submit(flow.id, lead(), 201);
      await client.workflow.getHandle(answer.id).result();
      buyer.state.recovered = true;
      const replay = expectStatus(await call('POST', `/leads/${answer.id}/replay`, {}), 200, 'redelivery');
      if (replay.status !== 'delivered') throw new Error(`redelivery: ${replay.status}`);
      if (hooks.requests.length !== 1)
        throw new Error('redelivery-webhooks: expected one lead.delivered webhook');
      const read = expectStatus(await call('GET', `/leads/${answer.id}`), 200, 'read lead');
      const replayed = read.events.find((e: Json) => e.type === 'replayed');
      await save(name, replayed.details.redelivery_run);
    };

    const paths: Record<string, () => Promise<void>> = {
      // Enhancements (email, phone, duplicate check), a delivery, and lead.* webhooks.
      'lead-delivered': () => leadDelivered('lead-delivered'),
      // The same since runs read the lead by id (patched('lead-data-by-id')).
      'lead-delivered-by-id': () => leadDelivered('lead-delivered-by-id'),

      // A conversion (feedback) records its event and sends lead.converted, in one feedbackWorkflow.
      // (webhook.json is kept from before: webhookWorkflow ran feedback webhooks until feedback became
      // a workflow of its own; it still replays old runs, and nothing starts new ones.)
      feedback: async () => {
        const buyer = await server(() => ({ status: 200, body: { outcome: 'success' } }));
        const hooks = await server();
        const flow = await createFlow({
          settings: { notifications: { webhook_url: hooks.url, events: ['lead.converted'] } },
          steps: [delivery('Acme Buyer', buyer.url, { sale_price: 20 })],
        });
        const answer = await submit(flow.id, lead(), 201);
        expectStatus(
          await call('POST', `/leads/${answer.id}/feedback`, { type: 'conversion' }),
          201,
          'feedback',
        );
        const feedbackId = await waitFor('the feedback run', async () => {
          for await (const wf of client.workflow.list({ query: 'WorkflowType="feedbackWorkflow"' }))
            return wf.workflowId;
          return undefined;
        });
        await save('feedback', feedbackId);
        if (hooks.requests.length !== 1) throw new Error('feedback: expected one lead.converted webhook');
      },

      // A test lead: every step runs, nothing is sent (recipients skipped), no webhooks.
      'lead-test-mode': async () => {
        const buyer = await server();
        const hooks = await server();
        const flow = await createFlow({
          settings: { notifications: { webhook_url: hooks.url } },
          steps: [delivery('Acme Buyer', buyer.url)],
        });
        const answer = expectStatus(
          await call('POST', `/flows/${flow.id}/leads`, { lead: lead(), options: { test_mode: true } }),
          201,
          'submit test lead',
        );
        if (answer.status !== 'accepted') throw new Error(`lead-test-mode: ${answer.status}`);
        await save('lead-test-mode', answer.id);
        if (buyer.requests.length + hooks.requests.length > 0)
          throw new Error('lead-test-mode: sent something');
      },

      'lead-rejected-validation': async () => {
        const flow = await createFlow({
          fields: [{ name: 'email', type: 'email', required: true, require_valid: true }],
        });
        const answer = await submit(flow.id, { email: 'not-an-email' }, 400);
        await save('lead-rejected-validation', leadIdOf(answer));
      },

      'lead-rejected-criteria': async () => {
        const buyer = await server();
        const flow = await createFlow({
          settings: { acceptance_criteria: 'lead.income >= 50000' },
          steps: [delivery('Acme Buyer', buyer.url)],
        });
        const answer = await submit(flow.id, lead({ income: '42000' }), 422);
        await save('lead-rejected-criteria', leadIdOf(answer));
      },

      'lead-duplicate': () => leadDuplicate('lead-duplicate'),
      'lead-duplicate-by-id': () => leadDuplicate('lead-duplicate-by-id'),

      'lead-cap-reached': async () => {
        const buyer = await server();
        const flow = await createFlow({
          settings: { volume_cap: { daily_limit: 1 } },
          steps: [delivery('Acme Buyer', buyer.url)],
        });
        await submit(flow.id, lead(), 201);
        const answer = await submit(flow.id, lead(), 422);
        if (answer.error?.code !== 'cap_reached') throw new Error(`cap: ${JSON.stringify(answer)}`);
        await save('lead-cap-reached', leadIdOf(answer));
      },

      'lead-retry-then-delivered': async () => {
        const buyer = await server((_req, attempt) =>
          attempt === 1 ? { status: 500 } : { status: 200, body: { outcome: 'success' } },
        );
        const flow = await createFlow({ steps: [delivery('Acme Buyer', buyer.url)] });
        const answer = await submit(flow.id, lead(), 201);
        if (answer.status !== 'delivered' || buyer.requests.length !== 2)
          throw new Error(`retry: ${answer.status}, ${buyer.requests.length} requests`);
        await save('lead-retry-then-delivered', answer.id);
      },

      // Two list_check steps: the first flags the lead (its phone is listed) and lets it go on, the
      // second rejects it (its email is listed); the buyer after them gets nothing.
      'lead-list-check': async () => {
        const buyer = await server();
        const list = async (type: string, values: string[]) => {
          const created = expectStatus(
            await call('POST', '/lists', { name: `History ${type} list`, type }),
            201,
            'create list',
          );
          expectStatus(await call('POST', `/lists/${created.id}/items`, { values }), 200, 'add list items');
          return created.id as string;
        };
        const phones = await list('phone', ['+1 212 555 0199']);
        const emails = await list('email', ['Listed@Example.com']);
        const flow = await createFlow({
          steps: [
            { type: 'list_check', list_ids: [phones], action: 'flag' },
            { type: 'list_check', list_ids: [emails], action: 'reject' },
            delivery('Acme Buyer', buyer.url),
          ],
        });
        const answer = await submit(flow.id, lead({ email: 'listed@example.com' }), 422);
        if (answer.error?.details?.[0]?.code !== 'suppressed')
          throw new Error(`lead-list-check: ${JSON.stringify(answer)}`);
        if (buyer.requests.length > 0) throw new Error('lead-list-check: the buyer got the lead');
        await save('lead-list-check', leadIdOf(answer));
      },

      'lead-waterfall': async () => {
        const first = await server(() => ({
          status: 200,
          body: { outcome: 'failure', reason: 'no coverage' },
        }));
        const second = await server(() => ({ status: 200, body: { outcome: 'success' } }));
        const parse = { response: { outcome_path: 'outcome', reason_path: 'reason' } };
        const flow = await createFlow({
          distribution: { mode: 'waterfall' },
          steps: [delivery('First Buyer', first.url, parse), delivery('Second Buyer', second.url, parse)],
        });
        const answer = await submit(flow.id, lead(), 201);
        if (answer.status !== 'delivered' || first.requests.length !== 1 || second.requests.length !== 1)
          throw new Error(`waterfall: ${answer.status}`);
        await save('lead-waterfall', answer.id);
      },

      // An auction: three ping/post buyers pinged at once; the slowest misses the deadline, the best
      // bid declines the post, the next takes the lead at its bid.
      'lead-auction': async () => {
        const buyer = (bid: number, post: 'success' | 'failure', delayMs = 0) =>
          server((req) =>
            req.path.startsWith('/ping')
              ? { status: 200, body: { bid, bid_id: `bid-${bid}` }, delayMs }
              : { status: 200, body: { outcome: post } },
          );
        const [slow, best, next] = [
          await buyer(40, 'success', 1500),
          await buyer(20, 'failure'),
          await buyer(12, 'success'),
        ];
        const flow = await createFlow({
          distribution: { mode: 'auction', auction: { deadline_ms: 300 } },
          steps: [pingPost('Slow Buyer', slow), pingPost('Best Buyer', best), pingPost('Next Buyer', next)],
        });
        const answer = await submit(flow.id, lead(), 201);
        // The slow buyer is pinged only; the best and the next are pinged and posted.
        const counts = [slow, best, next].map((s) => s.requests.length).join(',');
        if (answer.status !== 'delivered' || counts !== '1,2,2')
          throw new Error(`auction: ${answer.status}, requests ${counts}`);
        await save('lead-auction', answer.id);
      },

      // An auction since patched('auction-reads-recipient-caps'): a buyer at its cap is not pinged; of
      // the two others, the best bid buys.
      'lead-auction-capped': async () => {
        const [capped, best, next] = [await bidder(40), await bidder(20), await bidder(12)];
        const flow = await createFlow({
          distribution: { mode: 'auction', auction: { deadline_ms: 2000 } },
          steps: [
            pingPost('Capped Buyer', capped, [{ maximum: 0, per: 'day' }]),
            pingPost('Best Buyer', best),
            pingPost('Next Buyer', next),
          ],
        });
        const answer = await submit(flow.id, lead(), 201);
        const counts = [capped, best, next].map((s) => s.requests.length).join(',');
        if (answer.status !== 'delivered' || counts !== '0,2,1')
          throw new Error(`auction capped: ${answer.status}, requests ${counts}`);
        await save('lead-auction-capped', answer.id);
      },

      // delivery_failed, then an operator's replay (the replay-delivery update, via the API) delivers it.
      'lead-replayed-by-update': async () => {
        const buyer = await flakyBuyer();
        const flow = await createFlow({ steps: [delivery('Night Buyer', buyer.url)] });
        const answer = await submit(flow.id, lead(), 201);
        if (answer.status !== 'delivery_failed') throw new Error(`replay: ${answer.status}`);
        buyer.state.recovered = true;
        const replay = expectStatus(await call('POST', `/leads/${answer.id}/replay`, {}), 200, 'replay');
        if (replay.status !== 'delivered') throw new Error(`replay: ${replay.status}`);
        await save('lead-replayed-by-update', answer.id);
      },

      // A waterfall lead in delivery_failed, replayed when both buyers are back: the first buys, the
      // second is not sent the lead (patched('lead-sold-once')).
      'lead-waterfall-replayed': () =>
        waterfallReplayed('lead-waterfall-replayed', { mode: 'waterfall' }, [undefined, undefined], 0),

      // A waterfall ordered by price, replayed when both buyers are back: the replay looks up the sale
      // prices and tries the dearer buyer first (patched('waterfall-replays-by-price')).
      'lead-waterfall-price-replayed': () =>
        waterfallReplayed(
          'lead-waterfall-price-replayed',
          { mode: 'waterfall', waterfall_order: 'price' },
          [4, 11],
          1,
        ),

      // A run that has taken its replays per run continues as new (patched('lead-replays-continue-as-new'));
      // the next run goes on from the carried state and delivers. Started here as the API starts it,
      // with a bound of one replay per run so two replays show both runs.
      'lead-replays-continued-as-new': async () => {
        const buyer = await flakyBuyer();
        const created = await createFlow({ steps: [delivery('Night Buyer', buyer.url)] });
        const flow = await findFlow(pool, account.id, created.id);
        if (!flow) throw new Error('continued: flow not found');
        const leadId = newId('lead');
        const fields = lead();
        const input: LeadWorkflowInput = {
          leadId,
          accountId: account.id,
          flowId: flow.id,
          flowVersion: flow.version,
          flow: flow.config,
          lead: fields,
          source: null,
          campaign: null,
          externalId: null,
          testMode: false,
          receivedAt: new Date().toISOString(),
          replaysPerRun: 1,
        };
        const first = await client.workflow.start<typeof leadWorkflow>('leadWorkflow', {
          workflowId: leadId,
          taskQueue,
          args: [input],
          typedSearchAttributes: [{ key: AccountIdAttr, value: account.id }],
        });
        const decided = await first.executeUpdate(awaitOutcomeUpdate);
        if (decided.status !== 'delivery_failed') throw new Error(`continued: ${decided.status}`);
        const still = expectStatus(await call('POST', `/leads/${leadId}/replay`, {}), 200, 'replay');
        if (still.status !== 'delivery_failed') throw new Error(`continued: replay ${still.status}`);
        buyer.state.recovered = true;
        const replay = expectStatus(await call('POST', `/leads/${leadId}/replay`, {}), 200, 'replay');
        if (replay.status !== 'delivered') throw new Error(`continued: second replay ${replay.status}`);
        await saveRun('lead-replays-continued-as-new', leadId, first.firstExecutionRunId);
        await save('lead-replays-continued', leadId);
      },

      // The same through the replay-delivery signal (Temporal UI / `temporal workflow signal`).
      'lead-replayed-by-signal': async () => {
        const buyer = await flakyBuyer();
        const flow = await createFlow({ steps: [delivery('Night Buyer', buyer.url)] });
        const answer = await submit(flow.id, lead(), 201);
        buyer.state.recovered = true;
        await client.workflow.getHandle(answer.id).signal(replayDeliverySignal, { requestedBy: 'cli:ops' });
        await save('lead-replayed-by-signal', answer.id);
      },

      // delivery_failed, nobody replays within the window: the run closes as failed. A replay after
      // that runs as a redeliveryWorkflow.
      'lead-replay-window-failed': async () => {
        const buyer = await flakyBuyer();
        const flow = await createFlow({
          delivery_retry: { ...FAST_RETRY, replay_window_seconds: 1 },
          steps: [delivery('Night Buyer', buyer.url)],
        });
        const answer = await submit(flow.id, lead(), 201);
        await save('lead-replay-window-failed', answer.id);

        buyer.state.recovered = true;
        const replay = expectStatus(await call('POST', `/leads/${answer.id}/replay`, {}), 200, 'redelivery');
        if (replay.status !== 'delivered') throw new Error(`redelivery: ${replay.status}`);
        const read = expectStatus(await call('GET', `/leads/${answer.id}`), 200, 'read lead');
        const replayed = read.events.find((e: Json) => e.type === 'replayed');
        await save('redelivery', replayed.details.redelivery_run);
      },

      // A replay naming another bidder of an auction lead already sold: the redelivery sells it to
      // nobody (patched('auction-lead-sold-once')), the buyer that lost the auction is not posted to.
      'redelivery-auction-sold': async () => {
        const [best, next] = [await bidder(20), await bidder(12)];
        const flow = await createFlow({
          distribution: { mode: 'auction', auction: { deadline_ms: 2000 } },
          steps: [pingPost('Best Buyer', best), pingPost('Next Buyer', next)],
        });
        const answer = await submit(flow.id, lead(), 201);
        const nextId = flow.configuration.steps.at(-1)?.recipient_id;
        if (answer.status !== 'delivered' || !nextId) throw new Error(`auction sold: ${answer.status}`);
        const replay = expectStatus(
          await call('POST', `/leads/${answer.id}/replay`, { recipient_id: nextId }),
          200,
          'replay to the runner-up',
        );
        if (
          replay.attempts?.[0]?.reason !== 'Already sold to another recipient' ||
          next.requests.length !== 1
        )
          throw new Error(
            `redelivery auction sold: ${JSON.stringify(replay)}, runner-up requests ${next.requests.length}`,
          );
        const read = expectStatus(await call('GET', `/leads/${answer.id}`), 200, 'read lead');
        const replayed = read.events.find((e: Json) => e.type === 'replayed');
        await save('redelivery-auction-sold', replayed.details.redelivery_run);
      },

      // A redelivery of a flow with webhooks: the lead.delivered webhook behind patched('redelivery-webhooks').
      'redelivery-webhooks': () => redeliveryWebhooks('redelivery-webhooks'),
      // The same since runs read the lead by id (patched('lead-data-by-id')).
      'redelivery-by-id': () => redeliveryWebhooks('redelivery-by-id'),

      'bulk-replay-completed': async () => {
        const buyer = await flakyBuyer();
        const flow = await createFlow({ steps: [delivery('Night Buyer', buyer.url)] });
        for (let i = 0; i < 2; i++) await submit(flow.id, lead(), 201);
        buyer.state.recovered = true;
        const started = expectStatus(
          await call('POST', '/replays', { flow_id: flow.id, rate_per_second: 50 }),
          202,
          'bulk replay',
        );
        const result = await client.workflow.getHandle(started.id).result();
        if (result.status !== 'completed' || result.delivered !== 2)
          throw new Error(`bulk replay: ${JSON.stringify(result)}`);
        await save('bulk-replay-completed', started.id);
      },

      'bulk-replay-cancelled': async () => {
        const buyer = await flakyBuyer();
        const flow = await createFlow({ steps: [delivery('Night Buyer', buyer.url)] });
        for (let i = 0; i < 3; i++) await submit(flow.id, lead(), 201);
        buyer.state.recovered = true;
        const started = expectStatus(
          await call('POST', '/replays', { flow_id: flow.id, rate_per_second: 0.5 }),
          202,
          'bulk replay',
        );
        await waitFor('the first replayed lead', async () => {
          const progress = expectStatus(await call('GET', `/replays/${started.id}`), 200, 'progress');
          return progress.processed >= 1 ? true : undefined;
        });
        expectStatus(await call('DELETE', `/replays/${started.id}`), 202, 'cancel');
        const result = await client.workflow.getHandle(started.id).result();
        if (result.status !== 'cancelled') throw new Error(`bulk cancel: ${JSON.stringify(result)}`);
        await save('bulk-replay-cancelled', started.id);
      },

      maintenance: async () => {
        const workflowId = `maintenance-history-${Date.now()}`;
        await client.workflow.execute('maintenanceWorkflow', {
          taskQueue,
          workflowId,
          args: [{ intentQueryLogDays: 90 }],
        });
        await save('maintenance', workflowId);
      },
    };

    mkdirSync(OUT_DIR, { recursive: true });
    const unknown = [...only].filter((name) => !(name in paths) && name !== 'redelivery');
    if (unknown.length) throw new Error(`unknown path(s): ${unknown.join(', ')}`);
    for (const [name, record] of Object.entries(paths)) {
      const wanted =
        only.size === 0 || only.has(name) || (name === 'lead-replay-window-failed' && only.has('redelivery'));
      if (wanted) await record();
    }
    log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await stack.stop();
  }
}

function log(message: string) {
  process.stdout.write(`[histories] ${message}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
