import { and, asc, count, eq, gt, isNull, ne, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { libraryFolders, movies, shows, type FolderVideoFile, type LibraryFolder } from '../schema/index.js';

export interface DiscoveredFolder {
  key: string;
  kind: 'movie' | 'tvshow';
  folderPath: string;
  fingerprint: string;
  videoFiles: FolderVideoFile[];
  fileCount: number;
}

const UPSERT_CHUNK = 1000;

/** The scan's working list of title folders (see library_folders). */
export class LibraryFolderRepository {
  constructor(private readonly db: Database) {}

  /** Records every folder one discovery saw; returns how many need their contents scanned. */
  async recordDiscovered(libraryId: string, scanId: string, folders: DiscoveredFolder[]): Promise<number> {
    for (let i = 0; i < folders.length; i += UPSERT_CHUNK) {
      const chunk = folders.slice(i, i + UPSERT_CHUNK).map((f) => ({ ...f, libraryId, seenScanId: scanId }));
      await this.db
        .insert(libraryFolders)
        .values(chunk)
        .onConflictDoUpdate({
          target: [libraryFolders.libraryId, libraryFolders.key],
          set: {
            kind: dsql`excluded.kind`,
            folderPath: dsql`excluded.folder_path`,
            fingerprint: dsql`excluded.fingerprint`,
            videoFiles: dsql`excluded.video_files`,
            fileCount: dsql`excluded.file_count`,
            seenScanId: dsql`excluded.seen_scan_id`,
          },
        });
    }
    const [row] = await this.db.select({ n: count() }).from(libraryFolders).where(this.needsScan(libraryId, scanId));
    return row!.n;
  }

  /** The next folders (in key order, after `afterKey`) whose contents changed since they were last scanned. */
  nextToScan(libraryId: string, scanId: string, afterKey: string | null, limit: number): Promise<LibraryFolder[]> {
    const condition = afterKey === null ? this.needsScan(libraryId, scanId) : and(this.needsScan(libraryId, scanId), gt(libraryFolders.key, afterKey));
    return this.db.select().from(libraryFolders).where(condition).orderBy(asc(libraryFolders.key)).limit(limit);
  }

  async markScanned(folder: Pick<LibraryFolder, 'id' | 'fingerprint'>, scanId: string, outcome: { scanError: string | null; fileErrors: number }) {
    await this.db
      .update(libraryFolders)
      .set({ scannedFingerprint: folder.fingerprint, scannedScanId: scanId, scannedAt: dsql`now()`, ...outcome })
      .where(eq(libraryFolders.id, folder.id));
  }

  /**
   * Marks the titles of folders this scan did not see as removed (never touching files), and forgets
   * those folders' scanned fingerprints so a folder that comes back is scanned again.
   */
  async markVanished(libraryId: string, scanId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const vanished = and(eq(libraryFolders.libraryId, libraryId), ne(libraryFolders.seenScanId, scanId));
      for (const table of [movies, shows]) {
        await tx
          .update(table)
          .set({ deletedAt: dsql`now()`, removedScanId: scanId })
          .where(
            and(
              eq(table.libraryId, libraryId),
              isNull(table.deletedAt),
              dsql`${table.folderKey} in (select ${libraryFolders.key} from ${libraryFolders} where ${vanished})`,
            ),
          );
      }
      await tx.update(libraryFolders).set({ scannedFingerprint: null }).where(vanished);
    });
  }

  private needsScan(libraryId: string, scanId: string) {
    return and(
      eq(libraryFolders.libraryId, libraryId),
      eq(libraryFolders.seenScanId, scanId),
      dsql`${libraryFolders.scannedFingerprint} is distinct from ${libraryFolders.fingerprint}`,
    );
  }
}
