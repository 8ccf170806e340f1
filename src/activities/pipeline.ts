import { ApplicationFailure } from '@temporalio/activity';
import type { EnrichmentConfig, PhaseConfiguration, PublishConfig, ScanConfig } from '../config/phase-config.js';
import type { PhaseConfigService } from '../config/phase-config-service.js';
import type { Database } from '../db/client.js';
import { TitleChangeRepository } from '../db/repositories/title-change-repository.js';
import { TitleRepository } from '../db/repositories/title-repository.js';
import { nothingEnriched, TitleNotFoundError, type EnrichTitleResult, type TitleEnricher } from '../library/enrich/title-enricher.js';
import type { PublishResult, TitlePublisher } from '../library/publish/title-publisher.js';
import type { FetchPriority } from '../contracts/providers.js';
import type { PipelineTitleKind } from '../contracts/title-pipeline.js';
import { EventRepository } from '../db/repositories/event-repository.js';
import { activityKey, EventRecorder } from '../events/event-recorder.js';
import { heartbeatWhile } from './heartbeat-while.js';
import { asTemporalFailure } from './providers.js';
import { TITLE_NOT_FOUND } from '../contracts/failures.js';

export interface PipelineActivityDeps {
  db: Database;
  phaseConfig: PhaseConfigService;
  enricher: TitleEnricher;
  publisher: TitlePublisher;
}

type Identification = { status: 'identified' | 'unidentified'; reason: string };

interface TitleRef {
  kind: PipelineTitleKind;
  titleId: string;
}

/** Activities of the title pipelines: thin adapters over TitleEnricher and TitlePublisher. */
export function createPipelineActivities({ db, phaseConfig, enricher, publisher }: PipelineActivityDeps) {
  const changes = new TitleChangeRepository(db);
  const titles = new TitleRepository(db);
  const events = new EventRecorder(new EventRepository(db));

  async function describe(input: TitleRef): Promise<{ libraryId: string; displayName: string; folderPath: string }> {
    const row = await titles.describe(input.kind, input.titleId);
    if (!row) throw ApplicationFailure.nonRetryable(`${input.kind} ${input.titleId} does not exist`, TITLE_NOT_FOUND);
    return { libraryId: row.libraryId, displayName: row.year ? `${row.title} (${row.year})` : row.title, folderPath: row.folderPath };
  }

  /** Which phase a title's pipeline is in, for the live event stream. */
  async function phaseEvent(input: TitleRef, phase: 'enrich' | 'publish'): Promise<void> {
    const title = await describe(input);
    await events.record({
      type: 'pipeline.phase',
      libraryId: title.libraryId,
      titleKind: input.kind,
      titleId: input.titleId,
      summary: `${title.displayName}: ${phase}`,
      data: { phase },
      dedupeKey: activityKey('pipeline.phase'),
    });
  }

  return {
    /**
     * The change a pass publishes: the title's change_seq now, read before any of its data. Everything saved
     * up to it is committed, so the pass covers it; a title no pass has published yet is announced as added.
     */
    async beginPipelinePass(input: TitleRef): Promise<{ changeSeq: number; published: boolean; publishedSeq: number }> {
      const state = await changes.state(input.kind, input.titleId);
      if (!state) throw ApplicationFailure.nonRetryable(`${input.kind} ${input.titleId} does not exist`, TITLE_NOT_FOUND);
      return { changeSeq: state.changeSeq, published: state.pipelineSeq > 0, publishedSeq: state.pipelineSeq };
    },

    /** The pass published everything up to `seq`: a start for those changes, retried later, starts nothing. */
    async finishPipelinePass(input: TitleRef & { seq: number }): Promise<void> {
      await changes.markPublished(input.kind, input.titleId, input.seq);
    },

    /** Read once per pipeline run: every phase of one run works with the same configuration. */
    async loadPhaseConfiguration(): Promise<PhaseConfiguration> {
      return phaseConfig.getAll();
    },

    async identifyTitle(input: TitleRef): Promise<Identification> {
      await phaseEvent(input, 'enrich');
      return heartbeating(() => enricher.identify(input.kind, input.titleId));
    },

    /**
     * Merges the providers' data into the title, its cast and its artwork. With `identify` (runs recorded
     * before it called identifyTitle first), a title without ids is searched for first, in the same activity;
     * one that stays unidentified is not enriched.
     */
    async enrichTitle(
      input: TitleRef & { config: EnrichmentConfig; priority: FetchPriority; identify?: boolean },
    ): Promise<Omit<EnrichTitleResult, 'status'> & { identification: Identification }> {
      if (input.identify) await phaseEvent(input, 'enrich');
      return heartbeating(async () => {
        const identification: Identification = input.identify
          ? await enricher.identify(input.kind, input.titleId)
          : { status: 'identified', reason: 'identified before' };
        if (identification.status !== 'identified') return { ...nothingEnriched(), identification };
        const { status: _status, ...result } = await enricher.enrich(input.kind, input.titleId, input.config, input.priority);
        return { ...result, identification };
      });
    },

    /**
     * Writes the title's NFO and artwork. With the change it publishes (`change`; runs recorded before it was
     * passed have none), the history records the title added or updated, once per change.
     */
    async publishTitle(
      input: TitleRef & { config: PublishConfig; scanConfig: ScanConfig; change?: { seq: number; event: 'added' | 'updated' } },
    ): Promise<Pick<PublishResult, 'written' | 'unchanged'>> {
      await phaseEvent(input, 'publish');
      const run = input.kind === 'movie' ? publisher.publishMovie.bind(publisher) : publisher.publishShow.bind(publisher);
      const { written, unchanged } = await heartbeating(() => run(input.titleId, input.config, input.scanConfig));
      if (input.change) {
        const title = await describe(input);
        const added = input.change.event === 'added';
        await events.record({
          type: added ? 'title.added' : 'title.updated',
          libraryId: title.libraryId,
          titleKind: input.kind,
          titleId: input.titleId,
          summary: `${added ? 'Added' : 'Updated'}: ${title.displayName}`,
          data: { folderPath: title.folderPath, changeSeq: input.change.seq, written: written.length },
          dedupeKey: `title.published/${input.kind}/${input.titleId}/change-${input.change.seq}`,
        });
      }
      return { written, unchanged };
    },

    /** What the notification names: the library, "Heat (1995)", and the folder publish wrote to. */
    async describeTitle(input: TitleRef): Promise<{ libraryId: string; displayName: string; folderPath: string }> {
      return describe(input);
    },
  };
}

export type PipelineActivities = ReturnType<typeof createPipelineActivities>;

/**
 * Keeps Temporal told that a long enrichment (many downloads) is alive; a missing title is final, and a
 * provider's passing failure is retried after its Retry-After.
 */
async function heartbeating<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await heartbeatWhile(run);
  } catch (err) {
    if (err instanceof TitleNotFoundError) throw ApplicationFailure.nonRetryable(err.message, TITLE_NOT_FOUND);
    return asTemporalFailure(err);
  }
}
