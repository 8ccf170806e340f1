import type { Database } from '../../src/db/client.js';
import { movies, shows } from '../../src/db/schema/index.js';

/** A movie row as a scan would leave it, identified by TMDB id. */
export async function insertMovie(db: Database, libraryId: string, title: string, tmdbId: number | null) {
  const [row] = await db
    .insert(movies)
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

/** A show row as a scan would leave it, identified by TMDB id. */
export async function insertShow(db: Database, libraryId: string, title: string, tmdbId: number | null) {
  const [row] = await db
    .insert(shows)
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
