import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanConfig } from '../../../../src/config/phase-config.js';
import { discoverLibrary, type DiscoveredTitle, type DiscoveryResult } from '../../../../src/media/discovery/index.js';

const config: ScanConfig = { ignorePatterns: [], minVideoSizeMb: 0, videoExtensions: ['.mkv', '.mp4', '.avi'] };

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'reelflow-movies-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Writes a file under the library root, creating its folders; video content does not matter here. */
function put(relativePath: string, content: string | Buffer = 'video bytes'): string {
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

describe('discoverLibrary on a movie library', () => {
  it('finds movie folders, loose files in the root and movies nested in collections, sorted by key', async () => {
    put('Heat (1995)/Heat (1995).mkv');
    put('Heat (1995)/Heat (1995).nfo', '<movie/>');
    put('Loose Movie (2003).mp4');
    put('Collections/Trilogy/Part One (1999)/Part One (1999).mkv');
    put('Collections/Trilogy/Part Two (2001)/Part Two (2001).avi');
    put('Collections/Trilogy/collection.nfo', '<set/>');
    put('notes.txt', 'not a movie');

    const result = await discoverLibrary(root, 'movie', config);

    expect(result.titles.map((title) => title.key)).toEqual([
      'Collections/Trilogy/Part One (1999)',
      'Collections/Trilogy/Part Two (2001)',
      'Heat (1995)',
      'Loose Movie (2003).mp4',
    ]);
    expect(result.titles.every((title) => title.kind === 'movie')).toBe(true);
    const heat = titleOf(result, 'Heat (1995)');
    expect(heat.folderPath).toBe(path.join(root, 'Heat (1995)'));
    expect(heat.videoFiles).toEqual([{ relativePath: 'Heat (1995).mkv', sizeBytes: 11, mtimeMs: expect.any(Number) }]);
    expect(heat.fileCount).toBe(2);
    expect(titleOf(result, 'Loose Movie (2003).mp4').folderPath).toBe(root);
    // root, Heat, Collections, Trilogy, Part One, Part Two
    expect(result.directoriesVisited).toBe(6);
    expect(result.issues).toEqual([]);
  });

  it('makes several versions in one folder one title with several videos', async () => {
    put('Movie (2010)/Movie (2010) - 2160p.mkv');
    put('Movie (2010)/Movie (2010) - 1080p.mkv');

    const result = await discoverLibrary(root, 'movie', config);

    expect(result.titles).toHaveLength(1);
    expect(videoPaths(titleOf(result, 'Movie (2010)'))).toEqual(['Movie (2010) - 1080p.mkv', 'Movie (2010) - 2160p.mkv']);
  });

  it('gives a loose root file the files named after it, and a nested name to its longest owner', async () => {
    for (const name of ['Alien.mkv', 'Alien.nfo', 'Alien-poster.jpg', 'Alien.en.srt', 'Alien-trailer.mkv']) put(name, name);
    for (const name of ['Alien-Resurrection.mkv', 'Alien-Resurrection.nfo']) put(name, name);
    put('Aliens.nfo', 'named like neither');

    const first = await discoverLibrary(root, 'movie', config);
    expect(first.titles.map((title) => title.key)).toEqual(['Alien-Resurrection.mkv', 'Alien.mkv']);
    expect(titleOf(first, 'Alien.mkv').fileCount).toBe(5);
    expect(videoPaths(titleOf(first, 'Alien.mkv'))).toEqual(['Alien.mkv']);
    expect(titleOf(first, 'Alien-Resurrection.mkv').fileCount).toBe(2);

    put('Aliens.nfo', 'changed, but owned by no title');
    const unrelatedChange = await discoverLibrary(root, 'movie', config);
    expect(unrelatedChange.titles).toEqual(first.titles);

    put('Alien.en.srt', 'changed subtitles');
    const siblingChange = await discoverLibrary(root, 'movie', config);
    expect(titleOf(siblingChange, 'Alien.mkv').fingerprint).not.toBe(titleOf(first, 'Alien.mkv').fingerprint);
    expect(titleOf(siblingChange, 'Alien-Resurrection.mkv').fingerprint).toBe(titleOf(first, 'Alien-Resurrection.mkv').fingerprint);
  });

  it('keeps loose videos that share a name as separate titles owning the same files', async () => {
    for (const name of ['Movie (2010).mkv', 'Movie (2010).mp4', 'Movie (2010).nfo']) put(name, name);

    const result = await discoverLibrary(root, 'movie', config);

    expect(result.titles.map((title) => title.key)).toEqual(['Movie (2010).mkv', 'Movie (2010).mp4']);
    expect(result.titles.map((title) => title.fileCount)).toEqual([3, 3]);
    expect(videoPaths(titleOf(result, 'Movie (2010).mp4'))).toEqual(['Movie (2010).mp4']);
  });

  it('counts extras, trailers and samples toward the fingerprint but never as videos or titles', async () => {
    put('Movie (2010)/Movie (2010).mkv');
    put('Movie (2010)/Movie (2010)-trailer.mkv');
    put('Movie (2010)/sample.mkv');
    put('Movie (2010)/Movie (2010).sample.mkv');
    put('Movie (2010)/Movie (2010)-sample.mkv');
    put('Movie (2010)/Extras/Making Of.mkv');
    put('Movie (2010)/Featurettes/Stunts.mkv');
    put('Movie (2010)/Trailers/Teaser.mkv');
    put('Movie (2010)/Behind The Scenes/Set Visit.mkv');
    // Extras folders outside any movie are not movies either.
    put('Trailers/Coming Soon (2030)/Coming Soon (2030).mkv');
    put('Collections/Trilogy/Extras/Reunion.mkv');

    const result = await discoverLibrary(root, 'movie', config);

    expect(result.titles.map((title) => title.key)).toEqual(['Movie (2010)']);
    const movie = titleOf(result, 'Movie (2010)');
    expect(videoPaths(movie)).toEqual(['Movie (2010).mkv']);
    expect(movie.fileCount).toBe(9);

    put('Movie (2010)/Featurettes/Stunts.mkv', 'a longer cut of the featurette');
    const afterExtraChanged = await discoverLibrary(root, 'movie', config);
    expect(titleOf(afterExtraChanged, 'Movie (2010)').fingerprint).not.toBe(movie.fingerprint);
  });

  it('counts artwork folders toward the fingerprint without searching them for movies', async () => {
    put('Movie (2010)/Movie (2010).mkv');
    put('Movie (2010)/extrafanart/fanart1.jpg', 'jpg');
    put('Movie (2010)/extrathumbs/thumb1.jpg', 'jpg');
    put('extrafanart/Stray (2000).mkv');

    const before = await discoverLibrary(root, 'movie', config);
    expect(before.titles.map((title) => title.key)).toEqual(['Movie (2010)']);
    expect(titleOf(before, 'Movie (2010)').fileCount).toBe(3);

    put('Movie (2010)/extrafanart/fanart2.jpg', 'jpg');
    const after = await discoverLibrary(root, 'movie', config);
    expect(titleOf(after, 'Movie (2010)').fingerprint).not.toBe(titleOf(before, 'Movie (2010)').fingerprint);
    expect(titleOf(after, 'Movie (2010)').fileCount).toBe(4);
  });

  it('skips hidden entries, yet counts the portraits in .actors toward the fingerprint and never as videos', async () => {
    put('Movie (2010)/Movie (2010).mkv');
    put('Movie (2010)/.DS_Store', 'finder state');
    put('Movie (2010)/._Movie (2010).mkv', 'AppleDouble');
    put('Movie (2010)/.actors/Jane_Doe.jpg', 'portrait');
    put('Movie (2010)/.actors/Promo.mkv', 'a video among the portraits');
    put('.hidden/Secret (2000)/Secret (2000).mkv');
    put('.Hidden Loose (2001).mkv');

    const before = await discoverLibrary(root, 'movie', config);
    expect(before.titles.map((title) => title.key)).toEqual(['Movie (2010)']);
    const movie = titleOf(before, 'Movie (2010)');
    expect(videoPaths(movie)).toEqual(['Movie (2010).mkv']);
    expect(movie.fileCount).toBe(3);

    put('Movie (2010)/.DS_Store', 'finder state, changed');
    expect(titleOf(await discoverLibrary(root, 'movie', config), 'Movie (2010)').fingerprint).toBe(movie.fingerprint);

    put('Movie (2010)/.actors/Jane_Doe.jpg', 'a better portrait');
    expect(titleOf(await discoverLibrary(root, 'movie', config), 'Movie (2010)').fingerprint).not.toBe(movie.fingerprint);
  });

  it('keeps unicode and spaces in keys and paths exactly as on disk', async () => {
    put('Amélie (2001)/Amélie (2001).mkv');
    put('千と千尋の神隠し (2001)/千と千尋の神隠し (2001).mkv');
    put('Léon  The Professional (1994).mkv');

    const result = await discoverLibrary(root, 'movie', config);

    expect(result.titles.map((title) => title.key)).toEqual([
      'Amélie (2001)',
      'Léon  The Professional (1994).mkv',
      '千と千尋の神隠し (2001)',
    ]);
    expect(titleOf(result, '千と千尋の神隠し (2001)').folderPath).toBe(path.join(root, '千と千尋の神隠し (2001)'));
    expect(videoPaths(titleOf(result, 'Amélie (2001)'))).toEqual(['Amélie (2001).mkv']);
  });

  it('leaves out whatever an ignore pattern matches by name or by relative path', async () => {
    put('Movie (2010)/Movie (2010).mkv');
    put('Movie (2010)/Movie (2010).nfo', '<movie/>');
    put('Movie (2010)/@eaDir/Movie (2010).mkv@SynoEAStream', 'thumbnail');
    put('Movie (2010)/Movie (2010).mkv.part', 'partial download');
    put('Downloading (2024)/Downloading (2024).mkv.part', 'partial download');
    put('Collections/Old/Forgotten (1980)/Forgotten (1980).mkv');
    put('Collections/Kept (1990)/Kept (1990).mkv');
    put('Deep/Nested/Unsorted/Unknown (2000)/Unknown (2000).mkv');
    const ignoring: ScanConfig = { ...config, ignorePatterns: ['@eaDir', '*.part', 'Collections/Old/**', '**/Unsorted'] };

    const result = await discoverLibrary(root, 'movie', ignoring);

    expect(result.titles.map((title) => title.key)).toEqual(['Collections/Kept (1990)', 'Movie (2010)']);
    expect(titleOf(result, 'Movie (2010)').fileCount).toBe(2);
    const withoutIgnoring = await discoverLibrary(root, 'movie', config);
    expect(titleOf(withoutIgnoring, 'Movie (2010)').fileCount).toBe(4);
  });

  it('takes only videos of at least minVideoSizeMb, counting smaller ones toward the fingerprint', async () => {
    const twoMebibytes = Buffer.alloc(2 * 1024 * 1024, 1);
    const justUnderOne = Buffer.alloc(1024 * 1024 - 1, 1);
    put('Big (2010)/Big (2010).mkv', twoMebibytes);
    put('Big (2010)/Small extra.mkv', justUnderOne);
    put('Small (2011)/Small (2011).mkv', justUnderOne);

    const result = await discoverLibrary(root, 'movie', { ...config, minVideoSizeMb: 1 });

    expect(result.titles.map((title) => title.key)).toEqual(['Big (2010)']);
    expect(titleOf(result, 'Big (2010)').videoFiles).toEqual([
      { relativePath: 'Big (2010).mkv', sizeBytes: twoMebibytes.length, mtimeMs: expect.any(Number) },
    ]);
    expect(titleOf(result, 'Big (2010)').fileCount).toBe(2);
    expect(result.issues).toEqual([]);
  });

  it('takes only the configured extensions, whatever their case', async () => {
    put('Upper (2010)/Upper (2010).MKV');
    put('Text (2011)/Text (2011).txt', 'not a video');
    put('Webm (2012)/Webm (2012).webm');

    const result = await discoverLibrary(root, 'movie', config);

    expect(result.titles.map((title) => title.key)).toEqual(['Upper (2010)']);
  });

  it('reports a zero-byte video and goes on', async () => {
    const emptyOnly = put('Empty (2010)/Empty (2010).mkv', '');
    const emptyVersion = put('Movie (2011)/Movie (2011) - 2160p.mkv', '');
    put('Movie (2011)/Movie (2011) - 1080p.mkv');
    const emptyLoose = put('Loose (2012).mkv', '');

    const result = await discoverLibrary(root, 'movie', config);

    expect(result.titles.map((title) => title.key)).toEqual(['Movie (2011)']);
    expect(videoPaths(titleOf(result, 'Movie (2011)'))).toEqual(['Movie (2011) - 1080p.mkv']);
    expect(titleOf(result, 'Movie (2011)').fileCount).toBe(2);
    expect(result.issues).toEqual([emptyOnly, emptyLoose, emptyVersion].sort().map((file) => ({ path: file, reason: 'zero-byte video' })));
  });

  it('does not search a movie folder for more movies, but counts what is below it', async () => {
    put('Movie (1999)/Movie (1999).mkv');
    put('Movie (1999)/Subs/English.srt', 'subtitles');
    put('Movie (1999)/Movie (1999) Extended/Movie (1999) Extended.mkv');

    const result = await discoverLibrary(root, 'movie', config);

    expect(result.titles.map((title) => title.key)).toEqual(['Movie (1999)']);
    expect(videoPaths(titleOf(result, 'Movie (1999)'))).toEqual(['Movie (1999).mkv']);
    expect(titleOf(result, 'Movie (1999)').fileCount).toBe(3);
  });
});

describe('movie fingerprints', () => {
  beforeEach(() => {
    put('Movie (2010)/Movie (2010).mkv');
    put('Movie (2010)/Movie (2010).nfo', '<movie/>');
    put('Movie (2010)/poster.jpg', 'jpg');
    put('Other (2011)/Other (2011).mkv');
  });

  it('are the same across two walks of an unchanged library', async () => {
    const first = await discoverLibrary(root, 'movie', config);
    const second = await discoverLibrary(root, 'movie', config, { concurrency: 1 });
    expect(second).toEqual(first);
    expect(new Set(first.titles.map((title) => title.fingerprint)).size).toBe(2);
  });

  it.each([
    ['a touched file', () => utimesSync(path.join(root, 'Movie (2010)/poster.jpg'), new Date(), new Date('2001-02-03T04:05:06Z'))],
    ['a renamed file', () => renameSync(path.join(root, 'Movie (2010)/poster.jpg'), path.join(root, 'Movie (2010)/folder.jpg'))],
    ['an added file', () => put('Movie (2010)/fanart.jpg', 'jpg')],
    ['a removed file', () => rmSync(path.join(root, 'Movie (2010)/Movie (2010).nfo'))],
    ['a rewritten file of another size', () => put('Movie (2010)/Movie (2010).nfo', '<movie><title>Movie</title></movie>')],
  ])('change with %s, and only for that title', async (_change, change) => {
    const before = await discoverLibrary(root, 'movie', config);
    change();
    const after = await discoverLibrary(root, 'movie', config);
    expect(titleOf(after, 'Movie (2010)').fingerprint).not.toBe(titleOf(before, 'Movie (2010)').fingerprint);
    expect(titleOf(after, 'Other (2011)').fingerprint).toBe(titleOf(before, 'Other (2011)').fingerprint);
  });
});
