import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PHASE_CONFIG } from '../../../../src/config/phase-config.js';
import { discoverLibrary } from '../../../../src/media/discovery/index.js';
import { scanTitleFolder, type ScannedShow } from '../../../../src/media/title-scan/index.js';
import { makeImage, makeTempDir, makeVideo } from '../../../support/media-fixtures.js';
import { readFixture } from '../nfo/fixtures/read-fixture.js';

const SHOW = 'Lost (2004)';

let root: string;
let show: ScannedShow;

async function put(relativePath: string, content: string): Promise<void> {
  const absolutePath = path.join(root, SHOW, relativePath);
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFile(absolutePath, content);
}

const video = (relativePath: string): Promise<string> => makeVideo(path.join(root, SHOW, relativePath), { audio: [{ language: 'eng' }] });
const image = (relativePath: string): Promise<string> => makeImage(path.join(root, SHOW, relativePath), 100, 150);

const episodeNfo = (season: number, episode: number, title: string): string =>
  `<episodedetails><title>${title}</title><season>${season}</season><episode>${episode}</episode></episodedetails>`;

beforeAll(async () => {
  root = await makeTempDir('reelflow-title-scan-tv');
  await put(
    'tvshow.nfo',
    '<tvshow><title>Lost</title><uniqueid type="tvdb" default="true">73739</uniqueid><uniqueid type="imdb">tt0411008</uniqueid></tvshow>',
  );
  await image('poster.jpg');
  await image('season01-poster.jpg');
  await image('season-all-banner.jpg');
  await image('season-specials-poster.jpg');

  await video('Season 01/Lost - S01E01E02.mkv');
  await put('Season 01/Lost - S01E01E02.nfo', readFixture('lost-s01e01e02.multi-episode.nfo'));
  await video('Season 01/Lost - S01E03.mkv');
  await put('Season 01/Lost - S01E03.nfo', episodeNfo(1, 3, 'Tabula Rasa'));
  await put('Season 01/Lost - S01E03.en.srt', 'subtitle');
  await image('Season 01/Lost - S01E03-thumb.jpg');
  await video('Season 01/Episode 4.mkv');
  await video('Season 01/Lost - S01E05.mkv');
  await put('Season 01/Lost - S01E05.nfo', '<episodedetails><title>White Rabbit</episodedetails>');
  await video('Season 01/Making of.mkv');
  await image('Season 01/poster.jpg');
  await video('Season 01/Extras/Deleted Scene.mkv');

  await video('Specials/Lost - S00E01.mkv');
  await image('Specials/poster.jpg');
  await video('Lost - S02E01.mkv');
  await video('Extras/Interview.mkv');

  const { titles } = await discoverLibrary(root, 'tv', DEFAULT_PHASE_CONFIG.scan);
  const [title] = titles;
  if (!title || titles.length !== 1) throw new Error(`expected one show, discovered ${titles.map((found) => found.key).join(', ')}`);
  const scanned = await scanTitleFolder(title);
  if (scanned.kind !== 'tvshow') throw new Error('expected a show');
  show = scanned;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('scanTitleFolder on a TV show', () => {
  it('reads tvshow.nfo and identifies the show by its default uniqueid and the others', () => {
    expect(show.nfoPath).toBe('tvshow.nfo');
    expect(show.nfo?.title).toBe('Lost');
    expect(show.identification).toEqual({
      status: 'identified',
      source: 'nfo',
      ids: { tvdb: 73739, imdb: 'tt0411008' },
      parsedTitle: 'Lost',
      parsedYear: 2004,
    });
  });

  it('lists the episodes by season and episode, with the season from the name or else the folder', () => {
    expect(show.episodes.map(({ season, episodes, video: { relativePath } }) => ({ season, episodes, relativePath }))).toEqual([
      { season: 0, episodes: [1], relativePath: 'Specials/Lost - S00E01.mkv' },
      { season: 1, episodes: [1, 2], relativePath: 'Season 01/Lost - S01E01E02.mkv' },
      { season: 1, episodes: [3], relativePath: 'Season 01/Lost - S01E03.mkv' },
      { season: 1, episodes: [4], relativePath: 'Season 01/Episode 4.mkv' },
      { season: 1, episodes: [5], relativePath: 'Season 01/Lost - S01E05.mkv' },
      { season: 2, episodes: [1], relativePath: 'Lost - S02E01.mkv' },
    ]);
  });

  it('probes every episode video', () => {
    for (const episode of show.episodes) {
      expect(episode.video.probeError).toBeUndefined();
      expect(episode.video.mediaInfo?.audio.map((stream) => stream.language)).toEqual(['eng']);
    }
  });

  it('reads each episode NFO, one model per episode of a multi-episode file', () => {
    const byPath = new Map(show.episodes.map((episode) => [episode.video.relativePath, episode]));
    const multi = byPath.get('Season 01/Lost - S01E01E02.mkv');
    expect(multi?.nfoPath).toBe('Season 01/Lost - S01E01E02.nfo');
    expect(multi?.nfo?.map((nfo) => [nfo.title, nfo.episode])).toEqual([
      ['Pilot (1)', 1],
      ['Pilot (2)', 2],
    ]);
    expect(byPath.get('Season 01/Lost - S01E03.mkv')?.nfo?.map((nfo) => nfo.title)).toEqual(['Tabula Rasa']);
    expect(byPath.get('Season 01/Episode 4.mkv')?.nfoPath).toBeUndefined();
  });

  it('keeps an episode whose NFO is malformed, without NFO, and records the NFO', () => {
    const episode = show.episodes.find((candidate) => candidate.video.relativePath === 'Season 01/Lost - S01E05.mkv');
    expect(episode?.nfo).toBeUndefined();
    expect(episode?.nfoPath).toBeUndefined();
    expect(episode?.video.mediaInfo).toBeDefined();
    const nfoError = show.errors.find((error) => error.relativePath === 'Season 01/Lost - S01E05.nfo');
    expect(nfoError?.reason).toMatch(/^Season 01\/Lost - S01E05\.nfo: /);
  });

  it('records a video whose episode cannot be told from its name, and only the problems there are', () => {
    expect(show.errors.map((error) => error.relativePath)).toEqual(['Season 01/Lost - S01E05.nfo', 'Season 01/Making of.mkv']);
    expect(show.errors[1]?.reason).toBe('cannot tell season/episode from the name');
  });

  it('gives an external subtitle to its episode', () => {
    const episode = show.episodes.find((candidate) => candidate.video.relativePath === 'Season 01/Lost - S01E03.mkv');
    expect(episode?.video.externalSubtitles.map((subtitle) => [subtitle.fileName, subtitle.language])).toEqual([
      ['Lost - S01E03.en.srt', 'eng'],
    ]);
  });

  it('keeps the season of season artwork, by name and by folder', () => {
    expect(show.artwork.map(({ relativePath, assetType, season }) => ({ relativePath, assetType, season }))).toEqual([
      { relativePath: 'Season 01/Lost - S01E03-thumb.jpg', assetType: 'thumb', season: undefined },
      { relativePath: 'Season 01/poster.jpg', assetType: 'poster', season: 1 },
      { relativePath: 'Specials/poster.jpg', assetType: 'poster', season: 'specials' },
      { relativePath: 'poster.jpg', assetType: 'poster', season: undefined },
      { relativePath: 'season-all-banner.jpg', assetType: 'banner', season: 'all' },
      { relativePath: 'season-specials-poster.jpg', assetType: 'poster', season: 'specials' },
      { relativePath: 'season01-poster.jpg', assetType: 'poster', season: 1 },
    ]);
    expect(show.artwork.every((artwork) => /^[0-9a-f]{64}$/.test(artwork.sha256) && artwork.width === 100)).toBe(true);
  });

  it('lists nothing from extras folders and no unknown files', () => {
    expect(JSON.stringify(show)).not.toMatch(/Extras|Interview|Deleted Scene/);
    expect(show.unknownFiles).toEqual([]);
  });
});
