import { describe, expect, it } from 'vitest';
import { decideReleases, type FoundRelease, type QualityRules } from '../../../src/requests/quality-decision.js';

const rules: QualityRules = {
  minResolution: 720,
  preferredResolution: 1080,
  minSizeMb: 100,
  maxSizeMb: 4000,
  rejectedWords: ['cam', 'hardsub'],
  preferredWords: ['proper'],
};
const GB = 1024 ** 3;
const release = (title: string, sizeBytes = 1 * GB, seeders = 10): FoundRelease => ({
  title,
  indexer: 'idx',
  downloadUrl: `http://x/${title}`,
  sizeBytes,
  seeders,
});

describe('decideReleases', () => {
  it('prefers the preferred resolution and says the quality is met', () => {
    const d = decideReleases([release('Show.S01E02.720p.WEB-DL'), release('Show.S01E02.1080p.WEB-DL')], rules, { season: 1, episode: 2 });
    expect(d.accepted.map((c) => c.title)).toEqual(['Show.S01E02.1080p.WEB-DL', 'Show.S01E02.720p.WEB-DL']);
    expect(d.qualityMet).toBe(true);
  });

  it('accepts a lower resolution above the minimum but records that the quality is not met', () => {
    const d = decideReleases([release('Show.S01E02.720p.WEB-DL'), release('Show.S01E02.480p.WEB-DL')], rules, { season: 1, episode: 2 });
    expect(d.accepted.map((c) => c.title)).toEqual(['Show.S01E02.720p.WEB-DL']);
    expect(d.qualityMet).toBe(false);
    expect(d.rejected[0]!.rejections).toEqual(['480p is below 720p']);
  });

  it('rejects the wrong episode or season, rejected words, no seeders and sizes out of bounds', () => {
    const d = decideReleases(
      [
        release('Show.S01E03.1080p.WEB'),
        release('Show.S02E02.1080p.WEB'),
        release('Show.S01E02.1080p.HARDSUB.WEB'),
        release('Show.S01E02.1080p.WEB.x264', GB, 0),
        release('Show.S01E02.1080p.WEB.tiny', 10 * 1024 * 1024),
        release('Show.S01E02.1080p.WEB.huge', 5 * GB),
      ],
      rules,
      { season: 1, episode: 2 },
    );
    expect(d.accepted).toEqual([]);
    expect(d.qualityMet).toBe(false);
    const reasons = Object.fromEntries(d.rejected.map((c) => [c.title, c.rejections.join('; ')]));
    expect(reasons['Show.S01E03.1080p.WEB']).toBe('episode 3, not 2');
    expect(reasons['Show.S02E02.1080p.WEB']).toBe('season 2, not 1');
    expect(reasons['Show.S01E02.1080p.HARDSUB.WEB']).toBe('rejected word "hardsub"');
    expect(reasons['Show.S01E02.1080p.WEB.x264']).toBe('no seeders');
    expect(reasons['Show.S01E02.1080p.WEB.tiny']).toContain('below 100 MB');
    expect(reasons['Show.S01E02.1080p.WEB.huge']).toContain('above 4000 MB');
  });

  it('shares a season pack size among its episodes and accepts it for any episode of the season', () => {
    const pack = release('Show.S01.1080p.BluRay.x264-GRP', 10 * GB);
    expect(decideReleases([pack], rules, { season: 1, episode: 5 }, 1).accepted).toEqual([]);
    const d = decideReleases([pack], rules, { season: 1, episode: 5 }, 10);
    expect(d.accepted).toHaveLength(1);
    expect(d.accepted[0]!.seasonPack).toBe(true);
  });

  it('ranks preferred words, then single episodes over packs, then seeders', () => {
    const d = decideReleases(
      [
        release('Show.S01.1080p.WEB', 5 * GB, 100),
        release('Show.S01E02.1080p.WEB', GB, 5),
        release('Show.S01E02.1080p.WEB.x264', GB, 50),
        release('Show.S01E02.1080p.PROPER.WEB', GB, 1),
      ],
      rules,
      { season: 1, episode: 2 },
      10,
    );
    expect(d.accepted.map((c) => c.title)).toEqual([
      'Show.S01E02.1080p.PROPER.WEB',
      'Show.S01E02.1080p.WEB.x264',
      'Show.S01E02.1080p.WEB',
      'Show.S01.1080p.WEB',
    ]);
  });

  it('judges a movie without season or episode', () => {
    const d = decideReleases([release('Heat.1995.1080p.BluRay.x264-GRP'), release('Heat.1995.CAM.x264')], rules, {});
    expect(d.accepted.map((c) => c.title)).toEqual(['Heat.1995.1080p.BluRay.x264-GRP']);
    expect(d.rejected[0]!.rejections).toEqual(['resolution unknown', 'rejected word "cam"']);
  });
});
