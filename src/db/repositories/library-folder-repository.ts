import { and, asc, count, eq, gt, inArray, isNull, lte, sql as dsql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { insertJsonRows } from '../json-rows.js';
import { libraryFolders, movies, shows, type FolderVideoFile, type LibraryFolder } from '../schema/index.js';

/** How the scan of a folder ended: why it failed as a whole, if it did, and how many of its files it could not read. */
export interface ScanOutcome {
  scanError: string | null;
  fileErrors: number;
}

/** A folder scanned at the fingerprint it was discovered with, and how that scan ended. */
export interface FolderMark {
  folder: Pick<LibraryFolder, 'id' | 'fingerprint'>;
  outcome: ScanOutcome;
}

export interface DiscoveredFolder {
  key: string;
  kind: 'movie' | 'tvshow';
  folderPath: string;
  fingerprint: string;
  videoFiles: FolderVideoFile[];
  fileCount: number;
}

const UPSERT_CHUNK = 1000;

/** A folder discovered again takes what the walk found; what its scan recorded stays. */
const REDISCOVERED = dsql`on conflict (library_id, key) do update set kind = excluded.kind, folder_path = excluded.folder_path,
  fingerprint = excluded.fingerprint, video_files = excluded.video_files, file_count = excluded.file_count,
  seen_scan_id = excluded.seen_scan_id, present = true`;

/** The scan's working list of title folders (see library_folders). */
export class LibraryFolderRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records what one discovery saw and returns how many folders need their contents scanned. Only new,
   * changed, returning or vanished folders are written: an unchanged library of 10,000 titles costs one
   * read of its keys and fingerprints, not 10,000 row updates.
   */
  async recordDiscovered(libraryId: string, scanId: string, folders: DiscoveredFolder[]): Promise<number> {
    const known = new Map(
      (
        await this.db
          .select({
            key: libraryFolders.key,
            fingerprint: libraryFolders.fingerprint,
            folderPath: libraryFolders.folderPath,
            kind: libraryFolders.kind,
            present: libraryFolders.present,
          })
          .from(libraryFolders)
          .where(eq(libraryFolders.libraryId, libraryId))
      ).map((row) => [row.key, row]),
    );
    const changed = folders.filter((f) => {
      const row = known.get(f.key);
      return !row || !row.present || row.fingerprint !== f.fingerprint || row.folderPath !== f.folderPath || row.kind !== f.kind;
    });
    for (let i = 0; i < changed.length; i += UPSERT_CHUNK) {
      const chunk = changed.slice(i, i + UPSERT_CHUNK).map((f) => ({ ...f, libraryId, seenScanId: scanId, present: true }));
      await this.db.execute(insertJsonRows(libraryFolders, chunk, { onConflict: REDISCOVERED }));
    }
    const seen = new Set(folders.map((f) => f.key));
    const vanished = [...known.values()].filter((row) => row.present && !seen.has(row.key)).map((row) => row.key);
    for (let i = 0; i < vanished.length; i += UPSERT_CHUNK) {
      // Forgetting the scanned fingerprint makes a folder that comes back identical be scanned again.
      await this.db
        .update(libraryFolders)
        .set({ present: false, scannedFingerprint: null })
        .where(and(eq(libraryFolders.libraryId, libraryId), inArray(libraryFolders.key, vanished.slice(i, i + UPSERT_CHUNK))));
    }
    const [row] = await this.db.select({ n: count() }).from(libraryFolders).where(this.needsScan(libraryId));
    return row!.n;
  }

  /**
   * Records one folder as a single-folder refresh discovered it (a webhook, a delivery), the same way a
   * full discovery would, and returns its row.
   */
  async recordOne(libraryId: string, scanId: string, folder: DiscoveredFolder): Promise<LibraryFolder> {
    const [row] = await this.db
      .insert(libraryFolders)
      .values({ ...folder, libraryId, seenScanId: scanId, present: true })
      .onConflictDoUpdate({
        target: [libraryFolders.libraryId, libraryFolders.key],
        set: {
          kind: folder.kind,
          folderPath: folder.folderPath,
          fingerprint: folder.fingerprint,
          videoFiles: folder.videoFiles,
          fileCount: folder.fileCount,
          seenScanId: scanId,
          present: true,
        },
      })
      .returning();
    return row!;
  }

  /** Marks one folder's title removed (its folder is gone); files are never touched. Returns how many titles. */
  async markFolderRemoved(libraryId: string, key: string, scanId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx
        .update(libraryFolders)
        .set({ present: false, scannedFingerprint: null })
        .where(and(eq(libraryFolders.libraryId, libraryId), eq(libraryFolders.key, key)));
      let removed = 0;
      for (const table of [movies, shows]) {
        const rows = await tx
          .update(table)
          .set({ deletedAt: dsql`now()`, removedScanId: scanId })
          .where(and(eq(table.libraryId, libraryId), eq(table.folderKey, key), isNull(table.deletedAt)))
          .returning({ id: table.id });
        removed += rows.length;
      }
      return removed;
    });
  }

  /** The next folders (in key order, after `afterKey`) whose contents changed since they were last scanned. */
  nextToScan(libraryId: string, afterKey: string | null, limit: number): Promise<LibraryFolder[]> {
    return this.db.select().from(libraryFolders).where(this.toScanAfter(libraryId, afterKey)).orderBy(asc(libraryFolders.key)).limit(limit);
  }

  /** The folders with keys in (afterKey, throughKey] whose contents changed since they were last scanned; null: to the end. */
  toScanInRange(libraryId: string, afterKey: string | null, throughKey: string | null): Promise<LibraryFolder[]> {
    const upTo = throughKey === null ? undefined : lte(libraryFolders.key, throughKey);
    return this.db
      .select()
      .from(libraryFolders)
      .where(and(this.toScanAfter(libraryId, afterKey), upTo))
      .orderBy(asc(libraryFolders.key));
  }

  /**
   * Where the batches of the folders left to scan after `afterKey` end: the key of every `batchSize`-th
   * folder, at most `count` of them, never the last folder's (whatever follows the last key returned is the
   * final batch, which runs to the end). One statement, whatever the library's size.
   */
  async batchEnds(libraryId: string, afterKey: string | null, batchSize: number, count: number): Promise<string[]> {
    const numbered = this.db
      .select({
        key: libraryFolders.key,
        n: dsql<number>`row_number() over (order by ${libraryFolders.key})`.as('n'),
        total: dsql<number>`count(*) over ()`.as('total'),
      })
      .from(libraryFolders)
      .where(this.toScanAfter(libraryId, afterKey))
      .as('numbered');
    const rows = await this.db
      .select({ key: numbered.key })
      .from(numbered)
      .where(dsql`${numbered.n} % ${batchSize} = 0 and ${numbered.n} < ${numbered.total}`)
      .orderBy(asc(numbered.key))
      .limit(count);
    return rows.map((row) => row.key);
  }

  async markScanned(folder: Pick<LibraryFolder, 'id' | 'fingerprint'>, scanId: string, outcome: ScanOutcome, within?: Transaction) {
    await this.markManyScanned([{ folder, outcome }], scanId, within);
  }

  /** markScanned for several folders, in one statement. */
  async markManyScanned(marks: readonly FolderMark[], scanId: string, within?: Transaction) {
    if (marks.length === 0) return;
    // The marks as one JSON parameter, so the statement's text is the same for any number of folders.
    const values = marks.map(({ folder, outcome }) => ({
      id: folder.id,
      fingerprint: folder.fingerprint,
      scan_error: outcome.scanError,
      file_errors: outcome.fileErrors,
    }));
    await (within ?? this.db).execute(dsql`
      update ${libraryFolders}
      set scanned_fingerprint = mark.fingerprint, scanned_scan_id = ${scanId}, scanned_at = now(),
          scan_error = mark.scan_error, file_errors = mark.file_errors
      from json_to_recordset(${JSON.stringify(values)}::json) as mark (id uuid, fingerprint text, scan_error text, file_errors integer)
      where ${libraryFolders.id} = mark.id`);
  }

  async find(libraryId: string, key: string): Promise<LibraryFolder | undefined> {
    const [row] = await this.db
      .select()
      .from(libraryFolders)
      .where(and(eq(libraryFolders.libraryId, libraryId), eq(libraryFolders.key, key)));
    return row;
  }

  /** The folder as it is now, taken as scanned: what publishing wrote there is no change for the next scan. */
  async takeAsScanned(id: string, found: Pick<DiscoveredFolder, 'fingerprint' | 'fileCount' | 'videoFiles'>): Promise<void> {
    await this.db
      .update(libraryFolders)
      .set({
        fingerprint: found.fingerprint,
        scannedFingerprint: found.fingerprint,
        fileCount: found.fileCount,
        videoFiles: found.videoFiles,
      })
      .where(eq(libraryFolders.id, id));
  }

  /**
   * Marks the titles of folders discovery no longer finds as removed; files are never touched. Returns the
   * titles this call marked (none when a retry finds them marked already).
   */
  async markVanished(
    libraryId: string,
    scanId: string,
  ): Promise<{ kind: 'movie' | 'show'; id: string; title: string; year: number | null }[]> {
    const vanished = and(eq(libraryFolders.libraryId, libraryId), eq(libraryFolders.present, false));
    return this.db.transaction(async (tx) => {
      const marked: { kind: 'movie' | 'show'; id: string; title: string; year: number | null }[] = [];
      for (const [kind, table] of [
        ['movie', movies],
        ['show', shows],
      ] as const) {
        const rows = await tx
          .update(table)
          .set({ deletedAt: dsql`now()`, removedScanId: scanId })
          .where(
            and(
              eq(table.libraryId, libraryId),
              isNull(table.deletedAt),
              dsql`${table.folderKey} in (select ${libraryFolders.key} from ${libraryFolders} where ${vanished})`,
            ),
          )
          .returning({ id: table.id, title: table.title, year: table.year });
        marked.push(...rows.map((row) => ({ kind, ...row })));
      }
      return marked;
    });
  }

  private toScanAfter(libraryId: string, afterKey: string | null) {
    return afterKey === null ? this.needsScan(libraryId) : and(this.needsScan(libraryId), gt(libraryFolders.key, afterKey));
  }

  private needsScan(libraryId: string) {
    return and(
      eq(libraryFolders.libraryId, libraryId),
      eq(libraryFolders.present, true),
      dsql`${libraryFolders.scannedFingerprint} is distinct from ${libraryFolders.fingerprint}`,
    );
  }
}
