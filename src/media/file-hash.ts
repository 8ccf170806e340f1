import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

// Large reads keep hashing a multi-gigabyte video close to disk speed; memory stays at one chunk.
const READ_CHUNK_BYTES = 1024 * 1024;

/** The SHA-256 of a file's contents as lower-case hex, read as a stream so any size fits in memory. */
export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath, { highWaterMark: READ_CHUNK_BYTES })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
