import { describe, expect, it } from 'vitest';
import { longestMatchingPrefix } from '../../../src/paths/longest-prefix.js';

const pick = (path: string, prefixes: string[]) => longestMatchingPrefix(path, prefixes, (prefix) => prefix)?.prefix;

describe('longestMatchingPrefix', () => {
  it('matches on whole segments and prefers the longest prefix', () => {
    expect(pick('/media/movies-4k/Heat', ['/media/movies'])).toBeUndefined();
    expect(pick('/media/movies/Heat', ['/media', '/media/movies', '/srv'])).toBe('/media/movies');
    expect(pick('/media/movies', ['/media/movies'])).toBe('/media/movies');
  });

  it('lets the root (as "/" or "") contain every absolute path, and keeps the first of equals', () => {
    expect(pick('/anything/at/all', ['/'])).toBe('/');
    expect(pick('/anything', [''])).toBe('');
    const first = { prefix: '/a', id: 1 };
    expect(longestMatchingPrefix('/a/b', [first, { prefix: '/a', id: 2 }], (c) => c.prefix)?.candidate).toBe(first);
  });
});
