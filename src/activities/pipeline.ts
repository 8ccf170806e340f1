import { ApplicationFailure } from '@temporalio/activity';
import type { EnrichmentConfig, PhaseConfiguration, PublishConfig, ScanConfig } from '../config/phase-config.js';
import type { PhaseConfigService } from '../config/phase-config-service.js';
import type { Database } from '../db/client.js';
import { TitleChangeRepository } from '../db/repositories/title-change-repository.js';
import { TitleRepository } from '../db/repositories/title-repository.js';
import { nothingEnriched, TitleNotFoundError, type EnrichTitleResult, type TitleEnricher } from '../library/enrich/title-enricher.js';
import type { PublishResult, TitlePublisher } from '../library/publish/title-publisher.js';
import type { FetchPriority } from '../contracts/providers.js';
import type { PipelineTitleKind, TitleImportInput, TitlePassInput, TitlePassResult } from '../contracts/title-pipeline.js';
import type { TitlePipelineStarter } from '../library/temporal-title-pipeline-starter.js';
import { createConcurrencyLimit } from '../concurrency/concurrency-limit.js';
import { folderChangeOf, passNotification, tellsOnlyPlayersAtOnce, type NotifyTitleInput } from '../contracts/notify.js';
import { PlayerHandOffs } from './player-hand-offs.js';
import type { NotifyActivities } from './notify.js';
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
  /** The notify phase's plan and the players' hand-off, which a pass runs itself when only players are told. */
  notifications: Pick<NotifyActivities, 'planNotifications' | 'queuePlayerRefresh' | 'queuePlayerRefreshes'>;
  /** Where an import hands a title whose pass failed: a pipeline run of its own. */
  pipelines?: TitlePipelineStarter;
}

/**
 * Passes of one import at once: enough to keep the provider pacer's slots booked and both cores busy while
 * other passes publish (10 against 6: 21 titles/s against 17 on a first import of 1,000).
 */
const IMPORT_CONCURRENCY = 10;

/** A title an import published whose people are still to be told (the workflow's notifyTitle child). */
interface AnnouncedPass {
  kind: PipelineTitleKind;
  titleId: string;
  seq: number;
  notification: NotifyTitleInput;
}

interface DescribedTitle {
  libraryId: string;
  displayName: string;
  folderPath: string;
}

type Identification = { status: 'identified' | 'unidentified'; reason: string };

interface TitleRef {
  kind: PipelineTitleKind;
  titleId: string;
}

/** Activities of the title pipelines: thin adapters over TitleEnricher and TitlePublisher. */
export function createPipelineActivities({ db, phaseConfig, enricher, publisher, notifications, pipelines }: PipelineActivityDeps) {
  const changes = new TitleChangeRepository(db);
  const titles = new TitleRepository(db);
  const events = new EventRecorder(new EventRepository(db));

  async function describe(input: TitleRef): Promise<DescribedTitle> {
    const row = await titles.describe(input.kind, input.titleId);
    if (!row) throw ApplicationFailure.nonRetryable(`${input.kind} ${input.titleId} does not exist`, TITLE_NOT_FOUND);
    return { libraryId: row.libraryId, displayName: row.year ? `${row.title} (${row.year})` : row.title, folderPath: row.folderPath };
  }

  /** Which phase a title's pipeline is in, for the live event stream. */
  async function phaseEvent(input: TitleRef, phase: 'enrich' | 'publish', described?: DescribedTitle): Promise<DescribedTitle> {
    const title = described ?? (await describe(input));
    await events.record({
      type: 'pipeline.phase',
      libraryId: title.libraryId,
      titleKind: input.kind,
      titleId: input.titleId,
      summary: `${title.displayName}: ${phase}`,
      data: { phase },
      dedupeKey: activityKey(`pipeline.phase/${input.titleId}/${phase}`),
    });
    return title;
  }

  /** The history's "Added: Heat (1995)" or "Updated: …", once per change whichever attempt or run records it. */
  async function recordPublished(
    input: TitleRef,
    title: DescribedTitle,
    change: { seq: number; event: 'added' | 'updated' },
    written: number,
  ) {
    const added = change.event === 'added';
    await events.record({
      type: added ? 'title.added' : 'title.updated',
      libraryId: title.libraryId,
      titleKind: input.kind,
      titleId: input.titleId,
      summary: `${added ? 'Added' : 'Updated'}: ${title.displayName}`,
      data: { folderPath: title.folderPath, changeSeq: change.seq, written },
      dedupeKey: `title.published/${input.kind}/${input.titleId}/change-${change.seq}`,
    });
  }

  const publish = (input: TitleRef, config: PublishConfig, scanConfig: ScanConfig) =>
    input.kind === 'movie'
      ? publisher.publishMovie(input.titleId, config, scanConfig)
      : publisher.publishShow(input.titleId, config, scanConfig);

  /** One pass (see runTitlePass), without the activity's heartbeat and failure mapping around it. */
  async function runPass(input: TitlePassInput, loaded?: PhaseConfiguration, handOff?: PlayerHandOffs): Promise<TitlePassResult> {
    const title = { kind: input.kind, titleId: input.titleId };
    const state = await changes.state(input.kind, input.titleId);
    if (!state) throw new TitleNotFoundError(input.kind, input.titleId);
    // A run started for a change that an earlier run published meanwhile has nothing to do.
    if (input.forChange && state.pipelineSeq >= state.changeSeq) return { changeSeq: state.changeSeq, covered: true };
    const config = loaded ?? (await phaseConfig.getAll());

    await phaseEvent(title, 'enrich');
    const identification: Identification = await enricher.identify(input.kind, input.titleId);
    let enriched: TitlePassResult['enriched'];
    if (identification.status === 'identified') {
      const { status: _status, ...result } = await enricher.enrich(input.kind, input.titleId, config.enrichment, input.priority);
      enriched = result;
    }

    const described = await phaseEvent(title, 'publish');
    const { written, unchanged } = await publish(title, config.publish, config.scan);
    const change = { seq: state.changeSeq, event: state.pipelineSeq > 0 ? ('updated' as const) : ('added' as const) };
    await recordPublished(title, described, change, written.length);
    const done = { changeSeq: state.changeSeq, identification, ...(enriched ? { enriched } : {}), published: { written, unchanged } };

    const notification = passNotification({ title, described, change, playerSync: config.playerSync, announce: input.announce });
    const plan = await notifications.planNotifications(notification);
    if (!tellsOnlyPlayersAtOnce(plan, notification)) return { ...done, notification };
    const folderChange = folderChangeOf(notification);
    // An import tells the players of many titles at once and records those passes after that.
    if (handOff) {
      await handOff.add({ ...title, seq: change.seq }, notification.libraryId, plan.players, folderChange);
      return done;
    }
    await Promise.all(
      plan.players.map((player) =>
        notifications.queuePlayerRefresh({ plan: player, libraryId: notification.libraryId, change: folderChange }),
      ),
    );
    await changes.markPublished(input.kind, input.titleId, change.seq);
    return done;
  }

  return {
    /**
     * One pass of the title pipeline: the change it publishes (change_seq, read before any of the title's
     * data) → identify a title without ids → enrich → publish → tell the players → record the pass
     * (pipeline_seq). One activity, so the pass is one hand-off between worker and server; every step is
     * idempotent (upserts, files written only when their bytes differ, history entries and player signals keyed
     * by the change), so a retried attempt redoes the pass without doubling anything. When people, or
     * players after a delay, are to be told, the pass returns the notification instead and the workflow runs
     * the notifyTitle child, whose id keeps it to once per change, before recording the pass.
     */
    async runTitlePass(input: TitlePassInput): Promise<TitlePassResult> {
      return heartbeating(() => runPass(input));
    },

    /**
     * A scan batch's new titles, a pass each, a few at a time. A title whose pass fails is handed to a pipeline
     * run of its own (with the pipeline's retries) rather than failing the batch; one that vanished is
     * skipped. A retried attempt redoes only what is still outstanding: a published title's pass finds its
     * change covered. Titles whose people are to be told come back to the workflow for their notifyTitle child.
     */
    async importTitles(
      input: TitleImportInput,
    ): Promise<{ published: number; skipped: number; handedOn: number; toAnnounce: AnnouncedPass[] }> {
      const outcome = { published: 0, skipped: 0, handedOn: 0, toAnnounce: [] as AnnouncedPass[] };
      const handOff = new PlayerHandOffs(notifications, changes);
      const limit = createConcurrencyLimit(IMPORT_CONCURRENCY, 'oldest-first');
      // One configuration for the whole import, as a pipeline run reads it once.
      const config = await phaseConfig.getAll();
      await heartbeatWhile(() =>
        Promise.all(
          input.titles.map((title) =>
            limit(async () => {
              try {
                const pass = await runPass(
                  { ...title, priority: 'background', announce: input.announce, forChange: true },
                  config,
                  handOff,
                );
                if (pass.covered) outcome.skipped++;
                else if (pass.notification) outcome.toAnnounce.push({ ...title, seq: pass.changeSeq, notification: pass.notification });
                else outcome.published++;
              } catch (err) {
                if (err instanceof TitleNotFoundError) {
                  outcome.skipped++;
                  return;
                }
                if (!pipelines) throw err;
                await pipelines.ensure({
                  ...title,
                  priority: 'background',
                  reason: 'library scan: its import failed',
                  ...(input.announce ? {} : { announce: false }),
                });
                outcome.handedOn++;
              }
            }),
          ),
        ).then(() => handOff.flush()),
      );
      return outcome;
    },

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
      const { written, unchanged } = await heartbeating(() => publish(input, input.config, input.scanConfig));
      if (input.change) await recordPublished(input, await describe(input), input.change, written.length);
      return { written, unchanged };
    },

    /** What the notification names: the library, "Heat (1995)", and the folder publish wrote to. */
    async describeTitle(input: TitleRef): Promise<DescribedTitle> {
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
