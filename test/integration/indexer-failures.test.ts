import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createReleaseSearchActivities } from '../../src/activities/release-search.js';
import { BlocklistRepository } from '../../src/db/repositories/blocklist-repository.js';
import { QualityProfileRepository } from '../../src/db/repositories/quality-profile-repository.js';
import type { TorznabIndexer } from '../../src/integrations/torznab/torznab-indexer.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { INDEXERS_FAILED, INDEXERS_REFUSED } from '../../src/contracts/failures.js';
import { startFakeTorznab, type FakeTorznab } from '../fakes/torznab.js';
import { onCleanup } from '../support/cleanup.js';
import { createTestApp, createTestClient, createTestDatabase, type TestDatabase } from '../support/integration.js';
import { createProfile } from '../support/request-pipeline.js';

let database: TestDatabase;
let indexer: FakeTorznab;
let qualityProfileId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const app = await createTestApp({ database, temporal: await createTestClient(), taskQueue: `test-${randomUUID()}` });
  indexer = await startFakeTorznab();
  onCleanup(() => indexer.close());
  qualityProfileId = await createProfile(app);
});

/** What a search with these indexers fails with (or undefined when it does not). */
async function searchFailure(indexers: TorznabIndexer[]): Promise<unknown> {
  const { searchReleases } = createReleaseSearchActivities({
    indexers: async () => indexers,
    profiles: new QualityProfileRepository(database.db),
    blocklist: new BlocklistRepository(database.db),
  });
  // In an activity's context, as a worker runs it (the activity logs each failed indexer).
  return new MockActivityEnvironment()
    .run(searchReleases, {
      media: { kind: 'movie' as const, title: 'Heat', year: 1995 },
      ids: { tmdbId: 949, tvdbId: null, imdbId: null },
      qualityProfileId,
      excluded: [],
    })
    .then(
      () => undefined,
      (error: unknown) => error,
    );
}

describe('a search whose indexers all fail: retried when one may come back, final when every one refuses its key', () => {
  it('every indexer refusing the API key is IndexersRefused, not retried', async () => {
    const wrongKey = { name: 'wrong-key', apiUrl: `${new URL(indexer.apiUrl).origin}/api?apikey=not-the-key` };
    const failure = await searchFailure([wrongKey]);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: INDEXERS_REFUSED,
      nonRetryable: true,
      message: expect.stringMatching(/Incorrect user credentials/),
    });
  });

  it('an indexer down, alone or beside one that refuses its key, is IndexersFailed, retried', async () => {
    const down = { name: 'down', apiUrl: `http://127.0.0.1:${await findFreePort()}/api?apikey=x` };
    const wrongKey = { name: 'wrong-key', apiUrl: `${new URL(indexer.apiUrl).origin}/api?apikey=not-the-key` };
    for (const indexers of [[down], [down, wrongKey]]) {
      expect(await searchFailure(indexers)).toMatchObject({ type: INDEXERS_FAILED, nonRetryable: false });
    }
  });

  it('a working indexer beside a refusing one: the search answers', async () => {
    const wrongKey = { name: 'wrong-key', apiUrl: `${new URL(indexer.apiUrl).origin}/api?apikey=not-the-key` };
    expect(await searchFailure([{ name: 'fake', apiUrl: indexer.apiUrl }, wrongKey])).toBeUndefined();
  });
});
