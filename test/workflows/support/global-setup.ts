import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort } from '../../../src/runtime/free-port.js';
import { startTemporalDevServer } from '../../../src/runtime/temporal-dev-server.js';
import { bundleReelflowWorkflows } from '../../../src/workers/bundle-workflows.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    workflowBundlePath: string;
  }
}

/**
 * Once per run of the workflow tier: the project's Temporal dev server (in memory, headless) and the
 * workflow bundle built once. No database: every activity is a stand-in function of the test.
 */
export default async function setup(project: TestProject) {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelflow-workflow-tests-'));
  const [server, bundle] = await Promise.all([
    startTemporalDevServer({ port: await findFreePort(), uiPort: null, logFile: path.join(runDir, 'temporal.log') }),
    bundleReelflowWorkflows(),
  ]);
  const workflowBundlePath = path.join(runDir, 'workflow-bundle.js');
  fs.writeFileSync(workflowBundlePath, bundle.code);

  project.provide('temporalAddress', server.address);
  project.provide('workflowBundlePath', workflowBundlePath);

  return async () => {
    await server.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}
