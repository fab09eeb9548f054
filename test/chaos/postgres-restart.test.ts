import { chaosTest } from './expect.js';

chaosTest(
  'postgres-restart',
  'PostgreSQL SIGKILLed and started again after 10 s (Leadrail data and Temporal persistence) under load: every acknowledged lead stored, finished and delivered once',
);
