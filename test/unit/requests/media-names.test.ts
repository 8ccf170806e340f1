import { describe, expect, it } from 'vitest';
import { libraryPathFor, safeName } from '../../../src/requests/media-names.js';

describe('libraryPathFor', () => {
  it('names an episode the Kodi/Plex way', () => {
    expect(
      libraryPathFor({ kind: 'episode', show: 'Breaking Bad', season: 1, episode: 2, episodeTitle: "Cat's in the Bag..." }, 'mkv'),
    ).toEqual({
      titleFolder: 'Breaking Bad',
      file: "Breaking Bad/Season 01/Breaking Bad - S01E02 - Cat's in the Bag.mkv",
    });
    expect(libraryPathFor({ kind: 'episode', show: 'Show', season: 12, episode: 103 }, '.mkv').file).toBe(
      'Show/Season 12/Show - S12E103.mkv',
    );
  });

  it('names a movie with its year', () => {
    expect(libraryPathFor({ kind: 'movie', title: 'Heat', year: 1995 }, 'mkv')).toEqual({
      titleFolder: 'Heat (1995)',
      file: 'Heat (1995)/Heat (1995).mkv',
    });
  });

  it('removes characters file systems refuse', () => {
    expect(safeName('What/If: A "Story"?')).toBe('WhatIf A Story');
  });
});
