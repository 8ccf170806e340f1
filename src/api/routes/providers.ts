import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import type { MaskedProvider } from '../../db/repositories/provider-repository.js';
import type { CredentialsCipher } from '../../security/credentials-cipher.js';
import { PROVIDER_KINDS } from '../../contracts/provider-kinds.js';
import type { RunLogger } from '../../providers/processing-context.js';
import type { ProviderRegistry } from '../../providers/registry.js';
import { MetadataProviderService } from '../../services/providers/metadata-provider-service.js';
import { isoDate, toIso, uuidParams } from '../schemas.js';

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
  const providers = new MetadataProviderService(deps);
  const tags = ['providers'];

  app.get(
    '/api/providers',
    { schema: { tags, summary: 'Configured providers, in the order they are asked', response: { 200: z.array(providerBody) } } },
    async () => (await providers.list()).map(toDto),
  );

  app.get(
    '/api/providers/:id',
    { schema: { tags, summary: 'One provider', params: uuidParams, response: { 200: providerBody } } },
    async (request) => toDto(await providers.get(request.params.id)),
  );

  app.post(
    '/api/providers',
    {
      schema: {
        tags,
        summary: 'Configure a provider; unset fields take the kind’s defaults',
        body: createBody,
        response: { 201: providerBody },
      },
    },
    async (request, reply) => reply.code(201).send(toDto(await providers.create(request.body))),
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
    async (request) => toDto(await providers.update(request.params.id, request.body)),
  );

  app.delete(
    '/api/providers/:id',
    { schema: { tags, summary: 'Remove a provider', params: uuidParams, response: { 204: z.null().describe('Deleted') } } },
    async (request, reply) => {
      await providers.remove(request.params.id);
      return reply.code(204).send(null);
    },
  );

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
    async (request) => providers.testCredentials(request.params.id, runLogger(request.log)),
  );
};

function runLogger(log: FastifyBaseLogger): RunLogger {
  return {
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
  };
}
