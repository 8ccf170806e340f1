import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import { formatDateTime, formatRelative } from '../format/format';

/** The latest history events, optionally of one title (GET /api/history); refreshed by live events. */
export function useHistory({ titleId, limit = 20 }: { titleId?: string; limit?: number }) {
  return useQuery({
    queryKey: ['history', { titleId, limit }],
    queryFn: () => unwrap(api.GET('/api/history', { params: { query: { titleId, limit } } })),
  });
}

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
