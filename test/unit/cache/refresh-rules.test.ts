import { describe, expect, it } from 'vitest';
import { isRefreshDue, releaseClass } from '../../../src/cache/refresh-rules.js';

const now = new Date('2026-11-21T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('release-status rules', () => {
  it.each([
    [{ entityType: 'movie' as const, premiered: '2027-01-10', status: null }, 'upcoming'],
    [{ entityType: 'movie' as const, premiered: '2026-10-30', status: null }, 'recent'],
    [{ entityType: 'tv' as const, premiered: '2015-01-01', status: 'Returning Series' }, 'running'],
    [{ entityType: 'movie' as const, premiered: '2025-02-01', status: null }, 'current'],
    [{ entityType: 'movie' as const, premiered: '1999', status: null }, 'old'],
    [{ entityType: 'movie' as const, premiered: null, status: null }, 'unknown'],
  ])('%o is %s', (candidate, expected) => {
    expect(releaseClass(candidate, now)).toBe(expected);
  });

  it('refreshes upcoming titles after 2 days, old ones only after 180', () => {
    const upcoming = { entityType: 'movie' as const, premiered: '2027-01-10', status: null };
    expect(isRefreshDue({ ...upcoming, fetchedAt: daysAgo(1) }, now)).toBe(false);
    expect(isRefreshDue({ ...upcoming, fetchedAt: daysAgo(2) }, now)).toBe(true);
    const old = { entityType: 'movie' as const, premiered: '1980-05-01', status: null };
    expect(isRefreshDue({ ...old, fetchedAt: daysAgo(179) }, now)).toBe(false);
    expect(isRefreshDue({ ...old, fetchedAt: daysAgo(180) }, now)).toBe(true);
  });
});
