// Running one enhancement step: the rule (domain/enhancements.ts) says what to look up, the lookup
// runs here as an activity, and the rule decides from its answer. Workflow code, deterministic.
import { ActivityFailure, patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import {
  decideEnhancement,
  duplicateFingerprints,
  type EnhancementDecision,
  type EnhancementLookup,
  enhancementLookup,
  type LookupAnswer,
} from '../domain/enhancements.js';
import type { EnhancementStep, ListCheckStep } from '../domain/flow.js';
import { type ListCheckDecision, listCheckDecision } from '../domain/list-check.js';
import type { LeadRun } from './lead-run.js';

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

/**
 * Runs a list_check step: probes the step's lists with the lead's stored values (the activity reads
 * them by lead id) and records the decision on the run under enhancements.list_check (one entry per
 * step). Null for runs that started before the step existed: an older worker skipped list_check steps
 * (a flow saved by a newer API), and their histories must replay the same.
 */
export async function runListCheck(run: LeadRun, step: ListCheckStep): Promise<ListCheckDecision | null> {
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
  return decision;
}

/** Runs the step for the lead: records what it found on the run and returns its verdict. */
export async function runEnhancement(run: LeadRun, step: EnhancementStep): Promise<EnhancementDecision> {
  const assessment = run.assessment!;
  const lookup = enhancementLookup(step, assessment.checks);
  const answer = lookup ? await look(run, lookup) : null;
  const decision = decideEnhancement(step, assessment.checks, answer);
  run.enhancements[step.service] = decision.record;
  if (decision.claimedFingerprints) run.fingerprintsClaimed = true;
  return decision;
}

async function look(run: LeadRun, lookup: EnhancementLookup): Promise<LookupAnswer> {
  const { input } = run;
  const legacy = run.assessment!.legacy?.normalized;
  switch (lookup.kind) {
    case 'mx':
      return {
        kind: 'mx',
        mx: await dnsCheck.checkEmailDomain(lookup.domain).catch(() => 'unknown' as const),
      };
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
