import { searchConfidence } from '../../title-matching/search-confidence.js';
import type { ProviderSearchResult } from '../../providers/types.js';

/** A search result as a candidate for one title: `confidence` (0–100) is ours, the title's own name and year against the candidate's. */
export type IdentificationCandidate = Omit<ProviderSearchResult, 'provider'>;

export interface IdentificationDecision {
  /** The candidate accepted, when one is clearly the title. */
  accepted?: IdentificationCandidate;
  /** Every candidate, best first, for a person to choose from. */
  candidates: IdentificationCandidate[];
  reason: string;
}

/** Accepted only at or above this confidence: an exact title a year off (95) passes, "Matrix" for "The Matrix" (68) does not. */
export const IDENTIFY_THRESHOLD = 85;
/** Two candidates this close (a remake under the same title, no year to tell) are left to a person. */
export const AMBIGUITY_MARGIN = 5;

/**
 * Scores search results against the title as the library names it and accepts the best one when it is
 * confident and clearly ahead of the next; otherwise leaves the choice to a person.
 */
export function decideIdentification(
  title: { name: string; year?: number },
  results: readonly Omit<IdentificationCandidate, 'confidence'>[],
  threshold = IDENTIFY_THRESHOLD,
): IdentificationDecision {
  const candidates = results
    .filter((r) => Object.keys(r.externalIds).length > 0)
    .map((r) => ({
      ...r,
      confidence: searchConfidence({
        query: title.name,
        year: title.year,
        candidateTitles: [r.title, r.originalTitle],
        candidateYear: r.year,
      }),
    }))
    .sort((a, b) => b.confidence - a.confidence);
  const [best, second] = candidates;
  if (!best) return { candidates, reason: 'no search results' };
  if (best.confidence < threshold)
    return { candidates, reason: `best match "${best.title}" has confidence ${best.confidence} < ${threshold}` };
  if (second && best.confidence - second.confidence < AMBIGUITY_MARGIN) {
    return {
      candidates,
      reason: `"${best.title}" (${best.confidence}) and "${second.title}" (${second.confidence}) are too close to choose`,
    };
  }
  return { accepted: best, candidates, reason: `matched "${best.title}" with confidence ${best.confidence}` };
}
