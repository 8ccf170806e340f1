import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Writes Reelflow's workflow bundle to `file`, built in a process of its own. Webpack leaves some 70 MB of
 * garbage in the heap of the process that runs it, and V8 collects it over the next seconds with
 * concurrent marking and pauses: a latency measured in that process meanwhile (a cache hit, say) would
 * carry the bundler's cleanup, which no process asking the cache in a deployment does.
 */
export async function writeWorkflowBundleFile(file: string): Promise<void> {
  const script = new URL('./write-workflow-bundle.ts', import.meta.url).pathname;
  await promisify(execFile)(process.execPath, ['--import', 'tsx', script, file], { maxBuffer: 16 * 1024 * 1024 });
}
