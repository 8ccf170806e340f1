import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { NOTIFICATION_SERVICES } from '../../integrations/notification-config.js';
import type { CredentialsCipher } from '../../security/credentials-cipher.js';
import { NotificationSettingsService } from '../../services/notifications/notification-settings-service.js';
import { isoDate } from '../schemas.js';

/** What these routes need; `AppDeps` carries them. */
export interface NotificationRouteDeps {
  db: Database;
  credentialsCipher: CredentialsCipher;
}

const serviceParams = z.object({ service: z.enum(NOTIFICATION_SERVICES) });

const settingBody = z.object({
  service: z.enum(NOTIFICATION_SERVICES),
  configured: z.boolean(),
  enabled: z.boolean(),
  /** Secrets masked as "••••" (plus the last 4 characters of long ones); null when not configured or unreadable. */
  config: z.record(z.string(), z.unknown()).nullable(),
  /** Why the stored config cannot be read (another secret key, a hand-edited row); PUT a new one to fix it. */
  configError: z.string().optional(),
  updatedAt: isoDate.nullable(),
});

const putBody = z
  .object({
    enabled: z.boolean().default(true),
    /** The service's whole config; secrets sent back masked as GET showed them keep their stored values. */
    config: z.record(z.string(), z.unknown()),
  })
  .strict();

const testBody = z
  .object({
    /** Test this config instead of the stored one (nothing is saved). */
    config: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  // No body at all reaches the validator as null.
  .nullish();

const testResult = z.object({
  ok: z.boolean(),
  /** What the target answered, one line per host or message. */
  answers: z.array(z.string()),
  error: z.string().optional(),
});

/**
 * Notification services (Kodi, Jellyfin, Plex, Discord, Pushover, e-mail): one config per service. Configs
 * go in whole with PUT and come back with secrets masked; POST …/test sends a real test notification.
 */
export const notificationRoutes: FastifyPluginAsyncZod<NotificationRouteDeps> = async (app, deps) => {
  const settings = new NotificationSettingsService(deps.db, deps.credentialsCipher);
  const tags = ['notifications'];

  app.get(
    '/api/notifications',
    { schema: { tags, summary: 'Every notification service and whether it is configured', response: { 200: z.array(settingBody) } } },
    async () => settings.list(),
  );

  app.get(
    '/api/notifications/:service',
    { schema: { tags, summary: 'One service’s config, secrets masked', params: serviceParams, response: { 200: settingBody } } },
    async (request) => settings.get(request.params.service),
  );

  app.put(
    '/api/notifications/:service',
    {
      schema: {
        tags,
        summary: 'Set a service’s config as a whole; unset fields take their defaults',
        description:
          '400 names each invalid field as `body.config.<path>`. The next notification, and the next retry of a pending one, use it.',
        params: serviceParams,
        body: putBody,
        response: { 200: settingBody },
      },
    },
    async (request) => settings.put(request.params.service, request.body.enabled, request.body.config),
  );

  app.post(
    '/api/notifications/:service/test',
    {
      schema: {
        tags,
        summary: 'Send a real test notification and answer with what the target said',
        description:
          'Players get a harmless call that proves URL and credentials (Kodi JSONRPC.Ping on every host, Jellyfin /System/Info, ' +
          'Plex /library/sections); Discord, Pushover and e-mail get a test message. 200 `{ok: false, error}` when the target ' +
          'refused or could not be reached; 404 when the service is not configured and no config is given.',
        params: serviceParams,
        body: testBody,
        response: { 200: testResult },
      },
    },
    async (request) => settings.test(request.params.service, request.body?.config),
  );
};
