import type { FastifyPluginAsync } from 'fastify';
import { ArrLibraryService } from '../../../services/arr/arr-library-service.js';
import type { AppDeps } from '../../app-deps.js';
import { IndexerService } from '../../../services/indexers/indexer-service.js';
import { arrIndexerRoutes } from './indexer-routes.js';
import { arrLibraryRoutes } from './library-routes.js';
import { arrQueueRoutes } from './queue-routes.js';
import { ARR_API_VERSION } from './resources.js';
import { arrSystemRoutes } from './system-routes.js';

/**
 * The Radarr/Sonarr v3 API subset Overseerr, Jellyseerr and Prowlarr use (docs/arr-api.md), under /api/v3,
 * authenticated like the rest of the API (X-Api-Key or ?apikey=). One server answers as both Radarr and Sonarr.
 */
export const arrV3Routes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const library = new ArrLibraryService({
    db: deps.db,
    temporal: deps.temporal,
    taskQueue: deps.config.taskQueue,
    providerCache: deps.providerCache,
  });
  // Prowlarr sends Content-Type: application/json on every call, DELETE and GET included, with no body.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('body: not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
  // Prowlarr reads the version from this header of its indexer test.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Application-Version', ARR_API_VERSION);
  });
  await app.register(arrSystemRoutes, { library });
  await app.register(arrLibraryRoutes, { library });
  await app.register(arrQueueRoutes, { library, temporal: deps.temporal });
  await app.register(arrIndexerRoutes, { indexers: new IndexerService(deps.db, deps.credentialsCipher) });
};
