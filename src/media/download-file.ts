import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MB } from '../http/capped-body.js';
import { httpRequestBytes, type HttpBytesAnswer } from '../http/http-request.js';

const DEFAULT_TIMEOUT_MS = 30_000;
/** Artwork and trailers' stills: far below this; a server streaming without end is cut off here. */
const MAX_BYTES = 50 * MB;

/** Downloads a URL to a new file under `directory`; the caller removes it. Throws naming the URL. */
export async function downloadToTempFile(url: string, directory: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
  let answer: HttpBytesAnswer;
  try {
    answer = await httpRequestBytes({ url, timeoutMs, maxBodyBytes: MAX_BYTES, what: 'the download' });
  } catch (err) {
    throw new Error(`Cannot download ${url}: ${(err as Error).message}`, { cause: err });
  }
  if (answer.status < 200 || answer.status >= 300) throw new Error(`Cannot download ${url}: HTTP ${answer.status}`);
  const { bytes } = answer;
  if (bytes.length === 0) throw new Error(`Cannot download ${url}: empty body`);
  await fs.mkdir(directory, { recursive: true });
  const extension = path.extname(new URL(url).pathname).toLowerCase().slice(0, 6) || '.bin';
  const file = path.join(directory, `download-${randomBytes(8).toString('hex')}${extension}`);
  await fs.writeFile(file, bytes);
  return file;
}
