import { describe, expect, it } from 'vitest';
import { sameFilesBesides } from '../../../src/library/publish/published-folder-mark.js';

const file = (relativePath: string, sizeBytes = 10, mtimeMs = 1000) => ({ relativePath, sizeBytes, mtimeMs });
const before = [file('Film.mkv', 500), file('movie.nfo'), file('poster.jpg')];
const own = new Set(['movie.nfo', 'fanart.jpg']);

describe('sameFilesBesides', () => {
  it('holds when only the files publishing wrote changed, appeared or went', () => {
    expect(
      sameFilesBesides(before, [file('Film.mkv', 500), file('movie.nfo', 99, 2000), file('poster.jpg'), file('fanart.jpg')], own),
    ).toBe(true);
    expect(sameFilesBesides(before, [file('Film.mkv', 500), file('poster.jpg')], own)).toBe(true);
  });

  it('fails when any other file appeared, went, or changed size or time', () => {
    expect(sameFilesBesides(before, [...before, file('Film.en.srt')], own)).toBe(false);
    expect(sameFilesBesides(before, [file('Film.mkv', 500), file('movie.nfo')], own)).toBe(false);
    expect(sameFilesBesides(before, [file('Film.mkv', 501), file('movie.nfo'), file('poster.jpg')], own)).toBe(false);
    expect(sameFilesBesides(before, [file('Film.mkv', 500), file('movie.nfo'), file('poster.jpg', 10, 1001)], own)).toBe(false);
  });
});
