// Running one enhancement or list_check step: the rule (domain/enhancements.ts, domain/list-check.ts)
// says what to look up, the lookup runs here as an activity, and the rule decides from its answer.
// Both kinds answer a StepVerdict, so the lead workflow records and rejects them the same way.
// Workflow code, deterministic.
import { ActivityFailure, patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import {
  decideEnhancement,
  duplicateFingerprints,
  type EnhancementLookup,
  enhancementLookup,
  type LookupAnswer,
} from '../domain/enhancements.js';
import type { EnhancementStep, ListCheckStep } from '../domain/flow.js';
import type { RejectionKind } from '../domain/lead.js';
import { listCheckDecision } from '../domain/list-check.js';
import type { LeadRun, Rejection } from './lead-run.js';

// An MX lookup that cannot answer quickly degrades to "unknown" rather than holding the lead.
const dnsCheck = proxyLocalActivities<Activities>({
  startToCloseTimeout: '3s',
  retry: { maximumAttempts: 1 },
});

const trustedForm = proxyActivities<Activities>({
  startToCloseTimeout: '10s',
  summary: 'TrustedForm claim',
  retry: { initialInterval: '500ms', maximumAttempts: 3 },
});

// A suppression-list probe is a short read: retried a few times, then the run stalls visibly
// (workflows/stall.ts) rather than let a listed lead through or reject one unchecked.
const suppression = proxyActivities<Activities>({
  startToCloseTimeout: '10s',
  summary: 'suppression list check',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '5s', maximumAttempts: 5 },
});

/** One enhancement or list_check step's entry in the lead's "enhanced" event. */
export interface EnhancedStep {
  step_id: string;
  service: string;
  outcome: 'success' | 'failure';
  reason?: string;
  [more: string]: unknown;
}

/** What a step adds to the "enhanced" event, and the rejection it stops the lead with, if any. */
export interface StepVerdict {
  entry: EnhancedStep;
  rejection: { kind: RejectionKind; reason: string; extra: Partial<Rejection> } | null;
}

/**
 * Runs a list_check step: probes the step's lists with the lead's stored values (the activity reads
 * them by lead id) and records the decision on the run under enhancements.list_check (one entry per
 * step). Null for runs that started before the step existed: an older worker skipped list_check steps
 * (a flow saved by a newer API), and their histories must replay the same.
 */
export async function runListCheck(run: LeadRun, step: ListCheckStep): Promise<StepVerdict | null> {
  if (!patched('list-check-step')) return null;
  const { input } = run;
  const result = await run.stalls.run('checkSuppressionLists', () =>
    suppression.checkSuppressionLists({
      accountId: input.accountId,
      leadId: input.leadId,
      listIds: step.list_ids,
      fields: step.fields,
      definitions: input.flow.fields,
    }),
  );
  const decision = listCheckDecision(step, result);
  const recorded = (run.enhancements.list_check as unknown[] | undefined) ?? [];
  run.enhancements.list_check = [...recorded, decision.record];
  // The lists checked (id, name, type, hit, the fields that hit): never a value.
  const { step_id: _id, ...record } = decision.record;
  const rejected = decision.outcome === 'reject';
  const [first] = decision.hits;
  return {
    entry: {
      step_id: step.id,
      service: 'list_check',
      outcome: rejected ? 'failure' : 'success',
      ...(decision.reason ? { reason: decision.reason } : {}),
      ...record,
    },
    rejection:
      rejected && decision.reason && first
        ? {
            kind: 'suppressed',
            reason: decision.reason,
            extra: {
              details: {
                step_id: step.id,
                list_id: first.list_id,
                list_name: first.name,
                fields: first.fields,
              },
            },
          }
        : null,
  };
}

/** Runs the step for the lead: records what it found on the run and returns its verdict. */
export async function runEnhancement(run: LeadRun, step: EnhancementStep): Promise<StepVerdict> {
  const assessment = run.assessment!;
  const lookup = enhancementLookup(step, assessment.checks);
  const answer = lookup ? await look(run, lookup) : null;
  const { record, rejection, claimedFingerprints } = decideEnhancement(step, assessment.checks, answer);
  run.enhancements[step.service] = record;
  if (claimedFingerprints) run.fingerprintsClaimed = true;
  return {
    entry: {
      step_id: step.id,
      service: step.service,
      outcome: rejection ? 'failure' : 'success',
      reason: rejection?.reason,
    },
    rejection: rejection && {
      kind: rejection.kind,
      reason: rejection.reason,
      extra: rejection.duplicateOf ? { duplicate_of: rejection.duplicateOf } : {},
    },
  };
}

async function look(run: LeadRun, lookup: EnhancementLookup): Promise<LookupAnswer> {
  const { input } = run;
  const legacy = run.assessment!.legacy?.normalized;
  switch (lookup.kind) {
    case 'mx': {
      const mx = await dnsCheck.checkEmailDomain(lookup.domain).catch(() => 'unknown' as const);
      run.stalls.noteSettled('checkEmailDomain');
      return { kind: 'mx', mx };
    }
    case 'duplicates': {
      const claim = {
        leadId: input.leadId,
        flowId: input.flowId,
        lookbackDays: lookup.lookbackDays,
        at: input.receivedAt,
      };
      if (legacy) {
        // Runs recorded before leads were read by id fingerprint the values they carry.
        const values = duplicateFingerprints(lookup.fields, (field) => legacy[field]);
        const duplicate = await run.local.claimDuplicateKeys({ ...claim, values });
        return { kind: 'duplicates', duplicate, checked: values.map((v) => v.kind) };
      }
      // The activity reads the values from the lead (its input is not recorded in history).
      const claimed = await run.local.claimDuplicateFields({
        leadId: input.leadId,
        accountId: input.accountId,
        lead: input.lead,
        flow: input.flow,
        at: input.receivedAt,
        flowId: input.flowId,
        fields: lookup.fields,
        lookbackDays: lookup.lookbackDays,
      });
      return { kind: 'duplicates', ...claimed };
    }
    case 'trustedform-claim':
      try {
        const claim = await trustedForm.claimTrustedForm({
          claimUrl: lookup.claimUrl,
          certUrl: lookup.certUrl,
          leadId: input.leadId,
          accountId: input.accountId,
          // Older runs pass the contact details; now the activity reads them by lead id.
          ...(legacy
            ? {
                email: typeof legacy.email === 'string' ? legacy.email : null,
                phone: typeof legacy.phone === 'string' ? legacy.phone : null,
              }
            : {}),
        });
        return { kind: 'trustedform-claim', claim };
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        return { kind: 'trustedform-claim', claim: 'error' };
      }
  }
}
