import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ScanIssueRepository } from '../../db/repositories/scan-issue-repository.js';
import { ScanRunRepository } from '../../db/repositories/scan-run-repository.js';
import type { ScanRun } from '../../db/schema/index.js';
import { scanProgressQuery, type ScanProgress } from '../../contracts/scan.js';
import type { AppDeps } from '../app.js';
import { HttpError, notFound } from '../errors.js';
import { isoDate, toIso, uuidParams } from '../schemas.js';

const counters = {
  directoriesTotal: z.number().int(),
  directoriesScanned: z.number().int(),
  titlesFound: z.number().int(),
  titlesNew: z.number().int(),
  titlesUpdated: z.number().int(),
  titlesRemoved: z.number().int(),
  assetsCached: z.number().int(),
  errors: z.number().int(),
};

const scanBody = z.object({
  id: z.uuid(),
  libraryId: z.uuid(),
  workflowId: z.string(),
  status: z.enum(['running', 'completed', 'failed', 'cancelled']),
  /** The workflow's current phase while it runs (live, from a query). */
  phase: z.string().nullable(),
  startedAt: isoDate,
  finishedAt: isoDate.nullable(),
  errorMessage: z.string().nullable(),
  ...counters,
});

export const scanRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, temporal }) => {
  const scanRuns = new ScanRunRepository(db);
  const issues = new ScanIssueRepository(db);

  app.get(
    '/api/scans/:id',
    { schema: { tags: ['scans'], summary: 'A scan with its counters (live while it runs)', params: uuidParams, response: { 200: scanBody } } },
    async (request) => {
      const run = await scanRuns.get(request.params.id);
      if (!run) throw notFound('Scan');
      const live = run.status === 'running' ? await liveProgress(run) : undefined;
      return toDto(run, live);
    },
  );

  app.get(
    '/api/scans/:id/issues',
    {
      schema: {
        tags: ['scans'],
        summary: 'What the scan could not use, and why (unreadable folders, symlink loops, malformed files)',
        params: uuidParams,
        response: { 200: z.array(z.object({ path: z.string(), reason: z.string(), folderKey: z.string().nullable() })) },
      },
    },
    async (request) => {
      if (!(await scanRuns.get(request.params.id))) throw notFound('Scan');
      const rows = await issues.listForScan(request.params.id);
      return rows.map((r) => ({ path: r.path, reason: r.reason, folderKey: r.folderKey }));
    },
  );

  app.post(
    '/api/scans/:id/cancel',
    {
      schema: {
        tags: ['scans'],
        summary: 'Cancel a running scan; folders already scanned stay scanned',
        params: uuidParams,
        response: { 202: z.object({ id: z.uuid(), cancelRequested: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      const run = await scanRuns.get(request.params.id);
      if (!run) throw notFound('Scan');
      if (run.status !== 'running') throw new HttpError(409, `Scan ${run.id} is ${run.status}, not running`);
      await temporal.workflow.getHandle(run.workflowId).cancel();
      return reply.code(202).send({ id: run.id, cancelRequested: true as const });
    },
  );

  /** The running workflow's own counters; the row may lag a batch behind. Undefined if it cannot answer. */
  async function liveProgress(run: ScanRun): Promise<ScanProgress | undefined> {
    try {
      // Bounded: with no worker polling, a query would otherwise wait for the RPC's own long timeout.
      const progress = await temporal.connection.withDeadline(Date.now() + 2_000, () =>
        temporal.workflow.getHandle(run.workflowId).query(scanProgressQuery),
      );
      return progress.scanId === run.id ? progress : undefined;
    } catch {
      return undefined;
    }
  }
};

function toDto(run: ScanRun, live: ScanProgress | undefined) {
  const source = live ?? run;
  return {
    id: run.id,
    libraryId: run.libraryId,
    workflowId: run.workflowId,
    status: run.status,
    phase: live?.phase ?? null,
    startedAt: toIso(run.startedAt)!,
    finishedAt: toIso(run.finishedAt),
    errorMessage: run.errorMessage,
    directoriesTotal: source.directoriesTotal,
    directoriesScanned: source.directoriesScanned,
    titlesFound: source.titlesFound,
    titlesNew: source.titlesNew,
    titlesUpdated: source.titlesUpdated,
    titlesRemoved: source.titlesRemoved,
    assetsCached: source.assetsCached,
    errors: source.errors,
  };
}
