import type { ScanConfig } from '../../config/phase-config.js';
import type { Database } from '../../db/client.js';
import { LibraryFolderRepository } from '../../db/repositories/library-folder-repository.js';
import { LibraryRepository } from '../../db/repositories/library-repository.js';
import type { LibraryFolder } from '../../db/schema/index.js';
import { discoverTitleFolderFiles, type FingerprintedFile } from '../../media/discovery/index.js';

/** A folder publishing is about to write into, as the last scan of it left it. */
export interface FolderBeforeWrites {
  folderId: LibraryFolder['id'];
  rootPath: string;
  kind: 'movie' | 'tv';
  folderPath: string;
  scanConfig: ScanConfig;
  files: readonly FingerprintedFile[];
}

/**
 * Publishing writes NFOs and artwork into a folder the scan fingerprints; afterwards the folder is marked
 * scanned at its new fingerprint, or the next scan would read the whole folder again for files Reelflow
 * wrote itself. It may be marked only when nothing but those writes changed it since its last scan: a video
 * or subtitle that arrived in between (a person's copy, a download) must still be found by the next scan.
 * So the folder is looked at twice: before the writes (is it as its last scan saw it?) and after (did
 * anything change besides the files written?). When either answer is no, the folder is left for the next
 * scan, which reads it whole: a little work, and nothing hidden.
 */
export class PublishedFolderMark {
  private readonly libraries: LibraryRepository;
  private readonly folders: LibraryFolderRepository;

  constructor(db: Database) {
    this.libraries = new LibraryRepository(db);
    this.folders = new LibraryFolderRepository(db);
  }

  /** The folder's files when the disk is as the last scan saw it (same fingerprint); null otherwise. */
  async beforeWrites(libraryId: string, folderKey: string, folderPath: string, scanConfig: ScanConfig): Promise<FolderBeforeWrites | null> {
    const [library, row] = await Promise.all([this.libraries.get(libraryId), this.folders.find(libraryId, folderKey)]);
    if (!library || !row || row.scannedFingerprint === null) return null;
    const kind = library.kind === 'tv' ? 'tv' : 'movie';
    const found = await discoverTitleFolderFiles(library.rootPath, kind, folderPath, scanConfig).catch(() => null);
    if (!found || found.title.fingerprint !== row.scannedFingerprint) return null;
    return { folderId: row.id, rootPath: library.rootPath, kind, folderPath, scanConfig, files: found.files };
  }

  /**
   * Marks the folder scanned at its fingerprint now, if the only files that differ from `before` are the
   * ones publishing wrote or set aside (paths relative to the folder).
   */
  async afterWrites(before: FolderBeforeWrites | null, ownPaths: readonly string[]): Promise<void> {
    if (!before || ownPaths.length === 0) return;
    const after = await discoverTitleFolderFiles(before.rootPath, before.kind, before.folderPath, before.scanConfig).catch(() => null);
    if (after && sameFilesBesides(before.files, after.files, new Set(ownPaths))) {
      await this.folders.takeAsScanned(before.folderId, after.title);
    }
  }
}

/** Whether both lists hold the same files at the same size and time, leaving out the paths in `own`. */
export function sameFilesBesides(
  before: readonly FingerprintedFile[],
  after: readonly FingerprintedFile[],
  own: ReadonlySet<string>,
): boolean {
  const others = (files: readonly FingerprintedFile[]) =>
    new Map(files.filter((f) => !own.has(f.relativePath)).map((f) => [f.relativePath, f]));
  const [then, now] = [others(before), others(after)];
  if (then.size !== now.size) return false;
  for (const [relativePath, file] of then) {
    const current = now.get(relativePath);
    if (!current || current.sizeBytes !== file.sizeBytes || current.mtimeMs !== file.mtimeMs) return false;
  }
  return true;
}
