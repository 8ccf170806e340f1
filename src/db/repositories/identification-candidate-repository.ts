import { eq, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { identificationCandidates } from '../schema/index.js';

type Candidates = typeof identificationCandidates.$inferInsert.candidates;
export type IdentificationCandidatesRow = typeof identificationCandidates.$inferSelect;

/** What the last identification search of a title offered, when it accepted none. */
export class IdentificationCandidateRepository {
  constructor(private readonly db: Database) {}

  async find(titleId: string): Promise<IdentificationCandidatesRow | undefined> {
    const [row] = await this.db.select().from(identificationCandidates).where(eq(identificationCandidates.entityId, titleId));
    return row;
  }

  async save(kind: 'movie' | 'show', titleId: string, candidates: Candidates, reason: string): Promise<void> {
    await this.db
      .insert(identificationCandidates)
      .values({ entityType: kind, entityId: titleId, candidates, reason })
      .onConflictDoUpdate({ target: identificationCandidates.entityId, set: { candidates, reason, searchedAt: dsql`now()` } });
  }

  /** The title is identified: what a search offered no longer matters. */
  async clear(titleId: string): Promise<void> {
    await this.db.delete(identificationCandidates).where(eq(identificationCandidates.entityId, titleId));
  }
}
