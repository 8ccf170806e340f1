import fs from 'node:fs';
import path from 'node:path';
import { apiKeyFile } from '../entrypoints/api-key.js';

/** The API `npm start` serves on this machine, on its default port. */
export const DEFAULT_URL = 'http://127.0.0.1:3000';

/** Which Reelflow API a command talks to, with which key, and where the key came from (for messages). */
export interface Target {
  url: string;
  apiKey: string | undefined;
  keySource: string;
}

/**
 * The address and key, each from the first place that has one: the flags, then the environment
 * (REELFLOW_URL, REELFLOW_API_KEY), then, for the key, the file a local `npm start` generated under its
 * data dir (REELFLOW_DATA_DIR, else ./data).
 */
export function resolveTarget(
  flags: { url?: string; apiKey?: string },
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Target {
  const url = (flags.url ?? env.REELFLOW_URL ?? DEFAULT_URL).replace(/\/+$/, '');
  if (flags.apiKey) return { url, apiKey: flags.apiKey, keySource: '--api-key' };
  if (env.REELFLOW_API_KEY) return { url, apiKey: env.REELFLOW_API_KEY, keySource: 'REELFLOW_API_KEY' };
  const file = apiKeyFile(path.resolve(cwd, env.REELFLOW_DATA_DIR || './data'));
  const stored = readIfPresent(file);
  if (stored) return { url, apiKey: stored, keySource: file };
  return { url, apiKey: undefined, keySource: `none (no --api-key, no REELFLOW_API_KEY, no ${file})` };
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
