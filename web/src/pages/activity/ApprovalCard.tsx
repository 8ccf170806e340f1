import { Badge } from '../../components/Badge';
import type { GetAnswer } from '../../api/types';
import { formatBytes } from '../../format/format';
import { ItemActions } from './ItemActions';
import { SelectReleaseButton } from './SelectReleaseButton';
import { useRequestItems } from './queries';

type Activity = GetAnswer<'/api/activity'>;
type Release = NonNullable<GetAnswer<'/api/requests/{id}/items'>[number]['selectedRelease']>;

const quality = (r: Release) => [r.resolution ? `${r.resolution}p` : null, r.seasonPack ? 'season pack' : null].filter(Boolean).join(' · ');

/** A release waiting for approval: what it is, why it was chosen, and every alternative with why it lost. */
export function ApprovalCard({ item }: { item: Activity['items']['awaitingApproval'][number] }) {
  const details = useRequestItems(item.requestId);
  const detail = details.data?.find((d) => d.id === item.itemId);
  const selected = detail?.selectedRelease;
  const alternatives = (detail?.availableReleases ?? []).filter((r) => r.guid !== selected?.guid);
  return (
    <article className="notice stack" style={{ gap: 8 }} data-testid="approval">
      <strong>{item.name}</strong>
      {selected ? (
        <div className="stack" style={{ gap: 2 }}>
          <span className="mono">{selected.title}</span>
          <span className="muted">
            {formatBytes(selected.sizeBytes)} · {quality(selected) || 'quality unknown'} · {selected.seeders} seeders · {selected.indexer}
          </span>
          <span>
            Chosen: the best score ({selected.score}) among the acceptable releases
            {detail?.qualityMet === false && ' (below the profile’s preferred quality)'}.
          </span>
        </div>
      ) : (
        <span className="mono">{item.release}</span>
      )}
      <ItemActions itemId={item.itemId} name={item.name} actions={['approve', 'reject', 'cancel']} />
      {alternatives.length > 0 && (
        <details>
          <summary>{alternatives.length} alternatives</summary>
          <table className="data">
            <thead>
              <tr>
                <th>Release</th>
                <th>Size</th>
                <th>Score</th>
                <th>Why not</th>
                <th>
                  <span className="visually-hidden">Choose</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {alternatives.map((r) => (
                <tr key={r.guid}>
                  <td className="mono">
                    {r.title} <span className="muted">{quality(r)}</span>
                  </td>
                  <td>{formatBytes(r.sizeBytes)}</td>
                  <td>{r.score}</td>
                  <td>{r.rejections.length ? r.rejections.join('; ') : <Badge tone="ok">acceptable, lower score</Badge>}</td>
                  <td>
                    <SelectReleaseButton itemId={item.itemId} release={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </article>
  );
}
