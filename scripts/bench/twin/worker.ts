// The twin's worker process (`node --import tsx scripts/bench/twin/worker.ts`), started by
// `npm run bench:leads` next to the real worker, on the same Temporal server: the lead worker's
// options and data converter (encrypted payloads), no-op activities, no Postgres, no HTTP.
// Environment: TEMPORAL_ADDRESS, PAYLOAD_ENCRYPTION_KEYS, TWIN_TASK_QUEUE, TWIN_BUNDLE_PATH.
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { leadrailDataConverter } from '../../../temporal/data-converter.js';
import { parsePayloadKeys } from '../../../temporal/payload-codec.js';
import type { TwinActivities } from './shape.js';

Runtime.install({ logger: new DefaultLogger('WARN') });

const activities: TwinActivities = {
  async twinStep() {
    return 1;
  },
};

const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
const worker = await Worker.create({
  connection,
  namespace: 'default',
  taskQueue: process.env.TWIN_TASK_QUEUE ?? 'leadrail-bench-twin',
  activities,
  dataConverter: leadrailDataConverter(parsePayloadKeys(process.env.PAYLOAD_ENCRYPTION_KEYS!)),
  workflowBundle: { codePath: process.env.TWIN_BUNDLE_PATH! },
  // As temporal/lead-worker.ts.
  maxConcurrentActivityTaskExecutions: 50,
  maxConcurrentLocalActivityExecutions: 50,
  maxCachedWorkflows: 2000,
  shutdownGraceTime: '10s',
});
process.stdout.write('{"msg":"twin worker started"}\n');
await worker.run();
await connection.close();
