import { describe, expect, it } from 'vitest';
import { withArrIdentification } from '../../../src/library/arr-identification.js';
import type { Identification } from '../../../src/media/title-scan/types.js';

const byName: Identification = { status: 'unidentified', source: 'folder-name', ids: {}, parsedTitle: 'mtrx rip' };

describe('withArrIdentification', () => {
  it("identifies a folder that names no id with the *arr's ids", () => {
    expect(withArrIdentification(byName, { tmdb: 603, imdb: 'tt0133093' })).toEqual({
      ...byName,
      status: 'identified',
      source: 'arr',
      ids: { tmdb: 603, imdb: 'tt0133093' },
    });
  });

  it("keeps an NFO's or a folder tag's ids, and a folder name when the *arr named none", () => {
    const nfo: Identification = { status: 'identified', source: 'nfo', ids: { tmdb: 1 }, parsedTitle: 'x' };
    const tag: Identification = { status: 'identified', source: 'folder-tag', ids: { tmdb: 2 }, parsedTitle: 'x' };
    expect(withArrIdentification(nfo, { tmdb: 603 })).toBe(nfo);
    expect(withArrIdentification(tag, { tmdb: 603 })).toBe(tag);
    expect(withArrIdentification(byName, {})).toBe(byName);
    expect(withArrIdentification(byName, undefined)).toBe(byName);
  });
});
