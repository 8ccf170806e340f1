import { describe, expect, it } from 'vitest';
import { arrEventKey, parseArrDelivery } from '../../../src/integrations/arr/arr-payloads.js';
import { radarr, sonarr } from '../../fixtures/arr-webhooks.js';

const movie = { id: 1, title: 'Heat', year: 1995, folderPath: '/movies/Heat (1995)', tmdbId: 949 };

describe('parseArrDelivery', () => {
  it('turns Radarr imports, upgrades, renames and file deletes into a refresh of movie.folderPath', () => {
    for (const body of [
      { eventType: 'Download', movie, movieFile: { id: 1, relativePath: 'Heat.mkv' }, isUpgrade: false },
      { eventType: 'Download', movie, movieFile: { id: 2, relativePath: 'Heat.mkv' }, isUpgrade: true },
      { eventType: 'Rename', movie, renamedMovieFiles: [] },
      { eventType: 'MovieFileDelete', movie, movieFile: { id: 2, relativePath: 'Heat.mkv' }, deleteReason: 'upgrade' },
    ]) {
      expect(parseArrDelivery('radarr', body)).toEqual({
        ok: true,
        eventType: body.eventType,
        action: { kind: 'refresh', remotePath: '/movies/Heat (1995)', field: 'body.movie.folderPath', ids: { tmdb: 949 } },
      });
    }
  });

  it('removes on MovieDelete / SeriesDelete and only records grabs, adds and health messages', () => {
    expect(parseArrDelivery('radarr', { eventType: 'MovieDelete', movie, deletedFiles: true })).toMatchObject({
      action: { kind: 'remove' },
    });
    expect(parseArrDelivery('sonarr', { eventType: 'SeriesDelete', series: { id: 1, title: 'X', path: '/tv/X' } })).toMatchObject({
      action: { kind: 'remove', remotePath: '/tv/X' },
    });
    expect(parseArrDelivery('radarr', { eventType: 'Grab', movie })).toMatchObject({ action: { kind: 'ignore' } });
    expect(parseArrDelivery('sonarr', { eventType: 'SeriesAdd', series: { id: 1, title: 'X', path: '/tv/X' } })).toMatchObject({
      action: { kind: 'ignore' },
    });
    expect(parseArrDelivery('sonarr', { eventType: 'Health', level: 'warning', message: 'Indexers unavailable' })).toMatchObject({
      action: { kind: 'ignore' },
    });
    expect(parseArrDelivery('radarr', { eventType: 'Test' })).toMatchObject({ action: { kind: 'test' } });
  });

  it("reads Sonarr v4's whole-import Download (episodeFiles, no episodeFile)", () => {
    const body = {
      eventType: 'Download',
      series: { id: 1, title: 'Severance', path: '/tv/Severance', tvdbId: 371980 },
      episodes: [{ id: 1, seasonNumber: 1, episodeNumber: 1 }],
      episodeFiles: [{ id: 9, relativePath: 'Season 01/Severance - S01E01.mkv' }],
      fileCount: 1,
    };
    expect(parseArrDelivery('sonarr', body)).toMatchObject({
      ok: true,
      action: { kind: 'refresh', remotePath: '/tv/Severance', field: 'body.series.path', ids: { tvdb: 371980 } },
    });
    expect(parseArrDelivery('sonarr', { ...body, episodeFiles: [] })).toEqual({
      ok: false,
      error: expect.stringMatching(/^body\.episodeFile: /),
    });
  });

  it('names the missing or wrong field, and tells an unknown event type apart', () => {
    expect(
      parseArrDelivery('radarr', { eventType: 'Download', movie: { id: 1, title: 'Heat' }, movieFile: { id: 1, relativePath: 'x' } }),
    ).toEqual({ ok: false, error: expect.stringMatching(/body\.movie\.folderPath/) });
    expect(parseArrDelivery('radarr', { eventType: 42 })).toEqual({ ok: false, error: expect.stringMatching(/^body\.eventType: /) });
    expect(parseArrDelivery('radarr', { eventType: 'SeriesAdd' })).toEqual({ ok: false, unknownEventType: 'SeriesAdd' });
  });
});

describe('arrEventKey', () => {
  it('is the same for the same delivery whatever the key order, and differs for another delivery', () => {
    const a = { eventType: 'Download', movie, movieFile: { id: 1, relativePath: 'Heat.mkv' } };
    const reordered = { movieFile: { relativePath: 'Heat.mkv', id: 1 }, movie: { ...movie }, eventType: 'Download' };
    expect(arrEventKey(reordered)).toBe(arrEventKey(a));
    expect(arrEventKey({ ...a, isUpgrade: true })).not.toBe(arrEventKey(a));
  });
});

const matrix = { folderPath: '/movies/The Matrix (1999)', title: 'The Matrix', year: 1999, tmdbId: 603, imdbId: 'tt0133093' };
const show = { path: '/tv/Breaking Bad (2008)', title: 'Breaking Bad', year: 2008, tvdbId: 81189, tmdbId: 1396, imdbId: 'tt0903747' };
const e1 = { season: 1, episode: 1, title: 'Pilot', airDate: '2008-01-20', relativePath: 'Season 01/Breaking Bad - S01E01.mkv' };
const e2 = {
  season: 1,
  episode: 2,
  title: "Cat's in the Bag...",
  airDate: '2008-01-27',
  relativePath: 'Season 01/Breaking Bad - S01E02.mkv',
};

describe('Radarr webhook payloads, as Radarr serialises them', () => {
  it.each([
    ['Test', radarr.test(), 'test'],
    ['Grab', radarr.grab(matrix), 'ignore'],
    ['Download', radarr.download(matrix, 'The Matrix (1999).mkv'), 'refresh'],
    ['Download (upgrade)', radarr.download(matrix, 'The Matrix (1999).mkv', { isUpgrade: true }), 'refresh'],
    ['MovieAdded', radarr.movieAdded(matrix), 'ignore'],
    ['Rename', radarr.rename(matrix, 'The Matrix (1999).mkv'), 'refresh'],
    ['MovieFileDelete', radarr.movieFileDelete(matrix, 'The Matrix (1999).mkv'), 'refresh'],
    ['MovieDelete', radarr.movieDelete(matrix), 'remove'],
    ['Health', radarr.health(), 'ignore'],
    ['HealthRestored', radarr.healthRestored(), 'ignore'],
    ['ApplicationUpdate', radarr.applicationUpdate(), 'ignore'],
    ['ManualInteractionRequired', radarr.manualInteractionRequired(matrix), 'ignore'],
  ])('accepts %s', (_name, body, kind) => {
    const parsed = parseArrDelivery('radarr', body);
    expect(parsed).toMatchObject({ ok: true, action: { kind } });
  });

  it("carries the movie's TMDB and IMDb ids", () => {
    const parsed = parseArrDelivery('radarr', radarr.download(matrix, 'The Matrix (1999).mkv'));
    expect(parsed).toMatchObject({
      ok: true,
      action: { kind: 'refresh', remotePath: '/movies/The Matrix (1999)', ids: { tmdb: 603, imdb: 'tt0133093' } },
    });
  });

  it('leaves out an id Radarr does not know (0, or no imdbId)', () => {
    const parsed = parseArrDelivery('radarr', radarr.download({ ...matrix, tmdbId: 0, imdbId: undefined }, 'x.mkv'));
    expect(parsed.ok && parsed.action.kind === 'refresh' && parsed.action.ids).toEqual({});
  });
});

describe('Sonarr webhook payloads, as Sonarr v3 and v4 serialise them', () => {
  it.each([
    ['Test', sonarr.test(), 'test'],
    ['Grab', sonarr.grab(show, [e1, e2]), 'ignore'],
    ['Download of one file', sonarr.download(show, e1), 'refresh'],
    ['Download of a whole season pack (v4 import complete)', sonarr.importComplete(show, [e1, e2]), 'refresh'],
    ['Download of a one-file download (v4 import complete)', sonarr.importComplete(show, [e1]), 'refresh'],
    ['Rename', sonarr.rename(show, e1), 'refresh'],
    ['EpisodeFileDelete', sonarr.episodeFileDelete(show, e1), 'refresh'],
    ['SeriesAdd', sonarr.seriesAdd(show), 'ignore'],
    ['SeriesDelete', sonarr.seriesDelete(show), 'remove'],
    ['Health', sonarr.health(), 'ignore'],
    ['HealthRestored', sonarr.healthRestored(), 'ignore'],
    ['ApplicationUpdate', sonarr.applicationUpdate(), 'ignore'],
    ['ManualInteractionRequired', sonarr.manualInteractionRequired(show, [e1]), 'ignore'],
  ])('accepts %s', (_name, body, kind) => {
    const parsed = parseArrDelivery('sonarr', body);
    expect(parsed).toMatchObject({ ok: true, action: { kind } });
  });

  it("carries the series' TVDB, TMDB and IMDb ids from a season pack's import", () => {
    const parsed = parseArrDelivery('sonarr', sonarr.importComplete(show, [e1, e2]));
    expect(parsed).toMatchObject({
      ok: true,
      eventType: 'Download',
      action: { kind: 'refresh', remotePath: '/tv/Breaking Bad (2008)', ids: { tvdb: 81189, tmdb: 1396, imdb: 'tt0903747' } },
    });
  });

  it('answers a Download with neither episodeFile nor episodeFiles naming the field', () => {
    const { episodeFile: _file, ...body } = sonarr.download(show, e1);
    expect(parseArrDelivery('sonarr', body)).toEqual({ ok: false, error: expect.stringMatching(/^body\.episodeFile: /) });
    expect(parseArrDelivery('sonarr', { ...sonarr.importComplete(show, [e1]), episodeFiles: [] })).toEqual({
      ok: false,
      error: expect.stringMatching(/^body\.episodeFile: /),
    });
  });

  it('no longer knows the made-up ImportComplete event type', () => {
    expect(parseArrDelivery('sonarr', { ...sonarr.importComplete(show, [e1]), eventType: 'ImportComplete' })).toEqual({
      ok: false,
      unknownEventType: 'ImportComplete',
    });
  });
});
