import { describe, expect, it } from 'vitest';
import { maxForType, scoreArtwork, selectionOrder, type ArtworkCandidate } from '../../../src/library/enrich/artwork-scoring.js';

const prefs = { language: 'en', minResolution: 1500 };
const poster = (overrides: Partial<ArtworkCandidate> = {}): ArtworkCandidate => ({
  assetType: 'poster',
  width: 1000,
  height: 1500,
  language: 'en',
  voteAverage: 5.5,
  voteCount: 20,
  ...overrides,
});

describe('scoreArtwork', () => {
  it('stays within 0–100 and gives a full-size, preferred-language, well-voted poster of the right shape a high score', () => {
    const best = scoreArtwork(poster({ voteAverage: 10, voteCount: 1000 }), prefs);
    expect(best).toBe(100);
    expect(
      scoreArtwork({ assetType: 'poster', width: null, height: null, language: 'xx', voteAverage: null, voteCount: null }, prefs),
    ).toBeGreaterThanOrEqual(0);
  });

  it('scores resolution against minResolution: half the height loses half the resolution points', () => {
    const full = scoreArtwork(poster(), prefs);
    const half = scoreArtwork(poster({ width: 500, height: 750 }), prefs);
    expect(full - half).toBe(20);
    // Above the minimum earns nothing more.
    expect(scoreArtwork(poster({ width: 2000, height: 3000 }), prefs)).toBe(full);
  });

  it('prefers the configured language, then language-less art, then any other language', () => {
    const english = scoreArtwork(poster({ language: 'en' }), prefs);
    const none = scoreArtwork(poster({ language: null }), prefs);
    const german = scoreArtwork(poster({ language: 'de' }), prefs);
    expect(english).toBeGreaterThan(none);
    expect(none).toBeGreaterThan(german);
  });

  it('prefers text-less fanart over fanart in the preferred language', () => {
    const fanart = { assetType: 'fanart', width: 1920, height: 1080, voteAverage: 5, voteCount: 10 };
    expect(scoreArtwork({ ...fanart, language: null }, { ...prefs, minResolution: 1080 })).toBeGreaterThan(
      scoreArtwork({ ...fanart, language: 'en' }, { ...prefs, minResolution: 1080 }),
    );
  });

  it('rewards votes and penalises the wrong aspect', () => {
    expect(scoreArtwork(poster({ voteAverage: 8, voteCount: 100 }), prefs)).toBeGreaterThan(
      scoreArtwork(poster({ voteAverage: 2, voteCount: 1 }), prefs),
    );
    expect(scoreArtwork(poster({ width: 1500, height: 1500 }), prefs)).toBeLessThan(scoreArtwork(poster(), prefs));
  });

  it('measures logos by width', () => {
    const logo = { assetType: 'clearlogo', language: 'en', voteAverage: 5, voteCount: 5, height: 310 };
    expect(scoreArtwork({ ...logo, width: 800 }, prefs) - scoreArtwork({ ...logo, width: 400, height: 155 }, prefs)).toBe(20);
  });
});

describe('selectionOrder', () => {
  it("puts a person's choices first, drops rejected ones and sorts the rest by score", () => {
    const order = selectionOrder([
      { id: 'a', assetType: 'poster', score: 90, isRejected: false, selectedByUser: false },
      { id: 'b', assetType: 'poster', score: 99, isRejected: true, selectedByUser: false },
      { id: 'c', assetType: 'poster', score: 10, isRejected: false, selectedByUser: true },
      { id: 'd', assetType: 'poster', score: 95, isRejected: false, selectedByUser: false },
    ]);
    expect(order.map((c) => c.id)).toEqual(['c', 'd', 'a']);
  });

  it('takes the configured maximum per type, one for types without a setting', () => {
    const limits = { maxPoster: 3, maxFanart: 5, maxLogo: 2 };
    expect([
      maxForType('poster', limits),
      maxForType('fanart', limits),
      maxForType('clearlogo', limits),
      maxForType('banner', limits),
    ]).toEqual([3, 5, 2, 1]);
  });
});
