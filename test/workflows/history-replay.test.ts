import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root.js';
import { type ReplayWorkerOptions, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { describe, expect, inject, it } from 'vitest';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import { parsePayloadKeys } from '../../temporal/payload-codec.js';
import * as workflows from '../../workflows/index.js';
import { RECORDED_HISTORIES_PAYLOAD_KEYS } from '../helpers/recorded-histories.js';

// Guards against non-deterministic workflow changes: every recorded history in test/histories/ (one real
// run per workflow path, from `npm run histories:record`) must replay against the current workflow code.
// Replay is offline: no Temporal server is involved. When this fails, do not re-record: make the change
// replay-safe with patched()/deprecatePatch() (docs/workflow-versioning.md).

const HISTORIES_DIR = fileURLToPath(new URL('../histories/', import.meta.url));

/** The recorded paths; deleting (or forgetting to record) one fails the test. */
const EXPECTED = [
  'bulk-replay-cancelled',
  'bulk-replay-completed',
  'feedback',
  'lead-auction-capped',
  'lead-auction',
  'lead-cap-reached',
  'lead-delivered-by-id',
  'lead-delivered',
  'lead-duplicate-by-id',
  'lead-duplicate',
  'lead-list-check',
  'lead-rejected-criteria',
  'lead-rejected-validation',
  'lead-replay-window-failed',
  'lead-replayed-by-signal',
  'lead-replayed-by-update',
  'lead-replays-continued-as-new',
  'lead-replays-continued',
  'lead-retry-then-delivered',
  'lead-test-mode',
  'lead-waterfall-price-replayed',
  'lead-waterfall-replayed',
  'lead-waterfall',
  'maintenance',
  'redelivery-auction-sold',
  'redelivery-by-id',
  'redelivery-webhooks',
  'redelivery',
  'webhook',
];

// `historyFromJSON` (which `Worker.runReplayHistory` applies to JSON whose event ids are strings) fails
// here with "type must be a Type": @temporalio/common, /proto and /worker each get a nested protobufjs 8
// (the root copy is 7, for @grpc/proto-loader) and common's protojson rejects proto's reflected types.
// Parsing with the protojson of the copy @temporalio/proto uses gives a proto History (Long event ids)
// that the worker replays as is, whatever the install layout.
const protojson = createRequire(createRequire(import.meta.url).resolve('@temporalio/proto'))(
  'protobufjs/ext/protojson',
) as { fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown };
const HistoryType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType(
  'temporal.api.history.v1.History',
);

interface Recorded {
  name: string;
  workflowId: string;
  workflowType: string;
  json: { events: Array<Record<string, unknown>> };
  history: History;
}

function load(file: string): Recorded {
  const json = JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8'));
  const started = json.events?.[0]?.workflowExecutionStartedEventAttributes;
  if (!started) throw new Error(`${file}: the first event is not WorkflowExecutionStarted`);
  return {
    name: basename(file, '.json'),
    workflowId: started.workflowId,
    workflowType: started.workflowType.name,
    json,
    history: protojson.fromJson(HistoryType, json, { ignoreUnknownFields: true }) as History,
  };
}

// Histories recorded since payload encryption are encrypted with the fixed, public recording key
// (test/helpers/recorded-histories.ts); older ones hold plain payloads, which the codec passes through.
const replayOptions = (): ReplayWorkerOptions => ({
  workflowBundle: { codePath: inject('workflowBundlePath') },
  dataConverter: leadrailDataConverter(parsePayloadKeys(RECORDED_HISTORIES_PAYLOAD_KEYS)),
  replayName: 'history-replay',
});

describe('recorded workflow histories replay against the current workflow code', () => {
  const files = readdirSync(HISTORIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const recorded = files.map(load);

  it('test/histories holds exactly the expected paths, covering every workflow type', () => {
    expect(files.map((f) => basename(f, '.json'))).toEqual(EXPECTED);
    expect(new Set(recorded.map((r) => r.workflowType))).toEqual(new Set(Object.keys(workflows)));
    for (const r of recorded) {
      expect(r.workflowId, r.name).toMatch(/\S/);
      expect(r.json.events.at(-1)?.eventType, `${r.name} is a closed run`).toMatch(
        /^EVENT_TYPE_WORKFLOW_EXECUTION_(COMPLETED|FAILED|CANCELED|CONTINUED_AS_NEW)$/,
      );
    }
  });

  it('every history replays without a determinism violation or replay error', async () => {
    const failures: string[] = [];
    const replayed: string[] = [];
    const histories = recorded.map((r) => ({ workflowId: r.workflowId, history: r.history }));
    for await (const result of Worker.runReplayHistories(replayOptions(), histories)) {
      // Runs of one workflow id (continued as new) replay in the order given.
      const r = recorded.find((x) => x.workflowId === result.workflowId && !replayed.includes(x.name))!;
      replayed.push(r.name);
      if (result.error)
        failures.push(`${r.name} (${r.workflowType}): ${result.error.name}: ${result.error.message}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(replayed.sort()).toEqual([...EXPECTED].sort());
  });

  // The harness itself must be able to fail: the same commands cannot come from a different workflow.
  // (The SDK core logs the expected "[TMPRL1100] Nondeterminism error" as a warning here.)
  it('reports a DeterminismViolationError when the code no longer matches a history', async () => {
    const lead = recorded.find((r) => r.name === 'lead-delivered')!;
    const json = structuredClone(lead.json);
    const started = json.events[0]!.workflowExecutionStartedEventAttributes as {
      workflowType: { name: string };
    };
    started.workflowType.name = 'webhookWorkflow';
    const mismatched = protojson.fromJson(HistoryType, json) as History;
    await expect(
      Worker.runReplayHistory(replayOptions(), mismatched, lead.workflowId),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
