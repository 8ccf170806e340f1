import { describe, expect, it } from 'vitest';
import { nameCleanupProblem } from '../../../../src/contracts/iptv-providers.js';
import { foldText } from '../../../../src/title-matching/title-similarity.js';
import { cleanTitle, episodeKey, findEpisodeMarker } from '../../../../src/providers/iptv/title-names.js';

describe('cleanTitle', () => {
  it.each([
    ['The Matrix (1999)', { title: 'The Matrix', year: 1999 }],
    ['EN - The Matrix Reloaded (2003) 4K', { title: 'The Matrix Reloaded', year: 2003 }],
    ['|FR| Amélie [MULTI] 2001', { title: 'Amélie', year: 2001 }],
    ['Blade.Runner.2049.1080p', { title: 'Blade Runner 2049' }],
    ['1917 (2019)', { title: '1917', year: 2019 }],
    ['Heat', { title: 'Heat' }],
  ])('%s', (name, expected) => {
    expect(cleanTitle(name)).toEqual(expected);
  });

  it('applies the provider’s rules first, in order', () => {
    const rules = [
      { pattern: '^VOD:\\s*', replacement: '' },
      { pattern: '\\s*-\\s*Director.s Cut', replacement: '' },
    ];
    expect(cleanTitle('VOD: Brazil - Director’s Cut (1985)', rules)).toEqual({ title: 'Brazil', year: 1985 });
  });
});

describe('episode markers', () => {
  it.each([
    ['Breaking Bad S01E02', 1, 2, 'Breaking Bad '],
    ['Breaking Bad S01 E02 - Cat', 1, 2, 'Breaking Bad '],
    ['/series/u/p/The.Wire.S03.E11.mkv', 3, 11, '/series/u/p/The.Wire.'],
    ['Friends 2x05', 2, 5, 'Friends '],
  ])('%s', (text, season, episode, before) => {
    expect(findEpisodeMarker(text)).toEqual({ season, episode, before });
  });

  it('finds none in a film title with a number', () => {
    expect(findEpisodeMarker('Apollo 13 (1995)')).toBeUndefined();
  });

  it('keys episodes as S01-E01', () => {
    expect(episodeKey(1, 1)).toBe('S01-E01');
    expect(episodeKey(12, 105)).toBe('S12-E105');
    expect(foldText('Amélie: Le Fabuleux Destin!')).toBe('amelie le fabuleux destin');
  });
});

describe('name clean-up rules are checked as they run', () => {
  it('refuses a pattern that compiles only without the Unicode flag, so a sync never meets it', () => {
    // `\_` and a lone `{` are accepted by /…/gi but are syntax errors under /…/giu.
    for (const pattern of ['\\_', 'a{', '\\-x']) {
      expect(() => new RegExp(pattern, 'gi'), pattern).not.toThrow();
      expect(
        nameCleanupProblem([
          { pattern: '^VOD:', replacement: '' },
          { pattern, replacement: '' },
        ]),
        pattern,
      ).toMatchObject({ index: 1, message: expect.stringMatching(/^not a valid regular expression/) });
    }
    const accepted = [
      { pattern: '^VOD:\\s*', replacement: '' },
      { pattern: '\\p{Extended_Pictographic}', replacement: '' },
    ];
    expect(nameCleanupProblem(accepted)).toBeUndefined();
    expect(cleanTitle('VOD: 🎬 Amélie (2001)', accepted)).toEqual({ title: 'Amélie', year: 2001 });
  });
});
