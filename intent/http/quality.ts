import type { ConsideredQuery, IntentAlertBucket, IntentLimits, IntentQueryStats } from '../query-log.js';

// Query quality of an API key, from its query log (formulas documented in docs/intent-api.md).
//
// Reputation, over the key's last 24 hours (the newest 500 "considered" queries: answered, invalid,
// or refused for cost; rate-limit and throttle refusals and our own failures do not count):
//
//   validity         = answered / considered
//   non_empty        = 1 - empty answers / answered
//   specificity      = 1 - answers to prompts naming no product category / answered
//   cost_efficiency  = clamp(1 - (cost / leads) / usd_per_lead limit, 0, 1)   (cost and leads of
//                      answered and cost-refused queries)
//   raw              = validity x (0.4 non_empty + 0.3 specificity + 0.3 cost_efficiency)
//   reputation_score = (n x raw + 10 x 1) / (n + 10)     n = considered queries; a new key starts at 1
//
// Throttled while reputation_score < min_reputation (default 0.5): at most throttled_per_minute
// queries a minute (default 6), beyond that 429 QUERY_THROTTLED.

export const REPUTATION_WINDOW_HOURS = 24;
export const REPUTATION_SAMPLE = 500;
export const REPUTATION_PRIOR_WEIGHT = 10;
const QUALITY_WEIGHTS = { nonEmpty: 0.4, specificity: 0.3, costEfficiency: 0.3 } as const;

export interface Reputation {
  score: number;
  components: { validity: number; non_empty: number; specificity: number; cost_efficiency: number };
  costPerLead: number | null;
  throttled: boolean;
  reason: string | null;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** What the reputation score reads: the sample's counts (IntentQueryStats has them and more). */
export type ReputationInputs = Pick<
  IntentQueryStats,
  'considered' | 'ok' | 'invalid' | 'overCost' | 'empty' | 'vague' | 'costUsd' | 'leads'
>;

/** The reputation inputs of a sample of considered queries (as intentQueryStats counts them). */
export function reputationInputs(sample: readonly ConsideredQuery[]): ReputationInputs {
  const inputs: ReputationInputs = {
    considered: sample.length,
    ok: 0,
    invalid: 0,
    overCost: 0,
    empty: 0,
    vague: 0,
    costUsd: 0,
    leads: 0,
  };
  for (const q of sample) {
    if (q.errorCode === 'INVALID_QUERY') inputs.invalid++;
    else if (q.errorCode === 'COST_LIMIT_EXCEEDED') inputs.overCost++;
    if (q.errorCode === null) {
      inputs.ok++;
      if (q.resultCount === 0) inputs.empty++;
      if (q.specific === false) inputs.vague++;
    }
    if (q.errorCode === null || q.errorCode === 'COST_LIMIT_EXCEEDED') {
      inputs.costUsd += q.costUsd;
      inputs.leads += q.resultCount;
    }
  }
  return inputs;
}

export function reputationOf(stats: ReputationInputs, limits: IntentLimits): Reputation {
  const n = stats.considered;
  const validity = n > 0 ? stats.ok / n : 1;
  const nonEmpty = stats.ok > 0 ? 1 - stats.empty / stats.ok : 1;
  const specificity = stats.ok > 0 ? 1 - stats.vague / stats.ok : 1;
  const costPerLead = stats.ok + stats.overCost > 0 ? stats.costUsd / Math.max(1, stats.leads) : null;
  const costEfficiency =
    costPerLead === null
      ? 1
      : limits.usdPerLead > 0
        ? clamp01(1 - costPerLead / limits.usdPerLead)
        : costPerLead > 0
          ? 0
          : 1;
  const quality =
    QUALITY_WEIGHTS.nonEmpty * nonEmpty +
    QUALITY_WEIGHTS.specificity * specificity +
    QUALITY_WEIGHTS.costEfficiency * costEfficiency;
  const raw = validity * quality;
  const score = (n * raw + REPUTATION_PRIOR_WEIGHT) / (n + REPUTATION_PRIOR_WEIGHT);
  const throttled = score < limits.minReputation;
  // The reason is the component that costs the most score.
  const losses: [number, string][] = [
    [1 - validity, overCostShare(stats) > 0.5 ? 'Queries exceed the cost limit' : 'Many invalid queries'],
    [validity * QUALITY_WEIGHTS.nonEmpty * (1 - nonEmpty), 'Many queries return no leads'],
    [validity * QUALITY_WEIGHTS.specificity * (1 - specificity), 'Vague prompts (no product category)'],
    [validity * QUALITY_WEIGHTS.costEfficiency * (1 - costEfficiency), 'High cost per lead'],
  ];
  losses.sort((a, b) => b[0] - a[0]);
  return {
    score: round4(score),
    components: {
      validity: round4(validity),
      non_empty: round4(nonEmpty),
      specificity: round4(specificity),
      cost_efficiency: round4(costEfficiency),
    },
    costPerLead,
    throttled,
    reason: throttled ? losses[0]![1] : null,
  };
}

function overCostShare(stats: ReputationInputs): number {
  const failed = stats.invalid + stats.overCost;
  return failed === 0 ? 0 : stats.overCost / failed;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Advice derived from the key's own queries in the window (empty when nothing stands out). */
export function recommendationsFor(stats: IntentQueryStats, limits: IntentLimits): string[] {
  const out: string[] = [];
  const { ok, considered } = stats;
  if (considered > 0 && stats.invalid / considered >= 0.1) {
    out.push(
      `${pct(stats.invalid / considered)} of your queries were rejected as invalid: a query needs at least 10 characters and known filter fields`,
    );
  }
  if (considered > 0 && stats.overCost / considered >= 0.1) {
    out.push(
      `${pct(stats.overCost / considered)} of your queries exceeded the cost limit ($${limits.usdPerLead} per lead): ask for fewer leads per query`,
    );
  }
  if (ok === 0) return out;
  if (stats.empty / ok >= 0.2) {
    out.push(
      `${pct(stats.empty / ok)} of your queries returned no leads: add fewer filters or broaden the prompt`,
    );
  }
  if (stats.vague / ok >= 0.2) {
    out.push(
      `${pct(stats.vague / ok)} of your prompts named no product category: be more specific, e.g. "companies evaluating help desk software"`,
    );
  }
  if (stats.largeLimit / ok >= 0.2) {
    out.push(
      `${pct(stats.largeLimit / ok)} of your queries asked for 1,000 or more leads: limit results (start with 25-100) to improve cost efficiency`,
    );
  }
  if (ok >= 5 && stats.noFilters / ok >= 0.8 && (stats.avgTotalLeads ?? 0) >= 500) {
    out.push(
      'Most of your queries use no filters and match hundreds of companies: add industry or company size filters to reduce noise',
    );
  }
  if (ok >= 5 && stats.cacheHits / ok >= 0.5) {
    out.push(
      `${pct(stats.cacheHits / ok)} of your queries repeated an earlier one: cache results on your side`,
    );
  }
  return out;
}

// Alerts: the log is cut into buckets of `bucketSeconds`; a bucket fires for a type when its value is
// over the threshold. Consecutive firing buckets of a type (buckets without data in between do not
// break a run) form one alert, created at its first query; a later bucket with data that does not
// fire resolves it. Severity: info when the bucket had fewer than 3 queries, critical at twice the
// threshold (empty results: a ratio of 0.9+), warning otherwise; an alert keeps its worst severity.

export type AlertType = 'high_cost' | 'high_latency' | 'empty_results';
export type Severity = 'info' | 'warning' | 'critical';

export interface Alert {
  alert_id: string;
  type: AlertType;
  severity: Severity;
  message: string;
  threshold: number;
  current_value: number;
  peak_value: number;
  created_at: string;
  resolved_at: string | null;
  status: 'active' | 'resolved';
}

interface AlertRule {
  type: AlertType;
  message: string;
  threshold: (l: IntentLimits) => number;
  value: (b: IntentAlertBucket) => number | null;
  samples: (b: IntentAlertBucket) => number;
  critical: (value: number, threshold: number) => boolean;
}

export const ALERT_RULES: AlertRule[] = [
  {
    type: 'high_cost',
    message: 'Cost per lead exceeded threshold',
    threshold: (l) => l.usdPerLead,
    value: (b) => (b.costQueries > 0 ? b.costPerLead : null),
    samples: (b) => b.costQueries,
    critical: (v, t) => v >= 2 * t,
  },
  {
    type: 'high_latency',
    message: 'p95 response time exceeded threshold (ms)',
    threshold: (l) => l.alertLatencyMs,
    value: (b) => (b.answered > 0 ? b.p95LatencyMs : null),
    samples: (b) => b.answered,
    critical: (v, t) => v >= 2 * t,
  },
  {
    type: 'empty_results',
    message: 'Share of queries returning no leads exceeded threshold',
    threshold: (l) => l.alertEmptyRatio,
    value: (b) => (b.answered > 0 ? b.emptyRatio : null),
    samples: (b) => b.answered,
    critical: (v) => v >= 0.9,
  },
];

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

const roundValue = (x: number) => Number(x.toPrecision(6));

export function alertsFrom(buckets: IntentAlertBucket[], limits: IntentLimits): Alert[] {
  const alerts: Alert[] = [];
  for (const rule of ALERT_RULES) {
    const threshold = rule.threshold(limits);
    let open: Alert | null = null;
    let latest: number | null = null;
    for (const b of buckets) {
      const value = rule.value(b);
      if (value === null) continue;
      latest = value;
      if (value > threshold) {
        const severity: Severity =
          rule.samples(b) < 3 ? 'info' : rule.critical(value, threshold) ? 'critical' : 'warning';
        if (!open) {
          open = {
            alert_id: `alert_${rule.type}_${b.start}`,
            type: rule.type,
            severity,
            message: rule.message,
            threshold,
            current_value: roundValue(value),
            peak_value: roundValue(value),
            created_at: b.firstAt.toISOString(),
            resolved_at: null,
            status: 'active',
          };
          alerts.push(open);
        } else {
          if (SEVERITY_RANK[severity] > SEVERITY_RANK[open.severity]) open.severity = severity;
          open.peak_value = roundValue(Math.max(open.peak_value, value));
        }
      } else if (open) {
        open.status = 'resolved';
        open.resolved_at = b.firstAt.toISOString();
        open = null;
      }
    }
    // current_value: the latest bucket's value of the metric, over or under the threshold.
    if (latest !== null) {
      for (const a of alerts) if (a.type === rule.type) a.current_value = roundValue(latest);
    }
  }
  return alerts.sort((a, b) => b.created_at.localeCompare(a.created_at));
}
