import { asc, eq, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { appSettings, indexers, type IndexerRow } from '../schema/index.js';

export type IndexerInput = Omit<IndexerRow, 'id' | 'createdAt' | 'updatedAt'>;

/** Set once TORZNAB_INDEXERS has been copied into the table, so deleting every indexer later sticks. */
const SEEDED_KEY = 'indexers.seededFromEnvironment';

/** Torznab indexers: the rows people and Prowlarr manage; the request pipeline searches the enabled ones. */
export class IndexerRepository {
  constructor(private readonly db: Database) {}

  /** Highest priority (lowest number) first. */
  list(): Promise<IndexerRow[]> {
    return this.db.select().from(indexers).orderBy(asc(indexers.priority), asc(indexers.id));
  }

  async get(id: number): Promise<IndexerRow | undefined> {
    const [row] = await this.db.select().from(indexers).where(eq(indexers.id, id));
    return row;
  }

  /** Undefined when another indexer has that name. */
  async create(input: IndexerInput): Promise<IndexerRow | undefined> {
    const [row] = await this.db.insert(indexers).values(input).onConflictDoNothing({ target: indexers.name }).returning();
    return row;
  }

  async update(id: number, input: Partial<IndexerInput>): Promise<IndexerRow | undefined> {
    const [row] = await this.db
      .update(indexers)
      .set({ ...input, updatedAt: dsql`now()` })
      .where(eq(indexers.id, id))
      .returning();
    return row;
  }

  async delete(id: number): Promise<boolean> {
    const rows = await this.db.delete(indexers).where(eq(indexers.id, id)).returning({ id: indexers.id });
    return rows.length > 0;
  }

  async nameTaken(name: string, exceptId?: number): Promise<boolean> {
    const [row] = await this.db.select({ id: indexers.id }).from(indexers).where(eq(indexers.name, name));
    return Boolean(row && row.id !== exceptId);
  }

  /**
   * Copies the environment's indexers into the table the first time it is asked, and never again: after
   * that the table is what people and Prowlarr made of it. True when this call seeded.
   */
  async seedOnce(seed: IndexerInput[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const marked = await tx
        .insert(appSettings)
        .values({ key: SEEDED_KEY, value: { at: new Date().toISOString(), count: seed.length } })
        .onConflictDoNothing()
        .returning({ key: appSettings.key });
      if (marked.length === 0) return false;
      if (seed.length > 0) await tx.insert(indexers).values(seed).onConflictDoNothing({ target: indexers.name });
      return true;
    });
  }
}
