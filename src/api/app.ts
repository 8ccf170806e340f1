import type { Client } from '@temporalio/client';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from '../config/env.js';
import type { Database, Sql } from '../db/client.js';
import { apiKeyAuth } from './auth.js';
import { errorHandler } from './errors.js';
import { healthRoutes } from './routes/health.js';
import { libraryRoutes } from './routes/libraries.js';
import { phaseConfigRoutes } from './routes/phase-config.js';
import { scanRoutes } from './routes/scans.js';
import { episodeRoutes, movieRoutes, showRoutes } from './routes/titles.js';

export interface AppDeps {
  config: Pick<AppConfig, 'taskQueue' | 'mediaRoots'>;
  apiKey: string;
  db: Database;
  sql: Sql;
  temporal: Client;
}

/** The Fastify app, ready but not listening: `npm run api` listens, tests use `app.inject()`. */
export async function build(deps: AppDeps, logger: FastifyServerOptions['logger'] = false): Promise<FastifyInstance> {
  const app = Fastify({ logger }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No route ${request.method} ${request.url.split('?')[0]}` }),
  );

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Reelflow API', version: '0.1.0', description: 'Media library automation on Temporal.' },
      components: { securitySchemes: { apiKey: { type: 'apiKey', name: 'X-Api-Key', in: 'header' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  await app.register(apiKeyAuth, { apiKey: deps.apiKey });

  await app.register(healthRoutes, deps);
  await app.register(phaseConfigRoutes, deps);
  await app.register(libraryRoutes, deps);
  await app.register(scanRoutes, deps);
  await app.register(movieRoutes, deps);
  await app.register(showRoutes, deps);
  await app.register(episodeRoutes, deps);
  return app;
}
