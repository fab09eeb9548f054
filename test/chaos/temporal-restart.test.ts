import { chaosTest } from './expect.js';

chaosTest(
  'temporal-restart',
  'the Temporal server SIGKILLed and started again after 10 s under load: every acknowledged lead stored, finished and delivered once',
);
