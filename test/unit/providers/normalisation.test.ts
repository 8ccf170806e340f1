import { describe, expect, it } from 'vitest';
import { yearOf } from '../../../src/providers/http/dates.js';
import { parseRetryAfter } from '../../../src/providers/http/retry-after.js';
import { byConfidence, searchConfidence } from '../../../src/providers/http/search-confidence.js';
import { normaliseTitle, titleSimilarity } from '../../../src/providers/http/title-similarity.js';

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

describe('title similarity', () => {
  it('folds accents, case, punctuation and "&"', () => {
    expect(normaliseTitle('Amélie')).toBe('amelie');
    expect(normaliseTitle('Spider-Man: No Way Home')).toBe('spider man no way home');
    expect(titleSimilarity('Fast & Furious', 'fast and furious')).toBe(1);
    expect(titleSimilarity('Léon: The Professional', 'Leon The Professional')).toBe(1);
  });

  it('scores closer titles higher', () => {
    expect(titleSimilarity('The Matrix', 'The Matrix Reloaded')).toBeLessThan(titleSimilarity('The Matrix', 'The Matrlx'));
    expect(titleSimilarity('The Matrix', 'Breaking Bad')).toBeLessThan(0.3);
  });
});

describe('searchConfidence', () => {
  it('is 100 for the exact title in the expected year', () => {
    expect(searchConfidence({ query: 'The Matrix', year: 1999, candidateTitles: ['The Matrix'], candidateYear: 1999 })).toBe(100);
  });

  it('ranks exact year above ±1 above an unknown year above a wrong year', () => {
    const score = (candidateYear?: number) =>
      searchConfidence({ query: 'Dune', year: 2021, candidateTitles: ['Dune'], ...(candidateYear ? { candidateYear } : {}) });
    expect(score(2021)).toBeGreaterThan(score(2020));
    expect(score(2020)).toBe(score(2022));
    expect(score(2020)).toBeGreaterThan(score());
    expect(score()).toBeGreaterThan(score(1984));
  });

  it('uses the best of the candidate titles, so an original title counts', () => {
    const withOriginal = searchConfidence({ query: 'Le Fabuleux Destin d’Amélie Poulain', candidateTitles: ['Amélie', 'Le Fabuleux Destin d\'Amélie Poulain'] });
    const withoutOriginal = searchConfidence({ query: 'Le Fabuleux Destin d’Amélie Poulain', candidateTitles: ['Amélie'] });
    expect(withOriginal).toBe(100);
    expect(withoutOriginal).toBeLessThan(50);
  });

  it('ignores the year when the caller has none', () => {
    expect(searchConfidence({ query: 'Dune', candidateTitles: ['Dune'], candidateYear: 1984 })).toBe(100);
  });
});

describe('byConfidence', () => {
  it('sorts best first and keeps the provider order among equals', () => {
    const sorted = byConfidence([
      { id: 'a', confidence: 50 },
      { id: 'b', confidence: 90 },
      { id: 'c', confidence: 50 },
    ]);
    expect(sorted.map((result) => result.id)).toStrictEqual(['b', 'a', 'c']);
  });
});
