import { copyFile, lstat, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { PathOutsideRootError, confinedPath } from './confined-path.js';
import { sha256File } from './file-hash.js';
import { DEFAULT_RECYCLE_FOLDER, recycleStamp } from './recycle-folder.js';

/**
 * Where finished files go: put a file at a path relative to the target, atomically and verified. `local`
 * copies on this machine, `rsync` (rsync-destination.ts) to a daemon module or over SSH; another kind
 * (SFTP) implements the same interface.
 */
export interface DeliveryDestination {
  readonly description: string;
  /** Absolute path (or URL) where `relativePath` ends up, for the records. */
  locate(relativePath: string): string;
  /** Never destroys a file already at the destination: it is moved to the recycle folder first (`recycled`). */
  put(sourceFile: string, relativePath: string): Promise<Delivered>;
}

export interface Delivered {
  location: string;
  sha256: string;
  /** Where the file that was at `location` before is kept now. */
  recycled?: string;
  /** The same bytes were already at `location`: nothing was written. */
  unchanged?: boolean;
}

export interface DestinationOptions {
  /** Relative to the target's root; DEFAULT_RECYCLE_FOLDER unless set. */
  recycleFolder?: string;
}

export class DeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** The destination refuses the path or its own configuration: retrying will not help. */
export class DestinationRefusedError extends DeliveryError {
  constructor(message: string) {
    super(message);
    this.name = 'DestinationRefusedError';
  }
}

/**
 * A folder on this machine: copy to a temporary name, compare checksums, then rename into place. A file in
 * the way with the same bytes means the delivery was already made; any other is moved to the recycle folder
 * first, never replaced.
 */
export class LocalDestination implements DeliveryDestination {
  constructor(
    private readonly root: string,
    private readonly options: DestinationOptions = {},
  ) {}

  get description(): string {
    return `local folder ${this.root}`;
  }

  locate(relativePath: string): string {
    try {
      return confinedPath(this.root, relativePath);
    } catch (error) {
      if (error instanceof PathOutsideRootError) throw new DestinationRefusedError(`${relativePath} would land outside ${this.root}`);
      throw error;
    }
  }

  async put(sourceFile: string, relativePath: string): Promise<Delivered> {
    const target = this.locate(relativePath);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = this.locate(path.join(path.dirname(relativePath), `.${path.basename(target)}.reelflow-partial`));
    try {
      await copyFile(sourceFile, temporary);
      const [expected, copied] = await Promise.all([sha256File(sourceFile), sha256File(temporary)]);
      if (expected !== copied)
        throw new DeliveryError(`The copy of ${sourceFile} at ${target} does not match (sha256 ${copied} ≠ ${expected})`);
      const existing = await lstat(target).catch(() => undefined);
      let recycled: string | undefined;
      if (existing) {
        if (existing.isFile() && (await sha256File(target)) === expected) {
          await rm(temporary, { force: true });
          return { location: target, sha256: expected, unchanged: true };
        }
        recycled = await this.recycle(target, relativePath);
      }
      await rename(temporary, target);
      return { location: target, sha256: expected, ...(recycled ? { recycled } : {}) };
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /** Moves what is at `target` into the recycle folder, keeping its path under the target. */
  private async recycle(target: string, relativePath: string): Promise<string> {
    const stamp = recycleStamp();
    let kept = this.locate(path.join(this.options.recycleFolder ?? DEFAULT_RECYCLE_FOLDER, stamp, relativePath));
    // Two replacements within one millisecond: the second keeps its file beside the first, never over it.
    for (
      let n = 2;
      await lstat(kept).then(
        () => true,
        () => false,
      );
      n++
    ) {
      kept = this.locate(path.join(this.options.recycleFolder ?? DEFAULT_RECYCLE_FOLDER, `${stamp}-${n}`, relativePath));
    }
    await mkdir(path.dirname(kept), { recursive: true });
    try {
      // A rename within the target: the bytes are not copied, and nothing is ever removed.
      await rename(target, kept);
    } catch (error) {
      throw new DeliveryError(
        `${target} is in the way and could not be moved to ${kept} (${(error as Error).message}); nothing was replaced`,
      );
    }
    return kept;
  }
}
