export { libraryScan } from './library-scan.js';
export { providerFetch, providerSearch, providerSeasonFetch } from './provider-fetch.js';
export { moviePipeline, showPipeline } from './title-pipeline.js';
export { folderRefresh } from './folder-refresh.js';
export { notifyTitle } from './notify-title.js';
export { playerLibrarySync } from './player-library-sync.js';
export { peopleDigest } from './people-digest.js';
export { scheduledRun } from './scheduled-run.js';
export { providerRefresh } from './provider-refresh.js';
export { maintenance } from './maintenance.js';
export { iptvSync } from './iptv-sync.js';
export { mediaRequest } from './media-request.js';
export { episodePipeline } from './episode-pipeline.js';

import type { Workflows } from '../contracts/workflows.js';
import type * as registered from './index.js';

/** Fails to compile when a workflow's signature drifts from the one callers start it by (src/contracts/workflows.ts). */
export type RegisteredWorkflows = Implements<Workflows, typeof registered>;
type Implements<Contract, Actual extends Contract> = Actual;
