import { titleSimilarity } from './title-similarity.js';

export interface ConfidenceInput {
  query: string;
  /** Year the caller expects (from a folder name, say); undefined when unknown. */
  year?: number;
  /** Every title the candidate goes by (title, original title, ...); the best match counts. */
  candidateTitles: readonly (string | null | undefined)[];
  candidateYear?: number;
}

// With a year to compare, the title decides most of the score and the year separates remakes and sequels
// that share a title; off-by-one years are common (festival vs. theatrical release, late-December dates).
const TITLE_WEIGHT = 0.8;
const YEAR_WEIGHT = 0.2;

/** 0..100 confidence that a search result is the title the caller means. */
export function searchConfidence(input: ConfidenceInput): number {
  const titles = input.candidateTitles.filter((title): title is string => typeof title === 'string' && title !== '');
  const titleScore = titles.reduce((best, title) => Math.max(best, titleSimilarity(input.query, title)), 0);
  if (input.year === undefined) return Math.round(titleScore * 100);
  return Math.round((TITLE_WEIGHT * titleScore + YEAR_WEIGHT * yearScore(input.year, input.candidateYear)) * 100);
}

function yearScore(expected: number, actual: number | undefined): number {
  if (actual === undefined) return 0.5;
  const distance = Math.abs(expected - actual);
  if (distance === 0) return 1;
  if (distance === 1) return 0.75;
  return 0;
}

/** Best first; equal confidence keeps the provider's own order (its popularity or relevance ranking). */
export function byConfidence<T extends { confidence: number }>(results: readonly T[]): T[] {
  return [...results].sort((a, b) => b.confidence - a.confidence);
}
