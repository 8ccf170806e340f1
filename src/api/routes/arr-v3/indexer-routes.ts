import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError } from '../../../services/service-errors.js';
import type { IndexerService, IndexerView } from '../../../services/indexers/indexer-service.js';
import { notFound } from '../../errors.js';
import { emptyBody, indexerResourceBody, refusalBody } from './response-schemas.js';

/**
 * Radarr's and Sonarr's indexer resource, as Prowlarr's application sync reads and writes it
 * (Prowlarr: Applications/Radarr/RadarrV3Proxy.cs, Radarr.cs BuildRadarrIndexer). Prowlarr takes the
 * Newznab and Torznab schemas, fills baseUrl/apiPath/apiKey/categories and the seed fields, and keeps the
 * id Reelflow answers. Reelflow searches torrents only: a Newznab indexer is refused.
 */

const MASK = '********';

type Field = {
  order: number;
  name: string;
  label: string;
  value?: unknown;
  type: string;
  advanced: boolean;
  privacy?: string;
};

const torznabFields = (): Field[] => [
  { order: 0, name: 'baseUrl', label: 'URL', type: 'textbox', advanced: false },
  { order: 1, name: 'apiPath', label: 'API Path', value: '/api', type: 'textbox', advanced: true },
  { order: 2, name: 'apiKey', label: 'API Key', type: 'textbox', advanced: false, privacy: 'apiKey' },
  { order: 3, name: 'categories', label: 'Categories', value: [2000, 5000], type: 'select', advanced: false },
  { order: 4, name: 'additionalParameters', label: 'Additional Parameters', type: 'textbox', advanced: true },
  { order: 5, name: 'multiLanguages', label: 'Multi Languages', value: [], type: 'select', advanced: true },
  { order: 6, name: 'removeYear', label: 'Remove year from search string', value: false, type: 'checkbox', advanced: true },
  { order: 7, name: 'minimumSeeders', label: 'Minimum Seeders', value: 1, type: 'number', advanced: true },
  { order: 8, name: 'seedCriteria.seedRatio', label: 'Seed Ratio', type: 'textbox', advanced: true },
  { order: 9, name: 'seedCriteria.seedTime', label: 'Seed Time', type: 'number', advanced: true },
  { order: 10, name: 'requiredFlags', label: 'Required Flags', value: [], type: 'select', advanced: true },
  {
    order: 11,
    name: 'rejectBlocklistedTorrentHashesWhileGrabbing',
    label: 'Reject Blocklisted Torrent Hashes While Grabbing',
    value: false,
    type: 'checkbox',
    advanced: true,
  },
];

const newznabFields = (): Field[] =>
  torznabFields().filter((f) =>
    ['baseUrl', 'apiPath', 'apiKey', 'categories', 'additionalParameters', 'multiLanguages', 'removeYear'].includes(f.name),
  );

const schemaResource = (implementation: 'Torznab' | 'Newznab') => ({
  id: 0,
  name: '',
  enableRss: true,
  enableAutomaticSearch: true,
  enableInteractiveSearch: true,
  supportsRss: true,
  supportsSearch: true,
  protocol: implementation === 'Torznab' ? 'torrent' : 'usenet',
  priority: 25,
  downloadClientId: 0,
  implementation,
  implementationName: implementation,
  configContract: `${implementation}Settings`,
  infoLink: `https://wiki.servarr.com/radarr/supported#${implementation.toLowerCase()}`,
  tags: [],
  fields: implementation === 'Torznab' ? torznabFields() : newznabFields(),
  presets: [],
});

/** Splits a stored endpoint into Radarr's baseUrl + apiPath, unless Prowlarr's own values were kept. */
function urlFields(view: IndexerView): { baseUrl: string; apiPath: string } {
  const kept = (name: string) => view.extraFields.find((f) => f.name === name)?.value;
  const baseUrl = kept('baseUrl');
  const apiPath = kept('apiPath');
  if (typeof baseUrl === 'string' && typeof apiPath === 'string') return { baseUrl, apiPath };
  const url = new URL(view.url);
  const match = /^(.*?)(\/api)\/?$/.exec(url.pathname);
  return match ? { baseUrl: `${url.origin}${match[1]}/`, apiPath: match[2]! } : { baseUrl: view.url, apiPath: '' };
}

function indexerResource(view: IndexerView) {
  const { baseUrl, apiPath } = urlFields(view);
  const values: Record<string, unknown> = {
    ...Object.fromEntries(view.extraFields.map((f) => [f.name, f.value])),
    baseUrl,
    apiPath,
    apiKey: view.hasApiKey ? MASK : '',
    categories: view.categories,
  };
  return {
    ...schemaResource('Torznab'),
    id: view.id,
    name: view.name,
    enableRss: view.enabled,
    enableAutomaticSearch: view.enabled,
    enableInteractiveSearch: view.enabled,
    priority: view.priority,
    fields: torznabFields().map((f) => ({ ...f, value: f.name in values ? values[f.name] : f.value })),
  };
}

const resourceBody = z.looseObject({
  id: z.number().int().optional(),
  name: z.string().trim().min(1).max(200),
  implementation: z.string(),
  enableRss: z.boolean().default(true),
  enableAutomaticSearch: z.boolean().default(true),
  enableInteractiveSearch: z.boolean().default(true),
  priority: z.number().int().min(1).max(50).default(25),
  fields: z.array(z.looseObject({ name: z.string(), value: z.unknown().optional() })).default([]),
});
type ResourceBody = z.infer<typeof resourceBody>;

const idParams = z.object({ id: z.coerce.number().int().positive() });
const validationFailure = (propertyName: string, errorMessage: string) => [
  { propertyName, errorMessage, severity: 'error', isWarning: false },
];

/** What a resource sets, in IndexerService's terms; a validation failure names the field as Radarr would. */
function changesOf(body: ResourceBody):
  | {
      ok: true;
      url: string;
      apiKey?: string;
      categories: number[];
      rest: { name: string; priority: number; enabled: boolean; extraFields: { name: string; value: unknown }[] };
    }
  | { ok: false; failure: ReturnType<typeof validationFailure> } {
  if (body.implementation !== 'Torznab')
    return {
      ok: false,
      failure: validationFailure(
        'Implementation',
        `Reelflow searches torrent indexers only (Torznab); "${body.implementation}" is not supported`,
      ),
    };
  const value = (name: string) => body.fields.find((f) => f.name === name)?.value;
  const baseUrl = value('baseUrl');
  if (typeof baseUrl !== 'string' || !baseUrl.trim()) return { ok: false, failure: validationFailure('BaseUrl', 'URL is required') };
  const apiPath = typeof value('apiPath') === 'string' ? (value('apiPath') as string) : '/api';
  const url = `${baseUrl.replace(/\/+$/, '')}/${apiPath.replace(/^\/+/, '')}`.replace(/\/+$/, '');
  const apiKey = value('apiKey');
  const categories = value('categories');
  const extraFields = body.fields
    .filter((f) => !['apiKey', 'categories'].includes(f.name))
    .map((f) => ({ name: f.name, value: f.value ?? null }));
  return {
    ok: true,
    url,
    ...(typeof apiKey === 'string' && apiKey !== MASK ? { apiKey } : {}),
    categories: Array.isArray(categories) ? categories.filter((c): c is number => Number.isInteger(c)) : [2000, 5000],
    rest: {
      name: body.name,
      priority: body.priority,
      enabled: body.enableRss || body.enableAutomaticSearch || body.enableInteractiveSearch,
      extraFields,
    },
  };
}

/** indexer, indexer/schema, indexer/test: what Prowlarr's Radarr and Sonarr applications call. */
export const arrIndexerRoutes: FastifyPluginAsyncZod<{ indexers: IndexerService }> = async (app, { indexers }) => {
  const tags = ['arr-v3'];

  app.get(
    '/api/v3/indexer/schema',
    {
      schema: {
        tags,
        summary: 'Indexer schemas (Newznab and Torznab), as Prowlarr reads them',
        response: { 200: z.array(indexerResourceBody) },
      },
    },
    async () => [schemaResource('Newznab'), schemaResource('Torznab')],
  );
  app.get(
    '/api/v3/indexer',
    { schema: { tags, summary: 'Indexers as Radarr/Sonarr indexer resources', response: { 200: z.array(indexerResourceBody) } } },
    async () => (await indexers.list()).map(indexerResource),
  );
  app.get(
    '/api/v3/indexer/:id',
    { schema: { tags, summary: 'One indexer', params: idParams, response: { 200: indexerResourceBody } } },
    async (request) => {
      const found = await indexers.get(request.params.id);
      if (!found) throw notFound('Indexer');
      return indexerResource(found);
    },
  );

  app.post(
    '/api/v3/indexer',
    {
      schema: {
        tags,
        summary: 'Add a Torznab indexer (Prowlarr sync)',
        body: resourceBody,
        response: { 201: indexerResourceBody, 400: refusalBody },
      },
    },
    async (request, reply) => {
      const changes = changesOf(request.body);
      if (!changes.ok) return reply.code(400).send(changes.failure);
      try {
        const created = await indexers.create(
          { ...changes.rest, url: changes.url, apiKey: changes.apiKey, categories: changes.categories, managedBy: 'prowlarr' },
          'body.fields.baseUrl',
        );
        return reply.code(201).send(indexerResource(created));
      } catch (error) {
        if (error instanceof ConflictError) return reply.code(400).send(validationFailure('Name', error.message));
        throw error;
      }
    },
  );

  app.put(
    '/api/v3/indexer/:id',
    {
      schema: {
        tags,
        summary: 'Update an indexer (Prowlarr sync); a masked apiKey keeps the stored one',
        params: idParams,
        body: resourceBody,
        response: { 202: indexerResourceBody, 400: refusalBody },
      },
    },
    async (request, reply) => {
      const changes = changesOf(request.body);
      if (!changes.ok) return reply.code(400).send(changes.failure);
      const updated = await indexers.update(
        request.params.id,
        {
          ...changes.rest,
          url: changes.url,
          categories: changes.categories,
          ...(changes.apiKey !== undefined ? { apiKey: changes.apiKey } : {}),
        },
        'body.fields.baseUrl',
      );
      if (!updated) throw notFound('Indexer');
      return reply.code(202).send(indexerResource(updated));
    },
  );

  app.delete(
    '/api/v3/indexer/:id',
    { schema: { tags, summary: 'Remove an indexer (Prowlarr sync)', params: idParams, response: { 200: emptyBody } } },
    async (request) => {
      if (!(await indexers.delete(request.params.id))) throw notFound('Indexer');
      return {};
    },
  );

  // Prowlarr's application test posts a Newznab indexer pointing at itself and reads X-Application-Version;
  // a Torznab indexer is asked for its caps, as Radarr would.
  app.post(
    '/api/v3/indexer/test',
    { schema: { tags, summary: 'Test an indexer before adding it', body: resourceBody, response: { 200: emptyBody, 400: refusalBody } } },
    async (request, reply) => {
      if (request.body.implementation === 'Newznab') return {};
      const changes = changesOf(request.body);
      if (!changes.ok) return reply.code(400).send(changes.failure);
      const result = await indexers.testUnsaved(changes.url, changes.apiKey, 'body.fields.baseUrl');
      return result.ok ? {} : reply.code(400).send(validationFailure('BaseUrl', `Unable to connect to indexer: ${result.error}`));
    },
  );
};
