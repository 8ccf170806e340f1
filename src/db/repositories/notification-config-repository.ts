import { eq, sql as dsql } from 'drizzle-orm';
import { CredentialsDecryptError, type CredentialsCipher } from '../../security/credentials-cipher.js';
import { notificationConfigSchemas, type NotificationConfigs, type NotificationService } from '../../integrations/notification-config.js';
import type { Database } from '../client.js';
import { notificationConfig, type NotificationConfigRow } from '../schema/notification-config.js';

export interface NotificationSetting<S extends NotificationService = NotificationService> {
  service: S;
  enabled: boolean;
  config: NotificationConfigs[S];
  updatedAt: Date;
}

/** A stored config no longer passes its schema (edited by hand, or written by another version). */
export class StoredNotificationConfigError extends Error {
  override readonly name = 'StoredNotificationConfigError';
}

/** The notification_config table; configs are encrypted on the way in and validated on the way out. */
export class NotificationConfigRepository {
  constructor(
    private readonly db: Database,
    private readonly cipher: CredentialsCipher,
  ) {}

  /** Decrypted and validated; undefined when the service was never configured. */
  async get<S extends NotificationService>(service: S): Promise<NotificationSetting<S> | undefined> {
    const [row] = await this.db.select().from(notificationConfig).where(eq(notificationConfig.service, service));
    return row && this.read(row as NotificationConfigRow & { service: S });
  }

  /** Whether the service has a row, and its switch, without reading the config (which may not decrypt). */
  async status(service: NotificationService): Promise<{ enabled: boolean; updatedAt: Date } | undefined> {
    const [row] = await this.db
      .select({ enabled: notificationConfig.enabled, updatedAt: notificationConfig.updatedAt })
      .from(notificationConfig)
      .where(eq(notificationConfig.service, service));
    return row;
  }

  /** Every enabled service. One that cannot be read is reported by `unreadable`, not thrown, so the others still go out. */
  async listEnabled(): Promise<{ settings: NotificationSetting[]; unreadable: { service: NotificationService; error: string }[] }> {
    const rows = await this.db.select().from(notificationConfig).where(eq(notificationConfig.enabled, true));
    const settings: NotificationSetting[] = [];
    const unreadable: { service: NotificationService; error: string }[] = [];
    for (const row of rows) {
      try {
        settings.push(this.read(row));
      } catch (error) {
        if (!(error instanceof CredentialsDecryptError || error instanceof StoredNotificationConfigError)) throw error;
        unreadable.push({ service: row.service, error: error.message });
      }
    }
    return { settings, unreadable };
  }

  /** Creates or replaces the service's row; `config` must already have passed its schema. */
  async put<S extends NotificationService>(service: S, enabled: boolean, config: NotificationConfigs[S]): Promise<NotificationSetting<S>> {
    const configEncrypted = this.cipher.encrypt(JSON.stringify(config));
    const [row] = await this.db
      .insert(notificationConfig)
      .values({ service, enabled, configEncrypted })
      .onConflictDoUpdate({ target: notificationConfig.service, set: { enabled, configEncrypted, updatedAt: dsql`now()` } })
      .returning();
    return { service, enabled, config, updatedAt: row!.updatedAt };
  }

  private read<S extends NotificationService>(row: NotificationConfigRow & { service: S }): NotificationSetting<S> {
    let json: unknown;
    try {
      json = JSON.parse(this.cipher.decrypt(row.configEncrypted));
    } catch (error) {
      if (!(error instanceof CredentialsDecryptError)) throw error;
      throw new CredentialsDecryptError(`Notification service "${row.service}": ${error.message}`, { cause: error });
    }
    const parsed = notificationConfigSchemas[row.service].safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new StoredNotificationConfigError(
        `Notification service "${row.service}": stored config.${issue.path.join('.')}: ${issue.message}; save it again through the API`,
      );
    }
    return { service: row.service, enabled: row.enabled, config: parsed.data as NotificationConfigs[S], updatedAt: row.updatedAt };
  }
}
