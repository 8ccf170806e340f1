import type { Database } from '../../db/client.js';
import { IdentificationCandidateRepository } from '../../db/repositories/identification-candidate-repository.js';
import { TitleRepository, type TitleIds, type TitleKind } from '../../db/repositories/title-repository.js';

/**
 * Which provider title a movie or show is. Accepting ids (a confident provider match, or a person's
 * choice) marks the title identified and drops what an earlier search offered; the one rule both the
 * enrichment and a person's identification follow.
 */
export class TitleIdentification {
  private readonly titles: TitleRepository;
  private readonly candidates: IdentificationCandidateRepository;

  constructor(db: Database) {
    this.titles = new TitleRepository(db);
    this.candidates = new IdentificationCandidateRepository(db);
  }

  async accept(kind: TitleKind, id: string, ids: TitleIds, source: 'provider' | 'manual'): Promise<void> {
    await this.titles.setIdentification(kind, id, ids, source);
    await this.candidates.clear(id);
  }
}
