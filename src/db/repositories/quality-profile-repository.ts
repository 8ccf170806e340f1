import { asc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { qualityProfiles, type QualityProfileRow } from '../schema/index.js';

export type QualityProfileInput = Omit<QualityProfileRow, 'id' | 'createdAt' | 'updatedAt'>;

export class QualityProfileRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<QualityProfileRow[]> {
    return this.db.select().from(qualityProfiles).orderBy(asc(qualityProfiles.name));
  }

  async get(id: string): Promise<QualityProfileRow | undefined> {
    const [row] = await this.db.select().from(qualityProfiles).where(eq(qualityProfiles.id, id));
    return row;
  }

  async create(input: QualityProfileInput): Promise<QualityProfileRow> {
    const [row] = await this.db.insert(qualityProfiles).values(input).returning();
    return row!;
  }

  async update(id: string, input: Partial<QualityProfileInput>): Promise<QualityProfileRow | undefined> {
    const [row] = await this.db
      .update(qualityProfiles)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(qualityProfiles.id, id))
      .returning();
    return row;
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.db.delete(qualityProfiles).where(eq(qualityProfiles.id, id)).returning({ id: qualityProfiles.id });
    return rows.length > 0;
  }
}
