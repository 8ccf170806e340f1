import DataLoader from 'dataloader';
import type { FolderToSave, SavedFolder, ScannedTitleWriter } from './scanned-title-writer.js';

/**
 * The most folders one group writes: a few hundred rows a statement. A group whose statement would still
 * pass Postgres's 65,535 parameters (folders with thousands of unknown files) fails and is saved folder by folder.
 */
export const MAX_FOLDERS_PER_GROUP = 32;

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
): (folder: FolderToSave) => Promise<SavedFolder> {
  let writing: Promise<unknown> = Promise.resolve();
  // Each group waits for the one before it to be written, so one group is in flight at a time, also when
  // more than MAX_FOLDERS_PER_GROUP folders are waiting and DataLoader starts a second group behind a full one.
  let turns: Promise<unknown> = Promise.resolve();
  const loader = new DataLoader<FolderToSave, SavedFolder>(
    (folders) => {
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
                writeGroup();
                void writing.then(() => written());
              }),
            ),
        );
      },
    },
  );
  return (folder) => loader.load(folder);
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
