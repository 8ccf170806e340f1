import type { paths } from '../../../src/api/openapi/schema.ts';

/** The JSON body of a 200 answer to GET `P` (from the generated API types; never written by hand). */
export type GetAnswer<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer B } } } };
}
  ? B
  : never;

/** One event, as GET /api/history and the live stream (GET /api/events) send it. */
export type ReelflowEvent = GetAnswer<'/api/history'>['events'][number];
export type EventType = ReelflowEvent['type'];
