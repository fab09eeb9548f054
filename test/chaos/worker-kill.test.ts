import { afterAll, beforeAll, expect, it } from 'vitest';
import { type IdempotentBuyer, startIdempotentBuyer } from './buyer.js';
import { expectNothingLostOrDuplicated } from './expect.js';
import { faults, runExperiment } from './experiments.js';
import { shapeControl } from './harness.js';

let buyer: IdempotentBuyer;
beforeAll(async () => {
  buyer = await startIdempotentBuyer();
});
afterAll(async () => {
  await buyer?.close();
});

it('a worker SIGKILLed during in-flight deliveries to a slow buyer loses and duplicates no lead', async () => {
  const report = await runExperiment(shapeControl(), buyer, {
    name: 'worker-kill',
    leads: 300,
    concurrency: 20,
    ratePerSecond: 25,
    submitTimeoutMs: 2_000,
    buyerDelayMs: 1_500,
    fault: faults.killWorker('worker-1', 3_000),
  });
  expectNothingLostOrDuplicated(report);
  // Deliveries were in flight in the killed worker: the buyer saw them again (same key) after the kill.
  expect(report.deliveryDelayAfterFault.count).toBeGreaterThan(0);
});
