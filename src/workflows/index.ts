export { libraryScan } from './library-scan.js';
export { providerFetch, providerSearch } from './provider-fetch.js';
export { notifyTitle } from './notify-title.js';
export { playerLibrarySync } from './player-library-sync.js';
export { scheduledRun } from './scheduled-run.js';
export { providerRefresh } from './provider-refresh.js';
export { maintenance } from './maintenance.js';
export { iptvSync } from './iptv-sync.js';
