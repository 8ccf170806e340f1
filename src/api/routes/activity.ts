import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActivityRepository } from '../../db/repositories/activity-repository.js';
import { ActivityService } from '../../services/activity/activity-service.js';
import type { AppDeps } from '../app-deps.js';
import { isoDate, temporalUrl } from '../schemas.js';

const itemBody = z.object({
  itemId: z.uuid(),
  requestId: z.uuid(),
  name: z.string(),
  status: z.string(),
  progress: z.number(),
  failedStep: z.string().nullable(),
  lastError: z.string().nullable(),
  release: z.string().nullable(),
  awaitingApproval: z.boolean(),
  updatedAt: isoDate,
  temporalUrl,
});

const activityBody = z.object({
  at: isoDate,
  scans: z.array(
    z.object({
      scanId: z.uuid(),
      libraryId: z.uuid(),
      libraryName: z.string(),
      startedAt: isoDate,
      directoriesTotal: z.number().int(),
      directoriesScanned: z.number().int(),
      temporalUrl,
    }),
  ),
  pipelines: z.array(z.object({ libraryId: z.uuid(), libraryName: z.string(), titles: z.number().int() })),
  items: z.object({
    counts: z.object({ active: z.number().int(), awaitingApproval: z.number().int(), failed: z.number().int() }),
    active: z.array(itemBody),
    awaitingApproval: z.array(itemBody),
    failed: z.array(itemBody),
  }),
  notifications: z.object({
    retrying: z.array(
      z.object({
        service: z.string(),
        messageId: z.string(),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        since: isoDate,
      }),
    ),
  }),
});

export const activityRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, temporalLinks }) => {
  const activity = new ActivityService(new ActivityRepository(db), temporalLinks);
  app.get(
    '/api/activity',
    {
      schema: {
        tags: ['events'],
        summary:
          'What runs now and what waits for a person: running scans, pipelines in flight, items with their progress, approvals, failures, notifications being retried',
        response: { 200: activityBody },
      },
    },
    () => activity.now(),
  );
};
