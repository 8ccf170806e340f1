import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { workflowsPath } from './create-worker.js';

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
