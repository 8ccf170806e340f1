import path from 'node:path';
import type { Database } from '../../db/client.js';
import { LibraryRepository } from '../../db/repositories/library-repository.js';
import { PathMappingRepository } from '../../db/repositories/path-mapping-repository.js';
import type { Library, PathMappingRow } from '../../db/schema/index.js';
import { InvalidRequestError, NotFoundError } from '../service-errors.js';

/**
 * Per-library path mappings: how Radarr/Sonarr (or another machine) name this library's folders. A local
 * prefix must be an absolute path inside the library's root.
 */
export class PathMappingService {
  private readonly libraries: LibraryRepository;
  private readonly mappings: PathMappingRepository;

  constructor(db: Database) {
    this.libraries = new LibraryRepository(db);
    this.mappings = new PathMappingRepository(db);
  }

  async list(libraryId: string): Promise<PathMappingRow[]> {
    await this.requireLibrary(libraryId);
    return this.mappings.listForLibrary(libraryId);
  }

  /** Adds a remote → local prefix, or changes the local prefix of a remote one. */
  async put(libraryId: string, remotePrefix: string, localPrefix: string): Promise<PathMappingRow> {
    const library = await this.requireLibrary(libraryId);
    const local = path.resolve(localPrefix);
    const relative = path.relative(path.resolve(library.rootPath), local);
    if (!path.isAbsolute(localPrefix) || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new InvalidRequestError(
        `body.localPrefix: "${localPrefix}" must be an absolute path inside the library root "${library.rootPath}"`,
      );
    }
    return this.mappings.put(library.id, remotePrefix, local);
  }

  async remove(libraryId: string, mappingId: string): Promise<void> {
    if (!(await this.mappings.delete(libraryId, mappingId))) throw new NotFoundError('Path mapping');
  }

  private async requireLibrary(id: string): Promise<Library> {
    const library = await this.libraries.get(id);
    if (!library) throw new NotFoundError('Library');
    return library;
  }
}
