import { describe, expect, it } from 'vitest';
import { compileIgnorePatterns } from '../../../../src/media/discovery/ignore-patterns.js';

describe('compileIgnorePatterns', () => {
  it('matches a bare name anywhere through the entry name', () => {
    const isIgnored = compileIgnorePatterns(['@eaDir']);
    expect(isIgnored('@eaDir', 'Movie (2010)/@eaDir')).toBe(true);
    expect(isIgnored('@eaDirectory', 'Movie (2010)/@eaDirectory')).toBe(false);
  });

  it('keeps * and ? within one path segment', () => {
    const isIgnored = compileIgnorePatterns(['*.part', 'Collections/?ld']);
    expect(isIgnored('movie.mkv.part', 'A/movie.mkv.part')).toBe(true);
    expect(isIgnored('Old', 'Collections/Old')).toBe(true);
    expect(isIgnored('Gold', 'Collections/Gold')).toBe(false);
    // `*` alone must not cross a '/', so `Coll*` does not reach into the folder's contents by path.
    expect(compileIgnorePatterns(['Coll*'])('Old', 'Collections/Old')).toBe(false);
  });

  it('lets ** cross segments, a **/ stand for no folder, and a trailing /** cover the folder itself', () => {
    const isIgnored = compileIgnorePatterns(['**/Unsorted', 'Archive/**']);
    expect(isIgnored('Unsorted', 'Unsorted')).toBe(true);
    expect(isIgnored('Unsorted', 'A/B/Unsorted')).toBe(true);
    expect(isIgnored('Archive', 'Archive')).toBe(true);
    expect(isIgnored('x.mkv', 'Archive/Deep/x.mkv')).toBe(true);
    expect(isIgnored('Archived', 'Archived')).toBe(false);
  });

  it('is case-insensitive and treats regular-expression characters literally', () => {
    const isIgnored = compileIgnorePatterns(['$RECYCLE.BIN', '*.!qB', 'lost+found']);
    expect(isIgnored('$Recycle.Bin', '$Recycle.Bin')).toBe(true);
    expect(isIgnored('x.!qb', 'x.!qb')).toBe(true);
    expect(isIgnored('lost+found', 'lost+found')).toBe(true);
    expect(isIgnored('$RECYCLEXBIN', '$RECYCLEXBIN')).toBe(false);
    expect(isIgnored('losttfound', 'losttfound')).toBe(false);
  });

  it('ignores nothing without patterns', () => {
    expect(compileIgnorePatterns([])('anything', 'anything')).toBe(false);
  });

  it('cannot backtrack: a pathological pattern over long names finishes at once', () => {
    const isIgnored = compileIgnorePatterns(['*a*a*a*a*a*a*a*a*a*a*!', '@eaDir']);
    const started = performance.now();
    for (const length of [30, 60, 255]) {
      const name = 'a'.repeat(length);
      expect(isIgnored(name, `Movies/${name}`)).toBe(false);
    }
    expect(performance.now() - started).toBeLessThan(500);
    expect(isIgnored('banana split!', 'banana split!')).toBe(false);
    expect(isIgnored('aaaaaaaaaa!', 'x/aaaaaaaaaa!')).toBe(true);
  });

  it('matches non-ASCII names case-insensitively', () => {
    expect(compileIgnorePatterns(['Ünsorted*'])('ünsortedStuff', 'ünsortedStuff')).toBe(true);
  });
});
