import { describe, expect, it } from 'vitest';
import { yearOf } from '../../../src/providers/http/dates.js';
import { parseRetryAfter } from '../../../src/providers/http/retry-after.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Wed, 01 May 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
  });

  it('gives undefined for absent or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('yearOf', () => {
  it('reads the year of dates and bare years, and nothing from empty values', () => {
    expect(yearOf('1999-03-31')).toBe(1999);
    expect(yearOf('1991')).toBe(1991);
    expect(yearOf('')).toBeUndefined();
    expect(yearOf(null)).toBeUndefined();
  });
});
