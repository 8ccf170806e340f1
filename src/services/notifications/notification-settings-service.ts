import type { Database } from '../../db/client.js';
import { NotificationConfigRepository, StoredNotificationConfigError } from '../../db/repositories/notification-config-repository.js';
import { TargetError } from '../../integrations/http/target-error.js';
import {
  NOTIFICATION_SERVICES,
  notificationConfigSchemas,
  type NotificationConfigs,
  type NotificationService,
} from '../../integrations/notification-config.js';
import { sendTestNotification } from '../../integrations/notifiers.js';
import { maskSecrets, restoreMaskedSecrets } from '../../integrations/secret-masking.js';
import { CredentialsDecryptError, type CredentialsCipher } from '../../security/credentials-cipher.js';
import { ConflictError, InvalidRequestError, NotFoundError } from '../service-errors.js';

/** A service's setting as people see it: secrets masked, or why the stored config cannot be read. */
export interface NotificationSetting {
  service: NotificationService;
  configured: boolean;
  enabled: boolean;
  config: Record<string, unknown> | null;
  configError?: string;
  updatedAt: string | null;
}

/** Where a config's fields are named in errors ("body.config" for the REST API). */
const CONFIG_FIELD = 'body.config';

/**
 * Notification services (Kodi, Jellyfin, Plex, Discord, Pushover, e-mail): one config per service, set as
 * a whole and shown with secrets masked. A masked secret sent back keeps its stored value, but only for the
 * host it was entered for; every problem is named by its field.
 */
export class NotificationSettingsService {
  private readonly configs: NotificationConfigRepository;

  constructor(db: Database, credentialsCipher: CredentialsCipher) {
    this.configs = new NotificationConfigRepository(db, credentialsCipher);
  }

  list(): Promise<NotificationSetting[]> {
    return Promise.all(NOTIFICATION_SERVICES.map((service) => this.get(service)));
  }

  async get(service: NotificationService): Promise<NotificationSetting> {
    const status = await this.configs.status(service);
    if (!status) return { service, configured: false, enabled: false, config: null, updatedAt: null };
    const updatedAt = status.updatedAt ? status.updatedAt.toISOString() : null;
    try {
      const stored = await this.configs.get(service);
      return {
        service,
        configured: true,
        enabled: status.enabled,
        config: maskSecrets(service, stored!.config) as Record<string, unknown>,
        updatedAt,
      };
    } catch (error) {
      if (!(error instanceof CredentialsDecryptError || error instanceof StoredNotificationConfigError)) throw error;
      return { service, configured: true, enabled: status.enabled, config: null, configError: error.message, updatedAt };
    }
  }

  /** Sets the service's config as a whole; the next notification, and the next retry of a pending one, use it. */
  async put(service: NotificationService, enabled: boolean, config: unknown): Promise<NotificationSetting> {
    await this.configs.put(service, enabled, await this.validConfig(service, config));
    return this.get(service);
  }

  /**
   * Sends a real test notification with the given config (nothing is saved) or the stored one. The
   * target's refusal is the result; only our own failures are errors.
   */
  async test(service: NotificationService, config?: unknown): Promise<{ ok: boolean; answers: string[]; error?: string }> {
    let tested: NotificationConfigs[typeof service];
    if (config !== undefined) {
      tested = await this.validConfig(service, config);
    } else {
      const stored = await this.configs.get(service).catch((error: unknown) => {
        if (error instanceof CredentialsDecryptError || error instanceof StoredNotificationConfigError)
          throw new ConflictError(error.message);
        throw error;
      });
      if (!stored) throw new NotFoundError('Notification service', `Notification service "${service}" is not configured`);
      tested = stored.config;
    }
    try {
      return { ok: true, answers: await sendTestNotification(service, tested, new Date()) };
    } catch (error) {
      if (error instanceof TargetError) return { ok: false, answers: [], error: error.message };
      throw error;
    }
  }

  /** The stored config, if it can be read: masked secrets in a new config refer to it. */
  private async storedConfig(service: NotificationService): Promise<unknown> {
    return (await this.configs.get(service).catch(() => undefined))?.config;
  }

  private async validConfig<S extends NotificationService>(service: S, config: unknown): Promise<NotificationConfigs[S]> {
    const restored = restoreMaskedSecrets(service, config, await this.storedConfig(service));
    if (restored.refused.length > 0) {
      throw new InvalidRequestError(
        restored.refused
          .map((field) => `${CONFIG_FIELD}.${field}: the stored secret was entered for another host; send it again to use it with this one`)
          .join('; '),
      );
    }
    const parsed = notificationConfigSchemas[service].safeParse(restored.config);
    if (!parsed.success) {
      throw new InvalidRequestError(
        parsed.error.issues.map((issue) => `${[CONFIG_FIELD, ...issue.path].join('.')}: ${issue.message}`).join('; '),
      );
    }
    return parsed.data as NotificationConfigs[S];
  }
}
