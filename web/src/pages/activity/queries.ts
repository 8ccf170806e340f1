import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { activityQuery, unidentifiedQuery } from './data';

export const useActivity = () => useQuery(activityQuery);

/** A request's items with their releases (selected and rejected, with reasons) and live step/speed. */
export const useRequestItems = (requestId: string) =>
  useQuery({
    queryKey: ['requests', requestId, 'items'],
    queryFn: () => unwrap(api.GET('/api/requests/{id}/items', { params: { path: { id: requestId } } })),
  });

export const useUnidentified = () => useQuery(unidentifiedQuery);

export { useItemAction, type ItemAction } from '../../api/item-actions';
