import { Badge } from '../../components/Badge';
import { ProgressBar } from '../../components/ProgressBar';
import type { GetAnswer } from '../../api/types';
import { formatRelative, formatSpeed } from '../../format/format';
import { ItemActions } from './ItemActions';
import { useRequestItems } from './queries';

type Activity = GetAnswer<'/api/activity'>;
type ActiveItem = Activity['items']['active'][number];

/** Items waiting for an air date or the next search: "Search now" ends the wait (the API says when it cannot). */
const WAITING = new Set(['PENDING', 'AWAITING', 'SEARCHING']);

/** Scans with their folder counters, title pipelines per library, and items moving with their bars and speeds. */
export function RunningNow({ activity }: { activity: Activity }) {
  const { scans, pipelines, items } = activity;
  const nothing = scans.length === 0 && pipelines.length === 0 && items.active.length === 0;
  return (
    <section className="card stack" aria-labelledby="running-title">
      <h2 id="running-title">Running now</h2>
      {nothing && <p className="muted">Nothing is running.</p>}
      {scans.map((scan) => {
        const percent = scan.directoriesTotal > 0 ? (100 * scan.directoriesScanned) / scan.directoriesTotal : null;
        return (
          <div key={scan.scanId} className="stack" style={{ gap: 4 }} data-testid="scan-progress">
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <strong>Scanning {scan.libraryName}</strong>
              <span className="muted">
                {scan.directoriesScanned} of {scan.directoriesTotal || '?'} folders · started {formatRelative(scan.startedAt)}
              </span>
            </div>
            <ProgressBar value={percent} label={`Scan of ${scan.libraryName}`} />
          </div>
        );
      })}
      {pipelines.length > 0 && (
        <div>
          <h3>Title pipelines</h3>
          <ul>
            {pipelines.map((p) => (
              <li key={p.libraryId}>
                {p.libraryName}: {p.titles} {p.titles === 1 ? 'title' : 'titles'} being enriched and published
              </li>
            ))}
          </ul>
        </div>
      )}
      {items.active.map((item) => (
        <ActiveItemRow key={item.itemId} item={item} />
      ))}
    </section>
  );
}

function ActiveItemRow({ item }: { item: ActiveItem }) {
  const details = useRequestItems(item.requestId);
  const live = details.data?.find((d) => d.id === item.itemId)?.live?.activity;
  const speed = live?.bytesPerSecond ? formatSpeed(live.bytesPerSecond) : live?.speed ? `${live.speed.toFixed(1)}×` : null;
  const percent = live?.percent ?? item.progress;
  return (
    <div className="stack" style={{ gap: 4 }}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <span>
          <strong>{item.name}</strong> <Badge>{item.status}</Badge>
        </span>
        <span className="muted">
          {Math.round(percent)}%{speed && ` · ${speed}`}
        </span>
      </div>
      {item.release && <span className="muted mono">{item.release}</span>}
      <ProgressBar value={percent} label={`${item.status.toLowerCase()} ${item.name}`} />
      <ItemActions itemId={item.itemId} name={item.name} actions={WAITING.has(item.status) ? ['search-now', 'cancel'] : ['cancel']} />
    </div>
  );
}
