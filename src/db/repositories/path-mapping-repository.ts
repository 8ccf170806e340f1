import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { pathMappings, type PathMappingRow } from '../schema/index.js';

/** Remote → local path prefixes per library (see path_mappings). */
export class PathMappingRepository {
  constructor(private readonly db: Database) {}

  listForLibrary(libraryId: string): Promise<PathMappingRow[]> {
    return this.db.select().from(pathMappings).where(eq(pathMappings.libraryId, libraryId)).orderBy(asc(pathMappings.remotePrefix));
  }

  listAll(): Promise<PathMappingRow[]> {
    return this.db.select().from(pathMappings).orderBy(asc(pathMappings.libraryId), asc(pathMappings.remotePrefix));
  }

  /** Adds a mapping, or changes the local prefix of the library's mapping of that remote prefix. */
  async put(libraryId: string, remotePrefix: string, localPrefix: string): Promise<PathMappingRow> {
    const [row] = await this.db
      .insert(pathMappings)
      .values({ libraryId, remotePrefix, localPrefix })
      .onConflictDoUpdate({ target: [pathMappings.libraryId, pathMappings.remotePrefix], set: { localPrefix } })
      .returning();
    return row!;
  }

  async delete(libraryId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(pathMappings)
      .where(and(eq(pathMappings.libraryId, libraryId), eq(pathMappings.id, id)))
      .returning({ id: pathMappings.id });
    return rows.length > 0;
  }
}
