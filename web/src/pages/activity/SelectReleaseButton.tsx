import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';

/** Choose an alternative release instead of the selected one (POST /api/items/:id/select-release `{guid}`). */
export function SelectReleaseButton({ itemId, release }: { itemId: string; release: { title: string; guid: string } }) {
  const client = useQueryClient();
  const select = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/items/{id}/select-release', { params: { path: { id: itemId } }, body: { guid: release.guid } })),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['activity'] });
      void client.invalidateQueries({ queryKey: ['requests'] });
    },
  });
  return (
    <div className="stack" style={{ gap: 4 }}>
      <button
        type="button"
        className="btn btn-small"
        disabled={select.isPending}
        onClick={() => select.mutate()}
        aria-label={`Use ${release.title} instead`}
      >
        Use this
      </button>
      {select.error && <ErrorNote error={select.error} />}
    </div>
  );
}
