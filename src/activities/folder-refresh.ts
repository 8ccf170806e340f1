import path from 'node:path';
import { ApplicationFailure } from '@temporalio/activity';
import { z } from 'zod';
import type { PhaseConfigService } from '../config/phase-config-service.js';
import type { Database } from '../db/client.js';
import { LibraryFolderRepository } from '../db/repositories/library-folder-repository.js';
import { LibraryRepository } from '../db/repositories/library-repository.js';
import { StoredScanRepository } from '../db/repositories/stored-scan-repository.js';
import { withArrIdentification } from '../library/arr-identification.js';
import { ScannedTitleWriter } from '../library/scanned-title-writer.js';
import type { TitlePipelineStarter } from '../library/temporal-title-pipeline-starter.js';
import type { ContentStore } from '../media/content-store.js';
import { discoverTitleFolder } from '../media/discovery/index.js';
import { scanTitleFolder } from '../media/title-scan/index.js';
import type { FolderRefreshInput, RefreshedFolder } from '../contracts/folder-refresh.js';
import type { PipelineTitleKind } from '../contracts/title-pipeline.js';
import { heartbeatWhile } from './heartbeat-while.js';
import {
  FOLDER_OUTSIDE_LIBRARY,
  INVALID_FOLDER_REFRESH_INPUT,
  LIBRARY_NOT_FOUND,
  UNSUPPORTED_LIBRARY_KIND,
} from '../contracts/failures.js';

export interface FolderRefreshActivityDeps {
  db: Database;
  phaseConfig: PhaseConfigService;
  contentStore: ContentStore;
  pipelines: TitlePipelineStarter;
}

/** folderRefresh is started by type name from elsewhere (the request pipeline's delivery): its input is checked here. */
const refreshInput = z.object({
  libraryId: z.uuid(),
  folderPath: z
    .string()
    .min(1)
    .refine((p) => path.isAbsolute(p), 'an absolute path'),
  reason: z.string().min(1).max(500),
  arrIds: z
    .object({
      tmdb: z.number().int().positive().optional(),
      imdb: z
        .string()
        .regex(/^tt\d+$/)
        .optional(),
      tvdb: z.number().int().positive().optional(),
    })
    .optional(),
  scanId: z.uuid(),
});

/** Activities of folderRefresh: one folder scanned exactly as a library scan would, then its pipeline started. */
export function createFolderRefreshActivities({ db, phaseConfig, contentStore, pipelines }: FolderRefreshActivityDeps) {
  const libraries = new LibraryRepository(db);
  const folders = new LibraryFolderRepository(db);
  const storedScans = new StoredScanRepository(db);
  const writer = new ScannedTitleWriter(db, contentStore);

  return {
    /**
     * Discovers and scans one title folder and saves it; a folder that is gone (or holds no video any more)
     * has its title marked removed. `scanId` is the refresh's own id, so its issues are found like a scan's.
     */
    async scanOneFolder(rawInput: FolderRefreshInput & { scanId: string }): Promise<RefreshedFolder> {
      // From the first statement: waiting for a database connection under load must not look like a dead worker.
      return heartbeatWhile(() => refreshFolder(rawInput));
    },

    /**
     * Hands the folder's change to its title's pipeline at a person's priority (a webhook is someone waiting).
     * Idempotent: retried after the pipeline published the change, it starts nothing.
     */
    async startTitlePipeline(input: { kind: PipelineTitleKind; titleId: string; reason: string }): Promise<{ workflowId: string }> {
      const ensured = await pipelines.ensure({ kind: input.kind, titleId: input.titleId, priority: 'user', reason: input.reason });
      return { workflowId: ensured.workflowId };
    },
  };

  async function refreshFolder(rawInput: FolderRefreshInput & { scanId: string }): Promise<RefreshedFolder> {
    const parsed = refreshInput.safeParse(rawInput);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => `input.${i.path.join('.')}: ${i.message}`).join('; ');
      throw ApplicationFailure.nonRetryable(`folderRefresh: ${reason}`, INVALID_FOLDER_REFRESH_INPUT);
    }
    const input = parsed.data;
    const library = await libraries.get(input.libraryId);
    if (!library) throw ApplicationFailure.nonRetryable(`Library ${input.libraryId} does not exist`, LIBRARY_NOT_FOUND);
    if (library.kind === 'music')
      throw ApplicationFailure.nonRetryable(`Library "${library.name}" is a music library`, UNSUPPORTED_LIBRARY_KIND);
    const scanConfig = await phaseConfig.get('scan');
    let discovered;
    try {
      discovered = await discoverTitleFolder(library.rootPath, library.kind, input.folderPath, scanConfig);
    } catch (err) {
      throw ApplicationFailure.nonRetryable((err as Error).message, FOLDER_OUTSIDE_LIBRARY);
    }
    if (!discovered) {
      const key = path.relative(path.resolve(library.rootPath), path.resolve(input.folderPath)).split(path.sep).join('/');
      return { outcome: 'removed', titlesRemoved: await folders.markFolderRemoved(library.id, key, input.scanId) };
    }
    const folder = await folders.recordOne(library.id, input.scanId, discovered);
    // An import of one episode changes the folder of a show; its other files keep what the last scan read.
    const stored = await storedScans.ofFolder(folder);
    const scanned = await scanTitleFolder({ ...folder }, { scanConfig, stored });
    scanned.identification = withArrIdentification(scanned.identification, input.arrIds);
    const saved = await writer.saveFolder(library.id, input.scanId, folder, scanned);
    return { outcome: 'scanned', kind: saved.entityType, titleId: saved.entityId, isNew: saved.isNew, fileErrors: saved.fileErrors };
  }
}

export type FolderRefreshActivities = ReturnType<typeof createFolderRefreshActivities>;
