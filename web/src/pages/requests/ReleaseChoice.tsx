import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import type { Item, Release } from './queries';

/**
 * Choose this release instead (POST /api/items/:id/select-release `{guid}`): at the approval wait it becomes
 * the approved release, while the item waits for a search it is taken at once. Offered only then; the
 * workflow still decides, and a refusal shows its reason.
 */
export function ReleaseChoice({ item, release }: { item: Item; release: Release }) {
  const client = useQueryClient();
  const select = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/items/{id}/select-release', { params: { path: { id: item.id } }, body: { guid: release.guid } })),
    onSettled: () => void client.invalidateQueries({ queryKey: ['requests'] }),
  });
  const waiting = item.live?.waitingFor;
  if (waiting !== 'approval' && waiting !== 'release') return null;
  return (
    <div className="stack" style={{ gap: 4 }}>
      <button
        type="button"
        className="btn btn-small"
        disabled={select.isPending}
        onClick={() => select.mutate()}
        aria-label={`Use this: ${release.title}`}
      >
        Use this
      </button>
      {select.error && <ErrorNote error={select.error} />}
    </div>
  );
}
