import { expect } from 'vitest';
import { type ChaosReport, formatReports } from './experiments.js';

/**
 * Every lead acknowledged (at once or on the client's retry with the same Idempotency-Key), stored in
 * Postgres, finished in Temporal and delivered to each recipient under one key; the fault reached some.
 */
export function expectNothingLostOrDuplicated(report: ChaosReport) {
  console.log(
    `\n${formatReports([report])}\n${JSON.stringify({ ...report, problems: report.problems.slice(0, 20) }, null, 1)}`,
  );
  expect(report.leadsInFault).toBeGreaterThan(0);
  expect(report.problems).toEqual([]);
  expect({
    acknowledged: report.acknowledged,
    stored: report.stored,
    finished: report.finished,
    delivered: report.delivered,
    duplicates: report.duplicates,
    lost: report.lost,
  }).toEqual({
    acknowledged: report.submitted,
    stored: report.submitted,
    finished: report.submitted,
    delivered: report.submitted,
    duplicates: 0,
    lost: 0,
  });
}
