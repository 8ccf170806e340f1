import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidScheduleError, UnknownScheduleError, type ScheduleService } from '../../schedules/schedule-service.js';
import type { TemporalLinks } from '../../services/temporal-links.js';
import { HttpError } from '../errors.js';
import { temporalUrl } from '../schemas.js';

export interface ScheduleRouteDeps {
  schedules: ScheduleService;
  temporalLinks: TemporalLinks;
}

const scheduleBody = z.object({
  id: z.string(),
  kind: z.enum(['provider-refresh', 'library-scan', 'maintenance', 'iptv-sync']),
  targetId: z.string().nullable(),
  description: z.string(),
  workflowType: z.string(),
  /** The business-key id each run's work gets (`scan/<libraryId>`, `iptv-sync/<providerId>`…). */
  workflowId: z.string(),
  /** The latest run of that id in the Web UI (a trigger's run starts a moment later). */
  temporalUrl,
  intervalSeconds: z.number().int().nullable(),
  cron: z.string().nullable(),
  paused: z.boolean(),
  /** True when a person's edit is laid over the configured timing or paused state. */
  edited: z.boolean(),
  nextRunAt: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  running: z.boolean(),
  actionsTaken: z.number().int(),
  skippedOverlap: z.number().int(),
});

// Schedule ids contain slashes ("schedule/library-scan/<id>"); in a path they are URL-encoded.
const idParams = z.object({ id: z.string().min(1) });

const patchBody = z
  .object({
    intervalSeconds: z
      .number()
      .int('a whole number of seconds')
      .min(60, 'at least 60 seconds')
      .max(366 * 24 * 3600)
      .optional(),
    cron: z.string().trim().min(1, 'a cron expression, e.g. "0 3 * * *"').max(200).optional(),
    paused: z.boolean().optional(),
  })
  .strict()
  .refine((body) => !(body.intervalSeconds !== undefined && body.cron !== undefined), {
    message: 'intervalSeconds or cron, not both',
    path: ['cron'],
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change: give intervalSeconds, cron or paused' });

/** Temporal Schedules of every periodic job: listed with the server's view, edited, triggered. */
export const scheduleRoutes: FastifyPluginAsyncZod<ScheduleRouteDeps> = async (app, { schedules, temporalLinks }) => {
  const tags = ['schedules'];
  const withLink = <T extends { workflowId: string }>(schedule: T) => ({
    ...schedule,
    temporalUrl: temporalLinks.workflow(schedule.workflowId),
  });

  app.get(
    '/api/schedules',
    { schema: { tags, summary: 'Every schedule, with its next and last run', response: { 200: z.array(scheduleBody) } } },
    async () => (await schedules.list()).map(withLink),
  );

  app.get(
    '/api/schedules/:id',
    { schema: { tags, summary: 'One schedule (id URL-encoded)', params: idParams, response: { 200: scheduleBody } } },
    async (request) => withLink(await schedules.get(request.params.id).catch(asHttpError)),
  );

  app.patch(
    '/api/schedules/:id',
    {
      schema: {
        tags,
        summary: 'Change a schedule’s interval or cron (UTC), or pause/resume it; kept across restarts',
        params: idParams,
        body: patchBody,
        response: { 200: scheduleBody },
      },
    },
    async (request) => withLink(await schedules.patch(request.params.id, request.body).catch(asHttpError)),
  );

  app.post(
    '/api/schedules/:id/trigger',
    {
      schema: {
        tags,
        summary: 'Run the schedule’s work now; nothing happens if it is already running (overlap SKIP)',
        params: idParams,
        response: { 202: scheduleBody },
      },
    },
    async (request, reply) => reply.code(202).send(withLink(await schedules.trigger(request.params.id).catch(asHttpError))),
  );
};

function asHttpError(err: unknown): never {
  if (err instanceof UnknownScheduleError) throw new HttpError(404, 'Schedule not found');
  if (err instanceof InvalidScheduleError) throw new HttpError(400, `body.cron: the Temporal server refused it: ${err.message}`);
  throw err;
}
