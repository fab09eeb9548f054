// The intent query's Temporal-only twin, one long-lived process started by `npm run bench:intent` on
// the same Temporal server as the real stack: the intent worker's options, a client on the worker's own
// connection (as the API does, so starts can be eager), the real data converter (encrypted payloads),
// no HTTP, no Postgres, no ranking. Each phase command (stdin, one JSON line) sends its request mix
// open loop and answers one JSON line: latencies from each request's scheduled time, this process's
// CPU over the measured part.
//   options per phase: eager (default true); runsInFlight (default 1, as the service): past that many
//   runs under way, waiting queries share one run of intentTwinBatchWorkflow, as the service coalesces
//   (intent/service/query-runner.ts); 0: one run per query.
// Environment: TEMPORAL_ADDRESS, PAYLOAD_ENCRYPTION_KEYS.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { DEFAULT_RUNS_IN_FLIGHT, MAX_QUERIES_PER_RUN } from '../../../intent/service/query-runner.js';
import { RequestBatcher } from '../../../lib/request-batcher.js';
import { leadrailDataConverter } from '../../../temporal/data-converter.js';
import { parsePayloadKeys } from '../../../temporal/payload-codec.js';
import { openLoop, type PhaseCommand, serveCommands } from './open-loop.js';
import { type TwinInput, type TwinSummary, twinActivities } from './twin-shape.js';

export interface TwinCommand extends PhaseCommand {
  eager?: boolean;
  runsInFlight?: number;
}

Runtime.install({ logger: new DefaultLogger('WARN') });
const taskQueue = `intent-twin-${process.pid}`;
const dataConverter = leadrailDataConverter(parsePayloadKeys(process.env.PAYLOAD_ENCRYPTION_KEYS!));
const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
// The intent worker's options (intent/temporal/worker.ts).
const slots = 64;
const worker = await Worker.create({
  connection,
  namespace: 'default',
  taskQueue,
  activities: twinActivities,
  dataConverter,
  workflowsPath: fileURLToPath(new URL('./twin-workflows.ts', import.meta.url)),
  maxConcurrentWorkflowTaskExecutions: slots,
  maxConcurrentLocalActivityExecutions: slots,
  maxConcurrentActivityTaskExecutions: 1,
  maxCachedWorkflows: slots * 2,
  shutdownGraceTime: '5s',
});
const running = worker.run();
const client = new Client({ connection, namespace: 'default', dataConverter });
const runTag = `${process.pid}-${Date.now().toString(36)}`;
let seq = 0;

const startOptions = (workflowId: string, eager: boolean) => ({
  workflowId,
  taskQueue,
  requestEagerStart: eager,
  workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
  workflowExecutionTimeout: '1 minute',
});

/** One query, one run, started as `intentQueryWorkflow` is. */
async function single(input: TwinInput, eager: boolean): Promise<TwinSummary> {
  const handle = await client.workflow.start('intentTwinWorkflow', {
    ...startOptions(input.queryId, eager),
    args: [input],
  });
  return (await handle.result()) as TwinSummary;
}

/** Coalescing as the service does it: a lone query runs alone, queries waiting for a slot share a run. */
function coalescer(eager: boolean, runsInFlight: number) {
  return new RequestBatcher<TwinInput, TwinSummary>(
    async (inputs) => {
      if (inputs.length === 1) return [await single(inputs[0]!, eager)];
      const handle = await client.workflow.start('intentTwinBatchWorkflow', {
        ...startOptions(`qb_${runTag}_${seq++}`, eager),
        args: [inputs],
      });
      return (await handle.result()) as TwinSummary[];
    },
    { maxInFlight: runsInFlight, maxBatch: MAX_QUERIES_PER_RUN },
  );
}

await serveCommands<TwinCommand | { stop: true }>(async (command) => {
  if ('stop' in command) {
    worker.shutdown();
    await running;
    await connection.close();
    process.exit(0);
  }
  const requests = readFileSync(command.requests, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { query: string; limit: number });
  const eager = command.eager ?? true;
  const runsInFlight = command.runsInFlight ?? DEFAULT_RUNS_IN_FLIGHT;
  const batcher = runsInFlight > 0 ? coalescer(eager, runsInFlight) : null;
  const phase = seq++;
  const send = (tag: string) => (i: number) => {
    const r = requests[i % requests.length]!;
    const input = { queryId: `qt_${runTag}_${phase}${tag}_${i}`, query: r.query, limit: r.limit };
    return batcher ? batcher.submit(input) : single(input, eager);
  };
  await openLoop(Math.round(command.rate * command.warmupS), command.rate, send('w'));
  const cpu0 = process.cpuUsage();
  const measured = await openLoop(Math.round(command.rate * command.durationS), command.rate, send('m'));
  const cpu = process.cpuUsage(cpu0);
  return { ...measured, cpuS: (cpu.user + cpu.system) / 1e6 };
});
