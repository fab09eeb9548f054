// How much of a lead enters its Temporal history: a typical lead and the largest lead the API takes,
// each run for real (embedded Postgres, a Temporal dev server, the worker, local buyers and webhook
// receiver), then its raw history measured: bytes, events, the largest payload, and how many payloads
// hold a copy of the lead (decrypted and searched for its email or its filler).
//
//   npm run bench:history
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proto from '@temporalio/proto';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { createApp } from '../api/app.js';
import { insertAccount, issueApiKey } from '../db/accounts.js';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import { freePort } from '../dev/ports.js';
import { startEmbeddedPostgres } from '../dev/postgres.js';
import { startDevServer } from '../dev/temporal-server.js';
import { createLogger } from '../lib/logger.js';
import { bundleWorkflows } from '../temporal/bundle.js';
import { connectClient } from '../temporal/connect.js';
import { createLeadWorker } from '../temporal/lead-worker.js';
import { generatePayloadKey, parsePayloadKeys } from '../temporal/payload-codec.js';
import { decodedPayloads, payloadsIn } from '../test/helpers/history-payloads.js';
import { startRecipient } from '../test/helpers/recipient.js';

Runtime.install({ logger: new DefaultLogger('ERROR') });

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), 'leadrail-history-size-'));
  chmodSync(workDir, 0o755); // embedded Postgres runs as the "postgres" user when we are root
  const cleanups: Array<() => Promise<unknown> | unknown> = [
    () => rmSync(workDir, { recursive: true, force: true }),
  ];
  try {
    const [pgPort, temporalPort] = await Promise.all([freePort(), freePort()]);
    const [db, temporal, bundle] = await Promise.all([
      startEmbeddedPostgres({ dataDir: join(workDir, 'postgres'), port: pgPort, persistent: false }),
      startDevServer({ port: temporalPort, logFile: join(workDir, 'temporal.log') }),
      bundleWorkflows(),
    ]);
    cleanups.push(
      () => db.stop(),
      () => temporal.stop(),
    );
    await migrate(db.url);
    const pool = createPool(db.url, 10);
    cleanups.push(() => pool.end());
    const keys = parsePayloadKeys(generatePayloadKey('bench'));
    const { client, connection } = await connectClient(temporal.address, 'default', keys);
    cleanups.push(() => connection.close());
    const native = await NativeConnection.connect({ address: temporal.address });
    cleanups.push(() => native.close());
    const taskQueue = 'history-size';
    const worker = await createLeadWorker({
      connection: native,
      namespace: 'default',
      taskQueue,
      payloadKeys: keys,
      activities: createActivities({ pool, temporal: { client, taskQueue } }),
      workflowBundleCode: bundle,
    });
    const running = worker.run();
    cleanups.push(async () => {
      worker.shutdown();
      await running;
    });
    const app = createApp({ pool, temporal: client, taskQueue, logger: createLogger({ level: 'silent' }) });
    const account = await insertAccount(pool, 'History size');
    const { key } = await issueApiKey(pool, account.id, {
      rateLimit: { perHour: 100_000, perMinute: 10_000 },
    });
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
    cleanups.push(() => Promise.all([...buyers, hooks].map((s) => s.close())));
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
    for (const fn of cleanups.splice(0).reverse()) await Promise.resolve(fn()).catch(() => {});
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
