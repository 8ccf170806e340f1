import { ApplicationFailure } from '@temporalio/workflow';
import { z } from 'zod';
import { INVALID_WORKFLOW_INPUT } from './failures.js';

/**
 * Workflow inputs are checked at the start of each run: anyone who can reach the Temporal frontend can start a
 * workflow with any input, and ids end up in paths, queries and qBittorrent calls. A bad input fails the run
 * at once, naming the field; nothing is retried and no activity is scheduled.
 */

/**
 * A schema built the first time it is asked for. The worker evaluates the workflow bundle's modules afresh for
 * every run (each run has its own module instances), so a schema built at module level would be built again by
 * every run of every workflow type, checked or not: zod's building is most of a run's start-up CPU. Built
 * lazily, a run builds only the schema of the input it checks.
 */
export function lazySchema<T extends z.ZodType>(build: () => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build());
}

/** Database ids: Postgres' gen_random_uuid(), in the canonical 8-4-4-4-12 form. A builder, for lazy schemas. */
export const uuidText = () => z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a UUID');

/** Returns the input unchanged once it passed the schema, so that a valid run sees exactly what it was given. */
export function checkWorkflowInput<T>(workflow: string, schema: () => z.ZodType, input: T): T {
  const parsed = schema().safeParse(input);
  if (parsed.success) return input;
  const issue = parsed.error.issues[0]!;
  const field = ['input', ...issue.path.map(String)].join('.');
  throw ApplicationFailure.nonRetryable(`${workflow}: ${field}: ${issue.message}`, INVALID_WORKFLOW_INPUT, { field });
}

/** The ids of the library pipeline's and notifications' workflows; their other fields come from our own code. */
export const libraryIdInput = lazySchema(() => z.object({ libraryId: uuidText() }));
export const providerIdInput = lazySchema(() => z.object({ providerId: uuidText() }));
export const titleIdInput = lazySchema(() => z.object({ titleId: uuidText() }));
export const folderRefreshInput = lazySchema(() =>
  z.object({
    libraryId: uuidText(),
    folderPath: z.string().regex(/^\/[^\0]*$/, 'an absolute folder path'),
  }),
);
export const titleImportInput = lazySchema(() =>
  z.object({
    libraryId: uuidText(),
    scanId: uuidText(),
    titles: z.array(z.object({ kind: z.enum(['movie', 'show']), titleId: uuidText() })).max(1_000, 'at most 1,000 titles'),
  }),
);
