import { open, type FileHandle } from 'node:fs/promises';
import { NfoParseError, parseNfo, type NfoKind, type ParsedNfo } from '../nfo/index.js';
import { describeError } from './scan-errors.js';
import type { ConcurrencyLimit } from '../../concurrency/concurrency-limit.js';
import type { TitleFile } from './title-files.js';
import type { ScanFileError } from './types.js';

export type NfoReadResult<K extends NfoKind> =
  { ok: true; parsed: Extract<ParsedNfo, { kind: K | 'url-only' }> } | { ok: false; error: ScanFileError };

const ROOT_ELEMENT_BY_KIND: Record<NfoKind, string> = {
  movie: '<movie>',
  tvshow: '<tvshow>',
  episodedetails: '<episodedetails>',
  season: '<season>',
  'url-only': 'only URLs',
};

/** Kodi and tinyMediaManager NFOs with full cast and stream details stay far below this. */
export const MAX_NFO_BYTES = 5 * 1024 * 1024;

class NfoTooLargeError extends Error {}

const tooLarge = () => new NfoTooLargeError(`larger than ${MAX_NFO_BYTES / 1024 / 1024} MB, the most an NFO may be; not read`);

/**
 * The file's text, refused past MAX_NFO_BYTES (never held whole). Read into one buffer of the size the file
 * has, a byte longer: a stream costs twice the CPU and a 64 KB buffer per NFO, a few KB long. Once the size
 * stat gave is read, a read that asked for one byte more and got none more is the end: no second read to
 * hear so. A file that fills the buffer grew while it was read, and is read again as a stream, still capped.
 * Given the size the scan's listing just saw, the file is not statted again: an open, a read and a close.
 */
export async function readNfoText(absolutePath: string, listedSize?: number): Promise<string> {
  const handle = await open(absolutePath, 'r');
  try {
    const size = listedSize ?? (await handle.stat()).size;
    if (size > MAX_NFO_BYTES) throw tooLarge();
    const buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      length += bytesRead;
      if (bytesRead === 0 || length === size) return buffer.toString('utf8', 0, length);
      if (length === buffer.length) return await readStreamCapped(handle);
    }
  } finally {
    await handle.close();
  }
}

async function readStreamCapped(handle: FileHandle): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of handle.createReadStream({ autoClose: false, start: 0 }) as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > MAX_NFO_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length).toString('utf8');
}

/**
 * Reads and parses one NFO file as UTF-8 (at most MAX_NFO_BYTES: a larger one is an error of the file). A URL-only NFO is accepted for any kind, since its ids still
 * identify the title; an NFO of another kind (a `<tvshow>` named `movie.nfo`) is an error like a
 * malformed one. Error reasons start with the file's relative path, as NfoParseError's do.
 */
export async function readNfoFile<K extends Exclude<NfoKind, 'url-only'>>(
  file: TitleFile,
  expectedKind: K,
  limit: ConcurrencyLimit,
): Promise<NfoReadResult<K>> {
  const { relativePath } = file;
  let text: string;
  try {
    text = await limit(() => readNfoText(file.absolutePath, file.sizeBytes));
  } catch (error) {
    const reason = error instanceof NfoTooLargeError ? error.message : describeError(error);
    return { ok: false, error: { relativePath, reason: `${relativePath}: ${reason}` } };
  }
  let parsed: ParsedNfo;
  try {
    // Windows editors often save a byte order mark, which is encoding, not text.
    parsed = parseNfo(text.replace(/^\uFEFF/, ''), relativePath);
  } catch (error) {
    // One unreadable NFO must not fail the title, whatever the parser threw.
    const reason = error instanceof NfoParseError ? error.message : `${relativePath}: ${describeError(error)}`;
    return { ok: false, error: { relativePath, reason } };
  }
  if (parsed.kind !== expectedKind && parsed.kind !== 'url-only') {
    const reason = `${relativePath}: expected ${ROOT_ELEMENT_BY_KIND[expectedKind]}, found ${ROOT_ELEMENT_BY_KIND[parsed.kind]}`;
    return { ok: false, error: { relativePath, reason } };
  }
  return { ok: true, parsed: parsed as Extract<ParsedNfo, { kind: K | 'url-only' }> };
}

/** The file at a relative path, compared case-insensitively as Windows and macOS shares do; exact case wins. */
export function findNfoFile(nfoFiles: readonly TitleFile[], relativePath: string): TitleFile | undefined {
  const lower = relativePath.toLowerCase();
  return nfoFiles.find((file) => file.relativePath === relativePath) ?? nfoFiles.find((file) => file.relativePath.toLowerCase() === lower);
}
