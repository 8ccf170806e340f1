import { describe, expect, it } from 'vitest';
import type { NfoUniqueId } from '../../../../src/media/nfo/index.js';
import { idsFromUniqueIds, identifyTitle } from '../../../../src/media/title-scan/identify-title.js';

const id = (type: string, value: string, isDefault = false): NfoUniqueId => ({ type, value, isDefault });

describe('idsFromUniqueIds', () => {
  it('prefers the default id of a type, else the first', () => {
    expect(idsFromUniqueIds([id('tmdb', '1'), id('tmdb', '2', true), id('imdb', 'tt0000001'), id('imdb', 'tt0000002')])).toEqual({
      tmdb: 2,
      imdb: 'tt0000001',
    });
  });

  it('passes over values that cannot be such an id and types it does not keep', () => {
    expect(
      idsFromUniqueIds([id('tmdb', 'abc', true), id('tmdb', ' 603 '), id('imdb', '0133093'), id('tvdb', '0'), id('trakt', '9')]),
    ).toEqual({
      tmdb: 603,
    });
  });

  it('lower-cases IMDb ids', () => {
    expect(idsFromUniqueIds([id('imdb', 'TT0133093')])).toEqual({ imdb: 'tt0133093' });
  });
});

describe('identifyTitle', () => {
  it('uses the NFO ids over the folder tags', () => {
    expect(identifyTitle('The Matrix (1999) {tmdb-1}', [id('tmdb', '603')])).toEqual({
      status: 'identified',
      source: 'nfo',
      ids: { tmdb: 603 },
      parsedTitle: 'The Matrix',
      parsedYear: 1999,
    });
  });

  it('falls back to the folder tags when the NFO has no usable id', () => {
    expect(identifyTitle('The Matrix (1999) [tmdbid-603]', [id('tmdb', 'none')])).toMatchObject({
      status: 'identified',
      source: 'folder-tag',
      ids: { tmdb: 603 },
    });
  });

  it('is unidentified with only the parsed name when nothing names an id', () => {
    expect(identifyTitle('Heat', undefined)).toEqual({ status: 'unidentified', source: 'folder-name', ids: {}, parsedTitle: 'Heat' });
  });

  it('passes over ids too long for any provider (and for an integer column)', () => {
    expect(identifyTitle('Heat (1995) {tmdb-99999999999}', [id('tmdb', '99999999999'), id('tvdb', '3000000000')])).toMatchObject({
      status: 'unidentified',
      ids: {},
    });
  });
});
