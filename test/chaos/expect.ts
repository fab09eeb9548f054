import { afterAll, beforeAll, expect, it } from 'vitest';
import { type IdempotentBuyer, startIdempotentBuyer } from './buyer.js';
import {
  type ChaosReport,
  EXPERIMENTS,
  type ExperimentName,
  formatReports,
  runExperiment,
} from './experiments.js';
import { shapeControl } from './harness.js';

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

/** One experiment of EXPERIMENTS as a test, with a buyer of its own, and nothing lost or duplicated. */
export function chaosTest(name: ExperimentName, title: string, more?: (report: ChaosReport) => void) {
  let buyer: IdempotentBuyer;
  beforeAll(async () => {
    buyer = await startIdempotentBuyer();
  });
  afterAll(async () => {
    await buyer?.close();
  });
  it(title, async () => {
    const report = await runExperiment(shapeControl(), buyer, EXPERIMENTS[name]);
    expectNothingLostOrDuplicated(report);
    more?.(report);
  });
}
