import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Badge } from '../../components/Badge';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { TemporalLink } from '../../components/TemporalLink';
import { formatDateTime, formatRelative } from '../../format/format';
import { statusTone } from './status';

const STATUSES = ['PENDING', 'PROCESSING', 'COMPLETED', 'PARTIAL', 'FAILED', 'CANCELLED'] as const;
type Status = (typeof STATUSES)[number];
const PAGE_SIZE = 25;

/** Every request, newest first, filtered by status, type and title; the filters live in the address. */
export function RequestList() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const type = (['movie', 'tv'] as const).find((t) => t === params.get('type'));
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const set = (next: Record<string, string | undefined>) =>
    setParams((p) => {
      const out = new URLSearchParams(p);
      for (const [k, v] of Object.entries(next)) {
        if (v) out.set(k, v);
        else out.delete(k);
      }
      if (!('page' in next)) out.delete('page');
      return out;
    });
  const query = { status: status as Status | undefined, type, q: q || undefined, page, pageSize: PAGE_SIZE };
  const requests = useQuery({
    queryKey: ['requests', 'list', query],
    queryFn: () => unwrap(api.GET('/api/requests', { params: { query } })),
    placeholderData: (previous) => previous,
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    set({ q: text.trim() || undefined });
  };
  return (
    <section className="stack">
      <PageHeader title="Requests">
        <Link className="btn btn-primary" to="/requests/new">
          New request
        </Link>
      </PageHeader>
      <form className="row" onSubmit={search} aria-label="Filter requests" style={{ alignItems: 'flex-end' }}>
        <label className="field">
          Status
          <select value={status ?? ''} onChange={(e) => set({ status: e.target.value || undefined })}>
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Type
          <select value={type ?? ''} onChange={(e) => set({ type: e.target.value || undefined })}>
            <option value="">Movies and TV</option>
            <option value="movie">Movies</option>
            <option value="tv">TV</option>
          </select>
        </label>
        <label className="field" htmlFor={`${id}-q`}>
          Title
          <input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" className="btn">
          Filter
        </button>
      </form>
      {requests.isPending && <Loading what="requests" />}
      {requests.error && <ErrorNote error={requests.error} />}
      {requests.data && requests.data.records.length === 0 && <p className="muted">No requests match.</p>}
      {requests.data && requests.data.records.length > 0 && (
        <>
          <div style={{ overflowX: 'auto' }}>
            <table className="data" data-testid="request-list">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Type</th>
                  <th scope="col">Status</th>
                  <th scope="col">Items</th>
                  <th scope="col">Requested</th>
                  <th scope="col">
                    <span className="visually-hidden">Temporal</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {requests.data.records.map((r) => {
                  const title = `${r.title ?? 'Untitled'}${r.year ? ` (${r.year})` : ''}`;
                  return (
                    <tr key={r.id}>
                      <td>
                        <Link to={`/requests/${r.id}`}>{title}</Link>
                      </td>
                      <td>{r.type === 'movie' ? 'Movie' : 'TV'}</td>
                      <td>
                        <Badge tone={statusTone(r.status)}>{r.status}</Badge>
                      </td>
                      <td>
                        {r.aggregates.completed}/{r.aggregates.total} done
                        {r.aggregates.failed > 0 && `, ${r.aggregates.failed} failed`}
                      </td>
                      <td>
                        <time dateTime={r.createdAt} title={formatDateTime(r.createdAt)}>
                          {formatRelative(r.createdAt)}
                        </time>
                      </td>
                      <td>
                        <TemporalLink run={r} label={title} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={requests.data.totalRecords}
            onPage={(p) => set({ page: String(p) })}
            label="Request"
          />
        </>
      )}
    </section>
  );
}
