import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLiveEvent } from '../../api/live-events';
import type { GetAnswer, ReelflowEvent } from '../../api/types';
import { Badge } from '../../components/Badge';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { addMonths, isoDay, monthGrid, monthKey, monthStart, WEEKDAYS } from './dates';
import { IcalSubscribe } from './IcalSubscribe';
import './calendar.css';

type Entry = GetAnswer<'/api/calendar'>[number];

/** "Show – 1x02 – Title", as the iCal feed names it; a movie by its title. */
export function entryName(e: Entry): string {
  if (e.kind === 'movie') return e.title;
  const number =
    e.seasonNumber !== null && e.episodeNumber !== null ? ` – ${e.seasonNumber}x${String(e.episodeNumber).padStart(2, '0')}` : '';
  return `${e.title}${number}${e.episodeTitle ? ` – ${e.episodeTitle}` : ''}`;
}

function EntryLink({ entry }: { entry: Entry }) {
  const name = entryName(entry);
  const tone =
    entry.source === 'request' ? (entry.status === 'COMPLETED' ? 'ok' : entry.status === 'FAILED' ? 'danger' : 'warn') : 'neutral';
  const target = entry.requestId
    ? `/requests/${entry.requestId}`
    : entry.titleId
      ? `/${entry.kind === 'movie' ? 'movies' : 'shows'}/${entry.titleId}`
      : undefined;
  return (
    <span className={`calendar-entry calendar-${entry.source}`}>
      {target ? <Link to={target}>{name}</Link> : name}{' '}
      {entry.source === 'request' && <Badge tone={tone}>{entry.status.toLowerCase()}</Badge>}
    </span>
  );
}

/** Events that can move what the calendar shows: a title added or changed, a request's item moving on. */
const changesCalendar = (event: ReelflowEvent) => event.type.startsWith('title.') || event.type.startsWith('item.');

/** Air dates of library and requested episodes and release dates of requested movies: a month grid or an agenda. */
export default function CalendarPage() {
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'agenda' ? 'agenda' : 'month';
  const first = monthStart(params.get('month'));
  const weeks = monthGrid(first);
  const start = isoDay(weeks[0]![0]!);
  const end = isoDay(weeks[weeks.length - 1]![6]!);
  const client = useQueryClient();
  const calendar = useQuery({
    queryKey: ['calendar', start, end],
    queryFn: () => unwrap(api.GET('/api/calendar', { params: { query: { start, end } } })),
  });
  useLiveEvent(
    useCallback(
      (event: ReelflowEvent) => {
        if (changesCalendar(event)) void client.invalidateQueries({ queryKey: ['calendar'] });
      },
      [client],
    ),
  );
  const go = (next: { view?: string; month?: string }) =>
    setParams((p) => {
      const out = new URLSearchParams(p);
      for (const [k, v] of Object.entries(next)) out.set(k, v);
      return out;
    });
  const byDay = new Map<string, Entry[]>();
  for (const entry of calendar.data ?? []) byDay.set(entry.date, [...(byDay.get(entry.date) ?? []), entry]);
  const monthName = first.toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
  const today = isoDay(new Date());

  return (
    <section className="stack">
      <PageHeader title="Calendar">
        <div className="row calendar-view" role="group" aria-label="View">
          <button type="button" className="btn btn-small" aria-pressed={view === 'month'} onClick={() => go({ view: 'month' })}>
            Month
          </button>
          <button type="button" className="btn btn-small" aria-pressed={view === 'agenda'} onClick={() => go({ view: 'agenda' })}>
            Agenda
          </button>
        </div>
      </PageHeader>
      <div className="row">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => go({ month: monthKey(addMonths(first, -1)) })}
          aria-label="Previous month"
        >
          ‹
        </button>
        <h2 style={{ margin: 0, minWidth: 180, textAlign: 'center' }} aria-live="polite">
          {monthName}
        </h2>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => go({ month: monthKey(addMonths(first, 1)) })}
          aria-label="Next month"
        >
          ›
        </button>
        <button type="button" className="btn btn-small" onClick={() => go({ month: monthKey(new Date()) })}>
          Today
        </button>
      </div>
      {calendar.isPending && <Loading what="the calendar" />}
      {calendar.error && <ErrorNote error={calendar.error} />}
      {calendar.data && view === 'month' && (
        <table className="calendar-month" aria-label={`${monthName}, by day`}>
          <thead>
            <tr>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={isoDay(week[0]!)}>
                {week.map((day) => {
                  const key = isoDay(day);
                  const entries = byDay.get(key) ?? [];
                  const outside = day.getMonth() !== first.getMonth();
                  return (
                    <td key={key} className={[outside && 'outside', key === today && 'today'].filter(Boolean).join(' ') || undefined}>
                      <div className="calendar-day" aria-current={key === today ? 'date' : undefined}>
                        <span className="calendar-date">{day.getDate()}</span>
                        {entries.map((e, i) => (
                          <EntryLink key={i} entry={e} />
                        ))}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {calendar.data && view === 'agenda' && (
        <div className="stack" data-testid="agenda">
          {calendar.data.length === 0 && <p className="muted">Nothing airs in these weeks.</p>}
          {[...byDay.entries()].map(([day, entries]) => (
            <div key={day} className="calendar-agenda-day">
              <h3>
                <time dateTime={day}>
                  {new Date(`${day}T00:00`).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })}
                </time>
              </h3>
              <ul>
                {entries.map((e, i) => (
                  <li key={i}>
                    <EntryLink entry={e} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      <IcalSubscribe start={start} end={end} />
    </section>
  );
}
