// Writes the REST API's TypeScript types (src/api/openapi/schema.ts) from the routes' schemas.
// Run after changing a route's request or response schema: `npm run openapi`.
import fs from 'node:fs';
import { API_TYPES_FILE, generateApiTypes } from './api-types.js';

fs.writeFileSync(API_TYPES_FILE, await generateApiTypes());
console.log(`wrote ${API_TYPES_FILE}`);
