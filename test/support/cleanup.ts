import { afterAll } from 'vitest';

/**
 * Cleanups registered by the support helpers, run after the test file in reverse order. Helpers are often
 * called from `beforeAll` or a test, where registering an `afterAll` of their own would never run; this
 * module registers one `afterAll` when a test file first imports it, at collection time.
 */
const cleanups: (() => unknown)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
});

export function onCleanup(cleanup: () => unknown): void {
  cleanups.push(cleanup);
}
