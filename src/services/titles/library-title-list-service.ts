import type { Database } from '../../db/client.js';
import { LibraryRepository } from '../../db/repositories/library-repository.js';
import type { TitleKind } from '../../db/repositories/title-repository.js';
import {
  LibraryTitleListRepository,
  type LibraryTitleFilter,
  type LibraryTitleSort,
} from '../../db/repositories/library-title-list-repository.js';
import { InvalidRequestError, NotFoundError } from '../service-errors.js';

export interface LibraryTitleListRequest {
  q?: string;
  filter?: LibraryTitleFilter;
  sort: LibraryTitleSort;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** A library's titles as a list shows them: movies in a movie library, shows in a TV library. */
export class LibraryTitleListService {
  private readonly libraries: LibraryRepository;
  private readonly rows: LibraryTitleListRepository;

  constructor(db: Database) {
    this.libraries = new LibraryRepository(db);
    this.rows = new LibraryTitleListRepository(db);
  }

  async list(libraryId: string, request: LibraryTitleListRequest) {
    const library = await this.libraries.get(libraryId);
    if (!library) throw new NotFoundError('Library');
    if (library.kind === 'music') throw new InvalidRequestError('params.id: a music library has no movies or shows to list');
    const kind: TitleKind = library.kind === 'movie' ? 'movie' : 'show';
    const { total, items } = await this.rows.page({ libraryId, kind, text: request.q, ...request });
    return {
      libraryId,
      kind,
      total,
      offset: request.offset,
      items: items.map((row) => ({
        id: row.id,
        title: row.title,
        year: row.year,
        identified: row.identificationStatus === 'identified',
        removed: row.deletedAt !== null,
        hasPoster: row.hasPoster,
        addedAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      })),
    };
  }
}
