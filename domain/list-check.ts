// What a list_check flow step decides from its lookup (which of the step's suppression lists hold one
// of the lead's values, and in which field). Pure and free of Node built-ins: the lead workflow imports
// it; the lookup itself (hashing, the probe in Postgres) is the checkSuppressionLists activity.
// Nothing here ever sees a value: only list ids and names, and field names.

import type { ListType } from './suppression.js';

export interface ListCheckStepRule {
  id: string;
  list_ids: string[];
  action: 'reject' | 'flag';
}

export interface CheckedList {
  list_id: string;
  name: string;
  type: ListType;
  hit: boolean;
  /** The lead's fields whose value is on the list (empty when not hit). */
  fields: string[];
}

export interface ListCheckResult {
  /** Every list checked, hit or not, in the step's order. */
  lists: CheckedList[];
  /** Lists the step names that no longer exist (deleted): counted as misses and reported. */
  missing: string[];
}

export type ListCheckOutcome = 'pass' | 'reject' | 'flag';

export interface ListCheckRecord {
  step_id: string;
  action: 'reject' | 'flag';
  /** pass (no hit), flag (hit, the lead goes on) or reject (hit, the lead stops). */
  result: ListCheckOutcome;
  flagged: boolean;
  lists: CheckedList[];
  missing: string[];
}

export interface ListCheckDecision {
  outcome: ListCheckOutcome;
  /** What the lead's enhancements.list_check and the "enhanced" event record for this step. */
  record: ListCheckRecord;
  /** The reason a rejected (or flagged) lead carries: names lists and fields, never a value. */
  reason: string | null;
  hits: CheckedList[];
}

/** What a list_check step does with the lookup: reject (stop the lead), flag (go on, marked), or pass. */
export function listCheckDecision(step: ListCheckStepRule, result: ListCheckResult): ListCheckDecision {
  const order = new Map(step.list_ids.map((id, i) => [id, i]));
  const lists = [...result.lists].sort(
    (a, b) => (order.get(a.list_id) ?? Infinity) - (order.get(b.list_id) ?? Infinity),
  );
  const hits = lists.filter((l) => l.hit);
  const outcome: ListCheckOutcome = hits.length === 0 ? 'pass' : step.action;
  return {
    outcome,
    hits,
    reason: hits.length === 0 ? null : suppressionReason(hits),
    record: {
      step_id: step.id,
      action: step.action,
      result: outcome,
      flagged: outcome === 'flag',
      lists,
      missing: result.missing,
    },
  };
}

/** `On suppression list "Do not call" (phone)`, or several: `On suppression lists "A" (phone), "B" (email)`. */
export function suppressionReason(hits: readonly CheckedList[]): string {
  const named = hits.map((l) => `"${l.name}"${l.fields.length > 0 ? ` (${l.fields.join(', ')})` : ''}`);
  return `On suppression list${hits.length > 1 ? 's' : ''} ${named.join(', ')}`;
}
