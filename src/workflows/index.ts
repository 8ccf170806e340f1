export { libraryScan } from './library-scan.js';
export { providerFetch, providerSearch } from './provider-fetch.js';
export { moviePipeline, showPipeline } from './title-pipeline.js';
export { folderRefresh } from './folder-refresh.js';
export { notifyTitle } from './notify-title.js';
export { playerLibrarySync } from './player-library-sync.js';
