// The lead workflow's shape as Temporal sees it, read from a recorded history (test/histories/): per
// workflow task, the local activities it ran and the activities it scheduled. The twin replays that
// shape with no-op steps.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TwinShape {
  /** One entry per workflow task that made progress, in order. */
  segments: Array<{ localActivities: number; activities: number }>;
}

export interface TwinActivities {
  twinStep(step: number): Promise<number>;
}

/**
 * Steps of the recorded lead that the benchmark's flow does not configure: webhooks (no notification
 * URL) and the e-mail MX lookup (no email_validation step).
 */
export const NOT_IN_BENCH_FLOW = ['sendWebhook', 'checkEmailDomain'];

interface HistoryJson {
  events: Array<{
    eventType: string;
    markerRecordedEventAttributes?: { details?: { data?: { payloads?: Array<{ data?: string }> } } };
    activityTaskScheduledEventAttributes?: { activityType?: { name?: string } };
  }>;
}

/** The shape of a recorded history, without the steps named in `exclude`. */
export function shapeOfHistory(file: string, exclude: readonly string[] = NOT_IN_BENCH_FLOW): TwinShape {
  const history = JSON.parse(readFileSync(file, 'utf8')) as HistoryJson;
  const segments: TwinShape['segments'] = [];
  let current: TwinShape['segments'][number] | null = null;
  for (const e of history.events) {
    const type = e.eventType.replace(/^EVENT_TYPE_/, '');
    if (type === 'WORKFLOW_TASK_COMPLETED') {
      current = { localActivities: 0, activities: 0 };
      segments.push(current);
    } else if (type === 'MARKER_RECORDED' && current) {
      const data = e.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data;
      const name = data
        ? (JSON.parse(Buffer.from(data, 'base64').toString()) as { activity_type?: string }).activity_type
        : undefined;
      if (name && !exclude.includes(name)) current.localActivities++;
    } else if (type === 'ACTIVITY_TASK_SCHEDULED' && current) {
      const name = e.activityTaskScheduledEventAttributes?.activityType?.name ?? '';
      if (!exclude.includes(name)) current.activities++;
    }
  }
  // A task that only waited (an activity it did not schedule, a webhook we excluded) adds no step.
  const useful = segments.filter((s) => s.localActivities + s.activities > 0);
  // The final task (completing the run) always exists, even when it ran no local activity.
  if (useful.length > 0 && useful[useful.length - 1]!.activities > 0)
    useful.push({ localActivities: 0, activities: 0 });
  return { segments: useful };
}

export const describeShape = (shape: TwinShape): string => {
  const la = shape.segments.reduce((s, x) => s + x.localActivities, 0);
  const act = shape.segments.reduce((s, x) => s + x.activities, 0);
  return `${shape.segments.length} workflow tasks, ${la} local activities (${shape.segments
    .map((s) => s.localActivities)
    .join(' + ')}), ${act} activit${act === 1 ? 'y' : 'ies'}`;
};

/** The newest recording of a delivered lead (ids, not copies, in its history). */
export const RECORDED_LEAD = (root: string) => join(root, 'test', 'histories', 'lead-delivered-by-id.json');
