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

/** Reads the histories of `leadIds` (closed or not) and summarises them. */
export async function sampleHistories(
  address: string,
  namespace: string,
  leadIds: string[],
): Promise<HistoryStats | null> {
  if (leadIds.length === 0) return null;
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace });
    const all: LeadTimings[] = [];
    let timeline: Array<[number, string]> = [];
    for (const id of leadIds) {
      const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
      all.push(timingsOf(events));
      if (timeline.length === 0) {
        const t0 = ms(events[0]) ?? 0;
        timeline = events.map((e) => [
          Math.round(((ms(e) ?? t0) - t0) * 10) / 10,
          String(ET[e.eventType ?? 0] ?? e.eventType).replace(/^EVENT_TYPE_/, ''),
        ]);
      }
    }
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
  } finally {
    await connection.close();
  }
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
