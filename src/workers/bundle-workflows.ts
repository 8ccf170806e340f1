import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

/** Every workflow the workers run; kept here so that bundling imports nothing else of the application. */
export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/**
 * Reelflow's workflow bundle, built ahead of time (tests and benchmarks build it once and hand it to every
 * worker). Webpack's progress report is dropped; its warnings and errors still show.
 */
export function bundleReelflowWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath,
    logger: {
      log: () => {},
      trace: () => {},
      debug: () => {},
      info: () => {},
      warn: (message: string) => console.warn(message),
      error: (message: string) => console.error(message),
    },
  });
}
