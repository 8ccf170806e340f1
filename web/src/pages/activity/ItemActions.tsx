import { ErrorNote } from '../../components/ErrorNote';
import { useItemAction, type ItemAction } from './queries';

const LABELS: Record<ItemAction, string> = {
  approve: 'Approve',
  reject: 'Reject',
  retry: 'Retry',
  cancel: 'Cancel',
  'search-now': 'Search now',
};

/** One click per decision; a refusal shows the API's reason under the buttons. */
export function ItemActions({ itemId, actions, name }: { itemId: string; actions: ItemAction[]; name: string }) {
  const action = useItemAction(itemId);
  return (
    <div className="stack" style={{ gap: 6 }}>
      <div className="row">
        {actions.map((a) => (
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
      </div>
      {action.error && <ErrorNote error={action.error} />}
    </div>
  );
}
