import { jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { libraries } from './libraries.js';

/** 'local' is a folder on this machine; 'rsync' an rsync destination (rsync:// daemon module or host:path over SSH). */
export const deliveryTargetKind = pgEnum('delivery_target_kind', ['local', 'rsync']);

/** Where finished media goes. A target with a library hands the delivered folder to that library's pipeline. */
export const deliveryTargets = pgTable('delivery_targets', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  kind: deliveryTargetKind('kind').notNull().default('local'),
  path: text('path').notNull(),
  libraryId: uuid('library_id').references(() => libraries.id, { onDelete: 'set null' }),
  options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type DeliveryTargetRow = typeof deliveryTargets.$inferSelect;
