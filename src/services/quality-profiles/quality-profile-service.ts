import type { Database } from '../../db/client.js';
import { isForeignKeyViolation } from '../../db/repositories/constraint-violations.js';
import { QualityProfileRepository } from '../../db/repositories/quality-profile-repository.js';
import type { QualityProfileRow } from '../../db/schema/index.js';
import { ConflictError, InvalidRequestError, NotFoundError, nameTaken } from '../service-errors.js';

type NewQualityProfile = Parameters<QualityProfileRepository['create']>[0];
type QualityProfilePatch = Parameters<QualityProfileRepository['update']>[1];

/**
 * Quality profiles: what a request accepts and how it is encoded. A profile's sizes and resolutions must
 * be in order, its name unique, and one a request uses cannot be deleted.
 */
export class QualityProfileService {
  private readonly profiles: QualityProfileRepository;

  constructor(db: Database) {
    this.profiles = new QualityProfileRepository(db);
  }

  async create(input: NewQualityProfile): Promise<QualityProfileRow> {
    checkBounds(input);
    return this.profiles.create(input).catch(nameTaken(input.name));
  }

  list(): Promise<QualityProfileRow[]> {
    return this.profiles.list();
  }

  async get(id: string): Promise<QualityProfileRow> {
    const profile = await this.profiles.get(id);
    if (!profile) throw new NotFoundError('Quality profile');
    return profile;
  }

  /** Applies to searches and encodes that start afterwards. */
  async update(id: string, patch: QualityProfilePatch): Promise<QualityProfileRow> {
    const existing = await this.get(id);
    checkBounds({ ...existing, ...patch });
    const updated = await this.profiles.update(id, patch).catch(nameTaken(patch.name ?? ''));
    return updated!;
  }

  async remove(id: string): Promise<void> {
    try {
      if (!(await this.profiles.delete(id))) throw new NotFoundError('Quality profile');
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new ConflictError('The quality profile is used by requests');
      throw error;
    }
  }
}

function checkBounds(p: { minSizeMb?: number; maxSizeMb?: number; minResolution?: number; preferredResolution?: number }) {
  if (p.minSizeMb !== undefined && p.maxSizeMb !== undefined && p.minSizeMb > p.maxSizeMb)
    throw new InvalidRequestError('body.minSizeMb: must not exceed maxSizeMb');
  if (p.minResolution !== undefined && p.preferredResolution !== undefined && p.minResolution > p.preferredResolution) {
    throw new InvalidRequestError('body.preferredResolution: must be at least minResolution');
  }
}
