import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { sha256File } from './file-hash.js';

/**
 * Where finished files go: put a file at a path relative to the target, atomically and verified. `local`
 * copies on this machine, `rsync` (rsync-destination.ts) to a daemon module or over SSH; another kind
 * (SFTP) implements the same interface.
 */
export interface DeliveryDestination {
  readonly description: string;
  /** Absolute path (or URL) where `relativePath` ends up, for the records. */
  locate(relativePath: string): string;
  put(sourceFile: string, relativePath: string): Promise<{ location: string; sha256: string }>;
}

export class DeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** A folder on this machine: copy to a temporary name, compare checksums, then rename into place. */
export class LocalDestination implements DeliveryDestination {
  constructor(private readonly root: string) {}

  get description(): string {
    return `local folder ${this.root}`;
  }

  locate(relativePath: string): string {
    const target = path.resolve(this.root, relativePath);
    if (!target.startsWith(path.resolve(this.root) + path.sep)) throw new DeliveryError(`${relativePath} would land outside ${this.root}`);
    return target;
  }

  async put(sourceFile: string, relativePath: string): Promise<{ location: string; sha256: string }> {
    const target = this.locate(relativePath);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.reelflow-partial`);
    try {
      await copyFile(sourceFile, temporary);
      const [expected, copied] = await Promise.all([sha256File(sourceFile), sha256File(temporary)]);
      if (expected !== copied) throw new DeliveryError(`The copy of ${sourceFile} at ${target} does not match (sha256 ${copied} ≠ ${expected})`);
      await rename(temporary, target);
      return { location: target, sha256: expected };
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
