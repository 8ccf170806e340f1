import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { infoHashOfTorrent } from '../../src/integrations/bittorrent/torrent-file.js';
import { TorznabClient } from '../../src/integrations/torznab/torznab-client.js';
import { resolveIndexerSecrets } from '../../src/integrations/torznab/indexer-secrets.js';
import { startFakeTorznab, TORZNAB_FAKE_API_KEY } from '../fakes/torznab.js';
import { onCleanup } from '../support/cleanup.js';
import { makeVideo } from '../support/media-fixtures.js';
import { introducePeers, seed, startQbittorrent } from '../support/qbittorrent.js';
import { tempDir } from '../support/temp-dir.js';
import { createTorrent } from '../support/torrent-creator.js';

describe('qBittorrent WebUI client and Torznab client on loopback', () => {
  it('finds a release through Torznab and downloads it from a seeding qBittorrent through the WebUI API', async () => {
    const [seeder, downloader] = await Promise.all([startQbittorrent('seed'), startQbittorrent('get')]);
    const seedDir = tempDir('reelflow-seed-');
    const name = 'Show.S01E01.1080p.WEB-DL.x264-GRP.mkv';
    await makeVideo(path.join(seedDir, name), { seconds: 2 });
    const { torrent, infoHash } = await createTorrent({ root: seedDir, files: [name] });
    expect(infoHashOfTorrent(torrent)).toBe(infoHash);
    await seed(seeder, torrent, seedDir);

    const indexer = await startFakeTorznab([
      { title: 'Show.S01E01.1080p.WEB-DL.x264-GRP', torrent, sizeBytes: 1_000_000, seeders: 1, tvdbId: 42, season: 1, episode: 1 },
    ]);
    onCleanup(() => indexer.close());
    const client = new TorznabClient({ name: 'fake', apiUrl: indexer.apiUrl });
    const caps = await client.capabilities();
    expect(caps.tvSearch.params).toContain('tvdbid');
    expect(await client.search({ kind: 'tv', tvdbId: 43, season: 1, episode: 1 })).toHaveLength(0);
    expect(await client.search({ kind: 'tv', tvdbId: 42, season: 1, episode: 2 })).toHaveLength(0);
    const [release] = await client.search({ kind: 'tv', tvdbId: 42, tmdbId: 1396, season: 1, episode: 1 });
    expect(release).toMatchObject({ title: 'Show.S01E01.1080p.WEB-DL.x264-GRP', sizeBytes: 1_000_000, seeders: 1 });
    expect(indexer.searches.at(-1)).toMatchObject({ t: 'tvsearch', tvdbid: '42', season: '1', ep: '1', cat: '5000' });
    expect(indexer.searches.at(-1)!.tmdbid).toBeUndefined();

    // The link as found carries no API key; the indexer's configured URL fills it in.
    expect(release!.downloadUrl).not.toContain(TORZNAB_FAKE_API_KEY);
    expect(release!.downloadUrl).toMatch(/\?apikey=\{indexer-secret:query\.apikey\}$/);
    const fetched = Buffer.from(
      await (await fetch(resolveIndexerSecrets(release!.downloadUrl, { name: 'fake', apiUrl: indexer.apiUrl }))).arrayBuffer(),
    );
    introducePeers(downloader, seeder);
    await downloader.client.add({ kind: 'file', torrent: fetched, fileName: 'x.torrent' }, { category: 'reelflow', tags: ['t1'] });
    const deadline = Date.now() + 30_000;
    let info = await downloader.client.get(infoHash);
    while ((info?.progress ?? 0) < 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      info = await downloader.client.get(infoHash);
    }
    expect(info).toMatchObject({ progress: 1, category: 'reelflow' });
    const files = await downloader.client.files(infoHash);
    expect(files.map((f) => f.name)).toEqual([name]);
    expect(await readFile(path.join(info!.save_path, name))).toEqual(await readFile(path.join(seedDir, name)));

    await downloader.client.delete([infoHash], true);
    expect(await downloader.client.get(infoHash)).toBeUndefined();
  });
});
