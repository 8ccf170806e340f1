import { createHash } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { parseNfo, type NfoKind, type ParsedNfo } from '../../media/nfo/index.js';

type WrittenKind = Exclude<NfoKind, 'url-only'>;

/** An NFO file next to the media as publishing finds it. */
export type NfoOnDisk =
  | { state: 'absent' }
  | { state: 'readable'; parsed: ParsedNfo }
  /** Malformed, of another kind, or not readable at all: a person's file we cannot take in. */
  | { state: 'unreadable'; reason: string };

/** Whether publishing may write one NFO, and what of the file there it must keep. */
export type NfoWritePermission = { write: true; existing?: ParsedNfo; keptAs: string[] } | { write: false; reason: string };

export interface UnreadableNfoState {
  /** The NFO the last scan could not read, relative to the folder (null when it read every one). */
  recordedUnreadable: string | null;
  /** A person asked for unreadable NFOs to be replaced. */
  replace: boolean;
}

export async function readNfoOnDisk(file: string, expectedKind: WrittenKind): Promise<NfoOnDisk> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'absent' };
    return { state: 'unreadable', reason: `${path.basename(file)}: ${(error as Error).message}` };
  }
  let parsed: ParsedNfo;
  try {
    parsed = parseNfo(text.replace(/^\uFEFF/, ''), path.basename(file));
  } catch (error) {
    return { state: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  if (parsed.kind !== expectedKind && parsed.kind !== 'url-only') {
    return { state: 'unreadable', reason: `${path.basename(file)}: holds <${parsed.kind}>, not <${expectedKind}>` };
  }
  return { state: 'readable', parsed };
}

/**
 * An NFO that cannot be read is a person's file whose content we do not know, so it is never overwritten:
 * publishing holds it (and every NFO the last scan could not read, even when it parses now, because the
 * fix has not been read into the database yet) until a scan reads it. Only when a person asks for it to be
 * replaced is it set aside, renamed to `<name>.unreadable-<sha256 prefix>.bak` beside itself, byte for byte.
 */
export async function nfoWritePermission(
  folder: string,
  relativePath: string,
  kind: WrittenKind,
  state: UnreadableNfoState,
): Promise<NfoWritePermission> {
  const onDisk = await readNfoOnDisk(insideFolder(folder, relativePath), kind);
  if (!state.replace) {
    if (onDisk.state === 'unreadable') return { write: false, reason: onDisk.reason };
    if (state.recordedUnreadable !== null) {
      return {
        write: false,
        reason: `${state.recordedUnreadable}: could not be read by the last scan; a scan that reads it lets it be published again`,
      };
    }
    return onDisk.state === 'readable' ? { write: true, existing: onDisk.parsed, keptAs: [] } : { write: true, keptAs: [] };
  }

  const setAside = new Set<string>();
  if (state.recordedUnreadable !== null) setAside.add(state.recordedUnreadable);
  if (onDisk.state === 'unreadable') setAside.add(relativePath);
  const keptAs: string[] = [];
  for (const unreadable of setAside) {
    const kept = await keepAside(folder, unreadable);
    if (kept !== undefined) keptAs.push(kept);
  }
  const existing = onDisk.state === 'readable' && !setAside.has(relativePath) ? onDisk.parsed : undefined;
  return existing === undefined ? { write: true, keptAs } : { write: true, existing, keptAs };
}

/** Renames the file to a name derived from its bytes (a retry finds the same name); undefined when it is gone. */
async function keepAside(folder: string, relativePath: string): Promise<string | undefined> {
  const file = insideFolder(folder, relativePath);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const keptName = `${relativePath}.unreadable-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.bak`;
  await rename(file, insideFolder(folder, keptName));
  return keptName;
}

/** Every path publishing reads or renames stays inside the title's folder, whatever a row says. */
function insideFolder(folder: string, relativePath: string): string {
  const root = path.resolve(folder);
  const resolved = path.resolve(root, relativePath);
  if (!resolved.startsWith(`${root}${path.sep}`)) throw new Error(`${relativePath} is outside the title folder ${root}`);
  return resolved;
}
