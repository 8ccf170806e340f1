import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';

// Large reads keep hashing a multi-gigabyte video close to disk speed; memory stays at one chunk.
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * The SHA-256 of a file's contents as lower-case hex. A file of up to one chunk (artwork, mostly) is read
 * in one buffer of its own size: a stream would allocate a whole chunk per read, 2 MB for a 1 KB poster,
 * and that much short-lived memory outside the heap brings on the worker's full garbage collections.
 * Larger files are read as a stream, so any size fits in memory.
 */
export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  if ((await stat(filePath)).size <= READ_CHUNK_BYTES) return hash.update(await readFile(filePath)).digest('hex');
  for await (const chunk of createReadStream(filePath, { highWaterMark: READ_CHUNK_BYTES })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
