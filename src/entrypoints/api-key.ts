import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where a generated API key is kept under the data dir; the command line reads it from there too. */
export const apiKeyFile = (dataDir: string): string => path.join(dataDir, 'api-key');

/**
 * The API key: REELFLOW_API_KEY when set; otherwise the one stored under the data dir, generated on the
 * first start (the caller prints it). The file is readable by its owner only.
 */
export function resolveApiKey(configured: string | undefined, dataDir: string): { apiKey: string; generatedAt?: string } {
  if (configured) return { apiKey: configured };
  const file = apiKeyFile(dataDir);
  if (fs.existsSync(file)) {
    const stored = fs.readFileSync(file, 'utf8').trim();
    if (stored) return { apiKey: stored };
  }
  const apiKey = randomBytes(24).toString('hex');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${apiKey}\n`, { mode: 0o600 });
  return { apiKey, generatedAt: file };
}
