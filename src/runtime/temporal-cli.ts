import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const locateScript = fileURLToPath(new URL('../../scripts/temporal-cli.sh', import.meta.url));

/**
 * The path of the Temporal CLI, found or built by scripts/temporal-cli.sh (the one place that knows the
 * search order and the pinned version). Building prints progress on our stderr.
 */
export async function locateTemporalCli(): Promise<string> {
  const child = promisify(execFile)('bash', [locateScript], { maxBuffer: 1 << 20 });
  child.child.stderr?.pipe(process.stderr);
  try {
    const { stdout } = await child;
    return stdout.trim();
  } catch (err) {
    const message = (err as { stderr?: string }).stderr?.trim() || String(err);
    throw new Error(`No Temporal CLI available: ${message}`);
  }
}
