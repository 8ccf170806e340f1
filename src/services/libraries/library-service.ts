import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Database } from '../../db/client.js';
import { LibraryRepository, type NewLibrary } from '../../db/repositories/library-repository.js';
import { ScanRunRepository } from '../../db/repositories/scan-run-repository.js';
import type { Library } from '../../db/schema/index.js';
import { checkLibraryRoot } from '../../media/library-root.js';
import type { ScheduleService } from '../../schedules/schedule-service.js';
import { libraryScanWorkflowId } from '../../contracts/scan.js';
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError } from '../service-errors.js';
import { startLibraryScan, type StartedScan } from './start-library-scan.js';

export interface LibraryServiceDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
  /** MEDIA_ROOTS: the folders a library root must lie in. */
  mediaRoots: string[];
  /** Each library has a scan schedule, kept in step with it. */
  schedules: ScheduleService;
}

/**
 * Libraries and their scans. A library's root must be a readable folder inside MEDIA_ROOTS that no other
 * library has; creating, changing or deleting a library keeps its scan schedule in step, and deleting one
 * stops its running scan (files on disk are never touched).
 */
export class LibraryService {
  private readonly libraries: LibraryRepository;
  private readonly scanRuns: ScanRunRepository;

  constructor(private readonly deps: LibraryServiceDeps) {
    this.libraries = new LibraryRepository(deps.db);
    this.scanRuns = new ScanRunRepository(deps.db);
  }

  async create(input: NewLibrary): Promise<Library> {
    const rootPath = await this.validatedRoot(input.rootPath);
    const library = await this.libraries.create({ ...input, rootPath });
    await this.deps.schedules.syncOne(this.deps.schedules.ids.libraryScan(library.id));
    return library;
  }

  list(): Promise<Library[]> {
    return this.libraries.list();
  }

  async get(id: string): Promise<Library> {
    const library = await this.libraries.get(id);
    if (!library) throw new NotFoundError('Library');
    return library;
  }

  /** Renames a library or moves its root. */
  async update(id: string, patch: Partial<Pick<NewLibrary, 'name' | 'rootPath'>>): Promise<Library> {
    await this.get(id);
    const checked = { ...patch };
    if (checked.rootPath !== undefined) checked.rootPath = await this.validatedRoot(checked.rootPath, id);
    const library = await this.libraries.update(id, checked);
    if (!library) throw new NotFoundError('Library');
    await this.deps.schedules.syncOne(this.deps.schedules.ids.libraryScan(library.id));
    return library;
  }

  async remove(id: string): Promise<void> {
    await this.get(id);
    await this.deps.schedules.remove(this.deps.schedules.ids.libraryScan(id));
    // A scan of a library that no longer exists has nothing left to do.
    await this.deps.temporal.workflow
      .getHandle(libraryScanWorkflowId(id))
      .cancel()
      .catch((err: unknown) => {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      });
    await this.libraries.delete(id);
  }

  /** Starts a scan, or answers with the one already running. */
  async scan(id: string): Promise<StartedScan> {
    const library = await this.get(id);
    const scan = await startLibraryScan(this.deps.temporal, this.deps.taskQueue, library.id);
    // Recorded now so GET /api/scans/:id answers before a worker picks the workflow up; the workflow's
    // own (idempotent) insert finds it there.
    if (!scan.alreadyRunning) await this.scanRuns.begin({ id: scan.scanId, libraryId: library.id, workflowId: scan.workflowId });
    return scan;
  }

  /** 400 for a path that is not a readable folder, 403 outside MEDIA_ROOTS, 409 when another library has it. */
  private async validatedRoot(rootPath: string, exceptId?: string): Promise<string> {
    const checked = await checkLibraryRoot(rootPath, this.deps.mediaRoots);
    if ('kind' in checked)
      throw checked.kind === 'forbidden' ? new ForbiddenError(checked.reason) : new InvalidRequestError(checked.reason);
    const existing = await this.libraries.findByRootPath(rootPath);
    if (existing && existing.id !== exceptId)
      throw new ConflictError(`rootPath "${rootPath}" already belongs to library "${existing.name}"`);
    return rootPath;
  }
}
