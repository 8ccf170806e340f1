import { ApplicationFailure } from '@temporalio/workflow';
import { z } from 'zod';
import { INVALID_WORKFLOW_INPUT } from './failures.js';

/**
 * Workflow inputs are checked at the start of each run: anyone who can reach the Temporal frontend can start a
 * workflow with any input, and ids end up in paths, queries and qBittorrent calls. A bad input fails the run
 * at once, naming the field; nothing is retried and no activity is scheduled.
 */

/** Database ids: Postgres' gen_random_uuid(), in the canonical 8-4-4-4-12 form. */
export const uuidText = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a UUID');

/** Returns the input unchanged once it passed the schema, so that a valid run sees exactly what it was given. */
export function checkWorkflowInput<T>(workflow: string, schema: z.ZodType, input: T): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return input;
  const issue = parsed.error.issues[0]!;
  const field = ['input', ...issue.path.map(String)].join('.');
  throw ApplicationFailure.nonRetryable(`${workflow}: ${field}: ${issue.message}`, INVALID_WORKFLOW_INPUT, { field });
}

/** The ids of the library pipeline's and notifications' workflows; their other fields come from our own code. */
export const libraryIdInput = z.object({ libraryId: uuidText });
export const providerIdInput = z.object({ providerId: uuidText });
export const titleIdInput = z.object({ titleId: uuidText });
export const folderRefreshInput = z.object({
  libraryId: uuidText,
  folderPath: z.string().regex(/^\/[^\0]*$/, 'an absolute folder path'),
});
export const titleImportInput = z.object({
  libraryId: uuidText,
  scanId: uuidText,
  titles: z.array(z.object({ kind: z.enum(['movie', 'show']), titleId: uuidText })).max(1_000, 'at most 1,000 titles'),
});
