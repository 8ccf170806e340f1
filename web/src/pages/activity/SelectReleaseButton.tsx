import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';

/**
 * Choose an alternative release instead of the selected one: POST /api/items/:id/select-release `{guid}`.
 * The route and the releases' `guid` arrive with the release-selection change; until the generated types
 * have them this one call goes through fetch, and the button is off for a release without a guid.
 */
export function SelectReleaseButton({ itemId, release }: { itemId: string; release: { title: string } }) {
  const guid = 'guid' in release && typeof release.guid === 'string' ? release.guid : undefined;
  const client = useQueryClient();
  const select = useMutation({
    mutationFn: async () => {
      const response = await fetch(`/api/items/${encodeURIComponent(itemId)}/select-release`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ guid }),
      });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => null);
        const message = body && typeof body === 'object' && 'message' in body ? String(body.message) : response.statusText;
        throw new ApiError(response.status, message);
      }
    },
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
        disabled={!guid || select.isPending}
        onClick={() => select.mutate()}
        aria-label={`Use ${release.title} instead`}
      >
        Use this
      </button>
      {select.error && <ErrorNote error={select.error} />}
    </div>
  );
}
