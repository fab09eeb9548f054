import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import proto from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Activities } from '../../activities/index.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import { EncryptionCodec, generatePayloadKey, parsePayloadKeys } from '../../temporal/payload-codec.js';
import { webhookWorkflow } from '../../workflows/webhook.js';
import { decodedPayloads, payloadsIn } from '../helpers/history-payloads.js';
import { testPayloadKeys } from '../helpers/payload-keys.js';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// Lead data in Temporal is encrypted: a history read with a client that has no codec (what Temporal's
// database, its UI and anyone with gRPC access hold) contains no trace of the lead, while the same
// history decoded with the keys has it all.

const LEAD = {
  first_name: 'Zephyrine',
  last_name: 'Quillfeather',
  email: 'Zephyrine.Quillfeather@example.net',
  phone: '(415) 555-0123',
  source: 'payload-test',
};
// Every form the lead's personal data takes on its way through the pipeline.
const TRACES = ['Zephyrine', 'Quillfeather', 'zephyrine.quillfeather', '4155550123', '555-0123', '555) 555'];

describe('payload encryption (real stack)', () => {
  let stack: TestStack;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;
  let hooks: Awaited<ReturnType<typeof startRecipient>>;
  let down: Awaited<ReturnType<typeof startRecipient>>;
  let plainConnection: Connection;

  beforeAll(async () => {
    stack = await startTestStack();
    buyer = await startRecipient(() => ({ status: 200, body: { outcome: 'success' } }));
    hooks = await startRecipient(() => ({ status: 200 }));
    down = await startRecipient(() => ({ status: 503 }));
    plainConnection = await Connection.connect({ address: inject('temporalAddress') });
  });
  afterAll(async () => {
    await plainConnection?.close();
    await Promise.all([buyer?.close(), hooks?.close(), down?.close()]);
    await stack?.stop();
  });

  it('a raw history holds no lead data; decoded with the keys it holds all of it', async () => {
    const { key } = await stack.createAccount();
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Encrypted',
      fields: [
        { name: 'email', type: 'email', required: true },
        { name: 'phone', type: 'phone', required: true },
      ],
      delivery_retry: { maximum_attempts: 1, initial_interval_ms: 100, maximum_interval_ms: 100 },
      settings: { notifications: { webhook_url: hooks.url } },
      steps: [
        { type: 'enhancement', service: 'email_validation' },
        { type: 'enhancement', service: 'phone_validation' },
        { type: 'enhancement', service: 'duplicate_check', settings: { fields: ['email'] } },
        { type: 'delivery', recipient: { name: 'Good buyer', config: { url: buyer.url } } },
        // Its failure (HTTP 503, one attempt) puts an ActivityTaskFailed in the history.
        { type: 'delivery', recipient: { name: 'Down buyer', config: { url: down.url } } },
      ],
    });
    expect(flow.status, flow.text).toBe(201);
    const lead = await stack.call('POST', `/flows/${flow.json.id}/leads`, key, { lead: LEAD });
    expect(lead.status, lead.text).toBe(201);
    expect(lead.json.status).toBe('delivered');
    // The buyer got the lead in the clear, as always.
    expect(buyer.requests[0]!.body).toContain('zephyrine.quillfeather@example.net');
    await stack.client.workflow.getHandle(lead.json.id).result();
    expect(hooks.requests.length).toBeGreaterThanOrEqual(3);

    const plain = new Client({ connection: plainConnection, namespace: 'default' });
    const history = await plain.workflow.getHandle(lead.json.id).fetchHistory();
    const raw = Buffer.from(proto.temporal.api.history.v1.History.encode(history).finish()).toString(
      'latin1',
    );
    expect(raw.length).toBeGreaterThan(1000);
    for (const trace of TRACES) expect(raw.toLowerCase(), trace).not.toContain(trace.toLowerCase());
    const failed = history.events?.find((e) => e.activityTaskFailedEventAttributes);
    expect(failed?.activityTaskFailedEventAttributes?.failure?.message).toBe('Encoded failure');

    // Every payload is sealed; decoded with the keys, the lead and the failure's reason are back.
    const located = payloadsIn(history);
    expect(located.length).toBeGreaterThan(10);
    const unsealed = located.filter(
      ([, p]) => Buffer.from(p.metadata!.encoding!).toString() !== 'binary/encrypted',
    );
    expect(unsealed.map(([where]) => where)).toEqual([]);
    const decoded = await decodedPayloads(history, testPayloadKeys());
    const text = decoded.map(([, json]) => json).join('\n');
    for (const trace of ['Zephyrine', 'Quillfeather', LEAD.email, LEAD.phone])
      expect(text, trace).toContain(trace);
    expect(text).toMatch(/Recipient answered HTTP 503/);

    // Ids, not copies: the lead is in the run's input and in the lead.received webhook (sent before the
    // lead is evaluated) and nowhere else; deliveries and later webhooks read it by id.
    const holding = decoded
      .filter(([, json]) => json.includes('Quillfeather'))
      .map(([where]) => {
        const event = history.events![Number(/^\.events\[(\d+)\]/.exec(where)![1])]!;
        return event.activityTaskScheduledEventAttributes?.activityType?.name ?? where.split('.')[2];
      });
    expect(holding).toEqual(['workflowExecutionStartedEventAttributes', 'sendWebhook']);
    expect(
      decoded.find(([, json]) => json.includes('Quillfeather') && json.includes('"event"'))![1],
    ).toContain('"event":"lead.received"');
    // The webhooks and buyers that read the lead by id still got all of it.
    const delivered = hooks.requests.map((r) => r.json() as { event_type: string; data: { lead?: unknown } });
    expect(delivered.find((h) => h.event_type === 'lead.delivered')?.data.lead).toMatchObject({
      email: 'zephyrine.quillfeather@example.net',
      first_name: 'Zephyrine',
    });
  });

  it('the largest lead the API takes has one copy in its history: the run input', async () => {
    // 25 fields of 9,000 characters (the field limit is 10,000 and the lead limit 256 KiB). Its evaluation
    // alone used to be recorded at about six times that (1.35 MB for this lead, near Temporal's 2 MB).
    const { key } = await stack.createAccount();
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Large',
      steps: [{ type: 'delivery', recipient: { name: 'Good buyer', config: { url: buyer.url } } }],
    });
    const notes = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [`note_${i}`, `${'large lead '.repeat(818)}${i}`]),
    );
    const large = { email: 'large.lead@example.com', ...notes };
    const leadBytes = JSON.stringify(large).length;
    expect(leadBytes).toBeGreaterThan(225_000);
    const lead = await stack.call('POST', `/flows/${flow.json.id}/leads`, key, { lead: large });
    expect(lead.status, lead.text.slice(0, 300)).toBe(201);
    expect(lead.json.status).toBe('delivered');
    expect(buyer.requests.at(-1)!.json()).toMatchObject({
      email: 'large.lead@example.com',
      note_24: notes.note_24,
    });
    await stack.client.workflow.getHandle(lead.json.id).result();

    const history = await stack.client.workflow.getHandle(lead.json.id).fetchHistory();
    const sizes = payloadsIn(history).map(([where, p]) => [where, p.data?.length ?? 0] as const);
    const [largestAt, largest] = sizes.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(largestAt).toMatch(/workflowExecutionStartedEventAttributes\.input/);
    expect(largest).toBeLessThan(leadBytes + 10_000);
    const others = sizes.filter(([where]) => where !== largestAt);
    expect(Math.max(...others.map(([, size]) => size))).toBeLessThan(10_000);
    const holding = (await decodedPayloads(history, testPayloadKeys())).filter(([, json]) =>
      json.includes('large lead large lead'),
    );
    expect(holding.map(([where]) => where)).toEqual([largestAt]);
  });

  it('a worker without the key a run was written with fails its task naming the key id; the run waits for it', async () => {
    const k9 = generatePayloadKey('k9');
    const k1 = generatePayloadKey('k1');
    const writer = new Client({
      connection: plainConnection,
      namespace: 'default',
      dataConverter: leadrailDataConverter(parsePayloadKeys(k9)),
    });
    const taskQueue = `keys-${randomUUID()}`;
    const workflowId = `keys-${randomUUID()}`;
    const sent: unknown[] = [];
    const activities = {
      sendWebhook: async (request: unknown) => {
        sent.push(request);
        return { responseCode: 200 };
      },
      markWebhookFailed: async () => {},
    } as unknown as Activities;
    const native = await NativeConnection.connect({ address: inject('temporalAddress') });
    const workerWith = (spec: string) =>
      Worker.create({
        connection: native,
        taskQueue,
        activities,
        dataConverter: leadrailDataConverter(parsePayloadKeys(spec)),
        workflowBundle: { codePath: inject('workflowBundlePath') },
      });
    try {
      const handle = await writer.workflow.start(webhookWorkflow, {
        taskQueue,
        workflowId,
        args: [
          {
            deliveryId: 'whk_1',
            accountId: 'acct_x',
            flowId: 'flow_x',
            leadId: null,
            url: 'http://x',
            event: 'lead.converted',
            occurredAt: new Date().toISOString(),
            data: {},
          },
        ],
      });
      // A worker that only knows k1: the task fails (retried by Temporal), nothing runs, the run waits.
      const stale = await workerWith(k1);
      const failure = await stale.runUntil(async () => {
        for (;;) {
          const events = (await handle.fetchHistory()).events ?? [];
          const failed = events.find((e) => e.workflowTaskFailedEventAttributes);
          if (failed) return failed.workflowTaskFailedEventAttributes!.failure!;
          await new Promise((r) => setTimeout(r, 200));
        }
      });
      expect(sent).toEqual([]);
      expect((await handle.describe()).status.name).toBe('RUNNING');
      // The failure is itself encrypted (by the worker, with k1); its message names the missing key.
      expect(failure.message).toBe('Encoded failure');
      const [attributes] = await new EncryptionCodec(parsePayloadKeys(k1)).decode([
        failure.encodedAttributes!,
      ]);
      expect((defaultPayloadConverter.fromPayload(attributes!) as { message: string }).message).toBe(
        'Payload was encrypted with key id "k9", which is not in PAYLOAD_ENCRYPTION_KEYS (known: k1); add that key back to read it',
      );

      // With the key back (k1 still first: it encrypts), the same run completes.
      const fixed = await workerWith(`${k1},${k9}`);
      const reader = new Client({
        connection: plainConnection,
        namespace: 'default',
        dataConverter: leadrailDataConverter(parsePayloadKeys(`${k1},${k9}`)),
      });
      expect(await fixed.runUntil(reader.workflow.getHandle(workflowId).result())).toBe('delivered');
      expect(sent).toHaveLength(1);
    } finally {
      await native.close();
    }
  });
});
