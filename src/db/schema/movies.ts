import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { libraries } from './libraries.js';
import { titleColumns } from './title-columns.js';

export const movies = pgTable(
  'movies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    libraryId: uuid('library_id')
      .notNull()
      .references(() => libraries.id, { onDelete: 'cascade' }),
    ...titleColumns(),
    setName: text('set_name'),
    setOverview: text('set_overview'),
    trailer: text('trailer'),
    setNameLocked: boolean('set_name_locked').notNull().default(false),
  },
  (t) => [
    // One title per folder: a retried or repeated scan upserts, never duplicates.
    unique('movies_library_folder').on(t.libraryId, t.folderKey),
    index('movies_library_title_idx').on(t.libraryId, t.title),
    // GET /api/activity counts titles with a change no pipeline published, every second.
    index('movies_pipeline_pending_idx')
      .on(t.libraryId)
      .where(sql`${t.changeSeq} > ${t.pipelineSeq} and ${t.deletedAt} is null`),
  ],
);

export type Movie = typeof movies.$inferSelect;
