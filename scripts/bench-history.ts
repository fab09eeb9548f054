import proto from '@temporalio/proto';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { generatePayloadKey, parsePayloadKeys } from '../temporal/payload-codec.js';
import { decodedPayloads, payloadsIn } from '../test/helpers/history-payloads.js';
import { startRecipient } from '../test/helpers/recipient.js';
import { startInProcessStack } from './in-process-stack.js';

Runtime.install({ logger: new DefaultLogger('ERROR') });

async function main() {
  const keys = parsePayloadKeys(generatePayloadKey('bench'));
  const stack = await startInProcessStack({ name: 'history-size', payloadKeys: keys });
  const { app, client, key } = stack;
  try {
    const call = async (path: string, body: unknown) => {
      const res = await app.request(path, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { id: string; status: string };
      if (res.status !== 201) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const buyers = await Promise.all([1, 2, 3].map(() => startRecipient()));
    const hooks = await startRecipient();
    stack.onStop(() => Promise.all([...buyers, hooks].map((s) => s.close())));
    const delivery = (n: number) => ({
      type: 'delivery',
      recipient: { name: `Buyer ${n}`, config: { url: buyers[n - 1]!.url } },
    });

    const scenarios = [
      {
        name: 'typical lead: email, phone, dedup, 1 buyer, webhooks',
        flow: {
          name: 'Typical',
          settings: { notifications: { webhook_url: hooks.url } },
          steps: [
            { type: 'enhancement', service: 'email_validation' },
            { type: 'enhancement', service: 'phone_validation' },
            { type: 'enhancement', service: 'duplicate_check', settings: { fields: ['email'] } },
            delivery(1),
          ],
        },
        lead: {
          first_name: 'Pat',
          last_name: 'Example',
          email: 'pat.typical@example.com',
          phone: '(212) 555-0199',
          postal_code: '10001',
          state: 'NY',
          address: '1 Main St',
          city: 'New York',
        },
        marker: 'pat.typical@example.com',
      },
      {
        name: 'typical lead, 3 buyers (all), webhooks',
        flow: {
          name: 'Three buyers',
          settings: { notifications: { webhook_url: hooks.url } },
          steps: [delivery(1), delivery(2), delivery(3)],
        },
        lead: {
          first_name: 'Pat',
          email: 'pat.three@example.com',
          phone: '(212) 555-0199',
          postal_code: '10001',
        },
        marker: 'pat.three@example.com',
      },
      {
        name: 'largest lead (25 fields x 9,000 chars), 1 buyer, no webhooks',
        flow: { name: 'Large', steps: [delivery(1)] },
        lead: {
          email: 'pat.large@example.com',
          ...Object.fromEntries(
            Array.from({ length: 25 }, (_, i) => [`note_${i}`, `${'filler '.repeat(1285)}${i}`]),
          ),
        },
        marker: 'filler filler filler',
      },
    ];

    const rows: string[] = [];
    for (const scenario of scenarios) {
      const flow = await call('/flows', scenario.flow);
      const lead = await call(`/flows/${flow.id}/leads`, { lead: scenario.lead });
      await client.workflow.getHandle(lead.id).result();
      const history = await client.workflow.getHandle(lead.id).fetchHistory();
      const bytes = proto.temporal.api.history.v1.History.encode(history).finish().length;
      const largest = Math.max(...payloadsIn(history).map(([, p]) => p.data?.length ?? 0));
      const copies = (await decodedPayloads(history, keys)).filter(([, json]) =>
        json.includes(scenario.marker),
      );
      rows.push(
        `| ${scenario.name} | ${JSON.stringify(scenario.lead).length} | ${lead.status} | ${history.events?.length} | ${bytes} | ${largest} | ${copies.length}: ${copies.map(([where]) => where.replace(/^\.events\[\d+\]\./, '').split('.')[0]).join(', ')} |`,
      );
    }
    process.stdout.write(
      '| scenario | lead JSON bytes | status | events | history bytes | largest payload | payloads holding the lead |\n|---|---|---|---|---|---|---|\n',
    );
    process.stdout.write(`${rows.join('\n')}\n`);
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
