import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export type WriteOutcome = 'written' | 'unchanged';

/**
 * Writes the bytes to a temporary name beside the target and renames it over the target, unless the
 * target already holds exactly these bytes: then nothing is touched, so its mtime (and the folder's scan
 * fingerprint) stays as it was.
 */
export async function writeFileIfChanged(target: string, content: Buffer | string): Promise<WriteOutcome> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const existing = await fs.readFile(target).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (existing !== null && existing.equals(bytes)) return 'unchanged';
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temporary = temporaryNameFor(target);
  try {
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, target);
  } catch (err) {
    await fs.rm(temporary, { force: true });
    throw err;
  }
  return 'written';
}

/** Same for a file whose bytes are on disk already (a cached artwork file): compared by size, then bytes. */
export async function copyFileIfChanged(source: string, target: string): Promise<WriteOutcome> {
  const [sourceStat, targetStat] = await Promise.all([fs.stat(source), fs.stat(target).catch(() => null)]);
  if (targetStat && targetStat.size === sourceStat.size) {
    const [a, b] = await Promise.all([fs.readFile(source), fs.readFile(target)]);
    if (a.equals(b)) return 'unchanged';
  }
  await copyFileAtomically(source, target);
  return 'written';
}

/**
 * Copies `source` to a temporary name beside `target` and renames it over `target`: a crash never leaves
 * a partial file under the final name. The temporary name is random, so copies racing to one target (two
 * attempts of one activity, in one process and one millisecond) never write into each other's file.
 */
export async function copyFileAtomically(source: string, target: string): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temporary = temporaryNameFor(target);
  try {
    await fs.copyFile(source, temporary);
    await fs.rename(temporary, target);
  } catch (err) {
    await fs.rm(temporary, { force: true });
    throw err;
  }
}

function temporaryNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}
