import { spawn } from 'node:child_process';
import path from 'node:path';
import { DeliveryError, type DeliveryDestination } from './deliver.js';
import { sha256File } from './file-hash.js';

/** `rsync://host[:port]/module[/folder]` (an rsync daemon) or `[user@]host:/folder` (rsync over SSH, keys of the worker's user). */
const RSYNC_URL = /^rsync:\/\/[^/\s]+\/[^/\s]+(\/\S*)?$/;
const SSH_DESTINATION = /^([^@\s:/]+@)?[^@\s:/]+:\/\S*$/;

export function isRsyncDestination(root: string): boolean {
  return RSYNC_URL.test(root) || SSH_DESTINATION.test(root);
}

export interface RsyncDestinationOptions {
  rsyncPath?: string;
  /** rsync's own I/O timeout: a stalled peer fails the delivery instead of hanging it. */
  ioTimeoutSeconds?: number;
}

/**
 * A folder reached with rsync. rsync writes each file under a temporary name in its folder and renames
 * it into place once its whole-file checksum matched, so a reader never sees half a file; afterwards a
 * `--checksum --dry-run` comparison confirms the far copy is the same bytes before the delivery counts.
 */
export class RsyncDestination implements DeliveryDestination {
  private readonly root: string;

  constructor(
    root: string,
    private readonly options: RsyncDestinationOptions = {},
  ) {
    if (!isRsyncDestination(root)) throw new DeliveryError(`${root} is not an rsync destination (rsync://host/module/folder or host:/folder)`);
    this.root = root.replace(/\/+$/, '');
  }

  get description(): string {
    return `rsync destination ${this.root}`;
  }

  locate(relativePath: string): string {
    const normalised = path.posix.normalize(relativePath.split(path.sep).join('/'));
    if (normalised.startsWith('../') || normalised === '..' || path.posix.isAbsolute(normalised)) throw new DeliveryError(`${relativePath} would land outside ${this.root}`);
    return `${this.root}/${normalised}`;
  }

  async put(sourceFile: string, relativePath: string): Promise<{ location: string; sha256: string }> {
    const target = this.locate(relativePath);
    // --mkpath makes the title and season folders; --times keeps the encode's time, which the check compares too.
    await this.rsync(['--mkpath', '--times', '--', sourceFile, target], target);
    const differing = await this.rsync(['--checksum', '--dry-run', '--itemize-changes', '--times', '--', sourceFile, target], target);
    if (differing.trim() !== '') throw new DeliveryError(`The copy at ${target} does not match ${sourceFile} (rsync: ${differing.trim()})`);
    return { location: target, sha256: await sha256File(sourceFile) };
  }

  private rsync(args: string[], target: string): Promise<string> {
    const timeout = this.options.ioTimeoutSeconds ?? 300;
    return new Promise((resolve, reject) => {
      // --protect-args: names with spaces (every Kodi name) reach the far side as one argument.
      const child = spawn(this.options.rsyncPath ?? 'rsync', ['--protect-args', `--timeout=${timeout}`, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      child.on('error', (error) => reject(new DeliveryError(`rsync could not start: ${error.message}`)));
      child.on('close', (code) => {
        if (code === 0) return resolve(stdout);
        reject(new DeliveryError(`rsync to ${target} failed (exit ${code}): ${stderr.trim().split('\n').slice(-2).join(' | ')}`));
      });
    });
  }
}
