import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PHASE_CONFIG } from '../../../../src/config/phase-config.js';
import { discoverLibrary, type DiscoveredTitle } from '../../../../src/media/discovery/index.js';
import { scanTitleFolder, TitleFolderUnreadableError, type ScannedMovie } from '../../../../src/media/title-scan/index.js';
import { makeImage, makeTempDir, makeVideo } from '../../../support/media-fixtures.js';

let root: string;
let titles: DiscoveredTitle[];

async function put(relativePath: string, content: string): Promise<void> {
  const absolutePath = path.join(root, relativePath);
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFile(absolutePath, content);
}

async function scanLoose(key: string): Promise<ScannedMovie> {
  const title = titles.find((candidate) => candidate.key === key);
  if (!title) throw new Error(`no title "${key}" among ${titles.map((candidate) => candidate.key).join(', ')}`);
  const scanned = await scanTitleFolder(title);
  if (scanned.kind !== 'movie') throw new Error('expected a movie');
  return scanned;
}

beforeAll(async () => {
  root = await makeTempDir('reelflow-title-scan-loose');
  await makeVideo(path.join(root, 'Alien.mkv'));
  await put('Alien.nfo', '<movie><title>Alien</title><uniqueid type="tmdb" default="true">348</uniqueid></movie>');
  await makeImage(path.join(root, 'Alien-poster.jpg'), 100, 150);
  await put('Alien.en.srt', 'subtitle');
  await put('Alien.txt', 'a note about Alien');
  await makeVideo(path.join(root, 'Alien-trailer.mkv'));
  await makeVideo(path.join(root, 'Alien-Resurrection.mkv'));
  await put('Alien-Resurrection.nfo', '<movie><title>Alien Resurrection</title><uniqueid type="tmdb">8078</uniqueid></movie>');
  await put('Aliens.nfo', '<movie><title>named like neither</title></movie>');
  await put('movie.nfo', '<movie><title>belongs to no loose file</title><uniqueid type="tmdb">1</uniqueid></movie>');
  await makeImage(path.join(root, 'poster.jpg'), 100, 150);
  await makeVideo(path.join(root, 'The.Thing.1982.1080p.BluRay.x264-GRP.mkv'));
  await makeVideo(path.join(root, 'Some Folder (2000)/Some Folder (2000).mkv'));
  await makeVideo(path.join(root, 'Twins.mkv'));
  await makeVideo(path.join(root, 'Twins.mp4'), { container: 'mp4' });
  await put('Twins.nfo', '<movie><title>Twins</title><uniqueid type="tmdb">9493</uniqueid></movie>');
  ({ titles } = await discoverLibrary(root, 'movie', DEFAULT_PHASE_CONFIG.scan));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('scanTitleFolder on a movie file loose in the library root', () => {
  it('scans the video and only the files named after it', async () => {
    const scanned = await scanLoose('Alien.mkv');

    expect(scanned.folderPath).toBe(root);
    expect(scanned.videoFiles.map((video) => video.relativePath)).toEqual(['Alien.mkv']);
    expect(scanned.videoFiles[0]?.mediaInfo?.container).toBe('mkv');
    expect(scanned.videoFiles[0]?.externalSubtitles.map((subtitle) => subtitle.fileName)).toEqual(['Alien.en.srt']);
    expect(scanned.nfoPath).toBe('Alien.nfo');
    expect(scanned.artwork.map((artwork) => [artwork.relativePath, artwork.assetType])).toEqual([['Alien-poster.jpg', 'poster']]);
    expect(scanned.unknownFiles).toEqual([{ relativePath: 'Alien.txt', sizeBytes: 'a note about Alien'.length }]);
    expect(scanned.errors).toEqual([]);
  });

  it('identifies it by its own NFO, never by the root movie.nfo, and parses the title from the file name', async () => {
    const scanned = await scanLoose('Alien.mkv');

    expect(scanned.identification).toEqual({ status: 'identified', source: 'nfo', ids: { tmdb: 348 }, parsedTitle: 'Alien' });
  });

  it('leaves the files of a loose movie whose name extends it to that movie', async () => {
    const alien = await scanLoose('Alien.mkv');
    const resurrection = await scanLoose('Alien-Resurrection.mkv');

    expect(JSON.stringify(alien)).not.toContain('Resurrection');
    expect(resurrection.nfoPath).toBe('Alien-Resurrection.nfo');
    expect(resurrection.identification.ids).toEqual({ tmdb: 8078 });
    expect(resurrection.artwork).toEqual([]);
  });

  it('does not take another loose video of the same name for an unknown file of its own', async () => {
    const mkv = await scanLoose('Twins.mkv');

    expect(mkv.videoFiles.map((video) => video.relativePath)).toEqual(['Twins.mkv']);
    expect(mkv.unknownFiles).toEqual([]);
    expect(mkv.errors).toEqual([]);
    expect(mkv.nfoPath).toBe('Twins.nfo');
  });

  it('reads title and year from a release-style file name when nothing names an id', async () => {
    const scanned = await scanLoose('The.Thing.1982.1080p.BluRay.x264-GRP.mkv');

    expect(scanned.nfoPath).toBeUndefined();
    expect(scanned.identification).toEqual({
      status: 'unidentified',
      source: 'folder-name',
      ids: {},
      parsedTitle: 'The Thing',
      parsedYear: 1982,
    });
    expect(scanned.unknownFiles).toEqual([]);
  });
});

describe('scanTitleFolder on a folder that cannot be listed', () => {
  it('rejects with an error naming the folder', async () => {
    const title = titles.find((candidate) => candidate.key === 'Some Folder (2000)');
    if (!title) throw new Error('Some Folder (2000) was not discovered');
    const gone = { ...title, folderPath: path.join(root, 'Gone (2000)') };

    const scanning = scanTitleFolder(gone);

    await expect(scanning).rejects.toBeInstanceOf(TitleFolderUnreadableError);
    await expect(scanning).rejects.toThrow(`cannot read title folder ${path.join(root, 'Gone (2000)')}: ENOENT: no such file or directory`);
  });

  it('rejects when the root of a loose movie file cannot be listed', async () => {
    const title = titles.find((candidate) => candidate.key === 'Alien.mkv');
    if (!title) throw new Error('Alien.mkv was not discovered');

    await expect(scanTitleFolder({ ...title, folderPath: path.join(root, 'missing-root') })).rejects.toThrow(/missing-root/);
  });

  it('refuses a concurrency that is not a positive integer', async () => {
    const title = titles.find((candidate) => candidate.key === 'Alien.mkv');
    if (!title) throw new Error('Alien.mkv was not discovered');

    await expect(scanTitleFolder(title, { concurrency: 0 })).rejects.toThrow(RangeError);
  });
});
