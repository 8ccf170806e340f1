// Release-status rules for the provider refresh: how old a title's cached provider data may get before
// the refresh asks again. Titles about to come out or just out change most (dates, cast, artwork, ratings
// still settling), running shows gain episodes, and old titles hardly change at all — and when they do,
// TMDB's change list names them, which the refresh reads first.

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RefreshCandidate {
  entityType: 'movie' | 'tv';
  /** YYYY-MM-DD (or just YYYY / YYYY-MM) of the first release or air date; null when unknown. */
  premiered: string | null;
  /** A show's status as TMDB names it ("Returning Series", "Ended"…); null for movies. */
  status: string | null;
  /** When the oldest provider answer in the cache was fetched. */
  fetchedAt: Date;
}

export type ReleaseClass = 'upcoming' | 'recent' | 'running' | 'current' | 'old' | 'unknown';

/** Maximum cache age per class, in days. */
export const MAX_AGE_DAYS: Record<ReleaseClass, number> = {
  upcoming: 2,
  recent: 3,
  running: 7,
  current: 30,
  unknown: 30,
  old: 180,
};

const RECENT_DAYS = 60;
const CURRENT_DAYS = 3 * 365;
const RUNNING_STATUSES = new Set(['returning series', 'in production', 'planned', 'pilot']);
const FINISHED_STATUSES = new Set(['ended', 'canceled', 'cancelled']);

/** A show its provider calls ended or cancelled: it gains no episodes. An unknown status may still. */
export function showHasEnded(status: string | null | undefined): boolean {
  return !!status && FINISHED_STATUSES.has(status.toLowerCase());
}

export function releaseClass(candidate: Omit<RefreshCandidate, 'fetchedAt'>, now: Date): ReleaseClass {
  const released = releaseDate(candidate.premiered);
  if (released !== undefined && released.getTime() > now.getTime()) return 'upcoming';
  if (candidate.entityType === 'tv' && candidate.status && RUNNING_STATUSES.has(candidate.status.toLowerCase())) return 'running';
  if (released === undefined) return 'unknown';
  const ageDays = (now.getTime() - released.getTime()) / DAY_MS;
  if (ageDays <= RECENT_DAYS) return 'recent';
  if (ageDays <= CURRENT_DAYS) return 'current';
  return 'old';
}

/** Whether the cached data of this title is due for a refresh now. */
export function isRefreshDue(candidate: RefreshCandidate, now: Date): boolean {
  const maxAge = MAX_AGE_DAYS[releaseClass(candidate, now)] * DAY_MS;
  return now.getTime() - candidate.fetchedAt.getTime() >= maxAge;
}

/** A partial date counts from its first day; anything unreadable is unknown. */
function releaseDate(premiered: string | null): Date | undefined {
  if (!premiered) return undefined;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(premiered.trim());
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2] ?? '1') - 1, Number(match[3] ?? '1')));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
