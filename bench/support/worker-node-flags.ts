import { readFileSync } from 'node:fs';

/**
 * The V8 flags `npm run worker` gives the worker process, read from package.json so that a benchmark's
 * worker runs exactly as a deployment's does and the two cannot drift apart.
 */
export function workerNodeFlags(): string[] {
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const script = packageJson.scripts.worker;
  if (!script) throw new Error('package.json has no "worker" script');
  const words = script.split(/\s+/);
  if (words[0] !== 'node') return [];
  const flags: string[] = [];
  for (const word of words.slice(1)) {
    if (word === '--import') break;
    flags.push(word);
  }
  return flags;
}
