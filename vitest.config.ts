import { defineConfig } from 'vitest/config';

// Two projects in one run (`npm test`):
// - suite: everything but test/chaos/, on ONE Temporal dev server and ONE Postgres (test/global-setup.ts);
// - chaos: the production shape, started ONCE (test/chaos/global-setup.ts, in the background while the
//   suite runs), whose files kill and restart its components, so they run after the suite, one at a time.
const shared = {
  setupFiles: ['test/setup-runtime.ts'],
  // Forks, not threads: the Temporal core bridge is a native addon (vitest-dev/vitest#2065).
  pool: 'forks' as const,
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'suite',
          include: ['test/**/*.test.ts'],
          exclude: ['test/chaos/**', '**/node_modules/**'],
          globalSetup: ['test/global-setup.ts'],
          maxWorkers: 2,
        },
      },
      {
        test: {
          ...shared,
          name: 'chaos',
          include: ['test/chaos/**/*.test.ts'],
          globalSetup: ['test/chaos/global-setup.ts'],
          maxWorkers: 1,
          // An experiment waits for its fault, the client's retries and every lead to settle.
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
