import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { maskCredentials, ProviderNameTakenError, ProviderRepository, type MaskedProvider } from '../../db/repositories/provider-repository.js';
import { CredentialsDecryptError, type CredentialsCipher } from '../../security/credentials-cipher.js';
import { credentialProblem, PROVIDER_DEFAULTS, PROVIDER_KINDS } from '../../contracts/provider-kinds.js';
import { ProviderError } from '../../providers/http/errors.js';
import type { RunLogger } from '../../providers/processing-context.js';
import { createContext, type ProviderRegistry } from '../../providers/registry.js';
import type { ProviderId } from '../../providers/types.js';
import { HttpError, notFound } from '../errors.js';
import { isoDate, toIso, uuidParams } from '../schemas.js';
import { refuseMovedCredentials } from '../stored-credentials.js';

/** What these routes need; `AppDeps` carries them. */
export interface ProviderRouteDeps {
  db: Database;
  credentialsCipher: CredentialsCipher;
  /** Kept in step with the table in this process (a worker elsewhere registers providers on their next run). */
  providerRegistry: ProviderRegistry;
}

const providerBody = z.object({
  id: z.uuid(),
  kind: z.enum(PROVIDER_KINDS),
  name: z.string(),
  enabled: z.boolean(),
  priority: z.number().int(),
  baseUrl: z.string(),
  /** Secret values as "••••" plus, for long ones, their last 4 characters; never the values themselves. */
  credentials: z.record(z.string(), z.string()),
  credentialsError: z.string().optional(),
  rateLimitPerSecond: z.number(),
  timeoutMs: z.number().int(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const writableFields = {
  name: z.string().trim().min(1, 'a non-empty name').max(200),
  enabled: z.boolean(),
  priority: z.number().int('a whole number').min(0).max(10_000),
  baseUrl: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }),
  credentials: z.record(z.string(), z.string().trim().min(1, 'a non-empty string').max(2_000)),
  rateLimitPerSecond: z.number().positive('a number of requests per second above 0').max(1_000),
  timeoutMs: z.number().int('a whole number of milliseconds').min(100).max(300_000),
};

const createBody = z
  .object({
    kind: z.enum(PROVIDER_KINDS),
    name: writableFields.name,
    enabled: writableFields.enabled.optional(),
    priority: writableFields.priority.optional(),
    baseUrl: writableFields.baseUrl.optional(),
    credentials: writableFields.credentials,
    rateLimitPerSecond: writableFields.rateLimitPerSecond.optional(),
    timeoutMs: writableFields.timeoutMs.optional(),
  })
  .strict();

// The kind cannot change: its credentials and base URL would mean nothing to another provider.
const patchBody = z.object(writableFields).partial().strict();

const testResult = z.object({ ok: z.boolean(), error: z.string().optional() });

const toDto = (provider: MaskedProvider) => ({
  id: provider.id,
  kind: provider.kind,
  name: provider.name,
  enabled: provider.enabled,
  priority: provider.priority,
  baseUrl: provider.baseUrl,
  credentials: provider.credentials,
  ...(provider.credentialsError === undefined ? {} : { credentialsError: provider.credentialsError }),
  rateLimitPerSecond: provider.rateLimitPerSecond,
  timeoutMs: provider.timeoutMs,
  createdAt: toIso(provider.createdAt)!,
  updatedAt: toIso(provider.updatedAt)!,
});

/**
 * Configured metadata providers. Credentials go in with POST/PATCH and never come back out: answers mask
 * them, and Fastify's request log does not include bodies (keep it that way).
 */
export const providerRoutes: FastifyPluginAsyncZod<ProviderRouteDeps> = async (app, deps) => {
  const providers = new ProviderRepository(deps.db, deps.credentialsCipher);
  const tags = ['providers'];

  function checkCredentials(kind: ProviderId, credentials: Record<string, string>): void {
    const problem = credentialProblem(kind, credentials);
    if (problem) throw new HttpError(400, `body.credentials.${problem.field}: ${problem.message}`);
  }

  async function masked(id: string): Promise<MaskedProvider> {
    const provider = await providers.getMasked(id);
    if (!provider) throw notFound('Provider');
    return provider;
  }

  app.get('/api/providers', { schema: { tags, summary: 'Configured providers, in the order they are asked', response: { 200: z.array(providerBody) } } }, async () =>
    (await providers.listMasked()).map(toDto),
  );

  app.get('/api/providers/:id', { schema: { tags, summary: 'One provider', params: uuidParams, response: { 200: providerBody } } }, async (request) =>
    toDto(await masked(request.params.id)),
  );

  app.post(
    '/api/providers',
    { schema: { tags, summary: 'Configure a provider; unset fields take the kind’s defaults', body: createBody, response: { 201: providerBody } } },
    async (request, reply) => {
      const { kind, credentials, ...rest } = request.body;
      checkCredentials(kind, credentials);
      const defaults = PROVIDER_DEFAULTS[kind];
      const created = await providers
        .create({
          kind,
          name: rest.name,
          enabled: rest.enabled ?? true,
          priority: rest.priority ?? 0,
          baseUrl: rest.baseUrl ?? defaults.baseUrl,
          credentials,
          rateLimitPerSecond: rest.rateLimitPerSecond ?? defaults.rateLimitPerSecond,
          timeoutMs: rest.timeoutMs ?? defaults.timeoutMs,
        })
        .catch(conflictOnName);
      deps.providerRegistry.update(created);
      return reply.code(201).send(toDto({ ...created, credentials: maskCredentials(kind, credentials) }));
    },
  );

  app.patch(
    '/api/providers/:id',
    {
      schema: {
        tags,
        summary: 'Change a provider; credentials, when given, replace the stored ones as a whole',
        params: uuidParams,
        body: patchBody,
        response: { 200: providerBody },
      },
    },
    async (request) => {
      const { id } = request.params;
      const existing = await masked(id);
      if (request.body.credentials !== undefined) checkCredentials(existing.kind, request.body.credentials);
      refuseMovedCredentials(existing, request.body);
      if (!(await providers.update(id, request.body).catch(conflictOnName))) throw notFound('Provider');
      deps.providerRegistry.update(existing);
      return toDto(await masked(id));
    },
  );

  app.delete('/api/providers/:id', { schema: { tags, summary: 'Remove a provider', params: uuidParams } }, async (request, reply) => {
    if (!(await providers.delete(request.params.id))) throw notFound('Provider');
    deps.providerRegistry.remove(request.params.id);
    return reply.code(204).send();
  });

  app.post(
    '/api/providers/:id/test',
    {
      schema: {
        tags,
        summary: 'Check the stored credentials with the provider’s cheapest authenticated call',
        description:
          '200 `{ok: true}` when the provider accepted them; 200 `{ok: false, error}` when it refused them, did not answer ' +
          'within the provider’s timeout, or the stored credentials cannot be decrypted. 404 for an unknown provider.',
        params: uuidParams,
        response: { 200: testResult },
      },
    },
    async (request) => {
      const config = await providers.get(request.params.id).catch((error: unknown) => {
        if (error instanceof CredentialsDecryptError) return error;
        throw error;
      });
      if (config instanceof CredentialsDecryptError) return { ok: false, error: config.message };
      if (!config) throw notFound('Provider');
      const processor = deps.providerRegistry.update(config);
      const context = createContext(config, runLogger(request.log));
      try {
        await processor.testCredentials(context);
        return { ok: true };
      } catch (error) {
        // The provider's answer is the result; only our own failures are errors of this request.
        if (error instanceof ProviderError) return { ok: false, error: error.message };
        throw error;
      } finally {
        context.reset();
      }
    },
  );
};

function conflictOnName(error: unknown): never {
  if (error instanceof ProviderNameTakenError) throw new HttpError(409, error.message);
  throw error;
}

function runLogger(log: FastifyBaseLogger): RunLogger {
  return {
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
  };
}
