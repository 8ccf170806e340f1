import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { NotificationService } from '../../integrations/notification-config.js';

/**
 * One row per notification service. The config JSON holds tokens and passwords next to ordinary settings,
 * so it is stored whole as the credentials cipher's output (AES-256-GCM), like provider credentials.
 */
export const notificationConfig = pgTable(
  'notification_config',
  {
    service: text('service').$type<NotificationService>().primaryKey(),
    enabled: boolean('enabled').notNull().default(true),
    configEncrypted: text('config_encrypted').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('notification_config_service_check', sql`${t.service} in ('kodi', 'jellyfin', 'plex', 'discord', 'pushover', 'email')`)],
);

export type NotificationConfigRow = typeof notificationConfig.$inferSelect;
