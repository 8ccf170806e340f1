export { libraryScan } from './library-scan.js';
export { providerFetch, providerSearch } from './provider-fetch.js';
export { mediaRequest } from './media-request.js';
export { episodePipeline } from './episode-pipeline.js';
