export { libraryScan } from './library-scan.js';
export { providerFetch, providerSearch } from './provider-fetch.js';
export { notifyTitle } from './notify-title.js';
export { playerLibrarySync } from './player-library-sync.js';
