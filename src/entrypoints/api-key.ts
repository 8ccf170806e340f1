import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The API key: REELFLOW_API_KEY when set; otherwise the one stored under the data dir, generated on the
 * first start (the caller prints it). The file is readable by its owner only.
 */
export function resolveApiKey(configured: string | undefined, dataDir: string): { apiKey: string; generatedAt?: string } {
  if (configured) return { apiKey: configured };
  const file = path.join(dataDir, 'api-key');
  if (fs.existsSync(file)) {
    const stored = fs.readFileSync(file, 'utf8').trim();
    if (stored) return { apiKey: stored };
  }
  const apiKey = randomBytes(24).toString('hex');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${apiKey}\n`, { mode: 0o600 });
  return { apiKey, generatedAt: file };
}
