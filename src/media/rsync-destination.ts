import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DeliveryError, DestinationRefusedError, type Delivered, type DeliveryDestination, type DestinationOptions } from './deliver.js';
import { sha256File } from './file-hash.js';
import { DEFAULT_RECYCLE_FOLDER, recycleStamp } from './recycle-folder.js';

/** `rsync://host[:port]/module[/folder]` (an rsync daemon) or `[user@]host:/folder` (rsync over SSH, keys of the worker's user). */
const RSYNC_URL = /^rsync:\/\/[^/\s]+\/[^/\s]+(\/\S*)?$/;
const SSH_DESTINATION = /^([^@\s:/]+@)?[^@\s:/]+:\/\S*$/;

export function isRsyncDestination(root: string): boolean {
  return rsyncDestinationProblem(root) === undefined;
}

/**
 * What is wrong with an rsync destination, if anything. A host (or user) starting with "-" would reach ssh
 * as an option (`-oProxyCommand=…` runs a command), so it is refused whatever the form.
 */
export function rsyncDestinationProblem(root: string): string | undefined {
  if (!RSYNC_URL.test(root) && !SSH_DESTINATION.test(root))
    return 'an rsync target needs rsync://host[:port]/module[/folder] or [user@]host:/folder';
  const hostPart = root.startsWith('rsync://') ? root.slice('rsync://'.length) : root;
  const [user, host] =
    hostPart.includes('@') && hostPart.indexOf('@') < hostPart.search(/[:/]/) ? hostPart.split('@', 2) : [undefined, hostPart];
  if (host!.startsWith('-')) return 'the host must not start with "-"';
  if (user?.startsWith('-')) return 'the user must not start with "-"';
  return undefined;
}

/** rsync's exit codes for a far side it could not reach or that stopped answering (rsync(1), EXIT VALUES; 255: ssh). */
const UNREACHABLE_EXIT_CODES = [10, 12, 30, 35, 255];
/** The daemon answered and refused the session: an unknown module, failed authentication. */
const SESSION_REFUSED_EXIT_CODE = 5;

/** An rsync run that failed, with its exit code. */
export class RsyncFailedError extends DeliveryError {
  constructor(
    target: string,
    readonly exitCode: number | null,
    reason: string,
  ) {
    super(`rsync to ${target} failed (exit ${exitCode}): ${reason}`);
    this.name = 'RsyncFailedError';
  }

  /** The daemon or SSH host did not answer, or the connection broke: it may answer later. */
  get unreachable(): boolean {
    return this.exitCode !== null && UNREACHABLE_EXIT_CODES.includes(this.exitCode);
  }

  /** The far side answered and refused what the target's configuration asks for: only a person can fix it. */
  get refused(): boolean {
    return this.exitCode === SESSION_REFUSED_EXIT_CODE;
  }
}

export interface RsyncDestinationOptions extends DestinationOptions {
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
    const problem = rsyncDestinationProblem(root);
    if (problem) throw new DestinationRefusedError(`${root} is not a usable rsync destination: ${problem}`);
    this.root = root.replace(/\/+$/, '');
  }

  get description(): string {
    return `rsync destination ${this.root}`;
  }

  locate(relativePath: string): string {
    const normalised = path.posix.normalize(relativePath.split(path.sep).join('/'));
    if (normalised.startsWith('../') || normalised === '..' || path.posix.isAbsolute(normalised))
      throw new DestinationRefusedError(`${relativePath} would land outside ${this.root}`);
    return `${this.root}/${normalised}`;
  }

  /**
   * The file reaches the far side under its path relative to the root (`--relative` from a staging folder
   * holding a link of that name), so that rsync's `--backup-dir`, relative to the root, keeps a file in the
   * way under the same path in the recycle folder instead of letting it be replaced. `--checksum` makes a
   * copy with the same bytes a no-op: nothing is transferred and nothing is kept aside.
   */
  async put(sourceFile: string, relativePath: string): Promise<Delivered> {
    const target = this.locate(relativePath);
    const relative = target.slice(this.root.length + 1);
    const backupDir = `${this.options.recycleFolder ?? DEFAULT_RECYCLE_FOLDER}/${recycleStamp()}`;
    const staging = await mkdtemp(path.join(os.tmpdir(), 'reelflow-rsync-'));
    let itemized: string;
    try {
      const link = path.join(staging, ...relative.split('/'));
      await mkdir(path.dirname(link), { recursive: true });
      await symlink(path.resolve(sourceFile), link);
      // --copy-links sends the file the link names; --times keeps the encode's time, which the check compares too.
      itemized = await this.rsync(
        [
          '--mkpath',
          '--relative',
          '--copy-links',
          '--times',
          '--checksum',
          '--itemize-changes',
          '--backup',
          `--backup-dir=${backupDir}`,
          '--',
          `${staging}/./${relative}`,
          `${this.root}/`,
        ],
        target,
      );
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    const differing = await this.rsync(['--checksum', '--dry-run', '--itemize-changes', '--times', '--', sourceFile, target], target);
    if (differing.trim() !== '') throw new DeliveryError(`The copy at ${target} does not match ${sourceFile} (rsync: ${differing.trim()})`);
    const sent = itemized.split('\n').find((line) => /^[<>]f/.test(line) && line.slice(12) === relative);
    const sha256 = await sha256File(sourceFile);
    if (!sent) return { location: target, sha256, unchanged: true };
    // "<f+++++++++" is a new file; any other change letters mean one was there and went to the backup dir.
    const replaced = !/^[<>]f\+{9}/.test(sent);
    return { location: target, sha256, ...(replaced ? { recycled: `${this.root}/${backupDir}/${relative}` } : {}) };
  }

  private rsync(args: string[], target: string): Promise<string> {
    const timeout = this.options.ioTimeoutSeconds ?? 300;
    return new Promise((resolve, reject) => {
      // --protect-args: names with spaces (every Kodi name) reach the far side as one argument.
      const child = spawn(this.options.rsyncPath ?? 'rsync', ['--protect-args', `--timeout=${timeout}`, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      child.on('error', (error) => reject(new DeliveryError(`rsync could not start: ${error.message}`)));
      child.on('close', (code) => {
        if (code === 0) return resolve(stdout);
        reject(new RsyncFailedError(target, code, stderr.trim().split('\n').slice(-2).join(' | ')));
      });
    });
  }
}
