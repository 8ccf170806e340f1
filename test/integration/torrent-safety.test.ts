import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/activity';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDownloadActivities } from '../../src/activities/download.js';
import { EventRepository } from '../../src/db/repositories/event-repository.js';
import { EventRecorder } from '../../src/events/event-recorder.js';
import { createReleaseSearchActivities } from '../../src/activities/release-search.js';
import { BlocklistRepository } from '../../src/db/repositories/blocklist-repository.js';
import { QualityProfileRepository } from '../../src/db/repositories/quality-profile-repository.js';
import { RequestRepository } from '../../src/db/repositories/request-repository.js';
import type { ReleaseCandidate } from '../../src/db/schema/index.js';
import { QbittorrentError } from '../../src/integrations/qbittorrent/qbittorrent-client.js';
import { startFakeTorznab, type FakeTorznab } from '../fakes/torznab.js';
import { onCleanup } from '../support/cleanup.js';
import { createTestDatabase, type TestDatabase } from '../support/integration.js';
import { startQbittorrent, type QbittorrentInstance } from '../support/qbittorrent.js';
import { tempDir } from '../support/temp-dir.js';
import { createTorrent } from '../support/torrent-creator.js';

const CATEGORY = 'reelflow-test';

let database: TestDatabase;
let qbt: QbittorrentInstance;
let indexer: FakeTorznab;
let profileId: string;

/** A torrent of one small file, present in qBittorrent with its data (as a person's finished download is). */
async function presentTorrent(name: string, category: string): Promise<{ torrent: Buffer; infoHash: string; file: string }> {
  const dir = tempDir('reelflow-present-');
  writeFileSync(path.join(dir, name), `${name} `.repeat(20_000));
  const { torrent, infoHash } = await createTorrent({ root: dir, files: [name] });
  await qbt.client.add({ kind: 'file', torrent, fileName: 'x.torrent' }, { savePath: dir, category, tags: [], skipChecking: true });
  for (let i = 0; i < 100 && !(await qbt.client.get(infoHash)); i++) await new Promise((r) => setTimeout(r, 100));
  return { torrent, infoHash, file: path.join(dir, name) };
}

function activities() {
  const requests = new RequestRepository(database.db);
  return {
    search: createReleaseSearchActivities({
      indexers: async () => [{ name: 'fake', apiUrl: indexer.apiUrl }],
      profiles: new QualityProfileRepository(database.db),
      blocklist: new BlocklistRepository(database.db),
    }),
    download: createDownloadActivities({
      qbittorrent: qbt.client,
      requests,
      events: new EventRecorder(new EventRepository(database.db), requests),
      category: CATEGORY,
      indexers: async () => [{ name: 'fake', apiUrl: indexer.apiUrl }],
    }),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  qbt = await startQbittorrent('safety');
  indexer = await startFakeTorznab();
  onCleanup(() => indexer.close());
  const profile = await new QualityProfileRepository(database.db).create({
    name: 'safety',
    minResolution: 720,
    preferredResolution: 1080,
    minSizeMb: 0,
    maxSizeMb: 20_000,
    rejectedWords: [],
    preferredWords: [],
    encode: { videoCodec: 'libx264', crf: 30, preset: 'ultrafast', maxHeight: 720, audioCodec: 'copy', audioBitrateKbps: 128 },
  });
  profileId = profile.id;
});

const movie = { kind: 'movie' as const, title: 'Heat', year: 1995 };
const ids = { tmdbId: 949, tvdbId: null, imdbId: null };

describe('info hashes from an indexer', () => {
  it('sets aside a release whose info hash is not a hash or not its magnet link’s, with the reason', async () => {
    const hex = 'c12fe1c06bba254a9dc9f519b335aa7c1367a88a';
    const base32 = 'YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKEK';
    const other = '0123456789abcdef0123456789abcdef01234567';
    const common = { sizeBytes: 700 * 1024 ** 2, seeders: 5, tmdbId: 949 };
    indexer.releases.push(
      { ...common, title: 'Heat.1995.1080p.BluRay.x264-ALL', magnet: `magnet:?xt=urn:btih:${other}`, infoHash: 'all' },
      { ...common, title: 'Heat.1995.1080p.WEB-DL.x264-MISMATCH', magnet: `magnet:?xt=urn:btih:${hex}`, infoHash: other },
      { ...common, title: 'Heat.1995.1080p.WEB-DL.x264-NOHASH', magnet: 'magnet:?xt=urn:btih:all' },
      { ...common, title: 'Heat.1995.1080p.BluRay.x264-GOOD', magnet: `magnet:?xt=urn:btih:${base32}`, infoHash: base32 },
    );
    const found = await activities().search.searchReleases({ media: movie, ids, qualityProfileId: profileId, excluded: [] });
    expect(found.accepted.map((r) => [r.title, r.infoHash])).toEqual([['Heat.1995.1080p.BluRay.x264-GOOD', hex]]);
    const reasons = Object.fromEntries(found.rejected.map((r) => [r.title, r.rejections]));
    expect(reasons).toEqual({
      'Heat.1995.1080p.BluRay.x264-ALL': ['info hash "all" is not 40 hex or 32 base32 characters'],
      'Heat.1995.1080p.WEB-DL.x264-MISMATCH': [`info hash ${other} differs from its magnet link's ${hex}`],
      'Heat.1995.1080p.WEB-DL.x264-NOHASH': ['its magnet link names no usable info hash'],
    });
  });

  it('never sends qBittorrent anything but real info hashes: "all" removes nothing', async () => {
    const mine = await presentTorrent('Ours.1995.1080p.mkv', CATEGORY);
    const before = (await qbt.client.info()).map((t) => t.hash).sort();
    const refused = await activities()
      .download.removeTorrent({ itemId: crypto.randomUUID(), hash: 'all' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    await expect(qbt.client.delete(['all'], true)).rejects.toBeInstanceOf(QbittorrentError);
    await expect(qbt.client.delete([], true)).rejects.toBeInstanceOf(QbittorrentError);
    await expect(qbt.client.info(['ALL'])).rejects.toBeInstanceOf(QbittorrentError);
    expect((await qbt.client.info()).map((t) => t.hash).sort()).toEqual(before);
    expect(existsSync(mine.file)).toBe(true);
  });

  it('refuses a .torrent whose info hash is not the one the indexer named, adding nothing', async () => {
    const dir = tempDir('reelflow-served-');
    writeFileSync(path.join(dir, 'Heat.1995.1080p.mkv'), 'x'.repeat(50_000));
    const { torrent, infoHash } = await createTorrent({ root: dir, files: ['Heat.1995.1080p.mkv'] });
    const claimed = 'ffffffffffffffffffffffffffffffffffffffff';
    indexer.releases.push({
      title: 'Heat.1995.1080p.BluRay.x264-SWAP',
      torrent,
      infoHash: claimed,
      sizeBytes: 700 * 1024 ** 2,
      seeders: 5,
      tmdbId: 949,
    });
    const found = await activities().search.searchReleases({ media: movie, ids, qualityProfileId: profileId, excluded: [] });
    const release = found.accepted.find((r) => r.title === 'Heat.1995.1080p.BluRay.x264-SWAP')!;
    const error = await activities()
      .download.addRelease({ itemId: crypto.randomUUID(), requestId: crypto.randomUUID(), release })
      .catch((e: unknown) => e);
    expect((error as ApplicationFailure).type).toBe('DownloadErrored');
    expect((error as ApplicationFailure).message).toBe(
      `The indexer gave "Heat.1995.1080p.BluRay.x264-SWAP" the info hash ${claimed}, but it is ${infoHash}`,
    );
    expect(await qbt.client.get(infoHash)).toBeUndefined();
  });
});

describe('torrents a person added', () => {
  it('uses a person’s torrent read-only: not recategorised, not removed, files kept; removes its own', async () => {
    const persons = await presentTorrent('Heat.1995.1080p.BluRay.x264-MINE.mkv', 'movies');
    const ours = await presentTorrent('Heat.1995.720p.BluRay.x264-OURS.mkv', CATEGORY);
    indexer.releases.push({
      title: 'Heat.1995.1080p.BluRay.x264-MINE',
      torrent: persons.torrent,
      infoHash: persons.infoHash,
      sizeBytes: 700 * 1024 ** 2,
      seeders: 5,
      tmdbId: 949,
    });
    const found = await activities().search.searchReleases({ media: movie, ids, qualityProfileId: profileId, excluded: [] });
    const release: ReleaseCandidate = found.accepted.find((r) => r.title === 'Heat.1995.1080p.BluRay.x264-MINE')!;
    const { download } = activities();
    const itemId = crypto.randomUUID();

    expect(await download.addRelease({ itemId, requestId: crypto.randomUUID(), release })).toEqual({
      hash: persons.infoHash,
      owner: 'person',
    });
    expect(await qbt.client.get(persons.infoHash)).toMatchObject({ category: 'movies', tags: '' });
    // The stall, error and cancel paths all end here: a person's torrent stays, with its files.
    expect(await download.removeTorrent({ itemId, hash: persons.infoHash })).toEqual({
      removed: false,
      reason: 'not Reelflow\'s (category "movies"): left as it is',
    });
    expect(await qbt.client.get(persons.infoHash)).toBeDefined();
    expect(existsSync(persons.file)).toBe(true);

    expect(await download.removeTorrent({ itemId, hash: ours.infoHash })).toEqual({ removed: true });
    expect(await qbt.client.get(ours.infoHash)).toBeUndefined();
  });
});
