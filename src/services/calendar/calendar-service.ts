import ical from 'ical-generator';
import type { CalendarEntry, CalendarRepository } from '../../db/repositories/calendar-repository.js';

const DAY_MS = 24 * 60 * 60_000;
/** Sonarr's and Radarr's iCal feeds default to a week back and four weeks ahead; so does ours. */
export const FEED_PAST_DAYS = 7;
export const FEED_FUTURE_DAYS = 28;

/** Air dates of library and requested episodes and release dates of requested movies, as a list or an iCal feed. */
export class CalendarService {
  constructor(private readonly calendar: CalendarRepository) {}

  entries(start: string, end: string): Promise<CalendarEntry[]> {
    return this.calendar.between(start, end);
  }

  /** The feed calendar apps subscribe to: one all-day event per entry, named like Sonarr's ("Show - 1x02 - Title"). */
  async ics(range: { start?: string; end?: string } = {}, now = new Date()): Promise<string> {
    const start = range.start ?? day(new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS));
    const end = range.end ?? day(new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS));
    const feed = ical({ name: 'Reelflow', prodId: { company: 'Reelflow', product: 'calendar', language: 'EN' }, ttl: 60 * 60 });
    for (const entry of await this.entries(start, end)) {
      feed.createEvent({
        id: `${entry.source}-${entry.itemId ?? entry.requestId ?? entry.titleId}-${entry.seasonNumber ?? 0}-${entry.episodeNumber ?? 0}@reelflow`,
        start: new Date(`${entry.date}T00:00:00Z`),
        allDay: true,
        summary: eventTitle(entry),
        description: entry.source === 'library' ? 'In the library' : `Requested: ${entry.status}`,
      });
    }
    return feed.toString();
  }
}

export function eventTitle(entry: CalendarEntry): string {
  if (entry.kind === 'movie') return entry.title;
  const number = `${entry.seasonNumber}x${String(entry.episodeNumber).padStart(2, '0')}`;
  return entry.episodeTitle ? `${entry.title} - ${number} - ${entry.episodeTitle}` : `${entry.title} - ${number}`;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
