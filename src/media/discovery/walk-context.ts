import pMap from 'p-map';
import type { ScanConfig } from '../../config/phase-config.js';
import { createConcurrencyLimit } from '../../concurrency/concurrency-limit.js';
import { compileIgnorePatterns, type IgnoreMatcher } from './ignore-patterns.js';
import type { FingerprintedFile } from './fingerprint.js';
import { libuvFileSystem, type DiscoveryFileSystem } from './file-system.js';
import type { DiscoveredTitle, DiscoveryIssue, DiscoveryOptions } from './types.js';
import { compileVideoRules, type VideoJudge } from './video-rules.js';

const DEFAULT_CONCURRENCY = 32;

/**
 * Folders of one level walked at once: twice the default call limit, so a freed slot always finds a folder
 * waiting for it. The root of a 10,000-title library lists 10,000 folders; walking them all at once began
 * 10,000 walks that each held their frames, closures and a place in the limit's queue until a slot came,
 * and every scavenge of the young generation worked through them: in an unchanged rescan, 47 scavenges of
 * about 10 ms in a 1.8 s walk. A pool of 64 held the scavenges to about 3 ms each.
 */
const FOLDERS_AT_ONCE = 64;

/** Walks each folder with `walk`, a bounded number at a time; rejects with the first failure (an abort). */
export async function walkEachFolder<T>(folders: readonly T[], walk: (folder: T) => Promise<void>): Promise<void> {
  await pMap(folders, walk, { concurrency: FOLDERS_AT_ONCE });
}

/** A title as found, with the real path of its folder so two ways into one folder can be told apart. */
export interface FoundTitle extends DiscoveredTitle {
  /** Real path of the title folder; null for a loose file in the root, which owns no folder. */
  realPath: string | null;
  /** The files the fingerprint covers, when the walk keeps them (one folder's, never a library's). */
  files?: FingerprintedFile[];
}

/** Everything one discovery run shares: its rules, its call limit, and what it has found so far. */
export interface WalkContext {
  readonly isIgnored: IgnoreMatcher;
  readonly judgeVideo: VideoJudge;
  readonly titles: FoundTitle[];
  readonly issues: DiscoveryIssue[];
  /** Whether a title keeps the list of its files: a library's walk would hold every file of the library. */
  readonly keepsFiles: boolean;
  /** Runs one file-system call within the concurrency limit, unless the run was aborted. */
  fileSystemCall<T>(call: (fileSystem: DiscoveryFileSystem) => Promise<T>): Promise<T>;
  /** Throws the signal's reason once it has fired: a failure then is the abort, not an issue to record. */
  throwIfAborted(): void;
  directoryListed(): void;
  directoriesVisited(): number;
}

export function createWalkContext(config: ScanConfig, options: DiscoveryOptions, keepsFiles = false): WalkContext {
  const limit = createConcurrencyLimit(options.concurrency ?? DEFAULT_CONCURRENCY, 'newest-first');
  const { signal, onProgress } = options;
  const fileSystem = options.fileSystem ?? libuvFileSystem;
  let visited = 0;
  return {
    isIgnored: compileIgnorePatterns(config.ignorePatterns),
    judgeVideo: compileVideoRules(config),
    titles: [],
    issues: [],
    keepsFiles,
    fileSystemCall: signal
      ? (call) =>
          limit(() => {
            // Checked when a call gets its slot, so queued calls stop too, and again when it returns,
            // so nothing is reported (or walked into) after the abort.
            signal.throwIfAborted();
            return call(fileSystem).then((result) => {
              signal.throwIfAborted();
              return result;
            });
          })
      : (call) => limit(() => call(fileSystem)),
    throwIfAborted: () => signal?.throwIfAborted(),
    directoryListed: () => {
      visited += 1;
      onProgress?.(visited);
    },
    directoriesVisited: () => visited,
  };
}
