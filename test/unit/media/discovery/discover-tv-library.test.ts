import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanConfig } from '../../../../src/config/phase-config.js';
import { discoverLibrary, type DiscoveredTitle, type DiscoveryResult } from '../../../../src/media/discovery/index.js';

const config: ScanConfig = { ignorePatterns: [], minVideoSizeMb: 0, videoExtensions: ['.mkv', '.mp4', '.avi'] };

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'reelflow-tv-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function put(relativePath: string, content: string = 'video bytes'): string {
  const absolutePath = path.join(root, relativePath);
  mkdirSync(path.dirname(absolutePath), { recursive: true });
  writeFileSync(absolutePath, content);
  return absolutePath;
}

function titleOf(result: DiscoveryResult, key: string): DiscoveredTitle {
  const title = result.titles.find((candidate) => candidate.key === key);
  if (!title) throw new Error(`no title "${key}" among ${result.titles.map((candidate) => candidate.key).join(', ')}`);
  return title;
}

const videoPaths = (title: DiscoveredTitle): string[] => title.videoFiles.map((video) => video.relativePath);

describe('discoverLibrary on a TV library', () => {
  it('finds shows by season folders, Specials, S01 folders and flat SxxEyy or 1x02 episodes', async () => {
    put('Seasoned Show/Season 01/Seasoned Show - S01E01.mkv');
    put('Seasoned Show/Season 01/Seasoned Show - S01E02.mkv');
    put('Seasoned Show/Season 02/Seasoned Show - S02E01.mkv');
    put('Seasoned Show/Specials/Seasoned Show - S00E01.mkv');
    put('Seasoned Show/tvshow.nfo', '<tvshow/>');
    put('Short Show/S01/Short Show 01.mkv');
    put('Flat Show/Flat Show - S01E01.mkv');
    put('Flat Show/Flat Show - S01E02.mkv');
    put('Cross Show/Cross Show 1x01.mkv');

    const result = await discoverLibrary(root, 'tv', config);

    expect(result.titles.map((title) => title.key)).toEqual(['Cross Show', 'Flat Show', 'Seasoned Show', 'Short Show']);
    expect(result.titles.every((title) => title.kind === 'tvshow')).toBe(true);
    expect(videoPaths(titleOf(result, 'Seasoned Show'))).toEqual([
      'Season 01/Seasoned Show - S01E01.mkv',
      'Season 01/Seasoned Show - S01E02.mkv',
      'Season 02/Seasoned Show - S02E01.mkv',
      'Specials/Seasoned Show - S00E01.mkv',
    ]);
    expect(titleOf(result, 'Seasoned Show').fileCount).toBe(5);
    expect(titleOf(result, 'Seasoned Show').folderPath).toBe(path.join(root, 'Seasoned Show'));
    // A video directly in a season folder is an episode of that season even when its name has no SxxEyy.
    expect(videoPaths(titleOf(result, 'Short Show'))).toEqual(['S01/Short Show 01.mkv']);
    expect(videoPaths(titleOf(result, 'Flat Show'))).toEqual(['Flat Show - S01E01.mkv', 'Flat Show - S01E02.mkv']);
    expect(videoPaths(titleOf(result, 'Cross Show'))).toEqual(['Cross Show 1x01.mkv']);
    expect(result.issues).toEqual([]);
  });

  it('keeps extras, samples and non-episode videos of a show out of its episodes but in its fingerprint', async () => {
    put('Show/Season 01/Show - S01E01.mkv');
    put('Show/Season 01/Show - S01E01-sample.mkv');
    put('Show/Season 01/Featurettes/Show - S01E01 - Making Of.mkv');
    put('Show/Extras/Show - S01E00 - Gag Reel.mkv');
    put('Show/theme-trailer.mkv');
    put('Show/Opening Titles.mkv');
    put('Show/.actors/Jane_Doe.jpg', 'portrait');

    const before = await discoverLibrary(root, 'tv', config);

    expect(before.titles.map((title) => title.key)).toEqual(['Show']);
    expect(videoPaths(titleOf(before, 'Show'))).toEqual(['Season 01/Show - S01E01.mkv']);
    expect(titleOf(before, 'Show').fileCount).toBe(7);

    put('Show/Season 01/Featurettes/Show - S01E01 - Making Of.mkv', 'recut');
    const after = await discoverLibrary(root, 'tv', config);
    expect(titleOf(after, 'Show').fingerprint).not.toBe(titleOf(before, 'Show').fingerprint);
  });

  it('searches category folders for shows and reports videos outside any show', async () => {
    put('Anime/Some Anime/Season 1/Some Anime - S01E01.mkv');
    put('Anime/Some Anime/Season 1/Some Anime - S01E02.mkv');
    put('Documentaries/Planet (2006)/Planet - S01E01.mkv');
    const looseEpisode = put('Stray Show - S03E04.mkv');
    const strayVideo = put('Unsorted/Home Video.mkv');
    const emptyEpisode = put('Empty Show/Empty Show - S01E01.mkv', '');

    const result = await discoverLibrary(root, 'tv', config);

    expect(result.titles.map((title) => title.key)).toEqual(['Anime/Some Anime', 'Documentaries/Planet (2006)']);
    expect(result.issues).toEqual([
      { path: emptyEpisode, reason: 'zero-byte video' },
      { path: looseEpisode, reason: 'video outside a show folder' },
      { path: strayVideo, reason: 'video outside a show folder' },
    ]);
  });

  it('finds a show whose season folders hold no episodes yet, with no videos', async () => {
    mkdirSync(path.join(root, 'Upcoming Show/Season 01'), { recursive: true });
    put('Upcoming Show/tvshow.nfo', '<tvshow/>');

    const result = await discoverLibrary(root, 'tv', config);

    expect(result.titles).toEqual([expect.objectContaining({ key: 'Upcoming Show', kind: 'tvshow', videoFiles: [], fileCount: 1 })]);
  });

  it('reads a movie-style folder in a TV library as no show', async () => {
    put('Movie (2010)/Movie (2010).mkv');

    const result = await discoverLibrary(root, 'tv', config);

    expect(result.titles).toEqual([]);
    expect(result.issues).toEqual([{ path: path.join(root, 'Movie (2010)/Movie (2010).mkv'), reason: 'video outside a show folder' }]);
  });
});
