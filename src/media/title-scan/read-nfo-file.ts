import { open } from 'node:fs/promises';
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

/** The file's text, read as it streams and refused past MAX_NFO_BYTES (never held whole). */
async function readCapped(absolutePath: string): Promise<string> {
  const handle = await open(absolutePath, 'r');
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of handle.createReadStream({ autoClose: false }) as AsyncIterable<Buffer>) {
      length += chunk.length;
      if (length > MAX_NFO_BYTES)
        throw new NfoTooLargeError(`larger than ${MAX_NFO_BYTES / 1024 / 1024} MB, the most an NFO may be; not read`);
      chunks.push(chunk);
    }
  } finally {
    await handle.close();
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
    text = await limit(() => readCapped(file.absolutePath));
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
