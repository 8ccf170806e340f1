import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApplicationFailure, WorkflowFailedError, type Client } from '@temporalio/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEncodeActivities } from '../../src/activities/encode.js';
import { EventRepository } from '../../src/db/repositories/event-repository.js';
import { EventRecorder } from '../../src/events/event-recorder.js';
import { QualityProfileRepository } from '../../src/db/repositories/quality-profile-repository.js';
import { RequestRepository } from '../../src/db/repositories/request-repository.js';
import { DEFAULT_PIPELINE_TIMINGS } from '../../src/config/request-pipeline-settings.js';
import type { EpisodePipelineInput } from '../../src/contracts/request.js';
import {
  createTestClient,
  createTestDatabase,
  startTestWorker,
  type RunningTestWorker,
  type TestDatabase,
} from '../support/integration.js';
import { tempDir } from '../support/temp-dir.js';

let database: TestDatabase;
let temporal: Client;
let worker: RunningTestWorker;

beforeAll(async () => {
  database = await createTestDatabase();
  temporal = await createTestClient();
  worker = await startTestWorker(database.db);
});

const ID = '4a1e8c3e-8f0b-4a8e-9d61-1f6a2b3c4d5e';

const validItem = (): EpisodePipelineInput => ({
  itemId: ID,
  requestId: ID,
  media: { kind: 'movie', title: 'Brazil', year: 1985 },
  ids: { tmdbId: 68, tvdbId: null, imdbId: 'tt0088846' },
  airDate: null,
  qualityProfileId: ID,
  targetIds: [ID],
  approval: { required: false, timeoutSeconds: null, autoAction: null },
});

/** The run's failure: an ApplicationFailure of the workflow itself, not of an activity. */
async function failureOf(workflow: string, input: unknown): Promise<ApplicationFailure> {
  const error = await temporal.workflow
    .execute(workflow, { taskQueue: worker.taskQueue, workflowId: `input-test-${Math.random().toString(36).slice(2)}`, args: [input] })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(WorkflowFailedError);
  const cause = (error as WorkflowFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

describe('workflow inputs are checked before anything runs', () => {
  it('fails an episodePipeline whose itemId is a path, naming the field, without retrying', async () => {
    const failure = await failureOf('episodePipeline', { ...validItem(), itemId: '../../x' });
    expect(failure.type).toBe('InvalidWorkflowInput');
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toBe('episodePipeline: input.itemId: a UUID');
  });

  it('names nested fields: a target id, the media kind, a timing of a run started with its own', async () => {
    expect((await failureOf('episodePipeline', { ...validItem(), targetIds: [ID, '/etc'] })).message).toBe(
      'episodePipeline: input.targetIds.1: a UUID',
    );
    expect(
      (
        await failureOf('episodePipeline', {
          ...validItem(),
          media: { kind: 'episode', show: 'X', season: 1, episode: 0, episodeTitle: null, episodesInSeason: 1 },
        })
      ).message,
    ).toMatch(/^episodePipeline: input\.media\.episode: /);
    expect(
      (await failureOf('episodePipeline', { ...validItem(), timings: { ...DEFAULT_PIPELINE_TIMINGS, downloadPollMs: -1 } })).message,
    ).toMatch(/^episodePipeline: input\.timings\.downloadPollMs: /);
  });

  it('fails a mediaRequest whose requestId is not a UUID', async () => {
    const failure = await failureOf('mediaRequest', { requestId: '../../etc' });
    expect(failure.type).toBe('InvalidWorkflowInput');
    expect(failure.message).toBe('mediaRequest: input.requestId: a UUID');
  });

  it('checks the ids of the library and notification workflows too', async () => {
    expect((await failureOf('libraryScan', { libraryId: '../x' })).message).toBe('libraryScan: input.libraryId: a UUID');
    expect((await failureOf('folderRefresh', { libraryId: ID, folderPath: 'relative/../x', reason: 'test' })).message).toBe(
      'folderRefresh: input.folderPath: an absolute folder path',
    );
    expect((await failureOf('moviePipeline', { titleId: 'all', priority: 'user', event: 'added', reason: 'test' })).message).toBe(
      'moviePipeline: input.titleId: a UUID',
    );
    expect((await failureOf('iptvSync', { providerId: 7 })).message).toMatch(/^iptvSync: input\.providerId: /);
    expect(
      (await failureOf('titleImport', { libraryId: ID, scanId: ID, titles: [{ kind: 'movie', titleId: '../x' }], announce: false }))
        .message,
    ).toBe('titleImport: input.titles.0.titleId: a UUID');
  });
});

describe('activities that remove or rename work files stay in the work folder', () => {
  function encodeActivities(workDir: string) {
    const requests = new RequestRepository(database.db);
    return createEncodeActivities({
      requests,
      events: new EventRecorder(new EventRepository(database.db), requests),
      profiles: new QualityProfileRepository(database.db),
      workDir,
    });
  }

  it('refuses an itemId that climbs out of the work folder, and removes nothing outside it', async () => {
    const root = tempDir('reelflow-confine-');
    const workDir = path.join(root, 'data', 'encode');
    const precious = path.join(root, 'x');
    mkdirSync(workDir, { recursive: true });
    mkdirSync(precious);
    writeFileSync(path.join(precious, 'movie.mkv'), 'a person’s film');
    const activities = encodeActivities(workDir);
    for (const itemId of ['../../x', '..', '.', '', path.join(root, 'x')]) {
      const error = await activities.removeWorkFiles({ itemId }).catch((e: unknown) => e);
      expect(error, itemId).toBeInstanceOf(ApplicationFailure);
      expect((error as ApplicationFailure).type).toBe('PathRefused');
      expect((error as ApplicationFailure).nonRetryable).toBe(true);
    }
    expect(existsSync(path.join(precious, 'movie.mkv'))).toBe(true);
    expect(existsSync(workDir)).toBe(true);
  });

  it('refuses to rename or remove an encode named outside the work folder', async () => {
    const root = tempDir('reelflow-confine-');
    const workDir = path.join(root, 'encode');
    mkdirSync(workDir);
    const outside = path.join(root, 'Film.mkv.partial.mkv');
    writeFileSync(outside, 'not ours');
    const profile = await new QualityProfileRepository(database.db).create({
      name: 'confined',
      minResolution: 720,
      preferredResolution: 1080,
      minSizeMb: 0,
      maxSizeMb: 20_000,
      rejectedWords: [],
      preferredWords: [],
      encode: { videoCodec: 'libx264', crf: 30, preset: 'ultrafast', maxHeight: 720, audioCodec: 'copy', audioBitrateKbps: 128 },
    });
    const source = { container: 'mkv', durationSeconds: 2, sizeBytes: 1, bitrate: null, video: [], audio: [], subtitles: [] };
    // Unverifiable bytes: without the check, the failed verification would remove them.
    const error = await encodeActivities(workDir)
      .acceptEncodedItem({ encoded: { partial: outside, output: path.join(root, 'Film.mkv'), source }, qualityProfileId: profile.id })
      .catch((e: unknown) => e);
    expect((error as ApplicationFailure).type).toBe('PathRefused');
    expect(existsSync(outside)).toBe(true);
  });
});
