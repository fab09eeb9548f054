import { DefaultLogger, Runtime } from '@temporalio/worker';

// Keep the Temporal SDK's own logging to errors so test output shows test results. Must run before
// any NativeConnection is created in this test process.
Runtime.install({ logger: new DefaultLogger('ERROR') });
