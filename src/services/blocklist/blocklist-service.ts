import type { Database } from '../../db/client.js';
import { BlocklistRepository, type BlocklistPageQuery } from '../../db/repositories/blocklist-repository.js';
import type { BlocklistRow } from '../../db/schema/index.js';
import { NotFoundError } from '../service-errors.js';

/** One page of the blocklist, in the envelope every paged list answers with. */
export interface BlocklistPage extends BlocklistPageQuery {
  totalRecords: number;
  records: BlocklistRow[];
}

/**
 * The blocklist as people see it: what they rejected, newest first by default. An entry is written by the
 * item's pipeline when a person rejects its release; removing one lets later searches take the release again.
 */
export class BlocklistService {
  private readonly repository: BlocklistRepository;

  constructor(db: Database) {
    this.repository = new BlocklistRepository(db);
  }

  async list(query: BlocklistPageQuery): Promise<BlocklistPage> {
    return { ...query, ...(await this.repository.page(query)) };
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundError('Blocklist entry');
  }
}
