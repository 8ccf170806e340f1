import path from 'node:path';
import type { Database } from '../../db/client.js';
import { DeliveryTargetRepository } from '../../db/repositories/delivery-target-repository.js';
import { LibraryRepository } from '../../db/repositories/library-repository.js';
import type { DeliveryTargetRow } from '../../db/schema/index.js';
import { rsyncDestinationProblem } from '../../media/rsync-destination.js';
import { InvalidRequestError, NotFoundError, nameTaken } from '../service-errors.js';

/** A target's fields as a person gives them; the recycle folder (null: the default) is kept in the options. */
export interface DeliveryTargetFields {
  name: string;
  kind: DeliveryTargetRow['kind'];
  path: string;
  libraryId: string | null;
  recycleFolder?: string | null;
}

/**
 * Delivery targets: where finished media is copied, and which library's pipeline then takes the folder.
 * A local target needs an absolute path; an rsync one a valid destination and no library (the library
 * pipeline scans the delivered folder, which must be on this machine); a named library must exist.
 */
export class DeliveryTargetService {
  private readonly targets: DeliveryTargetRepository;
  private readonly libraries: LibraryRepository;

  constructor(db: Database) {
    this.targets = new DeliveryTargetRepository(db);
    this.libraries = new LibraryRepository(db);
  }

  async create(fields: DeliveryTargetFields): Promise<DeliveryTargetRow> {
    checkTarget(fields);
    await this.checkLibrary(fields.libraryId);
    return this.targets.create(rowFields(fields, {})).catch(nameTaken(fields.name));
  }

  list(): Promise<DeliveryTargetRow[]> {
    return this.targets.list();
  }

  async get(id: string): Promise<DeliveryTargetRow> {
    const target = await this.targets.get(id);
    if (!target) throw new NotFoundError('Delivery target');
    return target;
  }

  async update(id: string, patch: Partial<DeliveryTargetFields>): Promise<DeliveryTargetRow> {
    const current = await this.get(id);
    checkTarget({ ...current, ...patch });
    await this.checkLibrary(patch.libraryId);
    const updated = await this.targets.update(id, rowFields(patch, current.options)).catch(nameTaken(patch.name ?? ''));
    return updated!;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.targets.delete(id))) throw new NotFoundError('Delivery target');
  }

  private async checkLibrary(libraryId: string | null | undefined) {
    if (libraryId && !(await this.libraries.get(libraryId))) throw new InvalidRequestError(`body.libraryId: no library ${libraryId}`);
  }
}

/** The stored row's fields: the recycle folder lives in the target's options. */
function rowFields<B extends { recycleFolder?: string | null }>(
  body: B,
  options: Record<string, unknown>,
): Omit<B, 'recycleFolder'> & { options: Record<string, unknown> } {
  const { recycleFolder, ...fields } = body;
  if (recycleFolder === undefined) return { ...fields, options };
  const { recycleFolder: _previous, ...rest } = options;
  return { ...fields, options: recycleFolder === null ? rest : { ...rest, recycleFolder } };
}

/** The rules that tie a target's fields together, checked on the target as it will be stored. */
function checkTarget(target: Pick<DeliveryTargetRow, 'kind' | 'path' | 'libraryId'>) {
  if (target.kind === 'local' && !path.isAbsolute(target.path))
    throw new InvalidRequestError('body.path: a local target needs an absolute folder path');
  if (target.kind === 'rsync') {
    const problem = rsyncDestinationProblem(target.path);
    if (problem) throw new InvalidRequestError(`body.path: ${problem}`);
    // The library pipeline scans the delivered folder, which must then be on this machine.
    if (target.libraryId) throw new InvalidRequestError('body.libraryId: only a local target can hand its folders to a library');
  }
}
