import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { IptvProviderNameTakenError, IptvProviderRepository, maskIptvCredentials, type MaskedIptvProvider } from '../../db/repositories/iptv-provider-repository.js';
import { ProviderTitleRepository } from '../../db/repositories/provider-title-repository.js';
import { iptvKinds, type ProviderTitleRow } from '../../db/schema/index.js';
import type { CredentialsCipher } from '../../security/credentials-cipher.js';
import { IPTV_DEFAULTS, iptvCredentialProblem, nameCleanupProblem, type IptvKind } from '../../contracts/iptv-providers.js';
import type { ProviderRegistry } from '../../providers/registry.js';
import type { ScheduleService } from '../../schedules/schedule-service.js';
import { iptvSyncWorkflowId } from '../../contracts/iptv.js';
import { HttpError, notFound } from '../errors.js';
import { refuseMovedCredentials } from '../stored-credentials.js';
import { isoDate, toIso, uuidParams } from '../schemas.js';
import { startIptvSync } from '../services/start-iptv-sync.js';

export interface IptvRouteDeps {
  db: Database;
  temporal: Client;
  config: { taskQueue: string };
  credentialsCipher: CredentialsCipher;
  providerRegistry: ProviderRegistry;
  schedules: ScheduleService;
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
  syncIntervalSeconds: z.number().int('a whole number of seconds').min(300, 'at least 300 seconds').max(30 * 24 * 3600),
};

const createBody = z.object({ kind: z.enum(iptvKinds), ...writable }).partial().required({ kind: true, name: true, baseUrl: true }).strict();
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

const changeBody = z.object({ syncId: z.string(), titleKey: z.string(), name: z.string(), type: z.enum(['movie', 'tv']), change: z.enum(['added', 'removed']), at: isoDate });

/**
 * IPTV providers (Xtream Codes panels, M3U playlists), their synced catalogues and what each sync changed.
 * Creating, changing or deleting a provider updates its processor in the registry and its schedule.
 */
export const iptvRoutes: FastifyPluginAsyncZod<IptvRouteDeps> = async (app, deps) => {
  const providers = new IptvProviderRepository(deps.db, deps.credentialsCipher);
  const titles = new ProviderTitleRepository(deps.db);
  const tags = ['iptv'];

  const toDto = (provider: MaskedIptvProvider) => ({
    ...provider,
    scheduleId: deps.schedules.ids.iptvSync(provider.id),
    createdAt: toIso(provider.createdAt)!,
    updatedAt: toIso(provider.updatedAt)!,
  });

  async function masked(id: string): Promise<MaskedIptvProvider> {
    const provider = await providers.getMasked(id);
    if (!provider) throw notFound('IPTV provider');
    return provider;
  }

  function check(kind: IptvKind, body: { credentials?: Record<string, string>; nameCleanup?: { pattern: string; replacement: string }[] }): void {
    if (body.credentials !== undefined) {
      const problem = iptvCredentialProblem(kind, body.credentials);
      if (problem) throw new HttpError(400, `body.credentials.${problem.field}: ${problem.message}`);
    }
    if (body.nameCleanup !== undefined) {
      const problem = nameCleanupProblem(body.nameCleanup);
      if (problem) throw new HttpError(400, `body.nameCleanup.${problem.index}.pattern: ${problem.message}`);
    }
  }

  app.get('/api/iptv/providers', { schema: { tags, summary: 'IPTV providers', response: { 200: z.array(providerBody) } } }, async () =>
    (await providers.listMasked()).map(toDto),
  );

  app.get('/api/iptv/providers/:id', { schema: { tags, summary: 'One IPTV provider', params: uuidParams, response: { 200: providerBody } } }, async (request) =>
    toDto(await masked(request.params.id)),
  );

  app.post(
    '/api/iptv/providers',
    { schema: { tags, summary: 'Add an IPTV provider; its sync is scheduled at its interval (default 6 h)', body: createBody, response: { 201: providerBody } } },
    async (request, reply) => {
      const body = request.body;
      const credentials = body.credentials ?? {};
      check(body.kind, { credentials, ...(body.nameCleanup ? { nameCleanup: body.nameCleanup } : {}) });
      const created = await providers
        .create({
          kind: body.kind,
          name: body.name,
          enabled: body.enabled ?? true,
          baseUrl: body.baseUrl,
          credentials,
          categories: body.categories ?? IPTV_DEFAULTS.categories,
          nameCleanup: body.nameCleanup ?? [],
          maxConcurrent: body.maxConcurrent ?? IPTV_DEFAULTS.maxConcurrent,
          rateLimitRequests: body.rateLimitRequests ?? IPTV_DEFAULTS.rateLimitRequests,
          rateLimitWindowMs: body.rateLimitWindowMs ?? IPTV_DEFAULTS.rateLimitWindowMs,
          timeoutMs: body.timeoutMs ?? IPTV_DEFAULTS.timeoutMs,
          syncIntervalSeconds: body.syncIntervalSeconds ?? IPTV_DEFAULTS.syncIntervalSeconds,
        })
        .catch(conflictOnName);
      deps.providerRegistry.updateIptv(created);
      await deps.schedules.syncOne(deps.schedules.ids.iptvSync(created.id));
      return reply.code(201).send(toDto({ ...created, credentials: maskIptvCredentials(created.kind, credentials) }));
    },
  );

  app.patch(
    '/api/iptv/providers/:id',
    { schema: { tags, summary: 'Change an IPTV provider; applies to its next sync and to its schedule', params: uuidParams, body: patchBody, response: { 200: providerBody } } },
    async (request) => {
      const existing = await masked(request.params.id);
      check(existing.kind, request.body);
      refuseMovedCredentials(existing, request.body);
      if (!(await providers.update(existing.id, request.body).catch(conflictOnName))) throw notFound('IPTV provider');
      deps.providerRegistry.updateIptv(existing);
      await deps.schedules.syncOne(deps.schedules.ids.iptvSync(existing.id));
      return toDto(await masked(existing.id));
    },
  );

  app.delete('/api/iptv/providers/:id', { schema: { tags, summary: 'Remove an IPTV provider, its catalogue and its schedule', params: uuidParams } }, async (request, reply) => {
    const { id } = request.params;
    if (!(await providers.exists(id))) throw notFound('IPTV provider');
    await deps.schedules.remove(deps.schedules.ids.iptvSync(id));
    // A sync of a provider that no longer exists has nothing left to do; should it write before the
    // cancellation lands, its activities find the provider gone and end the run as 'provider-deleted'.
    await deps.temporal.workflow
      .getHandle(iptvSyncWorkflowId(id))
      .cancel()
      .catch((err: unknown) => {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      });
    await providers.delete(id);
    deps.providerRegistry.removeIptv(id);
    return reply.code(204).send();
  });

  app.post(
    '/api/iptv/providers/:id/sync',
    {
      schema: {
        tags,
        summary: 'Sync the catalogue now, or return the sync already running',
        params: uuidParams,
        response: { 202: z.object({ syncId: z.string(), workflowId: z.string(), alreadyRunning: z.boolean() }) },
      },
    },
    async (request, reply) => {
      if (!(await providers.exists(request.params.id))) throw notFound('IPTV provider');
      return reply.code(202).send(await startIptvSync(deps.temporal, deps.config.taskQueue, request.params.id));
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
      if (!(await providers.exists(request.params.id))) throw notFound('IPTV provider');
      const rows = await titles.changes(request.params.id, request.query.limit, request.query.syncId);
      return rows.map((row) => ({ syncId: row.syncId, titleKey: row.titleKey, name: row.name, type: row.type, change: row.change, at: toIso(row.createdAt)! }));
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
      const page = await titles.list({ providerId: provider, type, ...(ignored !== undefined ? { ignored: ignored === 'true' } : {}), limit, offset });
      return { total: page.total, items: page.items.map(titleDto) };
    },
  );
};

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

function conflictOnName(error: unknown): never {
  if (error instanceof IptvProviderNameTakenError) throw new HttpError(409, error.message);
  throw error;
}
