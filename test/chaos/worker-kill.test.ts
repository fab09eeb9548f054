import { afterAll, beforeAll, expect, it } from 'vitest';
import { type IdempotentBuyer, startIdempotentBuyer } from './buyer.js';
import { expectNothingLostOrDuplicated } from './expect.js';
import { EXPERIMENTS, runExperiment } from './experiments.js';
import { shapeControl } from './harness.js';

let buyer: IdempotentBuyer;
beforeAll(async () => {
  buyer = await startIdempotentBuyer();
});
afterAll(async () => {
  await buyer?.close();
});

it('a worker SIGKILLed during in-flight deliveries to a slow buyer loses and duplicates no lead', async () => {
  const report = await runExperiment(shapeControl(), buyer, EXPERIMENTS['worker-kill']);
  expectNothingLostOrDuplicated(report);
  // Deliveries were in flight in the killed worker: the buyer saw them again (same key) after the kill.
  expect(report.deliveryDelayAfterFault.count).toBeGreaterThan(0);
});
