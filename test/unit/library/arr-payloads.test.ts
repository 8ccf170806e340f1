import { describe, expect, it } from 'vitest';
import { arrEventKey, parseArrDelivery } from '../../../src/integrations/arr/arr-payloads.js';

const movie = { id: 1, title: 'Heat', year: 1995, folderPath: '/movies/Heat (1995)', tmdbId: 949 };

describe('parseArrDelivery', () => {
  it('turns Radarr imports, upgrades, renames and file deletes into a refresh of movie.folderPath', () => {
    for (const body of [
      { eventType: 'Download', movie, movieFile: { id: 1, relativePath: 'Heat.mkv' }, isUpgrade: false },
      { eventType: 'Download', movie, movieFile: { id: 2, relativePath: 'Heat.mkv' }, isUpgrade: true },
      { eventType: 'Rename', movie, renamedMovieFiles: [] },
      { eventType: 'MovieFileDelete', movie, movieFile: { id: 2, relativePath: 'Heat.mkv' }, deleteReason: 'upgrade' },
    ]) {
      expect(parseArrDelivery('radarr', body)).toEqual({ ok: true, eventType: body.eventType, action: { kind: 'refresh', remotePath: '/movies/Heat (1995)', field: 'body.movie.folderPath' } });
    }
  });

  it('removes on MovieDelete / SeriesDelete and only records grabs, adds and health messages', () => {
    expect(parseArrDelivery('radarr', { eventType: 'MovieDelete', movie, deletedFiles: true })).toMatchObject({ action: { kind: 'remove' } });
    expect(parseArrDelivery('sonarr', { eventType: 'SeriesDelete', series: { id: 1, title: 'X', path: '/tv/X' } })).toMatchObject({ action: { kind: 'remove', remotePath: '/tv/X' } });
    expect(parseArrDelivery('radarr', { eventType: 'Grab', movie })).toMatchObject({ action: { kind: 'ignore' } });
    expect(parseArrDelivery('sonarr', { eventType: 'SeriesAdd', series: { id: 1, title: 'X', path: '/tv/X' } })).toMatchObject({ action: { kind: 'ignore' } });
    expect(parseArrDelivery('sonarr', { eventType: 'Health', level: 'warning', message: 'Indexers unavailable' })).toMatchObject({ action: { kind: 'ignore' } });
    expect(parseArrDelivery('radarr', { eventType: 'Test' })).toMatchObject({ action: { kind: 'test' } });
  });

  it("reads Sonarr's ImportComplete with every episode file", () => {
    const body = {
      eventType: 'ImportComplete',
      series: { id: 1, title: 'Severance', path: '/tv/Severance' },
      episodes: [{ id: 1, seasonNumber: 1, episodeNumber: 1 }],
      episodeFiles: [{ id: 9, relativePath: 'Season 01/Severance - S01E01.mkv' }],
    };
    expect(parseArrDelivery('sonarr', body)).toMatchObject({ ok: true, action: { kind: 'refresh', remotePath: '/tv/Severance', field: 'body.series.path' } });
    expect(parseArrDelivery('sonarr', { ...body, episodeFiles: [] })).toEqual({ ok: false, error: expect.stringMatching(/^body\.episodeFiles: /) });
  });

  it('names the missing or wrong field, and tells an unknown event type apart', () => {
    expect(parseArrDelivery('radarr', { eventType: 'Download', movie: { id: 1, title: 'Heat' }, movieFile: { id: 1, relativePath: 'x' } })).toEqual({ ok: false, error: expect.stringMatching(/body\.movie\.folderPath/) });
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
