import { and, eq, gt, isNull, lte, not, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { libraryFolders } from '../schema/index.js';
import { titleTable, type TitleKind } from './title-repository.js';

export type ChangedTitleKind = TitleKind;

export interface TitleChangeState {
  /** Bumped with every change to the title. */
  changeSeq: number;
  /** The change_seq the last completed pipeline pass covered; 0 when the title was never published. */
  pipelineSeq: number;
}

export interface TitleAwaitingPipeline {
  kind: ChangedTitleKind;
  titleId: string;
  /** No pass has published the title yet: new to the library. */
  isNew: boolean;
}

/**
 * A title's change sequence: what makes "title saved → pipeline started" durable. Every change bumps
 * change_seq in the transaction that saves it; a pipeline pass records the change_seq it published in
 * pipeline_seq. A title with change_seq > pipeline_seq has work that must still reach its pipeline — whoever
 * died between the save and the start, the next look at the database finds it again — and one with
 * change_seq ≤ pipeline_seq has none, so a start retried after its pipeline closed starts nothing.
 */
export class TitleChangeRepository {
  constructor(private readonly db: Database) {}

  async state(kind: ChangedTitleKind, titleId: string): Promise<TitleChangeState | undefined> {
    const table = titleTable(kind);
    const [row] = await this.db
      .select({ changeSeq: table.changeSeq, pipelineSeq: table.pipelineSeq })
      .from(table)
      .where(eq(table.id, titleId));
    return row;
  }

  /** A change saved outside the scan's writer (a person's identification): the pipeline must publish it. */
  async recordChange(kind: ChangedTitleKind, titleId: string): Promise<void> {
    const table = titleTable(kind);
    await this.db
      .update(table)
      .set({ changeSeq: dsql`${table.changeSeq} + 1` })
      .where(eq(table.id, titleId));
  }

  /**
   * A person's "refresh now", which changes no data: a change of its own only when none is outstanding, so
   * a double click (or a click while a pass is pending) joins that pass instead of asking for another.
   */
  async requestRefresh(kind: ChangedTitleKind, titleId: string): Promise<void> {
    const table = titleTable(kind);
    await this.db
      .update(table)
      .set({ changeSeq: dsql`${table.changeSeq} + 1` })
      .where(and(eq(table.id, titleId), lte(table.changeSeq, table.pipelineSeq)));
  }

  /** A pipeline pass published everything up to `seq`; never moves backwards. */
  async markPublished(kind: ChangedTitleKind, titleId: string, seq: number): Promise<void> {
    const table = titleTable(kind);
    await this.db
      .update(table)
      .set({ pipelineSeq: dsql`greatest(${table.pipelineSeq}, ${seq})` })
      .where(eq(table.id, titleId));
  }

  /** markPublished for many titles in one statement (a titleImport's titles after their players were told). */
  async markManyPublished(kind: ChangedTitleKind, passes: { titleId: string; seq: number }[]): Promise<void> {
    if (passes.length === 0) return;
    const table = titleTable(kind);
    const values = dsql.join(
      passes.map(({ titleId, seq }) => dsql`(${titleId}::uuid, ${seq}::integer)`),
      dsql`, `,
    );
    await this.db.execute(
      dsql`update ${table} set pipeline_seq = greatest(${table.pipelineSeq}, v.seq) from (values ${values}) as v(id, seq) where ${table.id} = v.id`,
    );
  }

  /**
   * Titles of folders this scan finished with keys in (afterKey, upToKey] whose latest change no pipeline
   * has published. Derived from the database rather than from what one attempt of a batch kept in memory,
   * so a batch retried after a worker died finds the titles the dead attempt saved as well as its own.
   */
  async awaitingPipelineAfterScan(
    libraryId: string,
    scanId: string,
    afterKey: string | null,
    upToKey: string | null,
  ): Promise<TitleAwaitingPipeline[]> {
    const range = and(
      eq(libraryFolders.libraryId, libraryId),
      eq(libraryFolders.scannedScanId, scanId),
      isNull(libraryFolders.scanError),
      afterKey === null ? undefined : gt(libraryFolders.key, afterKey),
      upToKey === null ? undefined : dsql`${libraryFolders.key} <= ${upToKey}`,
    );
    const found: TitleAwaitingPipeline[] = [];
    for (const kind of ['movie', 'show'] as const) {
      const table = titleTable(kind);
      const rows = await this.db
        .select({ titleId: table.id, pipelineSeq: table.pipelineSeq })
        .from(libraryFolders)
        .innerJoin(table, and(eq(table.libraryId, libraryFolders.libraryId), eq(table.folderKey, libraryFolders.key)))
        .where(and(range, isNull(table.deletedAt), gt(table.changeSeq, table.pipelineSeq)))
        .orderBy(libraryFolders.key);
      found.push(...rows.map((r) => ({ kind, titleId: r.titleId, isNew: r.pipelineSeq === 0 })));
    }
    return found;
  }

  /**
   * Every title of the library with a change no pipeline published, whatever saved it: what a scan's last
   * batch hands on, so that a start lost anywhere (a process that died between a person's identification
   * and its pipeline's start) is made by the next scan of the library at the latest. Cheap: a partial
   * index holds exactly these titles.
   */
  async awaitingPipelineInLibrary(libraryId: string, exceptScanId?: string): Promise<TitleAwaitingPipeline[]> {
    const found: TitleAwaitingPipeline[] = [];
    for (const kind of ['movie', 'show'] as const) {
      const table = titleTable(kind);
      // A folder this scan saved was handed on by its own batch (a pipeline, or its batch's import).
      const handedOnByThisScan = exceptScanId
        ? dsql`exists (select 1 from ${libraryFolders} where ${libraryFolders.libraryId} = ${table.libraryId} and ${libraryFolders.key} = ${table.folderKey} and ${libraryFolders.scannedScanId} = ${exceptScanId})`
        : undefined;
      const rows = await this.db
        .select({ titleId: table.id, pipelineSeq: table.pipelineSeq })
        .from(table)
        .where(
          and(
            eq(table.libraryId, libraryId),
            isNull(table.deletedAt),
            gt(table.changeSeq, table.pipelineSeq),
            handedOnByThisScan ? not(handedOnByThisScan) : undefined,
          ),
        );
      found.push(...rows.map((r) => ({ kind, titleId: r.titleId, isNew: r.pipelineSeq === 0 })));
    }
    return found;
  }
}
