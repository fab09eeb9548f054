// Running one enhancement step: the rule (domain/enhancements.ts) says what to look up, the lookup
// runs here as an activity, and the rule decides from its answer. Workflow code, deterministic.
import { ActivityFailure, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import {
  decideEnhancement,
  duplicateFingerprints,
  type EnhancementDecision,
  type EnhancementLookup,
  enhancementLookup,
  type LookupAnswer,
} from '../domain/enhancements.js';
import type { EnhancementStep } from '../domain/flow.js';
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
