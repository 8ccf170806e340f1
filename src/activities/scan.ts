import { ApplicationFailure } from '@temporalio/activity';
import type { PhaseConfigService } from '../config/phase-config-service.js';
import type { Database } from '../db/client.js';
import { LibraryRepository } from '../db/repositories/library-repository.js';
import { ScanRunRepository, type ScanRunCounters, type ScanRunStatus } from '../db/repositories/scan-run-repository.js';
import { discoverLibrary } from '../media/discovery/index.js';

export interface ScanActivityDeps {
  db: Database;
  phaseConfig: PhaseConfigService;
}

/** Activities of the scan phase: thin adapters from workflow inputs to repositories and media code. */
export function createScanActivities({ db, phaseConfig }: ScanActivityDeps) {
  const libraries = new LibraryRepository(db);
  const scanRuns = new ScanRunRepository(db);

  async function requireLibrary(libraryId: string) {
    const library = await libraries.get(libraryId);
    if (!library) throw ApplicationFailure.nonRetryable(`Library ${libraryId} does not exist`, 'LibraryNotFound');
    return library;
  }

  return {
    async beginScanRun(input: { scanId: string; libraryId: string; workflowId: string }): Promise<void> {
      await requireLibrary(input.libraryId);
      await scanRuns.begin({ id: input.scanId, libraryId: input.libraryId, workflowId: input.workflowId });
    },

    async discoverLibraryFolders(input: { scanId: string; libraryId: string }): Promise<{ directoriesTotal: number; issues: number }> {
      const library = await requireLibrary(input.libraryId);
      const scanConfig = await phaseConfig.get('scan');
      const kind = library.kind === 'tv' ? 'tv' : 'movie';
      const result = await discoverLibrary(library.rootPath, kind, scanConfig);
      return { directoriesTotal: result.titles.length, issues: result.issues.length };
    },

    async saveScanCounters(input: { scanId: string; counters: ScanRunCounters }): Promise<void> {
      await scanRuns.saveCounters(input.scanId, input.counters);
    },

    async finishScanRun(input: {
      scanId: string;
      status: Exclude<ScanRunStatus, 'running'>;
      counters: ScanRunCounters;
      errorMessage?: string;
    }): Promise<void> {
      await scanRuns.finish(input.scanId, input.status, input.counters, input.errorMessage);
    },
  };
}

export type ScanActivities = ReturnType<typeof createScanActivities>;
