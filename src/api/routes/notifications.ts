import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { NotificationConfigRepository, StoredNotificationConfigError } from '../../db/repositories/notification-config-repository.js';
import { TargetError } from '../../integrations/http/target-error.js';
import { NOTIFICATION_SERVICES, notificationConfigSchemas, type NotificationConfigs, type NotificationService } from '../../integrations/notification-config.js';
import { sendTestNotification } from '../../integrations/notifiers.js';
import { maskSecrets, restoreMaskedSecrets } from '../../integrations/secret-masking.js';
import { CredentialsDecryptError, type CredentialsCipher } from '../../security/credentials-cipher.js';
import { HttpError } from '../errors.js';
import { isoDate, toIso } from '../schemas.js';

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
  const configs = new NotificationConfigRepository(deps.db, deps.credentialsCipher);
  const tags = ['notifications'];

  async function setting(service: NotificationService): Promise<z.infer<typeof settingBody>> {
    const status = await configs.status(service);
    if (!status) return { service, configured: false, enabled: false, config: null, updatedAt: null };
    try {
      const stored = await configs.get(service);
      return { service, configured: true, enabled: status.enabled, config: maskSecrets(service, stored!.config) as Record<string, unknown>, updatedAt: toIso(status.updatedAt) };
    } catch (error) {
      if (!(error instanceof CredentialsDecryptError || error instanceof StoredNotificationConfigError)) throw error;
      return { service, configured: true, enabled: status.enabled, config: null, configError: error.message, updatedAt: toIso(status.updatedAt) };
    }
  }

  /** The stored config, if it can be read: masked secrets in a new config refer to it. */
  async function storedConfig(service: NotificationService): Promise<unknown> {
    return (await configs.get(service).catch(() => undefined))?.config;
  }

  /** Validates a config for `service`; every problem is named by its field under `where`. */
  async function validConfig<S extends NotificationService>(service: S, config: unknown, where: string): Promise<NotificationConfigs[S]> {
    const restored = restoreMaskedSecrets(service, config, await storedConfig(service));
    if (restored.refused.length > 0) {
      throw new HttpError(400, restored.refused.map((field) => `${where}.${field}: the stored secret was entered for another host; send it again to use it with this one`).join('; '));
    }
    const parsed = notificationConfigSchemas[service].safeParse(restored.config);
    if (!parsed.success) {
      throw new HttpError(400, parsed.error.issues.map((issue) => `${[where, ...issue.path].join('.')}: ${issue.message}`).join('; '));
    }
    return parsed.data as NotificationConfigs[S];
  }

  app.get(
    '/api/notifications',
    { schema: { tags, summary: 'Every notification service and whether it is configured', response: { 200: z.array(settingBody) } } },
    async () => Promise.all(NOTIFICATION_SERVICES.map(setting)),
  );

  app.get(
    '/api/notifications/:service',
    { schema: { tags, summary: 'One service’s config, secrets masked', params: serviceParams, response: { 200: settingBody } } },
    async (request) => setting(request.params.service),
  );

  app.put(
    '/api/notifications/:service',
    {
      schema: {
        tags,
        summary: 'Set a service’s config as a whole; unset fields take their defaults',
        description: '400 names each invalid field as `body.config.<path>`. The next notification, and the next retry of a pending one, use it.',
        params: serviceParams,
        body: putBody,
        response: { 200: settingBody },
      },
    },
    async (request) => {
      const { service } = request.params;
      const config = await validConfig(service, request.body.config, 'body.config');
      await configs.put(service, request.body.enabled, config);
      return setting(service);
    },
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
    async (request) => {
      const { service } = request.params;
      let config: NotificationConfigs[typeof service];
      if (request.body?.config !== undefined) {
        config = await validConfig(service, request.body.config, 'body.config');
      } else {
        const stored = await configs.get(service).catch((error: unknown) => {
          if (error instanceof CredentialsDecryptError || error instanceof StoredNotificationConfigError) throw new HttpError(409, error.message);
          throw error;
        });
        if (!stored) throw new HttpError(404, `Notification service "${service}" is not configured`);
        config = stored.config;
      }
      try {
        return { ok: true, answers: await sendTestNotification(service, config, new Date()) };
      } catch (error) {
        // The target's refusal is the result; only our own failures are errors of this request.
        if (error instanceof TargetError) return { ok: false, answers: [], error: error.message };
        throw error;
      }
    },
  );
};
