export { libraryScan } from './library-scan.js';
export { providerFetch, providerSearch } from './provider-fetch.js';
