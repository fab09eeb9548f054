// The ranking thread's entry point: a worker thread does not inherit the TypeScript loader the API
// process started with, so it registers it before loading the thread's code.
import { register } from 'tsx/esm/api';

register();
await import('./ranking-worker.ts');
