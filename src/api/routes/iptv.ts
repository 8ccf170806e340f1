import type { Client } from '@temporalio/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { iptvKinds, type ProviderTitleRow } from '../../db/schema/index.js';
import type { CredentialsCipher } from '../../security/credentials-cipher.js';
import type { ProviderRegistry } from '../../providers/registry.js';
import type { ScheduleService } from '../../schedules/schedule-service.js';
import { iptvSyncSortKeys, iptvSyncStatuses } from '../../db/repositories/iptv-sync-run-repository.js';
import { IptvProviderService, type IptvProviderView } from '../../services/iptv/iptv-provider-service.js';
import { IptvSyncService } from '../../services/iptv/iptv-sync-service.js';
import { oneOrMore, pageBody, pagingQuery } from '../paging.js';
import type { TemporalLinks } from '../../services/temporal-links.js';
import { isoDate, temporalUrl, toIso, uuidParams } from '../schemas.js';

export interface IptvRouteDeps {
  db: Database;
  temporal: Client;
  config: { taskQueue: string };
  credentialsCipher: CredentialsCipher;
  providerRegistry: ProviderRegistry;
  schedules: ScheduleService;
  temporalLinks: TemporalLinks;
}

const categories = z.object({ movies: z.boolean(), tvshows: z.boolean() }).strict();
const cleanupRule = z.object({ pattern: z.string().min(1, 'a regular expression').max(500), replacement: z.string().max(200) }).strict();

const writable = {
  name: z.string().trim().min(1, 'a non-empty name').max(200),
  enabled: z.boolean(),
  baseUrl: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }),
  credentials: z.record(z.string(), z.string().trim().min(1, 'a non-empty string').max(2_000)),
  categories,
  nameCleanup: z.array(cleanupRule).max(100),
  maxConcurrent: z.number().int('a whole number').min(1).max(64),
  rateLimitRequests: z.number().int('a whole number').min(1).max(10_000),
  rateLimitWindowMs: z.number().int('a whole number of milliseconds').min(100).max(3_600_000),
  timeoutMs: z.number().int('a whole number of milliseconds').min(100).max(300_000),
  syncIntervalSeconds: z
    .number()
    .int('a whole number of seconds')
    .min(300, 'at least 300 seconds')
    .max(30 * 24 * 3600),
};

const createBody = z
  .object({ kind: z.enum(iptvKinds), ...writable })
  .partial()
  .required({ kind: true, name: true, baseUrl: true })
  .strict();
const patchBody = z.object(writable).partial().strict();

const providerBody = z.object({
  id: z.uuid(),
  kind: z.enum(iptvKinds),
  name: z.string(),
  enabled: z.boolean(),
  baseUrl: z.string(),
  credentials: z.record(z.string(), z.string()),
  credentialsError: z.string().optional(),
  categories,
  nameCleanup: z.array(cleanupRule),
  maxConcurrent: z.number().int(),
  rateLimitRequests: z.number().int(),
  rateLimitWindowMs: z.number().int(),
  timeoutMs: z.number().int(),
  syncIntervalSeconds: z.number().int(),
  scheduleId: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const titleBody = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  titleKey: z.string(),
  type: z.enum(['movie', 'tv']),
  name: z.string(),
  cleanedTitle: z.string(),
  year: z.number().int().nullable(),
  category: z.string().nullable(),
  tmdbId: z.number().int().nullable(),
  matchedBy: z.string().nullable(),
  matchedTitle: z.string().nullable(),
  matchState: z.enum(['pending', 'matched', 'ignored']),
  ignored: z.boolean(),
  ignoredReason: z.string().nullable(),
  lastError: z.string().nullable(),
  /** A movie's stream, or a show's streams per episode key (`S01-E01`). Stream URLs carry the account's credentials. */
  streams: z.object({ movie: z.string().optional(), episodes: z.record(z.string(), z.string()).optional() }),
  updatedAt: isoDate,
});

const titlesQuery = z
  .object({
    provider: z.uuid('an IPTV provider id').optional(),
    type: z.enum(['movie', 'tv']).optional(),
    ignored: z.enum(['true', 'false'], 'true or false').optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(50_000_000).default(0),
  })
  .strict();

const changeBody = z.object({
  syncId: z.string(),
  titleKey: z.string(),
  name: z.string(),
  type: z.enum(['movie', 'tv']),
  change: z.enum(['added', 'removed']),
  at: isoDate,
});

const syncBody = z.object({
  /** The sync id: the first run id of its workflow chain (POST …/sync answers it). */
  id: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  workflowId: z.string(),
  /** The sync's first run in the Temporal Web UI. */
  temporalUrl,
  status: z.enum(iptvSyncStatuses),
  /** The workflow's phase when it last wrote the row: fetching, matching, monitoring, completed, failed, cancelled. */
  phase: z.string(),
  listed: z.number().int(),
  malformed: z.number().int(),
  toMatch: z.number().int(),
  matched: z.number().int(),
  ignored: z.number().int(),
  matchErrors: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  errorMessage: z.string().nullable(),
  startedAt: isoDate,
  finishedAt: isoDate.nullable(),
  updatedAt: isoDate,
});

const syncListQuery = z
  .object({
    providerId: z.uuid('an IPTV provider id in UUID form').optional(),
    status: oneOrMore(iptvSyncStatuses).optional(),
    ...pagingQuery(iptvSyncSortKeys, 'startedAt'),
  })
  .strict();

/**
 * IPTV providers (Xtream Codes panels, M3U playlists), their synced catalogues and what each sync changed.
 * Creating, changing or deleting a provider updates its processor in the registry and its schedule.
 */
export const iptvRoutes: FastifyPluginAsyncZod<IptvRouteDeps> = async (app, deps) => {
  const iptv = new IptvProviderService({
    db: deps.db,
    temporal: deps.temporal,
    taskQueue: deps.config.taskQueue,
    credentialsCipher: deps.credentialsCipher,
    providerRegistry: deps.providerRegistry,
    schedules: deps.schedules,
  });
  const syncs = new IptvSyncService(deps.db);
  const tags = ['iptv'];

  app.get(
    '/api/iptv/syncs',
    {
      schema: {
        tags,
        summary: 'IPTV syncs of every provider, newest first, with their counters; filtered by provider and status',
        querystring: syncListQuery,
        response: { 200: pageBody(iptvSyncSortKeys, syncBody) },
      },
    },
    async (request) => {
      const { providerId, status, ...paging } = request.query;
      const page = await syncs.list({ providerId, statuses: status }, paging);
      return {
        ...paging,
        totalRecords: page.totalRecords,
        records: page.records.map(({ run, providerName }) => ({
          ...run,
          providerName,
          temporalUrl: deps.temporalLinks.workflow(run.workflowId, run.id),
          startedAt: toIso(run.startedAt)!,
          finishedAt: toIso(run.finishedAt),
          updatedAt: toIso(run.updatedAt)!,
        })),
      };
    },
  );

  app.get('/api/iptv/providers', { schema: { tags, summary: 'IPTV providers', response: { 200: z.array(providerBody) } } }, async () =>
    (await iptv.list()).map(providerDto),
  );

  app.get(
    '/api/iptv/providers/:id',
    { schema: { tags, summary: 'One IPTV provider', params: uuidParams, response: { 200: providerBody } } },
    async (request) => providerDto(await iptv.get(request.params.id)),
  );

  app.post(
    '/api/iptv/providers',
    {
      schema: {
        tags,
        summary: 'Add an IPTV provider; its sync is scheduled at its interval (default 6 h)',
        body: createBody,
        response: { 201: providerBody },
      },
    },
    async (request, reply) => reply.code(201).send(providerDto(await iptv.create(request.body))),
  );

  app.patch(
    '/api/iptv/providers/:id',
    {
      schema: {
        tags,
        summary: 'Change an IPTV provider; applies to its next sync and to its schedule',
        params: uuidParams,
        body: patchBody,
        response: { 200: providerBody },
      },
    },
    async (request) => providerDto(await iptv.update(request.params.id, request.body)),
  );

  app.delete(
    '/api/iptv/providers/:id',
    {
      schema: {
        tags,
        summary: 'Remove an IPTV provider, its catalogue and its schedule',
        params: uuidParams,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (request, reply) => {
      await iptv.remove(request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/iptv/providers/:id/sync',
    {
      schema: {
        tags,
        summary: 'Sync the catalogue now, or return the sync already running',
        params: uuidParams,
        response: { 202: z.object({ syncId: z.string(), workflowId: z.string(), temporalUrl, alreadyRunning: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const sync = await iptv.sync(request.params.id);
      return reply.code(202).send({ ...sync, temporalUrl: deps.temporalLinks.workflow(sync.workflowId, sync.syncId) });
    },
  );

  app.get(
    '/api/iptv/providers/:id/changes',
    {
      schema: {
        tags,
        summary: 'Titles added and removed by the provider’s syncs, newest first',
        params: uuidParams,
        querystring: z.object({ syncId: z.string().optional(), limit: z.coerce.number().int().min(1).max(1_000).default(200) }).strict(),
        response: { 200: z.array(changeBody) },
      },
    },
    async (request) => {
      const rows = await iptv.changes(request.params.id, request.query.limit, request.query.syncId);
      return rows.map((row) => ({
        syncId: row.syncId,
        titleKey: row.titleKey,
        name: row.name,
        type: row.type,
        change: row.change,
        at: toIso(row.createdAt)!,
      }));
    },
  );

  app.get(
    '/api/iptv/titles',
    {
      schema: {
        tags,
        summary: 'Catalogue titles as last synced: filter by provider, type and ignored',
        querystring: titlesQuery,
        response: { 200: z.object({ total: z.number().int(), items: z.array(titleBody) }) },
      },
    },
    async (request) => {
      const { provider, type, ignored, limit, offset } = request.query;
      const page = await iptv.titlesPage({
        providerId: provider,
        type,
        ...(ignored !== undefined ? { ignored: ignored === 'true' } : {}),
        limit,
        offset,
      });
      return { total: page.total, items: page.items.map(titleDto) };
    },
  );
};

function providerDto(provider: IptvProviderView) {
  return { ...provider, createdAt: toIso(provider.createdAt)!, updatedAt: toIso(provider.updatedAt)! };
}

function titleDto(row: ProviderTitleRow) {
  return {
    id: row.id,
    providerId: row.providerId,
    titleKey: row.titleKey,
    type: row.type,
    name: row.name,
    cleanedTitle: row.cleanedTitle,
    year: row.year,
    category: row.category,
    tmdbId: row.tmdbId,
    matchedBy: row.matchedBy,
    matchedTitle: row.matchedTitle,
    matchState: row.matchState,
    ignored: row.ignored,
    ignoredReason: row.ignoredReason,
    lastError: row.lastError,
    streams: row.streams,
    updatedAt: toIso(row.updatedAt)!,
  };
}
