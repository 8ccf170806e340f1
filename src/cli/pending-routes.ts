import type { paths } from '../api/openapi/schema.js';

/**
 * Routes the command line uses that src/api/openapi/schema.ts does not describe yet, in the shape
 * `npm run openapi` writes, kept to the fields the commands read. Once the routes exist and the types are
 * regenerated, the commands use `paths` for them and this file goes.
 */
type RequestRecord = paths['/api/requests/{id}']['get']['responses'][200]['content']['application/json'];
type ItemDecision = paths['/api/items/{id}/approve']['post']['responses'][200]['content']['application/json'];

export interface ListEnvelope<T> {
  page: number;
  pageSize: number;
  sortKey: string;
  sortDirection: 'ascending' | 'descending';
  totalRecords: number;
  records: T[];
}

export interface PendingPaths {
  '/api/requests': {
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          sortKey?: string;
          sortDirection?: string;
          status?: string;
          type?: string;
          q?: string;
        };
      };
      responses: { 200: { content: { 'application/json': ListEnvelope<RequestRecord> } } };
    };
  };
  '/api/items/{id}/select-release': {
    post: {
      parameters: { path: { id: string } };
      requestBody: { content: { 'application/json': { guid: string } } };
      responses: { 200: { content: { 'application/json': ItemDecision } } };
    };
  };
}
