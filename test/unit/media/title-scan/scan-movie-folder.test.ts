import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PHASE_CONFIG } from '../../../../src/config/phase-config.js';
import { discoverLibrary, type DiscoveredTitle } from '../../../../src/media/discovery/index.js';
import { scanTitleFolder, type ScannedMovie, type ScannedTitle } from '../../../../src/media/title-scan/index.js';
import { mediaInfoThread } from '../../../../src/media/mediainfo-thread.js';
import { makeImage, makeTempDir, makeVideo } from '../../../support/media-fixtures.js';

let root: string;

beforeAll(async () => {
  root = await makeTempDir('reelflow-title-scan-movies');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(relativePath: string, content: string | Buffer): Promise<string> {
  const absolutePath = path.join(root, relativePath);
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFile(absolutePath, content);
  return absolutePath;
}

/** Discovers the library as the scan activity will, and returns the one title with this key. */
async function discover(key: string): Promise<DiscoveredTitle> {
  const { titles } = await discoverLibrary(root, 'movie', DEFAULT_PHASE_CONFIG.scan);
  const title = titles.find((candidate) => candidate.key === key);
  if (!title) throw new Error(`no title "${key}" among ${titles.map((candidate) => candidate.key).join(', ')}`);
  return title;
}

function asMovie(scanned: ScannedTitle): ScannedMovie {
  if (scanned.kind !== 'movie') throw new Error(`expected a movie, got ${scanned.kind}`);
  return scanned;
}

async function sha256Of(absolutePath: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(absolutePath))
    .digest('hex');
}

const movieNfo = (ids: string, title = 'Some Movie'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<movie>\n  <title>${title}</title>\n${ids}\n</movie>\n`;

describe('scanTitleFolder on a full movie folder', () => {
  const folder = 'The Matrix (1999)';
  let scanned: ScannedMovie;

  beforeAll(async () => {
    await makeVideo(path.join(root, folder, 'The Matrix (1999).mkv'), {
      audio: [{ language: 'eng', channels: 2 }, { language: 'ger' }],
      subtitles: [{ language: 'fre' }],
    });
    await put(`${folder}/The Matrix (1999).en.srt`, '1\n00:00:00,000 --> 00:00:01,000\nWake up, Neo.\n');
    await put(
      `${folder}/movie.nfo`,
      movieNfo('  <uniqueid type="imdb">tt0133093</uniqueid>\n  <uniqueid type="tmdb" default="true">603</uniqueid>', 'The Matrix'),
    );
    await makeImage(path.join(root, folder, 'poster.jpg'), 200, 300, 'red');
    await makeImage(path.join(root, folder, 'fanart.jpg'), 320, 180, 'blue');
    await makeImage(path.join(root, folder, 'clearlogo.png'), 400, 155, 'white');
    await makeImage(path.join(root, folder, 'The Matrix (1999)-landscape.jpg'), 160, 90, 'green');
    await makeImage(path.join(root, folder, 'extrafanart/fanart1.jpg'), 320, 180, 'yellow');
    await makeImage(path.join(root, folder, '.actors/Keanu_Reeves.jpg'), 100, 150, 'black');
    await put(`${folder}/notes.txt`, 'ripped from my own disc\n');
    await put(`${folder}/.DS_Store`, 'finder state');
    await makeVideo(path.join(root, folder, 'extras/Behind the Code.mkv'));
    await put(`${folder}/extras/notes.txt`, 'an extra note');
    await makeVideo(path.join(root, folder, 'The Matrix (1999)-trailer.mkv'));
    await makeVideo(path.join(root, folder, 'sample.mkv'));

    scanned = asMovie(await scanTitleFolder(await discover(folder)));
  });

  it('keeps the discovered identity of the title', async () => {
    const title = await discover(folder);
    expect(scanned).toMatchObject({ kind: 'movie', key: folder, folderPath: title.folderPath, fingerprint: title.fingerprint });
  });

  it('reads movie.nfo and identifies the title by its uniqueids', () => {
    expect(scanned.nfoPath).toBe('movie.nfo');
    expect(scanned.nfo?.title).toBe('The Matrix');
    expect(scanned.identification).toEqual({
      status: 'identified',
      source: 'nfo',
      ids: { tmdb: 603, imdb: 'tt0133093' },
      parsedTitle: 'The Matrix',
      parsedYear: 1999,
    });
  });

  it('probes the video: both audio languages and the embedded subtitle', async () => {
    const absolutePath = path.join(root, folder, 'The Matrix (1999).mkv');
    const { size } = await stat(absolutePath);
    expect(scanned.videoFiles).toHaveLength(1);
    const [video] = scanned.videoFiles;
    expect(video?.relativePath).toBe('The Matrix (1999).mkv');
    expect(video?.sizeBytes).toBe(size);
    expect(video?.probeError).toBeUndefined();
    expect(video?.mediaInfo?.container).toBe('mkv');
    expect(video?.mediaInfo?.audio.map((stream) => stream.language)).toEqual(['eng', 'ger']);
    expect(video?.mediaInfo?.subtitles.map((stream) => stream.language)).toEqual(['fre']);
  });

  it('gives the external subtitle to its video', () => {
    expect(scanned.videoFiles[0]?.externalSubtitles).toEqual([
      { fileName: 'The Matrix (1999).en.srt', format: 'srt', language: 'eng', forced: false, sdh: false },
    ]);
  });

  it('hashes and measures every artwork file, sorted by path', async () => {
    expect(
      scanned.artwork.map(({ relativePath, assetType, width, height, format }) => ({ relativePath, assetType, width, height, format })),
    ).toEqual([
      { relativePath: 'The Matrix (1999)-landscape.jpg', assetType: 'landscape', width: 160, height: 90, format: 'jpg' },
      { relativePath: 'clearlogo.png', assetType: 'clearlogo', width: 400, height: 155, format: 'png' },
      { relativePath: 'extrafanart/fanart1.jpg', assetType: 'extrafanart', width: 320, height: 180, format: 'jpg' },
      { relativePath: 'fanart.jpg', assetType: 'fanart', width: 320, height: 180, format: 'jpg' },
      { relativePath: 'poster.jpg', assetType: 'poster', width: 200, height: 300, format: 'jpg' },
    ]);
    const poster = scanned.artwork.find((artwork) => artwork.relativePath === 'poster.jpg');
    const posterPath = path.join(root, folder, 'poster.jpg');
    expect(poster?.sha256).toBe(await sha256Of(posterPath));
    expect(poster?.sizeBytes).toBe((await stat(posterPath)).size);
    expect(poster?.season).toBeUndefined();
  });

  it('lists the actor portrait under the name the file gives', () => {
    expect(scanned.actorThumbs).toEqual([{ actorName: 'Keanu_Reeves', relativePath: '.actors/Keanu_Reeves.jpg' }]);
  });

  it('lists the unknown file with its size, and nothing from extras, trailers, samples or hidden files', () => {
    expect(scanned.unknownFiles).toEqual([{ relativePath: 'notes.txt', sizeBytes: 'ripped from my own disc\n'.length }]);
    const everyPath = [
      ...scanned.videoFiles.map((video) => video.relativePath),
      ...scanned.artwork.map((artwork) => artwork.relativePath),
      ...scanned.unknownFiles.map((file) => file.relativePath),
      ...scanned.errors.map((error) => error.relativePath),
    ];
    expect(everyPath.filter((relativePath) => /extras\/|trailer|sample|DS_Store/.test(relativePath))).toEqual([]);
  });

  it('records no errors', () => {
    expect(scanned.errors).toEqual([]);
  });

  it('gives the same result when scanned again, probing one file at a time', async () => {
    const again = await scanTitleFolder(await discover(folder), { concurrency: 1 });
    expect(again).toEqual(scanned);
  });
});

describe('scanTitleFolder choosing a movie NFO', () => {
  it('scans every version in a folder and reads the NFO named after the first', async () => {
    const folder = 'Movie (2010)';
    await makeVideo(path.join(root, folder, 'Movie (2010) - 2160p.mkv'), { width: 320, height: 180 });
    await makeVideo(path.join(root, folder, 'Movie (2010) - 1080p.mkv'), { width: 160, height: 90 });
    await put(`${folder}/Movie (2010) - 1080p.nfo`, movieNfo('<uniqueid type="tmdb">27205</uniqueid>'));
    await put(`${folder}/Movie (2010) - 2160p.nfo`, movieNfo('<uniqueid type="tmdb">99999</uniqueid>'));
    await put(`${folder}/Movie (2010) - 2160p.de.srt`, 'subtitle');
    await makeImage(path.join(root, folder, 'Movie (2010) - 2160p-poster.jpg'), 100, 150);

    const scanned = asMovie(await scanTitleFolder(await discover(folder)));

    expect(scanned.videoFiles.map((video) => [video.relativePath, video.mediaInfo?.video[0]?.width])).toEqual([
      ['Movie (2010) - 1080p.mkv', 160],
      ['Movie (2010) - 2160p.mkv', 320],
    ]);
    expect(scanned.videoFiles.map((video) => video.externalSubtitles.map((subtitle) => subtitle.language))).toEqual([[], ['ger']]);
    expect(scanned.nfoPath).toBe('Movie (2010) - 1080p.nfo');
    expect(scanned.identification.ids).toEqual({ tmdb: 27205 });
    expect(scanned.artwork.map((artwork) => [artwork.relativePath, artwork.assetType])).toEqual([
      ['Movie (2010) - 2160p-poster.jpg', 'poster'],
    ]);
    // The second version's NFO is an NFO, not an unknown file.
    expect(scanned.unknownFiles).toEqual([]);
  });

  it('prefers movie.nfo to the NFO named after the video', async () => {
    const folder = 'Prestige (2006)';
    await makeVideo(path.join(root, folder, 'Prestige (2006).mkv'));
    await put(`${folder}/Prestige (2006).nfo`, movieNfo('<uniqueid type="tmdb">2</uniqueid>'));
    await put(`${folder}/movie.nfo`, movieNfo('<uniqueid type="tmdb">1124</uniqueid>'));

    const scanned = asMovie(await scanTitleFolder(await discover(folder)));

    expect(scanned.nfoPath).toBe('movie.nfo');
    expect(scanned.identification.ids).toEqual({ tmdb: 1124 });
  });

  it('takes the ids of an NFO that holds only a URL, with no NFO model', async () => {
    const folder = 'Alien (1979)';
    await makeVideo(path.join(root, folder, 'Alien (1979).mkv'));
    await put(`${folder}/Alien (1979).nfo`, 'https://www.imdb.com/title/tt0078748/\n');

    const scanned = asMovie(await scanTitleFolder(await discover(folder)));

    expect(scanned.nfoPath).toBe('Alien (1979).nfo');
    expect(scanned.nfo).toBeUndefined();
    expect(scanned.identification).toMatchObject({ status: 'identified', source: 'nfo', ids: { imdb: 'tt0078748' } });
  });
});

describe('scanTitleFolder with broken files', () => {
  it('records a malformed NFO, scans the rest and identifies the title by its folder name', async () => {
    const folder = 'Broken (2001)';
    await makeVideo(path.join(root, folder, 'Broken (2001).mkv'));
    await put(`${folder}/movie.nfo`, '<movie><title>Broken</movie>');
    await makeImage(path.join(root, folder, 'poster.jpg'), 100, 150);

    const scanned = asMovie(await scanTitleFolder(await discover(folder)));

    expect(scanned.errors).toHaveLength(1);
    expect(scanned.errors[0]?.relativePath).toBe('movie.nfo');
    expect(scanned.errors[0]?.reason).toMatch(/^movie\.nfo: /);
    expect(scanned.nfo).toBeUndefined();
    expect(scanned.nfoPath).toBeUndefined();
    expect(scanned.identification).toEqual({
      status: 'unidentified',
      source: 'folder-name',
      ids: {},
      parsedTitle: 'Broken',
      parsedYear: 2001,
    });
    expect(scanned.videoFiles[0]?.mediaInfo?.container).toBe('mkv');
    expect(scanned.artwork.map((artwork) => artwork.assetType)).toEqual(['poster']);
  });

  it('records an NFO of the wrong kind as an error', async () => {
    const folder = 'Mixed Up (2004)';
    await makeVideo(path.join(root, folder, 'Mixed Up (2004).mkv'));
    await put(`${folder}/movie.nfo`, '<tvshow><title>Not a movie</title><uniqueid type="tvdb">5</uniqueid></tvshow>');

    const scanned = asMovie(await scanTitleFolder(await discover(folder)));

    expect(scanned.errors).toEqual([{ relativePath: 'movie.nfo', reason: 'movie.nfo: expected <movie>, found <tvshow>' }]);
    expect(scanned.identification.source).toBe('folder-name');
  });

  it('records a video that became empty and one that is not media, on the video and as errors', async () => {
    const folder = 'Empty (2002)';
    await makeVideo(path.join(root, folder, 'Empty (2002) - a.mkv'));
    await put(`${folder}/Empty (2002) - b.mkv`, 'this is text, not Matroska');
    const title = await discover(folder);
    expect(title.videoFiles).toHaveLength(2);
    // The copy is emptied after discovery: removed first, since fixtures share their inode with a cache.
    const emptiedPath = path.join(root, folder, 'Empty (2002) - a.mkv');
    await rm(emptiedPath);
    await writeFile(emptiedPath, '');

    const scanned = asMovie(await scanTitleFolder(title));

    const [emptied, notMedia] = scanned.videoFiles;
    expect(emptied).toMatchObject({ relativePath: 'Empty (2002) - a.mkv', sizeBytes: 0 });
    expect(emptied?.mediaInfo).toBeUndefined();
    expect(emptied?.probeError).toMatch(/empty \(0 bytes\)/);
    expect(notMedia?.mediaInfo).toBeUndefined();
    expect(notMedia?.probeError).toMatch(/Cannot probe/);
    expect(scanned.errors).toEqual([
      { relativePath: 'Empty (2002) - a.mkv', reason: emptied?.probeError },
      { relativePath: 'Empty (2002) - b.mkv', reason: notMedia?.probeError },
    ]);
  });

  it('reports an empty video file that discovery passed over, instead of listing it as unknown', async () => {
    const folder = 'Leftover (2005)';
    await makeVideo(path.join(root, folder, 'Leftover (2005).mkv'));
    await put(`${folder}/Leftover (2005).copy.mkv`, '');

    const scanned = asMovie(await scanTitleFolder(await discover(folder)));

    expect(scanned.errors).toEqual([{ relativePath: 'Leftover (2005).copy.mkv', reason: 'zero-byte video' }]);
    expect(scanned.unknownFiles).toEqual([]);
  });

  it('makes a poster that is no image an error entry, not artwork', async () => {
    const folder = 'Fake Art (2007)';
    await makeVideo(path.join(root, folder, 'Fake Art (2007).mkv'));
    await put(`${folder}/poster.jpg`, '<html>404 Not Found</html>');
    await makeImage(path.join(root, folder, 'fanart.jpg'), 320, 180);

    const scanned = asMovie(await scanTitleFolder(await discover(folder)));

    expect(scanned.artwork.map((artwork) => artwork.relativePath)).toEqual(['fanart.jpg']);
    expect(scanned.errors).toHaveLength(1);
    expect(scanned.errors[0]?.relativePath).toBe('poster.jpg');
    expect(scanned.errors[0]?.reason).toMatch(/Not a readable image/);
  });

  it('records probe failures from the ffprobe it is given instead of throwing', async () => {
    const folder = 'No Probe (2009)';
    // AVI is read by ffprobe (MediaInfo reads Matroska and MP4 in-process), so the missing ffprobe shows.
    await makeVideo(path.join(root, folder, 'No Probe (2009).avi'), { container: 'avi', videoCodec: 'mpeg4' });
    await makeImage(path.join(root, folder, 'poster.jpg'), 100, 150);

    const scanned = asMovie(await scanTitleFolder(await discover(folder), { ffprobePath: path.join(root, 'no-such-ffprobe') }));

    expect(scanned.videoFiles[0]?.mediaInfo).toBeUndefined();
    expect(scanned.videoFiles[0]?.probeError).toMatch(/no-such-ffprobe|ENOENT/);
    expect(scanned.errors.map((error) => error.relativePath)).toEqual(['No Probe (2009).avi']);
    expect(scanned.artwork).toHaveLength(1);
  });

  it('records a dangling symlink and goes on', async () => {
    const folder = 'Linked (2008)';
    await makeVideo(path.join(root, folder, 'Linked (2008).mkv'));
    await symlink(path.join(root, 'nowhere.jpg'), path.join(root, folder, 'fanart.jpg'));

    const scanned = asMovie(await scanTitleFolder(await discover(folder)));

    expect(scanned.errors).toEqual([{ relativePath: 'fanart.jpg', reason: 'dangling symlink' }]);
    expect(scanned.videoFiles[0]?.mediaInfo).toBeDefined();
  });
});

describe('scanTitleFolder identification from names', () => {
  it('reads ids from the folder name tags when there is no NFO id', async () => {
    const folder = 'Heat (1995) [imdbid-tt0113277]';
    await makeVideo(path.join(root, folder, 'Heat.mkv'));
    // An NFO with no uniqueid does not hide the folder's tag.
    await put(`${folder}/movie.nfo`, movieNfo('', 'Heat'));

    const scanned = asMovie(await scanTitleFolder(await discover(folder)));

    expect(scanned.nfo?.title).toBe('Heat');
    expect(scanned.identification).toEqual({
      status: 'identified',
      source: 'folder-tag',
      ids: { imdb: 'tt0113277' },
      parsedTitle: 'Heat',
      parsedYear: 1995,
    });
  });

  it('scans a folder with a unicode name, a BOM-prefixed NFO and unicode file names', async () => {
    const folder = 'Amélie (2001) {tmdb-194}';
    await makeVideo(path.join(root, folder, 'Amélie (2001).mkv'));
    await put(`${folder}/Amélie (2001).fr.srt`, 'sous-titres');
    await makeImage(path.join(root, folder, 'Amélie (2001)-poster.jpg'), 100, 150);
    await makeImage(path.join(root, folder, '.actors/Audrey_Tautou.jpg'), 100, 150);
    await put(`${folder}/movie.nfo`, `\uFEFF${movieNfo('', 'Le Fabuleux Destin d’Amélie Poulain')}`);

    const scanned = asMovie(await scanTitleFolder(await discover(folder)));

    expect(scanned.errors).toEqual([]);
    expect(scanned.nfo?.title).toBe('Le Fabuleux Destin d’Amélie Poulain');
    expect(scanned.identification).toEqual({
      status: 'identified',
      source: 'folder-tag',
      ids: { tmdb: 194 },
      parsedTitle: 'Amélie',
      parsedYear: 2001,
    });
    expect(scanned.videoFiles[0]?.externalSubtitles.map((subtitle) => [subtitle.fileName, subtitle.language])).toEqual([
      ['Amélie (2001).fr.srt', 'fre'],
    ]);
    expect(scanned.artwork.map((artwork) => [artwork.relativePath, artwork.assetType])).toEqual([['Amélie (2001)-poster.jpg', 'poster']]);
    expect(scanned.actorThumbs).toEqual([{ actorName: 'Audrey_Tautou', relativePath: '.actors/Audrey_Tautou.jpg' }]);
  });
});

describe('scanTitleFolder and where MediaInfo parses', () => {
  it('parses on this thread unless told, and on its own thread when told, reading the same', async () => {
    const folder = 'Threaded (2001)';
    await makeVideo(path.join(root, folder, 'Threaded (2001).mkv'), { audio: [{ language: 'eng', channels: 2 }] });
    const title = await discover(folder);
    const analyze = vi.spyOn(mediaInfoThread, 'analyze');
    try {
      const here = asMovie(await scanTitleFolder(title));
      expect(analyze).not.toHaveBeenCalled();
      const onItsThread = asMovie(await scanTitleFolder(title, { mediaInfoOn: 'its own thread' }));
      expect(analyze).toHaveBeenCalledTimes(1);
      expect(here.videoFiles[0]!.mediaInfo?.video[0]?.codec).toBe('h264');
      expect(onItsThread).toEqual(here);
    } finally {
      analyze.mockRestore();
      await mediaInfoThread.close();
    }
  });
});
