import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReferenceProcessOutput } from './reference-scan-process.js';

const entry = fileURLToPath(new URL('./reference-scan-process.ts', import.meta.url));

/**
 * Runs the reference scan of `root` in a fresh Node process, after an untimed scan of `warmUpRoot` when one is
 * given, and returns what it measured. Aborting `signal` kills it, so a benchmark stopped half-way leaves no
 * reference process behind.
 */
export function runReferenceProcess(root: string, warmUpRoot: string | null, signal?: AbortSignal): Promise<ReferenceProcessOutput> {
  return new Promise((resolve, reject) => {
    const options = { maxBuffer: 64 * 1024 * 1024, ...(signal ? { signal } : {}) };
    execFile(process.execPath, ['--import', 'tsx', entry, root, ...(warmUpRoot ? [warmUpRoot] : [])], options, (error, stdout, stderr) => {
      if (error) return reject(new Error(`the reference scan process failed: ${stderr.trim() || error.message}`, { cause: error }));
      const lastLine = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(lastLine) as ReferenceProcessOutput);
      } catch (parseError) {
        reject(new Error(`the reference scan process printed no result: ${stdout.slice(-500)}`, { cause: parseError }));
      }
    });
  });
}
