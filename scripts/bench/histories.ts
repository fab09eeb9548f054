// Where the server-side time of a lead goes, from a sample of its Temporal histories: how long workflow
// and activity tasks waited in the task queue (schedule-to-start), how long the worker held them
// (start-to-complete; local activities run inside workflow tasks), and how many of each a lead needs.
import { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { median, percentile } from './stats.js';

// @temporalio/proto is CommonJS without static named exports.
const ET = proto.temporal.api.enums.v1.EventType;
type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;

export interface HistoryStats {
  sampled: number;
  /** Per lead, medians and p95 across the sampled leads (milliseconds, counts or bytes). */
  events: Dist;
  historyBytes: Dist;
  workflowTasks: Dist;
  localActivities: Dist;
  wftQueueMs: Dist;
  wftRunMs: Dist;
  activityQueueMs: Dist;
  activityRunMs: Dist;
  /** Workflow start to the await-outcome update completing (the server side of the submit latency). */
  startToOutcomeMs: Dist;
  /** Workflow start to close. */
  startToCloseMs: Dist;
  /** The first sampled lead's history: milliseconds since its start, event type. */
  timeline: Array<[number, string]>;
}

export interface Dist {
  p50: number;
  p95: number;
  max: number;
}

function ms(event: HistoryEvent | undefined): number | null {
  const t = event?.eventTime;
  if (!t) return null;
  return Number(t.seconds ?? 0) * 1000 + (t.nanos ?? 0) / 1e6;
}

function dist(values: number[]): Dist {
  const sorted = Float64Array.from(values).sort();
  return {
    p50: median(values),
    p95: percentile(sorted, 95),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

interface LeadTimings {
  events: number;
  historyBytes: number;
  workflowTasks: number;
  localActivities: number;
  wftQueueMs: number;
  wftRunMs: number;
  activityQueueMs: number;
  activityRunMs: number;
  startToOutcomeMs: number | null;
  startToCloseMs: number | null;
}

export function timingsOf(events: HistoryEvent[]): LeadTimings {
  const byId = new Map<number, HistoryEvent>();
  for (const e of events) byId.set(Number(e.eventId), e);
  const started = ms(events[0]);
  const out: LeadTimings = {
    events: events.length,
    historyBytes: proto.temporal.api.history.v1.History.encode({ events }).finish().length,
    workflowTasks: 0,
    localActivities: 0,
    wftQueueMs: 0,
    wftRunMs: 0,
    activityQueueMs: 0,
    activityRunMs: 0,
    startToOutcomeMs: null,
    startToCloseMs: null,
  };
  for (const e of events) {
    const at = ms(e);
    switch (e.eventType) {
      case ET.EVENT_TYPE_WORKFLOW_TASK_STARTED: {
        out.workflowTasks++;
        const scheduled = byId.get(Number(e.workflowTaskStartedEventAttributes?.scheduledEventId));
        if (at !== null && ms(scheduled) !== null) out.wftQueueMs += at - ms(scheduled)!;
        break;
      }
      case ET.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
      case ET.EVENT_TYPE_WORKFLOW_TASK_FAILED:
      case ET.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT: {
        const attrs =
          e.workflowTaskCompletedEventAttributes ??
          e.workflowTaskFailedEventAttributes ??
          e.workflowTaskTimedOutEventAttributes;
        const startedEvent = byId.get(Number(attrs?.startedEventId));
        if (at !== null && ms(startedEvent) !== null) out.wftRunMs += at - ms(startedEvent)!;
        break;
      }
      case ET.EVENT_TYPE_ACTIVITY_TASK_STARTED: {
        const scheduled = byId.get(Number(e.activityTaskStartedEventAttributes?.scheduledEventId));
        if (at !== null && ms(scheduled) !== null) out.activityQueueMs += at - ms(scheduled)!;
        break;
      }
      case ET.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
      case ET.EVENT_TYPE_ACTIVITY_TASK_FAILED: {
        const attrs = e.activityTaskCompletedEventAttributes ?? e.activityTaskFailedEventAttributes;
        const startedEvent = byId.get(Number(attrs?.startedEventId));
        if (at !== null && ms(startedEvent) !== null) out.activityRunMs += at - ms(startedEvent)!;
        break;
      }
      case ET.EVENT_TYPE_MARKER_RECORDED:
        out.localActivities++;
        break;
      case ET.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED:
        if (at !== null && started !== null && out.startToOutcomeMs === null)
          out.startToOutcomeMs = at - started;
        break;
      case ET.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
      case ET.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
        if (at !== null && started !== null) out.startToCloseMs = at - started;
        break;
    }
  }
  return out;
}

/** The histories of `ids` (closed or not), read one after another over one connection. */
async function readHistories(address: string, namespace: string, ids: string[]): Promise<HistoryEvent[][]> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace });
    const histories: HistoryEvent[][] = [];
    for (const id of ids) histories.push((await client.workflow.getHandle(id).fetchHistory()).events ?? []);
    return histories;
  } finally {
    await connection.close();
  }
}

/** Reads the histories of `leadIds` (closed or not) and summarises them. */
export async function sampleHistories(
  address: string,
  namespace: string,
  leadIds: string[],
): Promise<HistoryStats | null> {
  if (leadIds.length === 0) return null;
  const histories = await readHistories(address, namespace, leadIds);
  const all = histories.map(timingsOf);
  const first = histories[0] ?? [];
  const t0 = ms(first[0]) ?? 0;
  const timeline: Array<[number, string]> = first.map((e) => [
    Math.round(((ms(e) ?? t0) - t0) * 10) / 10,
    String(ET[e.eventType ?? 0] ?? e.eventType).replace(/^EVENT_TYPE_/, ''),
  ]);
  const pick = (f: (t: LeadTimings) => number | null) =>
    dist(all.map(f).filter((v): v is number => v !== null));
  return {
    sampled: all.length,
    events: pick((t) => t.events),
    historyBytes: pick((t) => t.historyBytes),
    workflowTasks: pick((t) => t.workflowTasks),
    localActivities: pick((t) => t.localActivities),
    wftQueueMs: pick((t) => t.wftQueueMs),
    wftRunMs: pick((t) => t.wftRunMs),
    activityQueueMs: pick((t) => t.activityQueueMs),
    activityRunMs: pick((t) => t.activityRunMs),
    startToOutcomeMs: pick((t) => t.startToOutcomeMs),
    startToCloseMs: pick((t) => t.startToCloseMs),
    timeline,
  };
}

/** Leads of `flowId` still running (visibility is eventually consistent: poll it). */
export async function countRunning(address: string, namespace: string, flowId: string): Promise<number> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace });
    const { count } = await client.workflow.count(`FlowId = "${flowId}" AND ExecutionStatus = "Running"`);
    return count;
  } finally {
    await connection.close();
  }
}

/**
 * Where a synchronous submission's server-side time goes, step by step: for each workflow task its
 * wait in the queue and its run, for each activity its run, and, inside the tasks, each local
 * activity by type (from the completion before it to its own, as the worker recorded them).
 * Medians over the sampled runs, in milliseconds; steps are numbered in history order.
 */
export interface StepBreakdown {
  sampled: number;
  steps: Array<{ step: string; p50: number }>;
}

/** A local activity's type and completion time, from its marker (the worker's own metadata, plain JSON). */
function localActivityOf(e: HistoryEvent): { type: string; completedAt: number } | null {
  const payload = e.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data;
  if (!payload) return null;
  try {
    const meta = JSON.parse(Buffer.from(payload).toString('utf8')) as {
      activity_type?: string;
      complete_time?: { seconds?: number | string; nanos?: number };
    };
    const t = meta.complete_time;
    if (!meta.activity_type || !t) return null;
    return { type: meta.activity_type, completedAt: Number(t.seconds ?? 0) * 1000 + (t.nanos ?? 0) / 1e6 };
  } catch {
    return null;
  }
}

function stepsOf(events: HistoryEvent[]): Map<string, number> {
  const byId = new Map<number, HistoryEvent>();
  for (const e of events) byId.set(Number(e.eventId), e);
  const steps = new Map<string, number>();
  const add = (name: string, value: number) => steps.set(name, (steps.get(name) ?? 0) + value);
  let task = 0;
  let activity = 0;
  // Local activities run one after another inside a task: each takes from the one before (or the
  // task's start) to its completion, the workflow's own steps between them included.
  let lastLocalAt: number | null = null;
  for (const e of events) {
    const at = ms(e);
    if (at === null) continue;
    switch (e.eventType) {
      case ET.EVENT_TYPE_WORKFLOW_TASK_STARTED: {
        task++;
        lastLocalAt = at;
        const scheduled = ms(byId.get(Number(e.workflowTaskStartedEventAttributes?.scheduledEventId)));
        if (scheduled !== null) add(`task ${task}: queue wait`, at - scheduled);
        break;
      }
      case ET.EVENT_TYPE_WORKFLOW_TASK_COMPLETED: {
        const started = ms(byId.get(Number(e.workflowTaskCompletedEventAttributes?.startedEventId)));
        if (started !== null) add(`task ${task}: run`, at - started);
        break;
      }
      case ET.EVENT_TYPE_MARKER_RECORDED: {
        const local = localActivityOf(e);
        if (local && lastLocalAt !== null) {
          add(`task ${task}:   local ${local.type}`, local.completedAt - lastLocalAt);
          lastLocalAt = local.completedAt;
        }
        break;
      }
      case ET.EVENT_TYPE_ACTIVITY_TASK_COMPLETED: {
        activity++;
        const started = ms(byId.get(Number(e.activityTaskCompletedEventAttributes?.startedEventId)));
        if (started !== null) add(`activity ${activity}: run`, at - started);
        break;
      }
      case ET.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED:
        if (!steps.has('start to outcome')) steps.set('start to outcome', at - ms(events[0])!);
        break;
      case ET.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
        steps.set('start to close', at - ms(events[0])!);
        break;
    }
  }
  return steps;
}

/** The step breakdown of `ids` (the first step names in the order of the first history). */
export async function sampleSteps(
  address: string,
  namespace: string,
  ids: string[],
): Promise<StepBreakdown | null> {
  if (ids.length === 0) return null;
  const all = (await readHistories(address, namespace, ids)).map(stepsOf);
  const names: string[] = [];
  for (const steps of all) for (const name of steps.keys()) if (!names.includes(name)) names.push(name);
  return {
    sampled: all.length,
    steps: names.map((step) => ({
      step,
      p50: median(all.map((s) => s.get(step)).filter((v): v is number => v !== undefined)),
    })),
  };
}
