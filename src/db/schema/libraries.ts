import { pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const libraryKind = pgEnum('library_kind', ['movie', 'tv', 'music']);

export const libraries = pgTable('libraries', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: libraryKind('kind').notNull(),
  rootPath: text('root_path').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Library = typeof libraries.$inferSelect;
export type LibraryKind = Library['kind'];
