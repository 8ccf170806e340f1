export { libraryScan } from './library-scan.js';
