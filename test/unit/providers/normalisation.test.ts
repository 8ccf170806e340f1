import { describe, expect, it } from 'vitest';
import { yearOf } from '../../../src/providers/http/dates.js';

describe('yearOf', () => {
  it('reads the year of dates and bare years, and nothing from empty values', () => {
    expect(yearOf('1999-03-31')).toBe(1999);
    expect(yearOf('1991')).toBe(1991);
    expect(yearOf('')).toBeUndefined();
    expect(yearOf(null)).toBeUndefined();
  });
});
