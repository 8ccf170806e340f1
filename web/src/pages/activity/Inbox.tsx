import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { ErrorNote } from '../../components/ErrorNote';
import type { GetAnswer } from '../../api/types';
import { formatRelative } from '../../format/format';
import { ApprovalCard } from './ApprovalCard';
import { ItemActions } from './ItemActions';
import { useUnidentified } from './queries';

type Activity = GetAnswer<'/api/activity'>;

const UNIDENTIFIED_SHOWN = 8;

/** What waits for a person: releases to approve, failed items, unidentified titles, notifications not taken. */
export function Inbox({ activity }: { activity: Activity }) {
  const { awaitingApproval, failed, counts } = activity.items;
  const unidentified = useUnidentified();
  const retrying = activity.notifications.retrying;
  const empty = awaitingApproval.length === 0 && failed.length === 0 && (unidentified.data?.total ?? 0) === 0 && retrying.length === 0;
  return (
    <section className="card stack" aria-labelledby="inbox-title">
      <h2 id="inbox-title">Waiting for you</h2>
      {empty && <p className="muted">Nothing waits for a decision.</p>}
      {awaitingApproval.length > 0 && (
        <div className="stack">
          <h3>
            Releases to approve <Badge tone="warn">{counts.awaitingApproval}</Badge>
          </h3>
          {awaitingApproval.map((item) => (
            <ApprovalCard key={item.itemId} item={item} />
          ))}
        </div>
      )}
      {failed.length > 0 && (
        <div className="stack">
          <h3>
            Failed <Badge tone="danger">{counts.failed}</Badge>
          </h3>
          {failed.map((item) => (
            <article key={item.itemId} className="notice stack" style={{ gap: 6 }}>
              <div className="row" style={{ justifyContent: 'space-between' }}>
                <strong>{item.name}</strong>
                <span className="muted">{formatRelative(item.updatedAt)}</span>
              </div>
              <span>
                Failed at <strong>{item.failedStep ?? 'an unknown step'}</strong>
                {item.lastError && <>: {item.lastError}</>}
              </span>
              <ItemActions itemId={item.itemId} name={item.name} actions={['retry', 'cancel']} />
            </article>
          ))}
        </div>
      )}
      {unidentified.error && <ErrorNote error={unidentified.error} />}
      {unidentified.data && unidentified.data.total > 0 && (
        <div className="stack" style={{ gap: 6 }}>
          <h3>
            Unidentified titles <Badge tone="warn">{unidentified.data.total}</Badge>
          </h3>
          <ul>
            {unidentified.data.titles.slice(0, UNIDENTIFIED_SHOWN).map((t) => (
              <li key={t.id}>
                <Link to={`/${t.kind}s/${t.id}`}>
                  {t.title}
                  {t.year ? ` (${t.year})` : ''}
                </Link>{' '}
                <span className="muted mono">{t.folderPath}</span>
              </li>
            ))}
          </ul>
          {unidentified.data.total > UNIDENTIFIED_SHOWN && (
            <p className="muted" style={{ margin: 0 }}>
              And {unidentified.data.total - UNIDENTIFIED_SHOWN} more: <Link to="/library">each library</Link> lists them under
              “Unidentified”.
            </p>
          )}
        </div>
      )}
      {retrying.length > 0 && (
        <div>
          <h3>Notifications not delivered yet</h3>
          <ul>
            {retrying.map((n) => (
              <li key={n.messageId}>
                {n.service}: {n.attempts} attempts since {formatRelative(n.since)}
                {n.lastError && <span className="muted"> — {n.lastError}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
