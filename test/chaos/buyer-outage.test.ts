import { chaosTest } from './expect.js';

chaosTest(
  'buyer-outage',
  'the buyer down for 15 s and back under load: every lead delivered to each recipient exactly once',
);
