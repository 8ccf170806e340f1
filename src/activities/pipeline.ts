import { ApplicationFailure, Context } from '@temporalio/activity';
import { eq } from 'drizzle-orm';
import type { EnrichmentConfig, PhaseConfiguration, PublishConfig, ScanConfig } from '../config/phase-config.js';
import type { PhaseConfigService } from '../config/phase-config-service.js';
import type { Database } from '../db/client.js';
import { movies, shows } from '../db/schema/index.js';
import { TitleNotFoundError, type EnrichTitleResult, type TitleEnricher } from '../library/enrich/title-enricher.js';
import type { PublishResult, TitlePublisher } from '../library/publish/title-publisher.js';
import type { FetchPriority } from '../workflows/provider-definitions.js';
import type { PipelineTitleKind } from '../workflows/title-pipeline-definitions.js';

export interface PipelineActivityDeps {
  db: Database;
  phaseConfig: PhaseConfigService;
  enricher: TitleEnricher;
  publisher: TitlePublisher;
}

interface TitleRef {
  kind: PipelineTitleKind;
  titleId: string;
}

const HEARTBEAT_EVERY_MS = 10_000;

/** Activities of the title pipelines: thin adapters over TitleEnricher and TitlePublisher. */
export function createPipelineActivities({ db, phaseConfig, enricher, publisher }: PipelineActivityDeps) {
  return {
    /** Read once per pipeline run: every phase of one run works with the same configuration. */
    async loadPhaseConfiguration(): Promise<PhaseConfiguration> {
      return phaseConfig.getAll();
    },

    async identifyTitle(input: TitleRef): Promise<{ status: 'identified' | 'unidentified'; reason: string }> {
      return heartbeating(() => enricher.identify(input.kind, input.titleId));
    },

    async enrichTitle(input: TitleRef & { config: EnrichmentConfig; priority: FetchPriority }): Promise<Omit<EnrichTitleResult, 'status'>> {
      const { status: _status, ...result } = await heartbeating(() => enricher.enrich(input.kind, input.titleId, input.config, input.priority));
      return result;
    },

    async publishTitle(input: TitleRef & { config: PublishConfig; scanConfig: ScanConfig }): Promise<Pick<PublishResult, 'written' | 'unchanged'>> {
      const run = input.kind === 'movie' ? publisher.publishMovie.bind(publisher) : publisher.publishShow.bind(publisher);
      const { written, unchanged } = await heartbeating(() => run(input.titleId, input.config, input.scanConfig));
      return { written, unchanged };
    },

    /** What the notification names: the library, "Heat (1995)", and the folder publish wrote to. */
    async describeTitle(input: TitleRef): Promise<{ libraryId: string; displayName: string; folderPath: string }> {
      const table = (input.kind === 'movie' ? movies : shows) as typeof movies;
      const [row] = await db
        .select({ libraryId: table.libraryId, title: table.title, year: table.year, folderPath: table.folderPath })
        .from(table)
        .where(eq(table.id, input.titleId));
      if (!row) throw ApplicationFailure.nonRetryable(`${input.kind} ${input.titleId} does not exist`, 'TitleNotFound');
      return { libraryId: row.libraryId, displayName: row.year ? `${row.title} (${row.year})` : row.title, folderPath: row.folderPath };
    },
  };
}

export type PipelineActivities = ReturnType<typeof createPipelineActivities>;

/** Keeps Temporal told that a long enrichment (many downloads) is alive; a missing title is final. */
async function heartbeating<T>(run: () => Promise<T>): Promise<T> {
  const context = Context.current();
  const ticker = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
  try {
    return await run();
  } catch (err) {
    if (err instanceof TitleNotFoundError) throw ApplicationFailure.nonRetryable(err.message, 'TitleNotFound');
    throw err;
  } finally {
    clearInterval(ticker);
  }
}
