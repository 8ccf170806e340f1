import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { EventType } from '../../api/types';
import { Badge } from '../../components/Badge';
import { ErrorNote } from '../../components/ErrorNote';
import { fieldMessages } from '../../components/fieldMessages';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../format/format';

/** The kinds GET /api/history records (live-only progress events are not kept). */
const HISTORY_TYPES: EventType[] = [
  'scan.finished',
  'title.added',
  'title.updated',
  'title.removed',
  'webhook.received',
  'release.grabbed',
  'item.downloaded',
  'item.encoded',
  'item.delivered',
  'item.completed',
  'item.failed',
  'item.cancelled',
  'item.approved',
  'item.rejected',
  'item.release-selected',
  'notification.sent',
  'notification.failed',
];

interface Filters {
  type: string;
  requestId: string;
  since: string;
  until: string;
}

const EMPTY: Filters = { type: '', requestId: '', since: '', until: '' };
const PAGE = 50;

/** Local `datetime-local` value → ISO 8601 instant, as the API takes `since` and `until`. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** GET /api/history with its filters, page after page (`before=<nextBefore>`); new events refresh it. */
export function HistoryBrowser() {
  const id = useId();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const query = {
    type: filters.type || undefined,
    requestId: filters.requestId.trim() || undefined,
    since: toInstant(filters.since),
    until: toInstant(filters.until),
    limit: PAGE,
  };
  const history = useInfiniteQuery({
    queryKey: ['history', 'browser', query],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/history', { params: { query: { ...query, before: pageParam } } })),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const messages = fieldMessages(history.error, []);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const events = history.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>History</h2>
      <form className="row" onSubmit={apply} aria-label="History filters" style={{ alignItems: 'flex-end' }}>
        <label className="field">
          Kind
          <select value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
            <option value="">Every kind</option>
            {HISTORY_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Request id
          <input value={draft.requestId} onChange={(e) => setDraft({ ...draft, requestId: e.target.value })} />
        </label>
        <label className="field">
          Since
          <input type="datetime-local" value={draft.since} onChange={(e) => setDraft({ ...draft, since: e.target.value })} />
        </label>
        <label className="field">
          Until
          <input type="datetime-local" value={draft.until} onChange={(e) => setDraft({ ...draft, until: e.target.value })} />
        </label>
        <button type="submit" className="btn btn-primary">
          Show
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setDraft(EMPTY);
            setFilters(EMPTY);
          }}
        >
          Clear
        </button>
      </form>
      {history.isPending && <Loading what="history" />}
      {messages.general.length > 0 && <ErrorNote error={messages.general.join('; ')} />}
      {history.data && events.length === 0 && <p className="muted">Nothing matches.</p>}
      {events.length > 0 && (
        <div style={{ overflowX: 'auto' }}>
          <table className="data" data-testid="history-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Kind</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
                  </td>
                  <td>
                    <Badge tone={e.type.endsWith('failed') ? 'danger' : 'neutral'}>{e.type}</Badge>
                  </td>
                  <td>{e.requestId ? <Link to={`/requests/${e.requestId}`}>{e.summary}</Link> : e.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {history.hasNextPage && (
        <button type="button" className="btn" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          {history.isFetchingNextPage ? 'Loading…' : 'Older'}
        </button>
      )}
    </section>
  );
}
