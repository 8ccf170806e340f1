import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { libraries } from './libraries.js';

export interface FolderVideoFile {
  relativePath: string;
  sizeBytes: number;
  mtimeMs: number;
}

/**
 * The scan's working list: one row per title folder ever discovered in a library. Kept in Postgres, not in
 * workflow payloads, so a library of any size costs the workflow only a cursor. A present folder needs
 * scanning when its discovered fingerprint differs from the one it was last scanned with.
 */
export const libraryFolders = pgTable(
  'library_folders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    libraryId: uuid('library_id')
      .notNull()
      .references(() => libraries.id, { onDelete: 'cascade' }),
    /** Path relative to the library root (or a loose file's name). */
    key: text('key').notNull(),
    kind: text('kind', { enum: ['movie', 'tvshow'] }).notNull(),
    folderPath: text('folder_path').notNull(),
    fingerprint: text('fingerprint').notNull(),
    scannedFingerprint: text('scanned_fingerprint'),
    videoFiles: jsonb('video_files').$type<FolderVideoFile[]>().notNull(),
    fileCount: integer('file_count').notNull(),
    /** The scan whose discovery last found this folder new or changed. */
    seenScanId: uuid('seen_scan_id').notNull(),
    /** False once a discovery no longer finds the folder; true again when it comes back. */
    present: boolean('present').notNull().default(true),
    /** The scan that last scanned this folder's contents. */
    scannedScanId: uuid('scanned_scan_id'),
    scannedAt: timestamp('scanned_at', { withTimezone: true }),
    /** Why the last scan of this folder failed as a whole, if it did. */
    scanError: text('scan_error'),
    /** Errors of single files (malformed NFO, unprobeable video) from the last scan. */
    fileErrors: integer('file_errors').notNull().default(0),
  },
  (t) => [unique('library_folders_library_key').on(t.libraryId, t.key), index('library_folders_present_idx').on(t.libraryId, t.present)],
);

export type LibraryFolder = typeof libraryFolders.$inferSelect;
