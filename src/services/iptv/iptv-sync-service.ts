import type { Database } from '../../db/client.js';
import { IptvSyncRunRepository, type IptvSyncListFilter, type IptvSyncSortKey } from '../../db/repositories/iptv-sync-run-repository.js';
import type { PageOfRows, PageRequest } from '../../db/repositories/paging.js';
import type { IptvSyncRunRow } from '../../db/schema/index.js';

/** The IPTV sync list: each sync's row as its workflow last wrote it (start, each step and batch, end). */
export class IptvSyncService {
  private readonly runs: IptvSyncRunRepository;

  constructor(db: Database) {
    this.runs = new IptvSyncRunRepository(db);
  }

  list(filter: IptvSyncListFilter, page: PageRequest<IptvSyncSortKey>): Promise<PageOfRows<{ run: IptvSyncRunRow; providerName: string }>> {
    return this.runs.list(filter, page);
  }
}
