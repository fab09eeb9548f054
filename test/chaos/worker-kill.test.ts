import { expect } from 'vitest';
import { chaosTest } from './expect.js';

chaosTest(
  'worker-kill',
  'a worker SIGKILLed during in-flight deliveries to a slow buyer loses and duplicates no lead',
  (report) => {
    // Deliveries were in flight in the killed worker: the buyer saw them again (same key) after the kill.
    expect(report.deliveryDelayAfterFault.count).toBeGreaterThan(0);
  },
);
