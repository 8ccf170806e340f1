import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApiDocument } from '../src/api/openapi/openapi-document.js';

export const API_TYPES_FILE = 'src/api/openapi/schema.ts';

const HEADER = `// The REST API's types, generated from its OpenAPI document by \`npm run openapi\`: do not edit by hand.
// The CLI and the web UI call the API through openapi-fetch with these types; a test fails when they are stale.

`;

/** The TypeScript types of every route (openapi-typescript's `paths`, `components`, `operations`). */
export async function generateApiTypes(): Promise<string> {
  const document = await buildOpenApiDocument();
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}
