import DataLoader from 'dataloader';
import type { FolderToSave, SavedFolder, ScannedTitleWriter } from './scanned-title-writer.js';

/**
 * The most folders one group writes: a few hundred rows a statement. A group whose statement would still
 * pass Postgres's 65,535 parameters (folders with thousands of unknown files) fails and is saved folder by folder.
 */
export const MAX_FOLDERS_PER_GROUP = 32;

/**
 * A group of a batch with more folders to come waits for this many (a full group), or for GATHER_MS,
 * before it is written. At 3,000 titles, waiting for 16 or 50 ms left Postgres 1.2 ms of CPU a title,
 * 32 or 200 ms 0.8–0.9 (docs/benchmarks.md).
 */
export const GATHERED_FOLDERS = MAX_FOLDERS_PER_GROUP;
const GATHER_MS = 200;

export interface FolderSaveBatcherOptions {
  /**
   * How many folders the batch will hand in. With it, a group waits for GATHERED_FOLDERS folders (or
   * 200 ms) while more are to come: a statement costs Postgres and the worker about the same for one row as for
   * thirty, and once MediaInfo parses on a thread of its own the writes keep up with the slots, so groups
   * written at once would shrink to a folder or two and double Postgres's work per title. The batch's
   * last folders go as soon as they are all in; a batch of one folder (a webhook's) never waits.
   */
  folders?: number;
  /** How long a group waits at most (tests make it longer, to see it wait). */
  gatherMs?: number;
}

/**
 * Saves the folders a scan's slots hand it in groups (a group commit): a folder whose scan ends while a group
 * is being written waits for the next, which takes every folder that finished meanwhile. On a first scan
 * the slots finish faster than one folder's writes, so the groups grow to the number of slots and each
 * statement and commit serves several folders; when the writes keep up, a group is one folder and nothing
 * waits. DataLoader does the grouping (its batch scheduling hook runs the next group once this one is
 * written) and hands each folder its own answer or error.
 */
export function createFolderSaveBatcher(
  writer: ScannedTitleWriter,
  libraryId: string,
  scanId: string,
  options: FolderSaveBatcherOptions = {},
): (folder: FolderToSave) => Promise<SavedFolder> {
  const gatherMs = options.gatherMs ?? GATHER_MS;
  let handedIn = 0;
  // Folders handed in and not yet taken into a group, and who waits for the next of them.
  let gathering = 0;
  let onHandIn: (() => void) | null = null;
  const gathered = async (): Promise<void> => {
    if (options.folders === undefined) return;
    const deadline = performance.now() + gatherMs;
    while (gathering < GATHERED_FOLDERS && handedIn < options.folders) {
      const left = deadline - performance.now();
      if (left <= 0) return;
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((next) => {
        onHandIn = next;
        timer = setTimeout(next, left);
      });
      clearTimeout(timer);
      onHandIn = null;
    }
  };
  let writing: Promise<unknown> = Promise.resolve();
  // Each group waits for the one before it to be written, so one group is in flight at a time, also when
  // more than MAX_FOLDERS_PER_GROUP folders are waiting and DataLoader starts a second group behind a full one.
  let turns: Promise<unknown> = Promise.resolve();
  const loader = new DataLoader<FolderToSave, SavedFolder>(
    (folders) => {
      gathering -= folders.length;
      const saved = saveTogetherOrApart(writer, libraryId, scanId, folders);
      writing = saved;
      return saved;
    },
    {
      cache: false,
      maxBatchSize: MAX_FOLDERS_PER_GROUP,
      batchScheduleFn: (writeGroup) => {
        turns = turns.then(
          () =>
            new Promise<void>((written) =>
              setImmediate(() => {
                void gathered().then(() => {
                  writeGroup();
                  void writing.then(() => written());
                });
              }),
            ),
        );
      },
    },
  );
  return (folder) => {
    handedIn += 1;
    gathering += 1;
    const saved = loader.load(folder);
    onHandIn?.();
    return saved;
  };
}

/**
 * The group in one go; if that fails, each folder alone, so a folder whose rows Postgres refuses fails by
 * itself (recorded on it by the scan) and the others are saved.
 */
async function saveTogetherOrApart(
  writer: ScannedTitleWriter,
  libraryId: string,
  scanId: string,
  folders: readonly FolderToSave[],
): Promise<(SavedFolder | Error)[]> {
  try {
    return await writer.saveFolders(libraryId, scanId, folders);
  } catch (error) {
    if (folders.length === 1) return [asError(error)];
    const answers: (SavedFolder | Error)[] = [];
    for (const { folder, scanned } of folders) {
      answers.push(await writer.saveFolder(libraryId, scanId, folder, scanned).catch(asError));
    }
    return answers;
  }
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
