import { asc, eq, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { libraries, type Library, type LibraryKind } from '../schema/index.js';

export interface NewLibrary {
  name: string;
  kind: LibraryKind;
  rootPath: string;
}

export class LibraryRepository {
  constructor(private readonly db: Database) {}

  async create(input: NewLibrary): Promise<Library> {
    const [row] = await this.db.insert(libraries).values(input).returning();
    return row!;
  }

  async get(id: string): Promise<Library | undefined> {
    const [row] = await this.db.select().from(libraries).where(eq(libraries.id, id));
    return row;
  }

  async findByRootPath(rootPath: string): Promise<Library | undefined> {
    const [row] = await this.db.select().from(libraries).where(eq(libraries.rootPath, rootPath));
    return row;
  }

  list(): Promise<Library[]> {
    return this.db.select().from(libraries).orderBy(asc(libraries.name));
  }

  async update(id: string, patch: Partial<NewLibrary>): Promise<Library | undefined> {
    const [row] = await this.db
      .update(libraries)
      .set({ ...patch, updatedAt: dsql`now()` })
      .where(eq(libraries.id, id))
      .returning();
    return row;
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.db.delete(libraries).where(eq(libraries.id, id)).returning({ id: libraries.id });
    return rows.length > 0;
  }
}
