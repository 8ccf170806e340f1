import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Badge } from '../../components/Badge';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { TemporalLink } from '../../components/TemporalLink';
import { formatDateTime } from '../../format/format';
import { ItemCard } from './ItemCard';
import { useDeliveryTargets, useItems, useQualityProfiles, useRequest, type Request } from './queries';
import { episodeCode, statusTone } from './status';

export const requestTitle = (r: Request) => `${r.title ?? 'Untitled'}${r.year ? ` (${r.year})` : ''}`;

/** What was asked for: a movie, whole seasons, or single episodes. */
function scope(r: Request): string {
  if (r.type === 'movie') return 'Movie';
  const parts = [
    r.seasons.length > 0 && `season${r.seasons.length > 1 ? 's' : ''} ${r.seasons.join(', ')}`,
    r.episodes.length > 0 && r.episodes.map((e) => episodeCode(e.season, e.episode)).join(', '),
  ].filter(Boolean);
  return `TV: ${parts.join('; ')}`;
}

/** A request: its status and counts, every item live, and the decisions a person takes on them. */
export function RequestDetail() {
  const { id = '' } = useParams();
  const request = useRequest(id);
  const items = useItems(id);
  const profiles = useQualityProfiles();
  const targets = useDeliveryTargets();
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/api/requests/{id}/cancel', { params: { path: { id } } })),
    onSettled: () => void client.invalidateQueries({ queryKey: ['requests'] }),
  });
  if (request.isPending) return <Loading what="the request" />;
  if (request.error) return <ErrorNote error={request.error} />;
  const r = request.data;
  const title = requestTitle(r);
  const ended = ['COMPLETED', 'PARTIAL', 'FAILED', 'CANCELLED'].includes(r.status);
  const profile = profiles.data?.find((p) => p.id === r.qualityProfileId)?.name;
  const targetNames = r.targetIds.map((t) => targets.data?.find((d) => d.id === t)?.name ?? t);
  return (
    <section className="stack">
      <p>
        <Link to="/requests">← Requests</Link>
      </p>
      <PageHeader title={title}>
        <Badge tone={statusTone(r.status)}>{r.status}</Badge>
        <TemporalLink run={r} label={title} />
        {!ended && (
          <button
            type="button"
            className="btn btn-small btn-danger"
            disabled={cancel.isPending}
            onClick={() => {
              if (window.confirm(`Cancel every unfinished item of ${title}?`)) cancel.mutate();
            }}
          >
            Cancel request
          </button>
        )}
      </PageHeader>
      {cancel.error && <ErrorNote error={cancel.error} />}
      <div className="card">
        <dl className="request-facts">
          <dt>Asked for</dt>
          <dd>{scope(r)}</dd>
          <dt>Items</dt>
          <dd>
            {r.aggregates.total} in all · {r.aggregates.completed} done · {r.aggregates.active} active · {r.aggregates.failed} failed ·{' '}
            {r.aggregates.cancelled} cancelled
          </dd>
          <dt>Quality profile</dt>
          <dd>{profile ?? r.qualityProfileId}</dd>
          <dt>Delivered to</dt>
          <dd>{targetNames.join(', ')}</dd>
          <dt>Approval</dt>
          <dd>{r.requireApproval ? 'A person approves each release' : 'Releases are taken as selected'}</dd>
          <dt>Requested</dt>
          <dd>{formatDateTime(r.createdAt)}</dd>
        </dl>
        {r.lastError && <ErrorNote error={r.lastError} />}
      </div>
      <h2>Items</h2>
      {items.isPending && <Loading what="the items" />}
      {items.error && <ErrorNote error={items.error} />}
      {items.data?.length === 0 && <p className="muted">No items yet: the request is being planned.</p>}
      {items.data?.map((item) => (
        <ItemCard key={item.id} item={item} requestTitle={title} />
      ))}
      <section className="card stack" aria-labelledby="request-history">
        <h2 id="request-history">History</h2>
        <RequestHistory requestId={id} />
      </section>
    </section>
  );
}

/** What happened to this request, newest first (GET /api/history?requestId=). */
function RequestHistory({ requestId }: { requestId: string }) {
  const history = useQuery({
    queryKey: ['history', { requestId }],
    queryFn: () => unwrap(api.GET('/api/history', { params: { query: { requestId, limit: 50 } } })),
  });
  if (history.isPending) return <Loading what="history" />;
  if (history.error) return <ErrorNote error={history.error} />;
  if (history.data.events.length === 0) return <p className="muted">Nothing yet.</p>;
  return (
    <ol className="stack" style={{ gap: 6, paddingLeft: 18, margin: 0 }} data-testid="request-history">
      {history.data.events.map((event) => (
        <li key={event.id}>
          {event.summary}{' '}
          <time className="muted" dateTime={event.occurredAt}>
            {formatDateTime(event.occurredAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
