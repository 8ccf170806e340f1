import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_BYTES = 50 * 1024 * 1024;

/** Downloads a URL to a new file under `directory`; the caller removes it. Throws naming the URL. */
export async function downloadToTempFile(url: string, directory: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new Error(`Cannot download ${url}: ${(err as Error).message}`, { cause: err });
  }
  if (!response.ok) throw new Error(`Cannot download ${url}: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) throw new Error(`Cannot download ${url}: ${declared} bytes is more than ${MAX_BYTES}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length === 0) throw new Error(`Cannot download ${url}: empty body`);
  await fs.mkdir(directory, { recursive: true });
  const extension = path.extname(new URL(url).pathname).toLowerCase().slice(0, 6) || '.bin';
  const file = path.join(directory, `download-${randomBytes(8).toString('hex')}${extension}`);
  await fs.writeFile(file, bytes);
  return file;
}
