import type { Database } from '../../src/db/client.js';
import { movies, shows } from '../../src/db/schema/index.js';

/** A title row as a scan would leave it, identified by TMDB id. */
async function insertTitle(db: Database, table: typeof movies | typeof shows, libraryId: string, title: string, tmdbId: number | null) {
  const [row] = await db
    .insert(table)
    .values({
      libraryId,
      title,
      tmdbId,
      identificationStatus: tmdbId === null ? 'unidentified' : 'identified',
      identificationSource: 'nfo',
      folderPath: `/media/${title}`,
      folderKey: `${title}-${Math.random().toString(36).slice(2, 8)}`,
    })
    .returning();
  return row!;
}

export const insertMovie = (db: Database, libraryId: string, title: string, tmdbId: number | null) =>
  insertTitle(db, movies, libraryId, title, tmdbId);

export const insertShow = (db: Database, libraryId: string, title: string, tmdbId: number | null) =>
  insertTitle(db, shows, libraryId, title, tmdbId);
