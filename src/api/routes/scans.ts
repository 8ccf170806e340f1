import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scanRunStatuses, scanSortKeys } from '../../db/repositories/scan-run-repository.js';
import { ScanService, type ScanView } from '../../services/libraries/scan-service.js';
import type { TemporalLinks } from '../../services/temporal-links.js';
import type { AppDeps } from '../app-deps.js';
import { oneOrMore, pageBody, pagingQuery } from '../paging.js';
import { isoDate, temporalUrl, toIso, uuidParams } from '../schemas.js';

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
  /** The scan's first run (its id is the scan's); the UI links each run to the one it continued as. */
  temporalUrl,
  status: z.enum(scanRunStatuses),
  /** The workflow's current phase while it runs (live, from a query; null in lists). */
  phase: z.string().nullable(),
  startedAt: isoDate,
  finishedAt: isoDate.nullable(),
  errorMessage: z.string().nullable(),
  ...counters,
});

/** A scan in a list: the detail's fields with counters as last saved, and its library's name. */
const scanRowBody = scanBody.extend({ libraryName: z.string() });

const scanFilters = {
  status: oneOrMore(scanRunStatuses).optional(),
  ...pagingQuery(scanSortKeys, 'startedAt'),
};
const scanListQuery = z.object({ libraryId: z.uuid('a library id in UUID form').optional(), ...scanFilters }).strict();
const libraryScanListQuery = z.object(scanFilters).strict();
const scanPageBody = pageBody(scanSortKeys, scanRowBody);

export const scanRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, temporal, temporalLinks }) => {
  const scans = new ScanService(db, temporal);

  app.get(
    '/api/scans',
    {
      schema: {
        tags: ['scans'],
        summary: 'Scans of every library, newest first; filtered by library and status',
        querystring: scanListQuery,
        response: { 200: scanPageBody },
      },
    },
    async (request) => {
      const { libraryId, status, ...paging } = request.query;
      const page = await scans.list({ libraryId, statuses: status }, paging);
      return { ...paging, totalRecords: page.totalRecords, records: page.records.map((record) => toRowDto(record, temporalLinks)) };
    },
  );

  app.get(
    '/api/libraries/:id/scans',
    {
      schema: {
        tags: ['scans'],
        summary: "One library's scans, newest first; filtered by status",
        params: uuidParams,
        querystring: libraryScanListQuery,
        response: { 200: scanPageBody },
      },
    },
    async (request) => {
      const { status, ...paging } = request.query;
      const page = await scans.listForLibrary(request.params.id, { statuses: status }, paging);
      return { ...paging, totalRecords: page.totalRecords, records: page.records.map((record) => toRowDto(record, temporalLinks)) };
    },
  );

  app.get(
    '/api/scans/:id',
    {
      schema: {
        tags: ['scans'],
        summary: 'A scan with its counters (live while it runs)',
        params: uuidParams,
        response: { 200: scanBody },
      },
    },
    async (request) => toDto(await scans.get(request.params.id), temporalLinks),
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
    async (request) => (await scans.issuesOf(request.params.id)).map((r) => ({ path: r.path, reason: r.reason, folderKey: r.folderKey })),
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
      const run = await scans.cancel(request.params.id);
      return reply.code(202).send({ id: run.id, cancelRequested: true as const });
    },
  );
};

function toDto({ run, live }: ScanView, links: TemporalLinks) {
  const source = live ?? run;
  return {
    id: run.id,
    libraryId: run.libraryId,
    workflowId: run.workflowId,
    temporalUrl: links.workflow(run.workflowId, run.id),
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

const toRowDto = ({ run, libraryName }: { run: ScanView['run']; libraryName: string }, links: TemporalLinks) => ({
  ...toDto({ run }, links),
  libraryName,
});
