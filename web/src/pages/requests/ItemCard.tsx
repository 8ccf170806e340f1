import { useState } from 'react';
import { Badge } from '../../components/Badge';
import { ErrorNote } from '../../components/ErrorNote';
import { ProgressBar } from '../../components/ProgressBar';
import { TemporalLink } from '../../components/TemporalLink';
import { formatBytes, formatDateTime, formatRelative, formatSpeed } from '../../format/format';
import { ReleaseChoice } from './ReleaseChoice';
import { actionsFor, useItemAction, type Item, type ItemAction, type Release } from './queries';
import { episodeCode, statusTone } from './status';

const LABELS: Record<ItemAction, string> = {
  approve: 'Approve',
  reject: 'Reject',
  retry: 'Retry',
  cancel: 'Cancel',
  'search-now': 'Search now',
};

/** "S01E02 Pilot" for an episode, the title for a movie (season 0, episode 0). */
export function itemName(item: Item, requestTitle: string): string {
  if (item.seasonNumber === 0 && item.episodeNumber === 0) return item.title ?? requestTitle;
  return `${episodeCode(item.seasonNumber, item.episodeNumber)}${item.title ? ` ${item.title}` : ''}`;
}

/** What the item waits for, in words: its air date, a release, a person's approval, a retry. */
function waitText(item: Item): string | null {
  const live = item.live;
  if (!live?.waitingFor) return null;
  const until = live.waitUntil ? ` until ${formatDateTime(live.waitUntil)} (${formatRelative(live.waitUntil)})` : '';
  switch (live.waitingFor) {
    case 'air date':
      return `Waits for its air date${item.airDate ? `, ${item.airDate}` : ''}${until}`;
    case 'release':
      return `Waits for an acceptable release; next search${until || ' soon'}`;
    case 'approval':
      return `Waits for your approval of the selected release${until ? `; decided by itself${until}` : ''}`;
    default:
      return `Waits for ${live.waitingFor}${until}`;
  }
}

function ReleaseLine({ release }: { release: Release }) {
  return (
    <span className="stack" style={{ gap: 2 }}>
      <span className="mono">{release.title}</span>
      <span className="muted">
        {release.indexer} · {formatBytes(release.sizeBytes)} · {release.seeders} seeders
        {release.resolution ? ` · ${release.resolution}p` : ''}
        {release.seasonPack ? ' · season pack' : ''} · score {release.score}
      </span>
      {release.rejections.length > 0 && <span className="muted">Not taken: {release.rejections.join('; ')}</span>}
    </span>
  );
}

/** One item: its status and progress, what it waits for, its releases, and what a person can do now. */
export function ItemCard({ item, requestTitle }: { item: Item; requestTitle: string }) {
  const name = itemName(item, requestTitle);
  const action = useItemAction(item.id);
  const [showReleases, setShowReleases] = useState(false);
  const live = item.live?.activity;
  const percent = live?.percent ?? item.progress;
  const speed = live?.bytesPerSecond ? formatSpeed(live.bytesPerSecond) : live?.speed ? `${live.speed.toFixed(1)}×` : null;
  const wait = waitText(item);
  const moving = ['DOWNLOADING', 'ENCODING', 'DELIVERING'].includes(item.status);
  // The search's other finds: the selected release is listed among them too.
  const others = item.availableReleases.filter((r) => r.guid !== item.selectedRelease?.guid);
  return (
    <article className="card stack" style={{ gap: 8 }} aria-labelledby={`item-${item.id}`} data-testid="request-item">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h3 id={`item-${item.id}`} style={{ margin: 0 }}>
          {name}
        </h3>
        <div className="row">
          <Badge tone={statusTone(item.status)}>{item.status}</Badge>
          {item.live?.step && <span className="muted">step: {item.live.step}</span>}
          <TemporalLink run={item} label={name} />
        </div>
      </div>
      {(moving || percent > 0) && item.status !== 'COMPLETED' && (
        <div className="stack" style={{ gap: 4 }}>
          <ProgressBar value={percent} label={`${item.status.toLowerCase()} ${name}`} />
          <span className="muted">
            {Math.round(percent)}%{speed && ` · ${speed}`}
            {live?.state && ` · ${live.state}`}
          </span>
        </div>
      )}
      {wait && <p className="notice">{wait}</p>}
      {item.airDate && !wait && <span className="muted">Airs {item.airDate}</span>}
      {item.lastError && (
        <div className="notice notice-error">
          {item.failedStep && <strong>Failed at {item.failedStep}: </strong>}
          {item.lastError}
        </div>
      )}
      {item.selectedRelease && (
        <div>
          <strong>Selected release</strong>
          <ReleaseLine release={item.selectedRelease} />
        </div>
      )}
      {item.deliveredPaths.length > 0 && (
        <div>
          <strong>Delivered to</strong>
          <ul>
            {item.deliveredPaths.map((p) => (
              <li key={p} className="mono">
                {p}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="row">
        {actionsFor(item).map((a) => (
          <button
            key={a}
            type="button"
            className={
              a === 'approve' || a === 'retry' ? 'btn btn-small btn-primary' : a === 'cancel' ? 'btn btn-small btn-danger' : 'btn btn-small'
            }
            disabled={action.isPending}
            onClick={() => action.mutate(a)}
            aria-label={`${LABELS[a]}: ${name}`}
          >
            {LABELS[a]}
          </button>
        ))}
        {others.length > 0 && (
          <button type="button" className="btn btn-small" aria-expanded={showReleases} onClick={() => setShowReleases((s) => !s)}>
            {showReleases ? 'Hide' : 'Show'} {others.length === 1 ? 'the other release' : `${others.length} other releases`}
          </button>
        )}
      </div>
      {action.error && <ErrorNote error={action.error} />}
      {showReleases && (
        <ul className="stack" style={{ gap: 8, paddingLeft: 18 }}>
          {others.map((r) => (
            <li key={r.guid} className="row" style={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
              <ReleaseLine release={r} />
              <ReleaseChoice item={item} release={r} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
