import { and, count, eq, gt, gte } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { movies } from '../../src/db/schema/index.js';

/**
 * Waits until every movie of the library has its latest change published: each pass records pipeline_seq
 * after telling the players, whether a titleImport or the title's own pipeline run made it.
 */
export async function waitUntilAllPublished(db: Database, libraryId: string, titles: number): Promise<void> {
  for (;;) {
    const [row] = await db
      .select({ n: count() })
      .from(movies)
      .where(and(eq(movies.libraryId, libraryId), gte(movies.pipelineSeq, movies.changeSeq), gt(movies.pipelineSeq, 0)));
    if (row!.n >= titles) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
