import { describe, expect, it } from 'vitest';
import { decideIdentification, IDENTIFY_THRESHOLD } from '../../../src/library/enrich/identification.js';

const matrix = { externalIds: { tmdb: 603 }, title: 'The Matrix', year: 1999 };
const reloaded = { externalIds: { tmdb: 604 }, title: 'The Matrix Reloaded', year: 2003 };

describe('decideIdentification', () => {
  it('accepts an exact title and year with full confidence, best first', () => {
    const decision = decideIdentification({ name: 'The Matrix', year: 1999 }, [reloaded, matrix]);
    expect(decision.accepted?.externalIds).toEqual({ tmdb: 603 });
    expect(decision.accepted?.confidence).toBe(100);
    expect(decision.candidates.map((c) => c.externalIds.tmdb)).toEqual([603, 604]);
  });

  it('accepts a year off by one (festival vs theatrical release)', () => {
    expect(decideIdentification({ name: 'The Matrix', year: 2000 }, [matrix]).accepted?.confidence).toBe(95);
  });

  it('leaves a weak match unidentified with its candidates and says why', () => {
    const decision = decideIdentification({ name: 'Matrix', year: 1999 }, [matrix]);
    expect(decision.accepted).toBeUndefined();
    expect(decision.candidates).toHaveLength(1);
    expect(decision.candidates[0]!.confidence).toBeLessThan(IDENTIFY_THRESHOLD);
    expect(decision.reason).toMatch(/confidence \d+ < 85/);
  });

  it('leaves two equally good matches (a remake without a year) to a person', () => {
    const decision = decideIdentification({ name: 'Heat' }, [
      { externalIds: { tmdb: 949 }, title: 'Heat', year: 1995 },
      { externalIds: { tmdb: 11 }, title: 'Heat', year: 1986 },
    ]);
    expect(decision.accepted).toBeUndefined();
    expect(decision.reason).toMatch(/too close/);
  });

  it('says so when nothing was found', () => {
    expect(decideIdentification({ name: 'Nothing' }, [])).toEqual({ candidates: [], reason: 'no search results' });
  });
});
