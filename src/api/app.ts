import fastifyCookie from '@fastify/cookie';
import { createProviderCache } from '../cache/create-provider-cache.js';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { CacheMetrics } from '../cache/cache-metrics.js';
import { apiKeyAuth } from './auth.js';
import { EventRepository } from '../db/repositories/event-repository.js';
import { EventHub } from '../events/event-hub.js';
import { eventRoutes } from './routes/events.js';
import { calendarRoutes } from './routes/calendar.js';
import { activityRoutes } from './routes/activity.js';
import { withRedaction } from './logging.js';
import { pacedProviderRegistry } from '../providers/paced-registry.js';
import { providerRoutes } from './routes/providers.js';
import { metricsRoutes } from './routes/metrics.js';
import { providerCacheRoutes } from './routes/provider-cache.js';
import { arrV3Routes } from './routes/arr-v3/index.js';
import { indexerRoutes } from './routes/indexers.js';
import { errorHandler } from './errors.js';
import { refuseUnstorableInput } from './input-guard.js';
import { healthRoutes } from './routes/health.js';
import { libraryRoutes } from './routes/libraries.js';
import { notificationRoutes } from './routes/notifications.js';
import { phaseConfigRoutes } from './routes/phase-config.js';
import { scanRoutes } from './routes/scans.js';
import { episodeRoutes, movieRoutes, showRoutes } from './routes/titles.js';
import { ScheduleService } from '../schedules/schedule-service.js';
import { scheduleRoutes } from './routes/schedules.js';
import { iptvRoutes } from './routes/iptv.js';
import { TemporalTitlePipelineStarter } from '../library/temporal-title-pipeline-starter.js';
import { pathMappingRoutes } from './routes/path-mappings.js';
import { moviePipelineRoutes, showPipelineRoutes } from './routes/title-pipeline.js';
import { webhookRoutes } from './routes/webhooks.js';
import { deliveryTargetRoutes } from './routes/delivery-targets.js';
import { itemRoutes } from './routes/items.js';
import { blocklistRoutes } from './routes/blocklist.js';
import { qualityProfileRoutes } from './routes/quality-profiles.js';
import { requestRoutes } from './routes/requests.js';
import { sessionRoutes } from './routes/session.js';
import { libraryTitleRoutes } from './routes/library-titles.js';
import { SessionService } from '../services/session/session-service.js';
import { DEFAULT_WEB_ROOT, registerWebUi } from './web-ui.js';

import { devServerUiUrl } from '../config/env.js';
import { TemporalLinks } from '../services/temporal-links.js';
import type { AppDeps, AppInput } from './app-deps.js';

export type { AppDeps, AppInput };

/** The Fastify app, ready but not listening: `npm run api` listens, tests use `app.inject()`. */
export async function build(input: AppInput, logger: FastifyServerOptions['logger'] = false): Promise<FastifyInstance> {
  const app = Fastify({ logger: withRedaction(logger) }).withTypeProvider<ZodTypeProvider>();
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics, prefix: 'reelflow_' });
  const providerCache = createProviderCache(
    { db: input.db, temporal: input.temporal, taskQueue: input.config.taskQueue },
    { metrics: new CacheMetrics(metrics), logger: app.log },
  );
  const schedules = new ScheduleService({
    temporal: input.temporal,
    db: input.db,
    credentialsCipher: input.credentialsCipher,
    taskQueue: input.config.taskQueue,
  });
  const eventHub = new EventHub(input.sql, new EventRepository(input.db));
  app.addHook('onClose', () => eventHub.stop());
  const deps: AppDeps = {
    ...input,
    eventHub,
    providerCache,
    metrics,
    // The API's provider requests (testing credentials, matching) are a person's, on the same schedules.
    providerRegistry: input.providerRegistry ?? pacedProviderRegistry(input.db),
    schedules,
    titlePipelines: new TemporalTitlePipelineStarter(input.temporal, input.config.taskQueue, input.db),
    temporalLinks: new TemporalLinks({
      baseUrl: input.config.temporalUiUrl ?? devServerUiUrl(),
      namespace: input.config.temporalNamespace ?? 'default',
    }),
  };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('preValidation', refuseUnstorableInput);
  // JSON 404s for the API, index.html for the web UI's pages (web-ui.ts).
  await registerWebUi(app, input.webRoot ?? DEFAULT_WEB_ROOT);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Reelflow API', version: '0.1.0', description: 'Media library automation on Temporal.' },
      components: {
        securitySchemes: {
          apiKey: { type: 'apiKey', name: 'X-Api-Key', in: 'header' },
          apiKeyQuery: { type: 'apiKey', name: 'apikey', in: 'query' },
        },
      },
      security: [{ apiKey: [] }, { apiKeyQuery: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  const sessions = new SessionService(deps.apiKey);
  await app.register(fastifyCookie);
  await app.register(apiKeyAuth, { apiKey: deps.apiKey, metricsAuth: input.config.metricsAuth ?? 'key', sessions });
  await app.register(sessionRoutes, { ...deps, sessions });

  await app.register(healthRoutes, deps);
  await app.register(phaseConfigRoutes, deps);
  await app.register(libraryRoutes, deps);
  await app.register(libraryTitleRoutes, deps);
  await app.register(scanRoutes, deps);
  await app.register(movieRoutes, deps);
  await app.register(showRoutes, deps);
  await app.register(episodeRoutes, deps);
  await app.register(providerCacheRoutes, deps);
  await app.register(metricsRoutes, deps);
  await app.register(providerRoutes, deps);
  await app.register(notificationRoutes, deps);
  await app.register(scheduleRoutes, deps);
  await app.register(iptvRoutes, deps);
  await app.register(moviePipelineRoutes, deps);
  await app.register(showPipelineRoutes, deps);
  await app.register(pathMappingRoutes, deps);
  await app.register(webhookRoutes, deps);
  await app.register(qualityProfileRoutes, deps);
  await app.register(deliveryTargetRoutes, deps);
  await app.register(requestRoutes, deps);
  await app.register(itemRoutes, deps);
  await app.register(blocklistRoutes, deps);
  await app.register(indexerRoutes, deps);
  await app.register(arrV3Routes, deps);
  await app.register(eventRoutes, deps);
  await app.register(calendarRoutes, deps);
  await app.register(activityRoutes, deps);
  return app;
}
