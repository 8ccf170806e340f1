import { describe, expect, it } from 'vitest';
import { byConfidence, searchConfidence } from '../../../src/title-matching/search-confidence.js';
import { foldText, normaliseTitle, titleSimilarity } from '../../../src/title-matching/title-similarity.js';

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
    const withOriginal = searchConfidence({
      query: 'Le Fabuleux Destin d’Amélie Poulain',
      candidateTitles: ['Amélie', "Le Fabuleux Destin d'Amélie Poulain"],
    });
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

describe('foldText', () => {
  it('ignores case, accents and punctuation but keeps "&" out, unlike a title', () => {
    expect(foldText('  Amélie: Le Fabuleux-Destin!  ')).toBe('amelie le fabuleux destin');
    expect(foldText('Law & Order')).toBe('law order');
    expect(normaliseTitle('Law & Order')).toBe('law and order');
  });
});
