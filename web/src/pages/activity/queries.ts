import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

export type ItemAction = 'approve' | 'reject' | 'retry' | 'cancel' | 'search-now';

/** A person's decision on an item; a refusal (409) carries the API's reason, which the card shows. */
export function useItemAction(itemId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: ItemAction) => {
      const params = { params: { path: { id: itemId } } };
      switch (action) {
        case 'approve':
          return unwrap(api.POST('/api/items/{id}/approve', params));
        case 'reject':
          return unwrap(api.POST('/api/items/{id}/reject', { ...params, body: {} }));
        case 'retry':
          return unwrap(api.POST('/api/items/{id}/retry', params));
        case 'cancel':
          return unwrap(api.POST('/api/items/{id}/cancel', params));
        case 'search-now':
          return unwrap(api.POST('/api/items/{id}/search-now', params));
      }
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['activity'] });
      void client.invalidateQueries({ queryKey: ['requests'] });
    },
  });
}
