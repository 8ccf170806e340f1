import { useQuery } from '@tanstack/react-query';
import { historyQuery } from './history-query';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import { formatDateTime, formatRelative } from '../format/format';

/** The latest history events, optionally of one title (GET /api/history); refreshed by live events. */
export const useHistory = (options: { titleId?: string; limit?: number }) => useQuery(historyQuery(options));

export function HistoryList({ titleId, limit = 20 }: { titleId?: string; limit?: number }) {
  const history = useHistory({ titleId, limit });
  if (history.isPending) return <Loading what="history" />;
  if (history.error) return <ErrorNote error={history.error} />;
  if (history.data.events.length === 0) return <p className="muted">Nothing yet.</p>;
  return (
    <ol className="stack" style={{ gap: 6, paddingLeft: 18, margin: 0 }} data-testid="history">
      {history.data.events.map((event) => (
        <li key={event.id}>
          {event.summary}{' '}
          <time className="muted" dateTime={event.occurredAt} title={formatDateTime(event.occurredAt)}>
            {formatRelative(event.occurredAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
