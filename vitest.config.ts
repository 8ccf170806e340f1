import { defineConfig } from 'vitest/config';

// Three projects: unit tests are plain and fast; workflow tests run the workflows with stand-in activities
// on a Temporal dev server of their own; integration tests share one real Temporal dev server and one migrated
// template database, both prepared once by the global setup.
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'workflows',
          include: ['test/workflows/**/*.test.ts'],
          pool: 'forks',
          // A few processes, each running several files: each process starts its workers once (loading the
          // workflow bundle is the slow part), and files in different processes wait on their timers together.
          isolate: false,
          maxWorkers: 2,
          // Its own group, as its worker count differs from the other projects'.
          sequence: { groupOrder: 1 },
          globalSetup: ['test/workflows/support/global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          pool: 'forks',
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/setup-runtime.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
