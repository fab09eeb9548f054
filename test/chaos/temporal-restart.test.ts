import { afterAll, beforeAll, it } from 'vitest';
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

it('the Temporal server SIGKILLed and started again after 10 s under load: every acknowledged lead stored, finished and delivered once', async () => {
  const report = await runExperiment(shapeControl(), buyer, EXPERIMENTS['temporal-restart']);
  expectNothingLostOrDuplicated(report);
});
