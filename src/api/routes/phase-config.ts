import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PhaseConfigService } from '../../config/phase-config-service.js';
import { isPhaseName, phaseNames, phaseSchemas } from '../../config/phase-config.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../errors.js';

const allPhases = z.object(phaseSchemas);

/**
 * Phase configuration: GET all or one phase, PATCH one phase with a typed partial body (unknown keys and
 * wrong types are a 400 naming the field, and nothing is written), reset everything to defaults.
 */
export const phaseConfigRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const service = new PhaseConfigService(db);
  const tags = ['phase-config'];

  app.get('/api/phase-config', { schema: { tags, summary: 'All phases', response: { 200: allPhases } } }, () => service.getAll());

  app.post(
    '/api/phase-config/reset',
    { schema: { tags, summary: 'Reset every phase to its defaults', response: { 200: allPhases } } },
    () => service.reset(),
  );

  app.get(
    '/api/phase-config/:phase',
    {
      schema: {
        tags,
        summary: 'One phase',
        params: z.object({ phase: z.string() }),
        // The phase's own schema is on its PATCH route; here any phase, each setting by name.
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (request) => {
      const { phase } = request.params;
      if (!isPhaseName(phase)) throw unknownPhase(phase);
      return service.get(phase);
    },
  );

  // One PATCH route per phase, so each body is validated (and documented) against that phase's schema.
  for (const phase of phaseNames) {
    const schema = phaseSchemas[phase];
    app.patch(
      `/api/phase-config/${phase}`,
      { schema: { tags, summary: `Update ${phase} settings`, body: schema.partial().strict(), response: { 200: schema } } },
      (request) => service.update(phase, request.body),
    );
  }

  app.patch('/api/phase-config/:phase', { schema: { hide: true, params: z.object({ phase: z.string() }) } }, async (request) => {
    throw unknownPhase(request.params.phase);
  });
};

function unknownPhase(phase: string) {
  return new HttpError(404, `Unknown phase "${phase}"; expected one of ${phaseNames.join(', ')}`);
}
